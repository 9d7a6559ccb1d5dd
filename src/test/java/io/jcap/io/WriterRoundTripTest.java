package io.jcap.io;

import io.jcap.cli.ExternalTool;
import io.jcap.cli.JcapRun;
import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.golden.TextDiff;
import io.jcap.io.rotate.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code jcap -r IN -w OUT}: the written file, read back by jcap, tshark and tcpdump, gives
 * the same output as the input did. tshark and tcpdump checks are skipped when the tool is
 * not on PATH.
 */
class WriterRoundTripTest {
    static final Path FORMATS = Path.of("src", "test", "resources", "formats");
    static final byte[] PCAP_LE_US = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1};
    static final byte[] PCAP_LE_NS = {0x4d, 0x3c, (byte) 0xb2, (byte) 0xa1};
    static final byte[] PCAPNG_SHB = {0x0a, 0x0d, 0x0d, 0x0a};

    /** How the output is asked for. */
    enum Mode {
        DEFAULT(null, "pcapng"), PCAPNG("pcapng", "pcapng"), PCAP("pcap", "pcap"), NSECPCAP("nsecpcap", "pcap"),
        /** -w - : pcapng on standard output. */
        STDOUT(null, "pcapng");

        final String fileType;
        final String extension;

        Mode(String fileType, String extension) {
            this.fileType = fileType;
            this.extension = extension;
        }
    }

    /** An input capture and the decimal digits of its time stamps. */
    record Input(String path, int precision) {
        @Override
        public String toString() {
            return path;
        }
    }

    static final List<Input> INPUTS = List.of(
            new Input("samples/ethernet.pcap", 6),
            new Input("samples/ethernet-ns.pcap", 9),
            new Input("samples/mixed.pcapng", 9),        // two interfaces, both Ethernet
            new Input("samples/any.pcap", 6),            // Linux cooked (SLL)
            new Input(FORMATS + "/pcap-be-ns.pcap", 9),
            new Input(FORMATS + "/pcapng-sections.pcapng", 6),
            new Input(FORMATS + "/pcapng-tsoffset.pcapng", 6),
            new Input(FORMATS + "/pcapng-tsresol-ns.pcapng", 9),
            new Input(FORMATS + "/pcapng-opb.pcapng", 6),
            new Input(FORMATS + "/pcapng-skip-nocb.pcapng", 6),
            new Input(FORMATS + "/pcapng-options.pcapng", 6),
            new Input(FORMATS + "/user0-linktype.pcap", 6),
            new Input(FORMATS + "/pcap.pcap.gz", 6));

    /** Every input in every mode, except nanosecond pcap for µs inputs (it shows 9 digits: not the same summary). */
    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (Input in : INPUTS) {
            for (Mode m : Mode.values()) {
                if (m == Mode.NSECPCAP && in.precision() != 9) {
                    continue;
                }
                list.add(Arguments.of(in, m));
            }
        }
        return list.stream();
    }

    /** Modes whose file tshark and tcpdump read; PCAPNG and STDOUT must be byte-identical to DEFAULT. */
    static Stream<Arguments> toolCases() {
        return cases().filter(a -> a.get()[1] != Mode.PCAPNG && a.get()[1] != Mode.STDOUT);
    }

    /** Writing pcap (µs) from a nanosecond source drops the last 3 digits: compare at µs. */
    static boolean lossy(Input in, Mode m) {
        return m == Mode.PCAP && in.precision() == 9;
    }

    // ------------------------------------------------------------------ helpers

    static String[] writeArgs(String in, Mode m, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        args.addAll(List.of("-r", in));
        if (m.fileType != null) {
            args.addAll(List.of("-F", m.fileType));
        }
        args.addAll(List.of("-w", m == Mode.STDOUT ? "-" : out));
        return args.toArray(String[]::new);
    }

    /** Runs jcap -r IN [-F type] -w OUT (or -w -) and returns the written file. */
    static Path write(Input in, Mode m, Path dir) throws IOException {
        Path out = dir.resolve("out-" + m.name().toLowerCase() + "." + m.extension);
        JcapRun r = JcapRun.of(writeArgs(in.path(), m, out.toString()));
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.stderr(), r::toString);
        if (m == Mode.STDOUT) {
            Files.write(out, r.stdoutBytes());
        } else {
            assertEquals(0, r.stdoutBytes().length, "nothing on stdout when writing a file");
        }
        byte[] magic = new byte[4];
        System.arraycopy(Files.readAllBytes(out), 0, magic, 0, 4);
        assertArrayEquals(m == Mode.PCAP ? PCAP_LE_US : m == Mode.NSECPCAP ? PCAP_LE_NS : PCAPNG_SHB, magic,
                "file magic of " + m);
        return out;
    }

    /** Time column truncated to µs (tshark truncates when it shows fewer digits) and blanks collapsed. */
    static String atMicroseconds(String summary) {
        return summary.lines()
                .map(l -> l.replaceFirst("^(\\s*\\d+\\s+\\d+\\.\\d{6})\\d{3}\\b", "$1"))
                .map(l -> l.trim().replaceAll(" +", " "))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    static void assertSameText(String what, String expected, String actual) {
        String diff = TextDiff.firstDifference(expected, actual);
        if (diff != null) {
            fail(what + ":\n" + diff);
        }
    }

    private static final Map<List<String>, ExternalTool.Result> INPUT_RUNS = new ConcurrentHashMap<>();

    /** A tool run on an input file, cached: the inputs do not change during the run. */
    static ExternalTool.Result onInput(String... command) {
        return INPUT_RUNS.computeIfAbsent(List.of(command), c -> ExternalTool.run(null, command));
    }

    static byte[] bytes(Frame f) {
        byte[] b = new byte[f.capturedLength];
        f.data.getBytes(f.offset, b);
        return b;
    }

    // ------------------------------------------------------------------ round trips

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void jcapReadsBackTheSameSummary(Input in, Mode m, @TempDir Path dir) throws IOException {
        Path out = write(in, m, dir);
        if (lossy(in, m)) {
            JcapRun before = JcapRun.of("-n", "-t", "e", "-r", in.path());
            JcapRun after = JcapRun.of("-n", "-t", "e", "-r", out.toString());
            assertEquals(0, after.status(), after::toString);
            assertSameText("jcap -t e, at µs", atMicroseconds(before.stdout()), atMicroseconds(after.stdout()));
        } else {
            JcapRun before = JcapRun.of("-n", "-r", in.path());
            JcapRun after = JcapRun.of("-n", "-r", out.toString());
            assertEquals(0, after.status(), after::toString);
            assertEquals("", after.stderr());
            assertSameText("jcap -n -r OUT vs IN", before.stdout(), after.stdout());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void framesSurviveExceptForTheTimeResolution(Input in, Mode m, @TempDir Path dir) throws IOException {
        Path out = write(in, m, dir);
        List<Frame> before = Frames.copies(Path.of(in.path()));
        List<Frame> after = Frames.copies(out);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            Frame b = before.get(i);
            Frame a = after.get(i);
            String at = "frame " + (i + 1);
            assertEquals(b.seconds, a.seconds, at);
            assertEquals(lossy(in, m) ? b.nanos / 1000 * 1000 : b.nanos, a.nanos, at);
            assertEquals(b.capturedLength, a.capturedLength, at);
            assertEquals(b.originalLength, a.originalLength, at);
            assertEquals(b.linkType, a.linkType, at);
            assertArrayEquals(bytes(b), bytes(a), at);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"samples/ethernet.pcap", "samples/mixed.pcapng", "samples/any.pcap"})
    void pcapngAndStdoutAreTheDefault(String in, @TempDir Path dir) throws IOException {
        Input input = new Input(in, 0);
        byte[] def = Files.readAllBytes(write(input, Mode.DEFAULT, dir));
        assertArrayEquals(def, Files.readAllBytes(write(input, Mode.PCAPNG, dir)), "-F pcapng");
        assertArrayEquals(def, Files.readAllBytes(write(input, Mode.STDOUT, dir)), "-w -");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("toolCases")
    void tsharkReadsTheOutput(Input in, Mode m, @TempDir Path dir) throws IOException {
        assumeTrue(ExternalTool.onPath("tshark"), "tshark is not on PATH");
        Path out = write(in, m, dir);
        String[] time = lossy(in, m) ? new String[]{"-t", "e"} : new String[0];
        ExternalTool.Result before = onInput(concat(new String[]{"tshark", "-n"}, time, new String[]{"-r", in.path()}));
        assertEquals(0, before.status(), before::toString);
        ExternalTool.Result after = ExternalTool.run(null,
                concat(new String[]{"tshark", "-n"}, time, new String[]{"-r", out.toString()}));
        assertEquals(0, after.status(), after::toString);
        assertEquals("", after.stderr(), after::toString);
        if (lossy(in, m)) {
            assertSameText("tshark -t e, at µs", atMicroseconds(before.stdout()), atMicroseconds(after.stdout()));
        } else {
            assertSameText("tshark -n -r OUT vs IN", before.stdout(), after.stdout());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void tcpdumpReadsTheOutput(Input in, Mode m, @TempDir Path dir) throws IOException {
        assumeTrue(ExternalTool.onPath("tcpdump"), "tcpdump is not on PATH");
        ExternalTool.Result before = onInput("tcpdump", "-n", "-r", in.path());
        // tcpdump cannot read everything jcap reads (gzip; a second pcapng section in the other byte order)
        assumeTrue(before.status() == 0, () -> "tcpdump cannot read the input: " + before.stderr());
        Path out = write(in, m, dir);
        ExternalTool.Result after = ExternalTool.run(null, "tcpdump", "-n", "-r", out.toString());
        assertEquals(0, after.status(), after::toString);
        // tcpdump shows µs whatever the file holds, so even -F pcap of a ns capture compares exactly
        assertSameText("tcpdump -n -r OUT vs IN", before.stdout(), after.stdout());
    }

    static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    // ------------------------------------------------------------------ special cases

    /** SPBs have no time: tshark writes them as EPBs with time 0, and so does jcap. */
    @Test
    void simplePacketBlocksAreWrittenWithTimeZero(@TempDir Path dir) throws IOException {
        Input in = new Input(FORMATS + "/pcapng-spb.pcapng", 6);
        Path out = write(in, Mode.DEFAULT, dir);
        List<Frame> frames = Frames.copies(out);
        assertEquals(6, frames.size());
        for (Frame f : frames) {
            assertTrue(f.hasTime);
            assertEquals(0, f.seconds);
            assertEquals(0, f.nanos);
        }
        assumeTrue(ExternalTool.onPath("tshark"), "tshark is not on PATH");
        Path theirs = dir.resolve("tshark.pcapng");
        ExternalTool.Result w = ExternalTool.run(null, "tshark", "-r", in.path(), "-w", theirs.toString());
        assertEquals(0, w.status(), w::toString);
        ExternalTool.Result expected = ExternalTool.run(null, "tshark", "-n", "-r", theirs.toString());
        ExternalTool.Result actual = ExternalTool.run(null, "tshark", "-n", "-r", out.toString());
        assertEquals(0, actual.status(), actual::toString);
        assertSameText("tshark on jcap's vs tshark's copy", expected.stdout(), actual.stdout());
    }

    /**
     * tshark copies the interface's if_tsresol, so its copy of these files shows the same
     * summary as the original (checked: 3, 3 and 6 decimals, same relative times). jcap writes
     * µs unless the source has 9 digits: 3-decimal files come back with 6, and 2^-20 s
     * resolution rounds the relative times differently (0.169065 instead of 0.169064).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pcapng-tsresol-ms.pcapng", "pcapng-tsresol-4.pcapng", "pcapng-tsresol-bin.pcapng"})
    void pcapngKeepsTheTimeResolution(String name, @TempDir Path dir) throws IOException {
        Input in = new Input(FORMATS + "/" + name, 6);
        Path out = write(in, Mode.DEFAULT, dir);
        JcapRun before = JcapRun.of("-n", "-r", in.path());
        JcapRun after = JcapRun.of("-n", "-r", out.toString());
        assertSameText("jcap -n -r OUT vs IN", before.stdout(), after.stdout());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"empty.pcap, PCAPNG", "empty.pcap, PCAP", "header-only.pcap, PCAPNG", "header-only.pcap, PCAP",
            "header-only.pcapng, PCAPNG", "header-only.pcapng, PCAP", "header-only.pcapng, STDOUT"})
    void noPacketsStillGiveAValidFile(String name, Mode m, @TempDir Path dir) throws IOException {
        Input in = new Input(FORMATS + "/" + name, 6);
        Path out = write(in, m, dir);
        assertTrue(Files.size(out) >= (m == Mode.PCAP ? 24 : 28), "a file header at least");
        try (FrameSource s = CaptureFiles.open(out.toString())) {
            assertFalse(s.next(new Frame()));
        }
        JcapRun back = JcapRun.of("-n", "-r", out.toString());
        assertEquals(0, back.status(), back::toString);
        assertEquals("", back.stdout());
        assertEquals("", back.stderr());
        if (m == Mode.PCAP) {
            byte[] h = Files.readAllBytes(out);
            assertEquals(24, h.length);
            assertEquals(1, h[20], "link type Ethernet");
        }
        if (ExternalTool.onPath("tshark")) {
            ExternalTool.Result t = ExternalTool.run(null, "tshark", "-n", "-r", out.toString());
            assertEquals(0, t.status(), t::toString);
            assertEquals("", t.stdout());
            assertEquals("", t.stderr());
        }
        // tcpdump refuses a pcapng file without an IDB, also tshark's copy of these files
        if (m == Mode.PCAP && ExternalTool.onPath("tcpdump")) {
            ExternalTool.Result t = ExternalTool.run(null, "tcpdump", "-n", "-r", out.toString());
            assertEquals(0, t.status(), t::toString);
            assertEquals("", t.stdout());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"DEFAULT", "PCAP", "STDOUT"})
    void countLimitsTheWrittenPackets(Mode m, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("c3." + m.extension);
        JcapRun r = JcapRun.of(writeArgs("samples/ethernet.pcap", m, out.toString(), "-c", "3"));
        assertEquals(0, r.status(), r::toString);
        if (m == Mode.STDOUT) {
            Files.write(out, r.stdoutBytes());
        }
        List<Frame> written = Frames.copies(out);
        List<Frame> first = Frames.copies(Path.of("samples/ethernet.pcap")).subList(0, 3);
        assertEquals(3, written.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(bytes(first.get(i)), bytes(written.get(i)));
            assertEquals(first.get(i).nanos, written.get(i).nanos);
        }
        String summary = JcapRun.of("-n", "-r", "samples/ethernet.pcap").stdout();
        assertSameText("-c 3 copy", summary.lines().limit(3).map(l -> l + "\n").collect(Collectors.joining()),
                JcapRun.of("-n", "-r", out.toString()).stdout());
    }

    /** A damaged input: every complete packet is written, then tshark's error and status 2. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"bad-cut-record.pcap, 2", "bad-cut-header.pcap, 2", "bad-cut.pcapng, 2",
            "bad-huge-record4.pcap, 3", "pcapng-bad-blocklen.pcapng, 2", "pcapng-bad-ifid.pcapng, 2"})
    void damagedInputWritesEveryCompletePacket(String name, int packets, @TempDir Path dir) throws IOException {
        for (Mode m : List.of(Mode.DEFAULT, Mode.PCAP, Mode.STDOUT)) {
            Path out = dir.resolve(m + "." + m.extension);
            String in = FORMATS + "/" + name;
            JcapRun r = JcapRun.of(writeArgs(in, m, out.toString()));
            assertEquals(2, r.status(), r::toString);
            String expectedErr = Files.readString(FORMATS.resolve(name + ".stderr"))
                    .replaceFirst("^tshark:", "jcap:").replace("\"" + name + "\"", "\"" + in + "\"");
            assertEquals(expectedErr, r.stderr());
            if (m == Mode.STDOUT) {
                Files.write(out, r.stdoutBytes());
            } else {
                assertEquals(0, r.stdoutBytes().length);
            }
            List<Frame> written = Frames.copies(out);
            List<Frame> reference = Frames.copies(FORMATS.resolve("pcap-le-us.pcap"));
            assertEquals(packets, written.size(), m + ": complete packets written");
            for (int i = 0; i < packets; i++) {
                assertArrayEquals(bytes(reference.get(i)), bytes(written.get(i)));
            }
            if (m == Mode.DEFAULT && ExternalTool.onPath("tshark")) {
                ExternalTool.Result t = ExternalTool.run(null, "tshark", "-n", "-r", out.toString());
                assertEquals(0, t.status(), t::toString);
                assertEquals(packets, t.stdout().lines().count());
            }
        }
    }

    // ------------------------------------------------------------------ output errors

    static final String NO_DIR = "/nonexistent/dir/x.pcapng";

    /** What works now: status 2, nothing on stdout, a one-line message naming the file, no stack trace. */
    @Test
    void unwritableOutputFails() {
        JcapRun r = JcapRun.of("-r", "samples/ethernet.pcap", "-w", NO_DIR);
        assertEquals(2, r.status(), r::toString);
        assertEquals(0, r.stdoutBytes().length);
        assertTrue(r.stderr().startsWith("jcap: ") && r.stderr().contains(NO_DIR), r::toString);
        assertEquals(1, r.stderr().lines().count(), r::toString);
        assertFalse(r.stderrHasStackTrace(), r::toString);
        assertFalse(Files.exists(Path.of(NO_DIR)));
    }

    /** tshark 4.0.17's wording (wiretap's cfile_dump_open_failure_message): checked by running it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            NO_DIR + " | jcap: The path to the file \"" + NO_DIR + "\" doesn't exist.",
            "src/test/resources | jcap: \"src/test/resources\" is a directory (folder), not a file."})
    void unwritableOutputMessage(String path, String message) {
        JcapRun r = JcapRun.of("-r", "samples/ethernet.pcap", "-w", path);
        assertEquals(2, r.status());
        assertEquals(message + "\n", r.stderr());
    }

    /** As a user without write permission (tshark checked with setpriv as uid 65534). */
    @Test
    void outputWithoutPermission(@TempDir Path dir) throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeFalse(Files.isWritable(ro), "this user may write into a read-only directory");
        String out = ro.resolve("x.pcapng").toString();
        JcapRun r = JcapRun.of("-r", "samples/ethernet.pcap", "-w", out);
        assertEquals(2, r.status());
        assertEquals("jcap: You don't have permission to create or write to the file \"" + out + "\".\n", r.stderr());
    }

    /**
     * pcap holds one link type. When the interfaces of a pcapng capture (all IDBs ahead of the
     * packets, as mergecap writes them) have different link types, tshark refuses to write pcap
     * before writing anything, even with -c 3 where all 3 packets are Ethernet: "tshark: The
     * capture file being read can't be written as a "pcap" file.", status 2, no output file.
     */
    @Test
    void pcapCannotHoldTwoLinkTypes(@TempDir Path dir) throws IOException {
        Path two = twoLinkTypes(dir, true);
        Path out = dir.resolve("out.pcap");
        JcapRun r = JcapRun.of("-r", two.toString(), "-F", "pcap", "-w", out.toString());
        assertEquals(2, r.status(), r::toString);
        assertEquals("jcap: The capture file being read can't be written as a \"pcap\" file.\n", r.stderr());
    }

    /**
     * When the second interface's IDB comes after the first packet, tshark writes frame 1 and
     * stops at frame 2 with wiretap's WTAP_ERR_ENCAP_PER_PACKET_UNSUPPORTED text, status 2.
     */
    @Test
    void pcapStopsAtTheFirstFrameOfAnotherLinkType(@TempDir Path dir) throws IOException {
        Path two = twoLinkTypes(dir, false);
        Path out = dir.resolve("out.pcap");
        JcapRun r = JcapRun.of("-r", two.toString(), "-F", "pcap", "-w", out.toString());
        assertEquals(2, r.status(), r::toString);
        assertEquals("jcap: Frame 2 of file \"" + two + "\" has a network type that differs from the network type"
                + " of earlier packets, which isn't supported in a \"Wireshark/tcpdump/... - pcap\" file.\n", r.stderr());
        assertEquals(1, Frames.copies(out).size());
    }

    /** The same files as pcapng are fine: both interfaces are kept. */
    @ParameterizedTest(name = "IDBs first: {0}")
    @ValueSource(booleans = {true, false})
    void pcapngHoldsTwoLinkTypes(boolean idbsFirst, @TempDir Path dir) throws IOException {
        Path two = twoLinkTypes(dir, idbsFirst);
        Path out = dir.resolve("out.pcapng");
        JcapRun r = JcapRun.of("-r", two.toString(), "-w", out.toString());
        assertEquals(0, r.status(), r::toString);
        String summary = JcapRun.of("-n", "-r", two.toString()).stdout();
        assertEquals(6, summary.lines().count());
        assertSameText("two link types", summary, JcapRun.of("-n", "-r", out.toString()).stdout());
        if (ExternalTool.onPath("tshark")) {
            ExternalTool.Result a = ExternalTool.run(null, "tshark", "-n", "-r", two.toString());
            ExternalTool.Result b = ExternalTool.run(null, "tshark", "-n", "-r", out.toString());
            assertEquals(0, b.status(), b::toString);
            assertSameText("tshark on the copy", a.stdout(), b.stdout());
        }
    }

    /**
     * A little-endian pcapng file with an Ethernet (0) and a Linux SLL (1) interface and frames
     * of both, interleaved: the first 3 of ethernet.pcap and of any.pcap. The IDBs come first,
     * or the SLL one right after the first packet.
     */
    static Path twoLinkTypes(Path dir, boolean idbsFirst) throws IOException {
        List<Frame> eth = Frames.copies(Path.of("samples/ethernet.pcap")).subList(0, 3);
        List<Frame> sll = Frames.copies(Path.of("samples/any.pcap")).subList(0, 3);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(block(0x0A0D0D0A, le(0x1A2B3C4D, 1 | (0 << 16), -1, -1)));
        b.write(block(1, le(1, 262144)));
        if (idbsFirst) {
            b.write(block(1, le(113, 262144)));
        }
        for (int i = 0; i < 3; i++) {
            b.write(epb(0, eth.get(i)));
            if (i == 0 && !idbsFirst) {
                b.write(block(1, le(113, 262144)));
            }
            b.write(epb(1, sll.get(i)));
        }
        Path p = dir.resolve("two-link-types-" + (idbsFirst ? "idbs-first" : "late-idb") + ".pcapng");
        try (OutputStream o = Files.newOutputStream(p)) {
            b.writeTo(o);
        }
        return p;
    }

    static byte[] le(int... words) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(4 * words.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            bb.putInt(w);
        }
        return bb.array();
    }

    static byte[] block(int type, byte[] body) {
        int padded = (body.length + 3) & ~3;
        int total = 12 + padded;
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(total).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.putInt(type).putInt(total).put(body);
        bb.position(8 + padded);
        bb.putInt(total);
        return bb.array();
    }

    static byte[] epb(int ifid, Frame f) {
        long us = f.seconds * 1_000_000L + f.nanos / 1000;
        byte[] head = le(ifid, (int) (us >>> 32), (int) us, f.capturedLength, f.originalLength);
        byte[] body = new byte[head.length + f.capturedLength];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes(f), 0, body, head.length, f.capturedLength);
        return block(6, body);
    }
}
