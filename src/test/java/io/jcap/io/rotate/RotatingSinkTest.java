package io.jcap.io.rotate;

import io.jcap.frame.Frame;
import io.jcap.io.pcap.PcapWriter;
import io.jcap.io.pcapng.PcapngWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rotating sink under a clock the test moves: when files switch, what they are
 * called, that every frame lands in exactly one complete file, and the ring's deletions.
 */
class RotatingSinkTest {
    static final Path SAMPLE = Path.of("samples", "ethernet.pcap");
    /** 2026-11-21 22:39:15 UTC. */
    static final long T0 = 1795300755_000L;

    @TempDir
    Path dir;
    long now = T0;

    private RotatingSink sink(RotationPlan plan, boolean pcap, PrintStream names) {
        return new RotatingSink(plan, out -> pcap ? new PcapWriter(out, false) : new PcapngWriter(out, "test"),
                () -> now, names);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        }
    }

    private List<Integer> counts() throws IOException {
        List<Integer> counts = new ArrayList<>();
        for (Path f : files()) {
            counts.add(Frames.read(f).size());
        }
        return counts;
    }

    /** Frames written one a second from T0 (the clock follows), through {@code sink}. */
    private List<String> feed(RotatingSink sink, int n, long stepMillis) throws IOException {
        List<Frame> frames = Frames.copies(SAMPLE);
        List<String> written = new ArrayList<>();
        sink.start();
        for (int i = 0; i < n && !sink.stopped(); i++) {
            sink.write(frames.get(i), null);
            if (!sink.stopped() || written.size() < i + 1) {
                written.add(Frames.text(frames.get(i)));
            }
            now += stepMillis;
        }
        sink.close();
        return written;
    }

    private List<String> readAll() throws IOException {
        List<String> all = new ArrayList<>();
        for (Path f : files()) {
            all.addAll(Frames.read(f));
        }
        return all;
    }

    private static RingPlan.Settings ring() {
        RingPlan.Settings s = new RingPlan.Settings();
        s.multipleFiles = true;
        return s;
    }

    @Test
    void dumpcapNames() {
        RingPlan.Settings s = ring();
        ZoneOffset utc = ZoneOffset.UTC;
        assertEquals("./x_00001_20261121223915.pcapng", new RingPlan("x.pcapng", s, utc).name(1, T0));
        assertEquals("x_00002_20261121223915", new RingPlan("x", s, utc).name(2, T0));
        assertEquals("a/b.c/x_00003_20261121223915", new RingPlan("a/b.c/x", s, utc).name(3, T0));
        assertEquals("dir/x.y_00004_20261121223915.z", new RingPlan("dir/x.y.z", s, utc).name(4, T0));
        assertEquals("/x_00005_20261121223915.pcap", new RingPlan("/x.pcap", s, utc).name(5, T0));
        assertEquals("./x_00000_20261121223915.pcap", new RingPlan("x.pcap", s, utc).name(100_000, T0));
        s.timeFirst = true;
        assertEquals("dir/x_20261121223915_00001.pcapng", new RingPlan("dir/x.pcapng", s, utc).name(1, T0));
    }

    @Test
    void durationSwitchesBeforeTheFrameThatComesLate() throws IOException {
        RingPlan.Settings s = ring();
        s.durationSeconds = 2.5;
        List<String> in = feed(sink(new RingPlan(dir + "/d.pcapng", s, ZoneOffset.UTC), false, null), 7, 1000);
        assertEquals(List.of(3, 3, 1), counts());
        assertEquals(in, readAll());
        assertEquals(List.of("d_00001_20261121223915.pcapng", "d_00002_20261121223918.pcapng",
                "d_00003_20261121223921.pcapng"), names());
    }

    @Test
    void intervalSwitchesOnMultiplesOfTheClock() throws IOException {
        RingPlan.Settings s = ring();
        s.intervalSeconds = 5;
        now = T0 - 3000; // 22:39:12: the first file ends at :15
        List<String> in = feed(sink(new RingPlan(dir + "/i", s, ZoneOffset.UTC), true, null), 10, 1000);
        assertEquals(List.of(3, 5, 2), counts());
        assertEquals(in, readAll());
    }

    @Test
    void timerMakesEmptyButCompleteFiles() throws IOException {
        RingPlan.Settings s = ring();
        s.durationSeconds = 1;
        RotatingSink sink = sink(new RingPlan(dir + "/e.pcap", s, ZoneOffset.UTC), true, null);
        sink.start();
        now += 1000;
        sink.tick();
        now += 1000;
        sink.tick();
        sink.close();
        assertEquals(List.of(0, 0, 0), counts());
        for (Path f : files()) {
            assertEquals(24, Files.size(f), f.toString());
        }
    }

    @Test
    void ringKeepsTheNewestFilesAndPrintsEachClosedName() throws IOException {
        RingPlan.Settings s = ring();
        s.packets = 10;
        s.ringFiles = 3;
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        RotatingSink sink = sink(new RingPlan(dir + "/r.pcapng", s, ZoneOffset.UTC), false,
                new PrintStream(names, true, StandardCharsets.UTF_8));
        List<String> opened = new ArrayList<>();
        sink.onOpen(opened::add);
        List<String> in = feed(sink, 55, 0);
        assertEquals(6, opened.size());
        assertEquals(dir + "/r_00006_20261121223915.pcapng", opened.get(5));
        assertEquals(List.of("r_00004_20261121223915.pcapng", "r_00005_20261121223915.pcapng",
                "r_00006_20261121223915.pcapng"), names());
        assertEquals(in.subList(30, 55), readAll());
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            expected.append(dir).append("/r_0000").append(i).append("_20261121223915.pcapng\n");
        }
        assertEquals(expected.toString(), names.toString(StandardCharsets.UTF_8));
    }

    @Test
    void autostopFilesEndsAfterTheLastFileFills() throws IOException {
        RingPlan.Settings s = ring();
        s.packets = 10;
        s.autostopFiles = 2;
        RotatingSink sink = sink(new RingPlan(dir + "/a.pcapng", s, ZoneOffset.UTC), false, null);
        List<String> in = feed(sink, 50, 0);
        assertTrue(sink.stopped());
        assertEquals(20, in.size());
        assertEquals(List.of(10, 10), counts());
        assertEquals(in, readAll());
    }

    @Test
    void filesizeSwitchesOnceTheFileHoldsThatManyThousandBytes() throws IOException {
        RingPlan.Settings s = ring();
        s.filesizeKb = 5;
        List<String> in = feed(sink(new RingPlan(dir + "/s.pcap", s, ZoneOffset.UTC), true, null), 139, 0);
        assertEquals(in, readAll());
        List<Path> files = files();
        for (Path f : files.subList(0, files.size() - 1)) {
            long size = Files.size(f);
            assertTrue(size >= 5000, f + " " + size);
            // the file was still under the limit before its last frame
            List<String> frames = Frames.read(f);
            String last = frames.get(frames.size() - 1);
            int lastRecord = 16 + Integer.parseInt(last.split(" ")[1].split("/")[0]);
            assertTrue(size - lastRecord < 5000, f + " " + size);
        }
    }

    @Test
    void autostopFilesizeWithoutRingStopsInTheOneFile() throws IOException {
        RingPlan.Settings s = new RingPlan.Settings();
        s.filesizeKb = 5;
        RotatingSink sink = sink(new RingPlan(dir + "/one.pcapng", s, ZoneOffset.UTC), false, null);
        List<String> in = feed(sink, 139, 0);
        assertTrue(sink.stopped());
        assertEquals(List.of(dir.resolve("one.pcapng")), files());
        assertEquals(in, readAll());
        assertTrue(Files.size(files().get(0)) >= 5000);
        assertTrue(in.size() < 139);
    }

    @Test
    void filesAreOwnerOnly() throws IOException {
        RingPlan.Settings s = ring();
        s.packets = 50;
        feed(sink(new RingPlan(dir + "/m.pcapng", s, ZoneOffset.UTC), false, null), 139, 0);
        for (Path f : files()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
    }

    @Test
    void tcpdumpRotateSecondsWithFileCountStops() throws IOException {
        RotatingSink sink = sink(new TcpdumpPlan(dir + "/g_%H%M%S", 0, 10, 2, ZoneOffset.UTC), true, null);
        List<String> in = feed(sink, 10, 5000);
        assertTrue(sink.stopped());
        assertEquals("Maximum file limit reached: 2", sink.limitNote());
        assertEquals(List.of("g_223915", "g_223925"), names());
        assertEquals(List.of(2, 2), counts());
        assertEquals(in.subList(0, 4), readAll());
    }

    @Test
    void tcpdumpRotateSecondsAndSizeNumbering() throws IOException {
        // -G with -C -W: each time window starts again at 0, numbered with -W's digits
        RotatingSink sink = sink(new TcpdumpPlan(dir + "/h%M", 3000, 60, 12, ZoneOffset.UTC), true, null);
        List<String> in = feed(sink, 139, 1000);
        assertEquals(in, readAll());
        assertTrue(names().containsAll(List.of("h3900", "h3901", "h4000", "h4100")), names().toString());
        assertFalse(names().contains("h39"));
    }

    @Test
    void strftime() {
        assertEquals("2026-11-21_22:39:15 %x 325 Sat Nov 1795300755 %",
                Strftime.format("%F_%T %x %j %a %b %s %%", T0 / 1000, ZoneOffset.UTC));
    }

    @Test
    void notStartedSinkHasNoName() {
        RotatingSink sink = sink(new TcpdumpPlan(dir + "/n", 1, 0, 0, ZoneOffset.UTC), true, null);
        assertNull(sink.currentName());
        assertFalse(sink.stopped());
    }

    private List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path f : files()) {
            names.add(f.getFileName().toString());
        }
        return names;
    }
}
