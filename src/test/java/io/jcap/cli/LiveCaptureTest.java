package io.jcap.cli;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Live capture on real interfaces: two network namespaces joined by a veth pair, traffic
 * from ping, jcap run inside a namespace (ip netns exec), its frames checked against what
 * tcpdump captured of the same traffic. Needs root, iproute2, tcpdump and libpcap (CI
 * runs as root); the namespaces are removed afterwards, also when a test fails.
 */
@Tag("live")
class LiveCaptureTest {
    private static final long PID = ProcessHandle.current().pid();
    /** Namespace and interface names unique to this run (interface names: 15 bytes at most). */
    private static final String NS_A = "jcapA" + PID;
    private static final String NS_B = "jcapB" + PID;
    private static final String VETH_A = "jva" + PID % 100000;
    private static final String VETH_B = "jvb" + PID % 100000;
    private static final String ADDR_B = "10.213.0.2";
    private static boolean created;

    @TempDir
    Path dir;

    @BeforeAll
    static void namespaces() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "live capture tests need root");
        assumeTrue(ExternalTool.onPath("ip") && ExternalTool.onPath("tcpdump") && ExternalTool.onPath("ping"),
                "live capture tests need ip, tcpdump and ping");
        created = true;
        sh("ip", "netns", "add", NS_A);
        sh("ip", "netns", "add", NS_B);
        sh("ip", "link", "add", VETH_A, "type", "veth", "peer", "name", VETH_B);
        sh("ip", "link", "set", VETH_A, "netns", NS_A);
        sh("ip", "link", "set", VETH_B, "netns", NS_B);
        sh("ip", "-n", NS_A, "addr", "add", "10.213.0.1/24", "dev", VETH_A);
        sh("ip", "-n", NS_B, "addr", "add", ADDR_B + "/24", "dev", VETH_B);
        sh("ip", "-n", NS_A, "link", "set", VETH_A, "up");
        sh("ip", "-n", NS_B, "link", "set", VETH_B, "up");
        sh("ip", "-n", NS_B, "link", "set", "lo", "up");
    }

    @AfterAll
    static void removeNamespaces() {
        if (!created) {
            return;
        }
        // deleting a namespace deletes its end of the veth pair, and with it the other end
        ExternalTool.run(null, "ip", "netns", "del", NS_A);
        ExternalTool.run(null, "ip", "netns", "del", NS_B);
    }

    private static void sh(String... command) {
        ExternalTool.Result r = ExternalTool.run(null, command);
        assertEquals(0, r.status(), r.toString());
    }

    /** jcap's main class run in namespace B, with this test run's class path. */
    private Process jcap(Path out, Path err, String... args) throws IOException {
        return jcap(null, out, err, args);
    }

    /** The same, with the user's configuration (saved filters) in {@code config}/jcap when not null. */
    private Process jcap(Path config, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", NS_B,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "io.jcap.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        return start(cmd, out, err, config);
    }

    private static Process start(List<String> cmd, Path out, Path err) throws IOException {
        return start(cmd, out, err, null);
    }

    private static Process start(List<String> cmd, Path out, Path err, Path config) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (config != null) {
            pb.environment().put("XDG_CONFIG_HOME", config.toString());
        }
        pb.environment().put("TZ", "UTC");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return pb.start();
    }

    /**
     * tcpdump writing what it captures in namespace B on {@code iface} (an interface and
     * tcpdump's options for it) through {@code filter}, started and listening.
     */
    private Process tcpdump(Path file, Path err, String filter, List<String> iface) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", NS_B, "tcpdump", "-i"));
        cmd.addAll(iface);
        cmd.addAll(List.of("--immediate-mode", "-U", "-w", file.toString(), filter));
        Process t = start(cmd, dir.resolve("t.out"), err);
        assertTrue(await(err, "listening on", 30), text(err));
        Thread.sleep(300);
        return t;
    }

    private static String text(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** Waits until {@code file} contains {@code what}; false after {@code seconds}. */
    private static boolean await(Path file, String what, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (text(file).contains(what)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void ping(int count, String pattern) {
        sh("ip", "netns", "exec", NS_A, "ping", "-c", String.valueOf(count), "-i", "0.2", "-W", "2", "-p", pattern,
                ADDR_B);
    }

    private static int waitFor(Process p) throws InterruptedException {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("process did not stop");
        }
        return p.exitValue();
    }

    /** Traffic that a test sends until jcap shows it is capturing. */
    private interface Probe {
        void send() throws Exception;
    }

    /** Sends {@code probe} until jcap prints a line: from then on it surely captures. */
    private static void probeUntilPrinted(Path jOut, Path jErr, Probe probe) throws Exception {
        for (int i = 0; i < 40 && text(jOut).isEmpty(); i++) {
            probe.send();
        }
        assertTrue(await(jOut, "\n", 5), "jcap printed no probe: " + text(jErr));
    }

    /**
     * Stops tcpdump and jcap with SIGTERM once both delivered what they captured (immediate
     * mode: it is out of the kernel's buffer by then); jcap must exit 0.
     */
    private static void stopBoth(Process j, Path jErr, Process t) throws Exception {
        Thread.sleep(1000);
        t.destroy();
        j.destroy();
        assertEquals(0, waitFor(j), text(jErr));
        waitFor(t);
    }

    /** jcap's last frames are tcpdump's, byte for byte (jcap also has the probes). */
    private static void assertEndsWith(List<String> tFrames, List<String> jFrames, Path jErr) throws IOException {
        assertTrue(jFrames.size() >= tFrames.size(), text(jErr));
        assertEquals(tFrames, jFrames.subList(jFrames.size() - tFrames.size(), jFrames.size()));
    }

    /** Each frame as hex bytes with its original length. */
    private static List<String> frames(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (FrameSource s = CaptureFiles.open(file.toString())) {
            Frame f = new Frame();
            while (s.next(f)) {
                byte[] b = new byte[f.capturedLength];
                f.data.getBytes(f.offset, b);
                out.add(f.originalLength + ":" + HexFormat.of().formatHex(b));
            }
        }
        return out;
    }

    /**
     * jcap records (-w) and prints (-P) while tcpdump captures the same interface; SIGTERM
     * stops both. jcap is made ready first (probe pings until it prints one), so every
     * packet tcpdump saw must be jcap's last frames, byte for byte.
     */
    @Test
    void recordsWhatTcpdumpSees() throws Exception {
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        Path jFile = dir.resolve("j.pcapng");
        Process j = jcap(jOut, jErr, "-i", VETH_B, "-f", "icmp", "-w", jFile.toString(), "-P", "-l",
                "-T", "fields", "-e", "frame.number");
        Process t = null;
        try {
            assertTrue(await(jErr, "Capturing on '" + VETH_B + "'", 30), text(jErr));
            probeUntilPrinted(jOut, jErr, () -> ping(1, "aa"));
            Path tFile = dir.resolve("t.pcap");
            Path tErr = dir.resolve("t.err");
            t = tcpdump(tFile, tErr, "icmp", List.of(VETH_B));
            ping(5, "4a434150");
            stopBoth(j, jErr, t);
            List<String> jFrames = frames(jFile);
            List<String> tFrames = frames(tFile);
            assertEquals(10, tFrames.size(), text(tErr));
            assertEndsWith(tFrames, jFrames, jErr);
            int n = jFrames.size();
            assertTrue(text(jErr).endsWith("jcap: \n" + n + " packets captured\n"), text(jErr));
            // every packet captured was printed too, in order
            StringBuilder numbers = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                numbers.append(i).append('\n');
            }
            assertEquals(numbers.toString(), text(jOut));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(jFile)));
        } finally {
            j.destroyForcibly();
            if (t != null) {
                t.destroyForcibly();
            }
        }
    }

    /**
     * HTTP between the namespaces (curl in A, python3's http.server in B): jcap prints each
     * frame's request URI live (-P) while it records, and its file holds the same TCP frames
     * tcpdump captured of the same exchanges, byte for byte.
     */
    @Test
    void httpAsTcpdumpSees() throws Exception {
        assumeTrue(ExternalTool.onPath("curl") && ExternalTool.onPath("python3"), "needs curl and python3");
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        Path jFile = dir.resolve("j.pcapng");
        Path www = dir.resolve("www");
        Files.createDirectories(www);
        Files.writeString(www.resolve("hello.txt"), "hello from the namespace\n");
        Process server = start(List.of("ip", "netns", "exec", NS_B, "python3", "-m", "http.server", "8080", "--bind",
                ADDR_B, "--directory", www.toString()), dir.resolve("s.out"), dir.resolve("s.err"));
        Process j = jcap(jOut, jErr, "-i", VETH_B, "-f", "tcp port 8080", "-w", jFile.toString(), "-P", "-l",
                "-T", "fields", "-e", "http.request.uri");
        Process t = null;
        try {
            assertTrue(await(jErr, "Capturing on '" + VETH_B + "'", 30), text(jErr));
            probeUntilPrinted(jOut, jErr, () -> {
                curl("/probe");
                Thread.sleep(100);
            });
            Path tFile = dir.resolve("t.pcap");
            Path tErr = dir.resolve("t.err");
            t = tcpdump(tFile, tErr, "tcp port 8080", List.of(VETH_B));
            String body = curl("/hello.txt");
            assertEquals("hello from the namespace\n", body);
            curl("/missing.html");
            stopBoth(j, jErr, t);
            List<String> jFrames = frames(jFile);
            List<String> tFrames = frames(tFile);
            assertTrue(tFrames.size() >= 16, tFrames.size() + " frames: " + text(tErr));
            assertEndsWith(tFrames, jFrames, jErr);
            List<String> uris = Arrays.stream(text(jOut).split("\n")).filter(l -> !l.isEmpty()).toList();
            assertEquals(List.of("/hello.txt", "/missing.html"), uris.subList(uris.size() - 2, uris.size()));
            assertEquals(jFrames.size(), text(jOut).split("\n", -1).length - 1, "one printed line per frame");
        } finally {
            j.destroyForcibly();
            if (t != null) {
                t.destroyForcibly();
            }
            server.destroyForcibly();
        }
    }

    /**
     * DNS (dig in A, dnsmasq in B) and ARP (arping from A): jcap's frames against tcpdump's
     * of the same exchanges, byte for byte, and the names and ARP opcodes printed live.
     */
    @Test
    void dnsAndArpAsTcpdumpSees() throws Exception {
        assumeTrue(ExternalTool.onPath("dig") && ExternalTool.onPath("arping") && ExternalTool.onPath("dnsmasq"),
                "needs dig, arping and dnsmasq");
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        Path jFile = dir.resolve("j.pcapng");
        Process server = start(List.of("ip", "netns", "exec", NS_B, "dnsmasq", "--no-daemon", "--no-resolv",
                "--no-hosts", "--bind-interfaces", "--listen-address=" + ADDR_B, "--address=/jcap.test/" + ADDR_B,
                "--pid-file=" + dir.resolve("dnsmasq.pid")), dir.resolve("d.out"), dir.resolve("d.err"));
        Process j = jcap(jOut, jErr, "-i", VETH_B, "-f", "udp port 53 or arp", "-w", jFile.toString(), "-P", "-l",
                "-T", "fields", "-e", "dns.qry.name", "-e", "arp.opcode");
        Process t = null;
        try {
            assertTrue(await(jErr, "Capturing on '" + VETH_B + "'", 30), text(jErr));
            probeUntilPrinted(jOut, jErr, () -> dig("probe.jcap.test"));
            Path tFile = dir.resolve("t.pcap");
            Path tErr = dir.resolve("t.err");
            t = tcpdump(tFile, tErr, "udp port 53 or arp", List.of(VETH_B));
            assertEquals(ADDR_B + "\n", dig("srv.jcap.test"));
            ExternalTool.run(null, "ip", "netns", "exec", NS_A, "arping", "-c", "2", "-I", VETH_A, ADDR_B);
            stopBoth(j, jErr, t);
            List<String> jFrames = frames(jFile);
            List<String> tFrames = frames(tFile);
            assertTrue(tFrames.size() >= 6, tFrames.size() + " frames: " + text(tErr));
            assertEndsWith(tFrames, jFrames, jErr);
            String printed = text(jOut);
            assertTrue(printed.contains("srv.jcap.test\t\n"), printed);
            assertTrue(printed.contains("\t1\n") && printed.contains("\t2\n"), printed);
        } finally {
            j.destroyForcibly();
            if (t != null) {
                t.destroyForcibly();
            }
            server.destroyForcibly();
        }
    }

    /** One A query from namespace A to B's dnsmasq; the short answer. */
    private static String dig(String name) {
        return ExternalTool.run(null, "ip", "netns", "exec", NS_A, "dig", "+short", "+tries=1", "+time=1",
                "@" + ADDR_B, name).stdout();
    }

    /** One GET from namespace A; the body (empty when the request failed). */
    private static String curl(String path) {
        ExternalTool.Result r = ExternalTool.run(null, "ip", "netns", "exec", NS_A, "curl", "-s", "--max-time", "5",
                "http://" + ADDR_B + ":8080" + path);
        return r.stdout();
    }

    /** -c stops the capture by itself; the default interface is namespace B's veth (its first non-loopback). */
    @Test
    void countStopsTheCapture() throws Exception {
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        Process j = jcap(jOut, jErr, "-c", "4", "-f", "icmp", "-T", "fields", "-e", "icmp.type", "-e", "ip.dst");
        try {
            assertTrue(await(jErr, "Capturing on '" + VETH_B + "'", 30), text(jErr));
            for (int i = 0; i < 40 && j.isAlive(); i++) {
                ping(1, "aa");
            }
            assertEquals(0, waitFor(j), text(jErr));
            String out = text(jOut);
            assertTrue(out.endsWith("8\t" + ADDR_B + "\n0\t10.213.0.1\n"), out);
            assertEquals(4, out.split("\n").length, out);
            assertTrue(text(jErr).endsWith("jcap: \n4 packets captured\n"), text(jErr));
        } finally {
            j.destroyForcibly();
        }
    }

    /** -a duration ends the capture by itself; nothing matched, so the count is 0. */
    @Test
    void durationStopsTheCapture() throws Exception {
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        long start = System.nanoTime();
        assertEquals(0, waitFor(jcap(jOut, jErr, "-i", VETH_B, "-a", "duration:1", "udp port 9")), text(jErr));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(25));
        assertEquals("Capturing on '" + VETH_B + "'\njcap: \n0 packets captured\n", text(jErr));
        assertEquals("", text(jOut));
    }

    /**
     * -b duration switches files on time even when no packet comes, and -a files ends the
     * capture: each file complete (readable by tshark), named as dumpcap names them, 0600;
     * each file's name logged as tshark logs it.
     */
    @Test
    void ringSwitchesOnTimeWithoutTraffic() throws Exception {
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        Path ring = dir.resolve("ring");
        java.nio.file.Files.createDirectories(ring);
        assertEquals(0, waitFor(jcap(jOut, jErr, "-i", VETH_B, "-q", "-w", ring.resolve("r.pcapng").toString(),
                "-b", "duration:1", "-a", "files:2", "udp port 9")), text(jErr));
        List<Path> files;
        try (java.util.stream.Stream<Path> l = java.nio.file.Files.list(ring)) {
            files = l.sorted().toList();
        }
        assertEquals(2, files.size(), files::toString);
        for (int i = 0; i < 2; i++) {
            String name = files.get(i).getFileName().toString();
            assertTrue(name.matches("r_0000" + (i + 1) + "_\\d{14}\\.pcapng"), name);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(files.get(i))));
            assertTrue(text(jErr).contains("-- File: \"" + files.get(i) + "\"\n"), text(jErr));
            if (ExternalTool.onPath("capinfos")) {
                ExternalTool.Result c = ExternalTool.run(null, "capinfos", "-c", "-M", files.get(i).toString());
                assertEquals(0, c.status(), c::toString);
            }
        }
        assertTrue(text(jErr).endsWith("jcap: \n0 packets captured\n"), text(jErr));
    }

    /**
     * -i any: Linux cooked capture v1 (as tshark; tcpdump 4.99 picks v2 unless told -y LINUX_SLL),
     * the same frames as tcpdump; -F pcap with microseconds.
     */
    @Test
    void anyAsTcpdump() throws Exception {
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        Path jFile = dir.resolve("j.pcap");
        Process j = jcap(jOut, jErr, "-i", "any", "-f", "icmp", "-w", jFile.toString(), "-F", "pcap", "-P", "-l",
                "--time-stamp-precision", "micro", "-T", "fields", "-e", "sll.pkttype");
        Process t = null;
        try {
            assertTrue(await(jErr, "Capturing on 'any'", 30), text(jErr));
            probeUntilPrinted(jOut, jErr, () -> ping(1, "aa"));
            Path tFile = dir.resolve("t.pcap");
            Path tErr = dir.resolve("t.err");
            t = tcpdump(tFile, tErr, "icmp", List.of("any", "-y", "LINUX_SLL"));
            ping(3, "4a434150");
            stopBoth(j, jErr, t);
            List<String> jFrames = frames(jFile);
            List<String> tFrames = frames(tFile);
            assertEquals(6, tFrames.size(), text(tErr));
            assertEndsWith(tFrames, jFrames, jErr);
            // incoming requests (0: to us), outgoing replies (4)
            assertTrue(text(jOut).endsWith("0\n4\n0\n4\n0\n4\n"), text(jOut));
        } finally {
            j.destroyForcibly();
            if (t != null) {
                t.destroyForcibly();
            }
        }
    }

    @Test
    void listsTheNamespacesInterfaces() throws Exception {
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        assertEquals(0, waitFor(jcap(jOut, jErr, "-D")), text(jErr));
        assertTrue(text(jOut).contains(". " + VETH_B + "\n"), text(jOut));
        assertTrue(text(jOut).contains(". lo (Loopback)\n"), text(jOut));
    }

    /**
     * -f predef:NAME takes the user's saved capture filter (cfilters in ~/.config/jcap, here
     * XDG_CONFIG_HOME) and -Y a macro from the user's dfilter_macros: UDP sent before the
     * pings never reaches jcap, only the ICMP port unreachable it causes; of the pings only
     * the replies are shown. A bad line in the user's file is reported with its file and number.
     */
    @Test
    void savedCaptureFilterAndMacroByName() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config/jcap"));
        Files.writeString(config.resolve("cfilters"), "\"pings only\" icmp\nnot a filter line\n");
        Files.writeString(config.resolve("dfilter_macros"), "\"from\",\"ip.src == $1\"\n");
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        Process j = jcap(config.getParent(), jOut, jErr, "-i", VETH_B, "-f", "predef:pings only", "-l", "-c", "7",
                "-Y", "${from:" + ADDR_B + "}", "-T", "fields", "-e", "icmp.type", "-e", "ip.src");
        try {
            assertTrue(await(jErr, "Capturing on '" + VETH_B + "'", 30), text(jErr));
            Thread.sleep(500);
            sh("ip", "netns", "exec", NS_A, "bash", "-c", "echo udp > /dev/udp/" + ADDR_B + "/9");
            ping(3, "aa");
            assertEquals(0, waitFor(j), text(jErr));
            assertEquals("3\t" + ADDR_B + ",10.213.0.1\n" + ("0\t" + ADDR_B + "\n").repeat(3), text(jOut));
            assertTrue(text(jErr).startsWith("jcap: '" + config.resolve("cfilters")
                    + "' line 2 doesn't have a quoted filter name.\n"), text(jErr));
            assertTrue(text(jErr).endsWith("\n7 packets captured\n"), text(jErr));
        } finally {
            j.destroyForcibly();
        }
    }

    /** tshark's wording and status (1) for a device that does not exist and one that is down. */
    @Test
    void missingAndDownInterfaces() throws Exception {
        Path jOut = dir.resolve("j.out");
        Path jErr = dir.resolve("j.err");
        assertEquals(1, waitFor(jcap(jOut, jErr, "-i", "nosuch0", "-c", "1")));
        assertEquals("Capturing on 'nosuch0'\njcap: There is no device named \"nosuch0\".\n(No such device exists)\n\n"
                + "jcap: \n0 packets captured\n", text(jErr));
        String down = "jvd" + PID % 100000;
        sh("ip", "-n", NS_B, "link", "add", down, "type", "veth", "peer", "name", down + "p");
        assertEquals(1, waitFor(jcap(jOut, jErr, "-i", down, "-c", "1")));
        assertEquals("Capturing on '" + down + "'\njcap: Device \"" + down + "\" is not up.\n(That device is not up)\n\n"
                + "jcap: \n0 packets captured\n", text(jErr));
        assertEquals(1, waitFor(jcap(jOut, jErr, "-i", VETH_B, "-f", "no such filter", "-c", "1")));
        assertEquals("Capturing on '" + VETH_B + "'\njcap: Invalid capture filter \"no such filter\" for interface '"
                + VETH_B + "'.\n\nThat string isn't a valid capture filter (can't parse filter expression: syntax error)"
                + ".\nSee the User's Guide for a description of the capture filter syntax.\njcap: \n0 packets captured\n",
                text(jErr));
        Path missing = dir.resolve("no/such/dir/f.pcapng");
        assertEquals(1, waitFor(jcap(jOut, jErr, "-i", VETH_B, "-w", missing.toString(), "-c", "1")));
        assertEquals("Capturing on '" + VETH_B + "'\njcap: The file to which the capture would be saved (\"" + missing
                + "\") could not be opened: No such file or directory.\n\njcap: \n0 packets captured\n", text(jErr));
    }
}
