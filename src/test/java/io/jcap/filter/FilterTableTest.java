package io.jcap.filter;

import io.jcap.cli.JcapRun;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldRegistry;
import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFiles;
import io.jcap.print.RecordedLayers;
import io.jcap.proto.StandardProtocols;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The filter tables of src/test/resources/filters (make-filters.py regenerates them from
 * tshark): every filter tshark accepts selects the same frames in jcap on each sample
 * (count and CRC-32 of the frame numbers), and every filter tshark rejects is rejected
 * by jcap with the same message and exit status.
 */
class FilterTableTest {
    static final Path DIR = Path.of("src", "test", "resources", "filters");
    static final String[] SAMPLES = {"samples/ethernet.pcap", "samples/mixed.pcapng", "samples/any.pcap",
        "samples/ethernet-ns.pcap"};
    private static final Map<String, List<Frame>> FRAMES = new HashMap<>();
    private static FieldRegistry registry;

    record Accepted(String filter, String[] expected, int line) {
        @Override
        public String toString() {
            return filter;
        }
    }

    record Rejected(String filter, int status, String message, int line) {
        @Override
        public String toString() {
            return filter;
        }
    }

    static List<Accepted> accepted() throws IOException {
        List<Accepted> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] cells = l.split("\t", SAMPLES.length + 1);
            rows.add(new Accepted(cells[SAMPLES.length], java.util.Arrays.copyOf(cells, SAMPLES.length), i + 1));
        }
        return rows;
    }

    static List<Rejected> rejected() throws IOException {
        List<Rejected> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve("rejected.txt"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("filter: ")) {
                continue;
            }
            int at = i + 1;
            String filter = l.substring("filter: ".length());
            int status = Integer.parseInt(lines.get(++i).substring("status: ".length()));
            StringBuilder message = new StringBuilder();
            while (i + 1 < lines.size() && !lines.get(i + 1).isEmpty()) {
                message.append(lines.get(++i).replaceFirst("^tshark: ", "jcap: ")).append('\n');
            }
            rows.add(new Rejected(filter, status, message.toString(), at));
        }
        return rows;
    }

    @BeforeAll
    static void load() throws IOException {
        registry = StandardProtocols.engine().registry();
        for (String s : SAMPLES) {
            List<Frame> frames = new ArrayList<>();
            try (FrameSource source = CaptureFiles.open(s)) {
                Frame f = new Frame();
                while (source.next(f)) {
                    frames.add(f.copy());
                }
            }
            FRAMES.put(s, frames);
        }
    }

    /** The frames of {@code sample} that pass, recording only what the filter reads (as jcap -Y does). */
    static List<Long> select(DisplayFilter filter, String sample) {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        List<FieldDef> wanted = new ArrayList<>();
        for (FieldDef f : filter.fields()) {
            // the fields ReadJob records for a filter (protocols only tshark dissects are in no packet)
            if (DisplayFilter.inPackets(f, registry)) {
                wanted.add(f);
            }
        }
        d.recordFields(true);
        d.recordOnly(wanted.isEmpty() ? java.util.Set.of() : RecordedLayers.of(wanted, registry));
        d.trackDisplayed = true;
        List<Long> passed = new ArrayList<>();
        for (Frame f : FRAMES.get(sample)) {
            engine.dissect(f, d);
            if (filter.matches(d)) {
                passed.add(f.number);
                d.displayed(f);
            }
        }
        return passed;
    }

    static String cell(List<Long> frames) {
        CRC32 crc = new CRC32();
        for (long n : frames) {
            crc.update((n + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return frames.size() + ":" + String.format("%08x", crc.getValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void selectsWhatTsharkSelects(Accepted row) throws FilterException {
        DisplayFilter filter = DisplayFilter.compile(row.filter(), registry, ZoneOffset.UTC);
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < SAMPLES.length; i++) {
            List<Long> frames = select(filter, SAMPLES[i]);
            String got = cell(frames);
            if (!got.equals(row.expected()[i])) {
                problems.append(SAMPLES[i]).append(": tshark ").append(row.expected()[i]).append(", jcap ")
                        .append(got).append(' ').append(frames.size() > 40 ? frames.subList(0, 40) + "..." : frames)
                        .append('\n');
            }
        }
        if (problems.length() > 0) {
            fail("expected.tsv line " + row.line() + ": " + row.filter() + "\n" + problems);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWhatTsharkRejects(Rejected row) {
        JcapRun r = JcapRun.of("-n", "-r", SAMPLES[0], "-Y", row.filter());
        assertEquals(row.message(), r.stderr(), "rejected.txt line " + row.line() + ": " + row.filter());
        assertEquals(row.status(), r.status(), r::toString);
        assertEquals(0, r.stdoutBytes().length, r::toString);
    }

    @Test
    void tablesAreBigEnough() throws IOException {
        assertTrue(accepted().size() >= 300, "at least 300 accepted filters");
        assertFalse(rejected().isEmpty());
    }

    /** Every filter of FILTERS is in one of the two tables, once: they were made from it. */
    @Test
    void tablesCoverTheList() throws IOException {
        List<String> listed = new ArrayList<>();
        for (String l : Files.readAllLines(DIR.resolve("FILTERS"), StandardCharsets.UTF_8)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                listed.add(l);
            }
        }
        List<String> tabled = new ArrayList<>();
        accepted().forEach(a -> tabled.add(a.filter()));
        rejected().forEach(r -> tabled.add(r.filter()));
        assertEquals(new java.util.TreeSet<>(listed), new java.util.TreeSet<>(tabled),
                "FILTERS and the tables differ: run make-filters.py");
        assertEquals(listed.size(), tabled.size(), "a filter is in the tables twice");
    }
}
