package io.jcap.cli;

import io.jcap.io.rotate.Frames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * -b, -a filesize/files and tcpdump's -C/-G/-W, on a file read with -r (jcap allows -b
 * there): names, file counts, every packet in exactly one complete file, and the
 * errors tshark 4.0 and tcpdump 4.99 give for bad values.
 */
class RecordingOptionsTest {
    static final Path SAMPLE = Path.of("samples", "ethernet.pcap");

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        }
    }

    private List<String> names() throws IOException {
        return files().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }

    private List<Integer> counts() throws IOException {
        List<Integer> counts = new ArrayList<>();
        for (Path f : files()) {
            counts.add(Frames.read(f).size());
        }
        return counts;
    }

    private List<String> readAll() throws IOException {
        List<String> all = new ArrayList<>();
        for (Path f : files()) {
            all.addAll(Frames.read(f));
        }
        return all;
    }

    private void tsharkReadsEach() throws IOException {
        if (!ExternalTool.onPath("tshark")) {
            return;
        }
        for (Path f : files()) {
            ExternalTool.Result r = ExternalTool.run(null, "tshark", "-r", f.toString(), "-T", "fields", "-e",
                    "frame.number");
            assertEquals(0, r.status(), r.toString());
            assertEquals("", r.stderr().replace(ExternalTool.ROOT_WARNING + "\n", ""), r.toString());
            assertEquals(Frames.read(f).size(), r.stdout().lines().count(), f.toString());
        }
    }

    @Test
    void packetsSplitsIntoNumberedTimedFiles() throws IOException {
        JcapRun r = JcapRun.of("-r", SAMPLE.toString(), "-w", dir + "/out.pcapng", "-b", "packets:20");
        assertEquals(0, r.status(), r.toString());
        assertEquals("", r.stderr());
        List<String> names = names();
        assertEquals(7, names.size(), names.toString());
        for (int i = 0; i < names.size(); i++) {
            assertTrue(names.get(i).matches("out_0000" + (i + 1) + "_\\d{14}\\.pcapng"), names.get(i));
        }
        assertEquals(List.of(20, 20, 20, 20, 20, 20, 19), counts());
        assertEquals(Frames.read(SAMPLE), readAll());
        for (Path f : files()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
        tsharkReadsEach();
    }

    @Test
    void ringOfThreePcapFilesKeepsTheLastPackets() throws IOException {
        JcapRun r = JcapRun.of("-r", SAMPLE.toString(), "-F", "pcap", "-w", dir + "/ring.pcap",
                "-b", "packets:20", "-b", "files:3", "-b", "nametimenum:2", "-b", "printname:stdout");
        assertEquals(0, r.status(), r.toString());
        List<String> names = names();
        assertEquals(3, names.size(), names.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(names.get(i).matches("ring_\\d{14}_0000" + (i + 5) + "\\.pcap"), names.get(i));
        }
        List<String> printed = r.stdout().lines().collect(Collectors.toList());
        assertEquals(7, printed.size(), r.stdout());
        assertEquals(files().stream().map(Path::toString).collect(Collectors.toList()), printed.subList(4, 7));
        List<String> all = Frames.read(SAMPLE);
        assertEquals(all.subList(80, all.size()), readAll());
        tsharkReadsEach();
    }

    @Test
    void eachPcapngFileDescribesItsOwnInterfaces() throws IOException {
        Path mixed = Path.of("samples", "mixed.pcapng");
        JcapRun r = JcapRun.of("-r", mixed.toString(), "-w", dir + "/m.pcapng", "-b", "packets:10");
        assertEquals(0, r.status(), r.toString());
        assertEquals(17, files().size());
        assertEquals(Frames.read(mixed), readAll());
        if (ExternalTool.onPath("tshark")) {
            List<String> names = new ArrayList<>();
            for (Path f : files()) {
                names.addAll(ExternalTool.run(null, "tshark", "-r", f.toString(), "-T", "fields", "-e",
                        "frame.interface_name").stdout().lines().collect(Collectors.toList()));
            }
            List<String> expected = ExternalTool.run(null, "tshark", "-r", mixed.toString(), "-T", "fields", "-e",
                    "frame.interface_name").stdout().lines().collect(Collectors.toList());
            assertEquals(expected, names);
        }
    }

    @Test
    void filesizeAndAutostopFiles() throws IOException {
        JcapRun r = JcapRun.of("-r", SAMPLE.toString(), "-w", dir + "/s.pcapng", "-b", "filesize:5",
                "-a", "files:3");
        assertEquals(0, r.status(), r.toString());
        assertEquals(3, files().size(), names().toString());
        List<String> all = Frames.read(SAMPLE);
        List<String> out = readAll();
        assertEquals(all.subList(0, out.size()), out);
        for (Path f : files()) {
            assertTrue(Files.size(f) >= 5000, f.toString());
        }
        tsharkReadsEach();
    }

    @Test
    void autostopFilesizeReadingAFileIsIgnoredAsTsharkDoes() throws IOException {
        JcapRun r = JcapRun.of("-r", SAMPLE.toString(), "-w", dir + "/all.pcapng", "-a", "filesize:1");
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("all.pcapng"), names());
        assertEquals(Frames.read(SAMPLE), readAll());
    }

    /** Messages and statuses of tshark 4.0 (tcpdump 4.99.3 for -C, -G, -W), prefixed as jcap's. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-b files:2|Multiple capture files requested, but the capture isn't being saved to a file.",
        "-b files:2 -w x.pcapng|Multiple capture files requested, but no maximum capture file size, duration, interval or packets were specified.",
        "-b foo:1 -w x|Multiple capture files requested, but no maximum capture file size, duration, interval or packets were specified.",
        "-b filesize:10 -w -|Multiple capture files requested, but the capture is being written to the standard output.",
        "-b filesize:0 -w x|The specified ring buffer filesize is zero",
        "-b filesize:abc -w x|The specified ring buffer filesize \"abc\" isn't a decimal number",
        "-b filesize:-5 -w x|The specified ring buffer filesize \"-5\" isn't a decimal number",
        "-b filesize:4294967296 -w x|The specified ring buffer filesize \"4294967296\" is too large (greater than -1)",
        "-b files -w x|Invalid or unknown -b arg \"files\"",
        "-b printname -w x|Invalid or unknown -b arg \"printname\"",
        "-b duration: -w x|Invalid or unknown -b arg \"duration:\"",
        "-b duration:-1 -w x|The specified ring buffer duration \"-1\" is a negative number",
        "-b interval:0 -w x|The specified ring buffer interval is zero",
        "-b interval:-1 -w x|The specified ring buffer interval \"-1\" is a negative number",
        "-b interval:99999999999 -w x|The specified ring buffer interval \"99999999999\" is too large (greater than 2147483647)",
        "-b packets:0 -w x|The specified ring buffer packet count is zero",
        "-b packets:abc -w x|The specified ring buffer packet count \"abc\" isn't a decimal number",
        "-b files:0 -w x|The specified number of ring buffer files is zero",
        "-b files:-1 -w x|The specified number of ring buffer files \"-1\" isn't a decimal number",
        "-b files:99999999999 -w x|The specified number of ring buffer files \"99999999999\" is too large (greater than -1)",
        "-b nametimenum:x -w x|The specified file name: time before num \"x\" isn't a decimal number",
        "-b nametimenum:0 -w x|The specified file name: time before num is zero",
        "-a files:2 -w x|Multiple capture files requested, but a capture isn't being done.",
        "-a filesize:0 -w x|The specified autostop filesize is zero",
        "-a filesize:-1 -w x|The specified autostop filesize \"-1\" isn't a decimal number",
        "-a filesize:4294967296 -w x|The specified autostop filesize \"4294967296\" is too large (greater than -1)",
        "-C 0 -w x|invalid file size 0",
        "-C 0.01 -w x|invalid file size 0.01",
        "-C 10k -w x|invalid file size 10k",
        "-W 0 -w x|invalid number of output files 0",
        "-W abc -w x|invalid number of output files abc",
        "-G -1 -w x|invalid number of seconds -1",
    })
    void errors(String args, String message) throws IOException {
        List<String> argv = new ArrayList<>(List.of("-r", SAMPLE.toString()));
        for (String a : args.split(" ")) {
            argv.add(a.equals("x") || a.equals("x.pcapng") ? dir.resolve(a).toString() : a);
        }
        JcapRun r = JcapRun.of(argv.toArray(String[]::new));
        assertEquals(1, r.status(), r.toString());
        assertEquals("jcap: " + message + "\n", r.stderr());
        assertEquals(List.of(), names());
    }

    /**
     * dumpcap reading the sample from a pipe (-i -) makes the same pcap files, byte for
     * byte: same splits, same numbering, same ring deletions (the time part of the names
     * aside).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-b filesize:5",
        "-b packets:20 -b files:3",
        "-a files:2 -b packets:50",
        "-b packets:20 -b nametimenum:2",
        "-b packets:50 -b printname:stdout",
    })
    void sameFilesAsDumpcap(String args) throws IOException {
        assumeTrue(ExternalTool.onPath("dumpcap"), "dumpcap is not on PATH");
        Path d = Files.createDirectory(dir.resolve("dumpcap"));
        Path j = Files.createDirectory(dir.resolve("jcap"));
        List<String> cmd = new ArrayList<>(List.of("dumpcap", "-q", "-i", "-", "-P", "-w", d + "/x.pcap"));
        cmd.addAll(Arrays.asList(args.split(" ")));
        ExternalTool.Result t = ExternalTool.run(null, SAMPLE, cmd.toArray(String[]::new));
        assumeTrue(t.status() == 0, t::toString);
        List<String> argv = new ArrayList<>(List.of("-r", SAMPLE.toString(), "-F", "pcap", "-w", j + "/x.pcap"));
        argv.addAll(Arrays.asList(args.split(" ")));
        JcapRun r = JcapRun.of(argv.toArray(String[]::new));
        assertEquals(0, r.status(), r.toString());
        // printname: each closed file's name, in the same order
        assertEquals(t.stdout().replace(d.toString(), "DIR").replaceAll("\\d{14}", "TIME"),
                r.stdout().replace(j.toString(), "DIR").replaceAll("\\d{14}", "TIME"));
        List<String> expected = listing(d);
        assertEquals(expected, listing(j));
        assertTrue(expected.size() >= 2, expected.toString());
        try (Stream<Path> s = Files.list(d)) {
            for (Path f : s.collect(Collectors.toList())) {
                String key = f.getFileName().toString().replaceAll("\\d{14}", "");
                try (Stream<Path> js = Files.list(j)) {
                    Path mine = js.filter(p -> p.getFileName().toString().replaceAll("\\d{14}", "").equals(key))
                            .findFirst().orElseThrow();
                    assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(mine), key);
                }
            }
        }
    }

    /** The files of a directory, the time in their names left out. */
    private static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString().replaceAll("\\d{14}", "TIME")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void fileThatCannotBeMade() {
        String missing = dir + "/missing/x.pcapng";
        JcapRun r = JcapRun.of("-r", SAMPLE.toString(), "-w", missing, "-b", "packets:2");
        assertEquals(1, r.status(), r.toString());
        // dumpcap's words, naming the -w file
        assertEquals("jcap: The file to which the capture would be saved (\"" + missing
                + "\") could not be opened: No such file or directory.\n", r.stderr());
        r = JcapRun.of("-r", SAMPLE.toString(), "-w", dir + "/missing/f", "-C", "1");
        assertEquals(1, r.status(), r.toString());
        // tcpdump's
        assertEquals("jcap: " + dir + "/missing/f: No such file or directory\n", r.stderr());
    }

    /** The sample repeated 80 times: 3 MB, enough for -C 1. */
    private Path big() throws IOException {
        byte[] sample = Files.readAllBytes(SAMPLE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(sample, 0, 24);
        for (int i = 0; i < 80; i++) {
            out.write(sample, 24, sample.length - 24);
        }
        Path big = Files.createTempFile("jcap-big", ".pcap");
        Files.write(big, out.toByteArray());
        return big;
    }

    /** File names and sizes as tcpdump 4.99.3 made them from the same input. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-C 1|f:1000030 f1:1000060 f2:1000496 f3:87990",
        "-C 1 -W 3|f0:87990 f1:1000060 f2:1000496",
        "-C 1 -W 11|f00:1000030 f01:1000060 f02:1000496 f03:87990",
        "-C 1 -W 1|f:87990",
        "-W 3|f:3088504",
    })
    void tcpdumpFileSize(String args, String expected) throws IOException {
        Path big = big();
        try {
            List<String> argv = new ArrayList<>(List.of("-r", big.toString(), "-F", "pcap", "-w", dir + "/f"));
            argv.addAll(Arrays.asList(args.split(" ")));
            JcapRun r = JcapRun.of(argv.toArray(String[]::new));
            assertEquals(0, r.status(), r.toString());
            List<String> got = new ArrayList<>();
            for (Path f : files()) {
                got.add(f.getFileName() + ":" + Files.size(f));
            }
            assertEquals(expected, String.join(" ", got));
            if (!args.contains("-W")) {
                List<String> all = Frames.read(big);
                assertEquals(all, readAll());
            }
            if (ExternalTool.onPath("tcpdump") && "root".equals(System.getProperty("user.name"))) {
                // the same files, byte for byte, as tcpdump's own
                Path t = Files.createDirectory(dir.resolve("tcpdump"));
                List<String> cmd = new ArrayList<>(List.of("tcpdump", "-Z", "root", "-r", big.toString(), "-w",
                        t + "/f"));
                cmd.addAll(Arrays.asList(args.split(" ")));
                ExternalTool.Result tr = ExternalTool.run(null, cmd.toArray(String[]::new));
                assertEquals(0, tr.status(), tr.toString());
                for (String entry : expected.split(" ")) {
                    String name = entry.substring(0, entry.indexOf(':'));
                    assertArrayEquals(Files.readAllBytes(t.resolve(name)), Files.readAllBytes(dir.resolve(name)), name);
                }
            }
        } finally {
            Files.deleteIfExists(big);
        }
    }

    @Test
    void tcpdumpRotateSecondsNamesTheFileWithStrftime() throws IOException {
        int year = java.time.LocalDate.now().getYear();
        JcapRun r = JcapRun.of("-r", SAMPLE.toString(), "-w", dir + "/g_%Y", "-G", "3600", "-W", "2");
        assertEquals(0, r.status(), r.toString());
        assertTrue(names().equals(List.of("g_" + year)) || names().equals(List.of("g_" + (year + 1))), names().toString());
        assertEquals(Frames.read(SAMPLE), readAll());
    }

    @Test
    void glossaryStillTakesNamedReports() {
        JcapRun r = JcapRun.of("-G", "protocols");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.stdout().lines().anyMatch(l -> l.equals("Ethernet\tEthernet\teth")), r.toString());
    }
}
