package io.jcap.filter;

import io.jcap.cli.JcapRun;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The display filter table: every expression of src/test/resources/filters/expressions.txt
 * selects, in each sample, the number of frames tshark 4.0 selects (TABLE), or is rejected
 * with tshark's error text and exit status 2 (REJECTS). Both files come from tshark
 * itself (make-table.sh).
 */
class TsharkFilterTableTest {
    private static final Path DIR = Path.of("src", "test", "resources", "filters");
    private static final String[] SAMPLES = {"samples/ethernet.pcap", "samples/mixed.pcapng", "samples/any.pcap"};

    @TestFactory
    Stream<DynamicTest> selectsWhatTsharkSelects() throws IOException {
        List<String[]> rows = rows("TABLE");
        assertTrue(rows.size() >= 300, "at least 300 accepted expressions, found " + rows.size());
        return rows.stream().map(r -> DynamicTest.dynamicTest(r[0], () -> {
            for (int i = 0; i < SAMPLES.length; i++) {
                JcapRun run = JcapRun.of("-n", "-r", SAMPLES[i], "-Y", r[0], "-T", "fields", "-e", "frame.number");
                assertEquals(0, run.status(), run::toString);
                assertFalse(run.stderrHasStackTrace(), run::toString);
                long frames = run.stdout().lines().filter(l -> !l.isEmpty()).count();
                assertEquals(Long.parseLong(r[i + 1]), frames, SAMPLES[i] + ": " + r[0]);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> rejectsWhatTsharkRejects() throws IOException {
        List<String[]> rows = rows("REJECTS");
        assertTrue(rows.size() >= 40, "at least 40 rejected expressions, found " + rows.size());
        return rows.stream().map(r -> DynamicTest.dynamicTest(r[0], () -> {
            JcapRun run = JcapRun.of("-n", "-r", SAMPLES[0], "-Y", r[0]);
            assertEquals(2, run.status(), run::toString);
            assertEquals("", run.stdout(), run::toString);
            assertEquals(r[1].replace("\\n", "\n"), run.stderr().stripTrailing(), r[0]);
        }));
    }

    /** The rows of a table: tab-separated, '#' lines are comments; the expression keeps its spaces. */
    static List<String[]> rows(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(name), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }
}
