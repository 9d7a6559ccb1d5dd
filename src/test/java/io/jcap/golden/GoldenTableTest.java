package io.jcap.golden;

import io.jcap.cli.JcapRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.jcap.golden.GoldenList.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden table: every line {@code name capture options...} of
 * src/test/resources/golden/TESTLIST runs {@code jcap OPTIONS -r CAPTURE} (in UTC, from the
 * repository root) and compares stdout byte for byte with {@code <name>.out}, tshark's output
 * for the same command line (make-golden.sh there regenerates them).
 */
class GoldenTableTest {
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    static List<Row> rows() throws IOException {
        return GoldenList.read(DIR.resolve("TESTLIST"));
    }

    static Stream<Arguments> table() throws IOException {
        return rows().stream().map(Arguments::of);
    }

    private static TimeZone savedZone;

    @BeforeAll
    static void utc() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void golden(Row row) throws IOException {
        Path expectedFile = DIR.resolve(row.name() + ".out");
        assertTrue(Files.exists(expectedFile), expectedFile + " is missing: run " + DIR.resolve("make-golden.sh"));
        byte[] expected = Files.readAllBytes(expectedFile);
        JcapRun r = JcapRun.of(row.args());
        if (!Arrays.equals(expected, r.stdoutBytes())) {
            String diff = TextDiff.firstDifference(new String(expected, StandardCharsets.UTF_8), r.stdout());
            fail("golden " + row.name() + " (TESTLIST line " + row.line() + "): " + r.commandLine()
                    + " differs from tshark's output " + expectedFile + "\n"
                    + (diff == null ? "(bytes differ but not as text)\n" : diff)
                    + "exit status " + r.status() + (r.stderr().isEmpty() ? "" : ", stderr:\n" + r.stderr()));
        }
        assertArrayEquals(expected, r.stdoutBytes());
        assertFalse(r.stderrHasStackTrace(), r::toString);
    }

    @Test
    void tableIsWellFormed() throws IOException {
        List<Row> rows = rows();
        assertFalse(rows.isEmpty(), "TESTLIST is empty");
        Set<String> names = new HashSet<>();
        for (Row r : rows) {
            assertTrue(names.add(r.name()), "duplicate name " + r.name() + " at TESTLIST line " + r.line());
            assertTrue(r.name().matches("[A-Za-z0-9._-]+"), "name " + r.name() + " is not a plain file name");
            assertTrue(Files.isRegularFile(Path.of(r.capture())), "TESTLIST line " + r.line() + ": no capture "
                    + r.capture() + " (paths are relative to the repository root)");
        }
        // every .out belongs to a row: stale goldens would hide a removed test
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".out")).toList()) {
                String n = p.getFileName().toString();
                assertTrue(names.contains(n.substring(0, n.length() - 4)), p + " has no TESTLIST row");
            }
        }
    }
}
