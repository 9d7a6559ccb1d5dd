package io.jcap.print;

import io.jcap.cli.JcapRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.jcap.golden.GoldenList;
import io.jcap.golden.GoldenList.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The view goldens: every line {@code name capture options...} of
 * src/test/resources/views/VIEWLIST runs {@code jcap OPTIONS -r CAPTURE} (in UTC, from the
 * repository root) and compares stdout byte for byte with {@code <name>.out}, tshark's
 * output for the same command line (make-views.sh regenerates them). PDML's header
 * carries the time of the run, which is left out of the comparison. The hex lines of
 * -X and -XX are compared with tcpdump's (small.X.tcpdump, small.XX.tcpdump).
 */
class ViewGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "views");
    static final Path SMALL = DIR.resolve("small.pcapng");

    static List<Row> rows() throws IOException {
        return GoldenList.read(DIR.resolve("VIEWLIST"));
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

    /** The PDML header's time="..." is the time of the run. */
    static String normalize(String s) {
        return s.replaceFirst("(<pdml version=\"0\" creator=\"[^\"]*\") time=\"[^\"]*\"", "$1 time=\"\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void golden(Row row) throws IOException {
        Path expectedFile = DIR.resolve(row.name() + ".out");
        assertTrue(Files.exists(expectedFile), expectedFile + " is missing: run " + DIR.resolve("make-views.sh"));
        String expected = normalize(Files.readString(expectedFile, StandardCharsets.UTF_8));
        JcapRun r = JcapRun.of(row.args());
        String actual = normalize(r.stdout());
        if (!expected.equals(actual)) {
            String[] e = expected.split("\n", -1);
            String[] a = actual.split("\n", -1);
            int i = 0;
            while (i < e.length && i < a.length && e[i].equals(a[i])) {
                i++;
            }
            fail("view golden " + row.name() + " (VIEWLIST line " + row.line() + "): " + r.commandLine()
                    + " differs from tshark's " + expectedFile + " first at line " + (i + 1) + ":\n"
                    + "tshark: " + (i < e.length ? e[i] : "<end>") + "\n"
                    + "jcap:   " + (i < a.length ? a[i] : "<end>") + "\n"
                    + "exit status " + r.status() + (r.stderr().isEmpty() ? "" : ", stderr:\n" + r.stderr()));
        }
        assertEquals(0, r.status(), r::toString);
        assertFalse(r.stderrHasStackTrace(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-X", "-XX"})
    void tcpdumpHex(String flag) throws IOException {
        Path expectedFile = DIR.resolve("small." + flag.substring(1) + ".tcpdump");
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("\t")).collect(Collectors.toList());
        JcapRun r = JcapRun.of("-n", flag, "-r", SMALL.toString());
        List<String> lines = r.stdout().lines().toList();
        List<String> hex = lines.stream().filter(l -> l.startsWith("\t")).collect(Collectors.toList());
        assertEquals(expected, hex, "the hex lines of jcap " + flag + " are tcpdump's");
        // after each summary line: the summary lines are -T text's, in order
        List<String> summary = JcapRun.of("-n", "-r", SMALL.toString()).stdout().lines().toList();
        assertEquals(summary, lines.stream().filter(l -> !l.startsWith("\t")).toList());
        assertTrue(lines.get(1).startsWith("\t0x0000:  "), lines.get(1));
    }

    @Test
    void extensionOptionIsNotHex() {
        // -X with a key:value is tshark's extension option: no hex lines
        JcapRun r = JcapRun.of("-n", "-X", "read_format:pcapng", "-r", SMALL.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(JcapRun.of("-n", "-r", SMALL.toString()).stdout(), r.stdout());
        JcapRun attached = JcapRun.of("-n", "-Xread_format:pcapng", "-r", SMALL.toString());
        assertEquals(r.stdout(), attached.stdout());
    }

    @Test
    void clusteredAndRepeatedX() {
        String xx = JcapRun.of("-n", "-XX", "-r", SMALL.toString()).stdout();
        assertEquals(xx, JcapRun.of("-n", "-X", "-X", "-r", SMALL.toString()).stdout());
        assertEquals(xx, JcapRun.of("-nXX", "-r", SMALL.toString()).stdout());
        String x = JcapRun.of("-n", "-X", "-r", SMALL.toString()).stdout();
        assertEquals(x, JcapRun.of("-r", SMALL.toString(), "-n", "-X").stdout());
        assertFalse(x.equals(xx));
    }

    @Test
    void listIsWellFormed() throws IOException {
        List<Row> rows = rows();
        assertFalse(rows.isEmpty());
        Set<String> names = new HashSet<>();
        for (Row r : rows) {
            assertTrue(names.add(r.name()), "duplicate name " + r.name());
            assertTrue(Files.isRegularFile(Path.of(r.capture())), "no capture " + r.capture());
        }
        try (Stream<Path> s = Files.list(DIR)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".out")).toList()) {
                String n = p.getFileName().toString();
                assertTrue(names.contains(n.substring(0, n.length() - 4)), p + " has no VIEWLIST row");
            }
        }
    }
}
