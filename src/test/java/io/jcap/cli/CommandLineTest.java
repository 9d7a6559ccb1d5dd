package io.jcap.cli;

import io.jcap.io.CaptureFileException;
import io.jcap.io.CaptureFileException.Kind;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * tshark's wording and exit status for command lines it refuses. Each expected text was
 * taken from tshark 4.0.17 ("tshark:" read as "jcap:", "Usage: tshark" as "Usage: jcap"), and
 * {@link #tsharkStillSaysSo} checks the table against the tshark on PATH. When tshark adds its
 * usage text after the message, only the first lines are compared: the usage text differs.
 */
class CommandLineTest {
    static final String SAMPLE = "samples/ethernet.pcap";
    static final String USAGE = "Usage: jcap [options] ...";

    /**
     * One refused command line.
     *
     * @param lines the first lines of stderr; {@code whole}: stderr is exactly these lines
     */
    record Case(String name, List<String> args, int status, List<String> lines, boolean whole) {
        @Override
        public String toString() {
            return name;
        }

        String[] argv() {
            return args.toArray(String[]::new);
        }
    }

    static Case exact(String name, List<String> args, int status, String... lines) {
        return new Case(name, args, status, List.of(lines), true);
    }

    static Case prefix(String name, List<String> args, int status, String... lines) {
        return new Case(name, args, status, List.of(lines), false);
    }

    static final Case UNKNOWN_SHORT = prefix("unknown option -Z", List.of("-Z"), 1,
            "jcap: unrecognized option: Z", "", USAGE);
    static final Case UNKNOWN_LONG = prefix("unknown option --bogus", List.of("--bogus", "-r", SAMPLE), 1,
            "jcap: unrecognized option: bogus", "", USAGE);
    static final Case COUNT_ABC = exact("-c abc", List.of("-c", "abc", "-r", SAMPLE), 1,
            "jcap: The specified packet count \"abc\" isn't a decimal number");
    static final Case COUNT_1X = exact("-c 1x", List.of("-c", "1x", "-r", SAMPLE), 1,
            "jcap: The specified packet count \"1x\" isn't a decimal number");
    static final Case COUNT_ZERO = exact("-c 0", List.of("-c", "0", "-r", SAMPLE), 1,
            "jcap: The specified packet count is zero");
    static final Case COUNT_NEGATIVE = exact("-c -5", List.of("-c", "-5", "-r", SAMPLE), 1,
            "jcap: The specified packet count \"-5\" is a negative number");
    static final Case SECONDS_X = exact("-u x", List.of("-u", "x", "-r", SAMPLE), 1,
            "jcap: Invalid seconds type \"x\"; it must be one of:",
            "\t\"s\"   for seconds",
            "\t\"hms\" for hours, minutes and seconds");
    static final Case TIME_X = exact("-t x", List.of("-t", "x", "-r", SAMPLE), 1,
            "jcap: Invalid time stamp type \"x\"; it must be one of:",
            "\t\"a\"    for absolute",
            "\t\"ad\"   for absolute with YYYY-MM-DD date",
            "\t\"adoy\" for absolute with YYYY/DOY date",
            "\t\"d\"    for delta",
            "\t\"dd\"   for delta displayed",
            "\t\"e\"    for epoch",
            "\t\"r\"    for relative",
            "\t\"u\"    for absolute UTC",
            "\t\"ud\"   for absolute UTC with YYYY-MM-DD date",
            "\t\"udoy\" for absolute UTC with YYYY/DOY date");
    /** tshark lists its ~70 writable types; jcap its own few. The list starts the same. */
    static final Case FILE_TYPE_FOO = prefix("-F foo", List.of("-F", "foo", "-r", SAMPLE), 1,
            "jcap: \"foo\" isn't a valid capture file type",
            "jcap: The available capture file types for the \"-F\" flag are:",
            "    pcap - Wireshark/tcpdump/... - pcap");
    static final Case MISSING_FILE = exact("missing file", List.of("-r", "no-such-file.pcap"), 2,
            "jcap: The file \"no-such-file.pcap\" doesn't exist.");
    static final Case MISSING_FILE_IN_DIR = exact("missing file in a missing directory",
            List.of("-n", "-r", "no/such/dir/x.pcapng"), 2,
            "jcap: The file \"no/such/dir/x.pcapng\" doesn't exist.");
    static final Case DIRECTORY = exact("directory", List.of("-r", "src"), 2,
            "jcap: \"src\" is a directory (folder), not a file.");

    // command lines tshark's getopt treats specially
    static final Case MISSING_R = prefix("-r without its argument", List.of("-r"), 1,
            "jcap: option requires an argument: r", "", USAGE);
    static final Case MISSING_C = prefix("-c without its argument", List.of("-c"), 1,
            "jcap: option requires an argument: c", "", USAGE);
    static final Case MISSING_T = prefix("-t without its argument", List.of("-t"), 1,
            "jcap: option requires an argument: t", "", USAGE);
    /** tshark lists the file types after this one (and no usage). */
    static final Case MISSING_F = prefix("-F without its argument", List.of("-F"), 1,
            "jcap: option requires an argument: F",
            "jcap: The available capture file types for the \"-F\" flag are:");
    static final Case COUNT_TOO_LARGE = exact("-c 99999999999", List.of("-c", "99999999999", "-r", SAMPLE), 1,
            "jcap: The specified packet count \"99999999999\" is too large (greater than 2147483647)");
    static final Case COUNT_HUGE = exact("-c 99999999999999999999", List.of("-c", "99999999999999999999", "-r", SAMPLE),
            1, "jcap: The specified packet count \"99999999999999999999\" is too large (greater than 2147483647)");
    static final Case EMPTY_NAME = exact("-r ''", List.of("-r", ""), 2, "jcap: The file \"\" doesn't exist.");
    /** getopt takes the next word as the argument, even when it looks like an option. */
    static final Case OPTION_AS_ARGUMENT = prefix("-F -r", List.of("-F", "-r", SAMPLE), 1,
            "jcap: \"-r\" isn't a valid capture file type",
            "jcap: The available capture file types for the \"-F\" flag are:");

    static final Case DECODE_AS_TEMPLATE = prefix("-d foo", List.of("-d", "foo", "-r", SAMPLE), 1,
            "jcap: Parameter \"foo\" doesn't follow the template \"<layer_type>==<selector>,<decode_as_protocol>\"",
            "jcap: Unknown layer type -- foo",
            "jcap: Valid layer types are:");
    static final Case DECODE_AS_NO_PROTOCOL = prefix("-d tcp.port==8080", List.of("-d", "tcp.port==8080", "-r", SAMPLE), 1,
            "jcap: Parameter \"tcp.port==8080\" doesn't follow the template \"<layer_type>==<selector>,<decode_as_protocol>\"",
            "jcap: Valid protocols for layer type \"tcp.port\" are:");
    static final Case DECODE_AS_LAYER = prefix("-d tcp.prt==80,http", List.of("-d", "tcp.prt==80,http", "-r", SAMPLE), 1,
            "jcap: Unknown layer type -- tcp.prt",
            "jcap: Valid layer types are:");
    static final Case DECODE_AS_PROTOCOL = prefix("-d tcp.port==8080,nosuch",
            List.of("-d", "tcp.port==8080,nosuch", "-r", SAMPLE), 1,
            "jcap: Unknown protocol -- \"nosuch\"",
            "jcap: Valid protocols for layer type \"tcp.port\" are:");
    static final Case DECODE_AS_WRONG_TABLE = prefix("-d udp.port==53,http", List.of("-d", "udp.port==53,http", "-r", SAMPLE), 1,
            "jcap: Protocol \"http\" isn't valid for layer type \"udp.port\"",
            "jcap: Valid protocols for layer type \"udp.port\" are:");
    static final Case DECODE_AS_SELECTOR = exact("-d tcp.port==abc,http", List.of("-d", "tcp.port==abc,http", "-r", SAMPLE), 1,
            "jcap: Invalid selector number \"abc\"");
    static final Case DECODE_AS_RANGE = exact("-d tcp.port==8080-80,http",
            List.of("-d", "tcp.port==8080-80,http", "-r", SAMPLE), 1,
            "jcap: Invalid selector numeric range \"8080-80\"");

    static final Case PREF_NO_COLON = exact("-o foo", List.of("-o", "foo", "-r", SAMPLE), 1,
            "jcap: Invalid -o flag \"foo\"");
    static final Case PREF_UNKNOWN = exact("-o foo.bar:1", List.of("-o", "foo.bar:1", "-r", SAMPLE), 1,
            "jcap: -o flag \"foo.bar:1\" specifies unknown preference");

    static Stream<Case> passing() {
        return Stream.of(UNKNOWN_SHORT, UNKNOWN_LONG, COUNT_ABC, COUNT_1X, COUNT_ZERO, COUNT_NEGATIVE, SECONDS_X, TIME_X,
                FILE_TYPE_FOO, MISSING_FILE, MISSING_FILE_IN_DIR, DIRECTORY, DECODE_AS_TEMPLATE, DECODE_AS_NO_PROTOCOL,
                DECODE_AS_LAYER, DECODE_AS_PROTOCOL, DECODE_AS_WRONG_TABLE, DECODE_AS_SELECTOR, DECODE_AS_RANGE,
                PREF_NO_COLON, PREF_UNKNOWN);
    }

    static Stream<Case> all() {
        return Stream.concat(passing(), Stream.of(MISSING_R, MISSING_C, MISSING_T, MISSING_F, COUNT_TOO_LARGE,
                COUNT_HUGE, OPTION_AS_ARGUMENT, EMPTY_NAME));
    }

    static void check(Case c, int status, String stdout, String stderr, String who) {
        assertEquals(c.status(), status, () -> who + " " + c.args() + ": exit status; stderr:\n" + stderr);
        assertEquals("", stdout, () -> who + " " + c.args() + ": nothing on stdout");
        List<String> lines = stderr.lines().toList();
        if (c.whole()) {
            assertEquals(String.join("\n", c.lines()) + "\n", stderr, () -> who + " " + c.args());
        } else {
            assertTrue(lines.size() >= c.lines().size(), () -> who + " " + c.args() + ": stderr too short:\n" + stderr);
            assertEquals(c.lines(), lines.subList(0, c.lines().size()), () -> who + " " + c.args());
        }
    }

    static void checkJcap(Case c) {
        JcapRun r = JcapRun.of(c.argv());
        check(c, r.status(), r.stdout(), r.stderr(), "jcap");
        assertFalse(r.stderrHasStackTrace(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void jcapSaysWhatTsharkSays(Case c) {
        checkJcap(c);
    }

    /** The expectations of this class, against the real tshark. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void tsharkStillSaysSo(Case c) {
        assumeTrue(ExternalTool.onPath("tshark"), "tshark is not on PATH");
        List<String> cmd = new ArrayList<>(List.of("tshark"));
        cmd.addAll(c.args());
        ExternalTool.Result t = ExternalTool.run(null, cmd.toArray(String[]::new));
        String stderr = t.stderr().replaceAll("(?m)^tshark:", "jcap:").replaceAll("(?m)^Usage: tshark ", "Usage: jcap ");
        check(c, t.status(), t.stdout(), stderr, "tshark");
    }

    /** Whatever the command line, stderr never shows a Java exception or stack trace. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void neverAStackTrace(Case c) {
        JcapRun r = JcapRun.of(c.argv());
        assertFalse(r.stderrHasStackTrace(), r::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-r samples/ethernet.pcap -c", "-r", "-F", "-t", "-N", "-w", "-c", "--read-file",
            "-Q", "-r samples/ethernet.pcap -N z", "-r samples/ethernet.pcap -F", "-r samples/ethernet.pcap -t",
            "-r samples/ethernet.pcap -c 2147483648", "-r samples/ethernet.pcap -c 99999999999999999999",
            "-r /dev/null", "-r samples", "-r samples/ethernet.pcap -w /", "-r samples/ethernet.pcap -w ''",
            "-r ''", "-r src/test/resources/formats/bad-magic.pcap -w -", "-c 1 -c 2 -r samples/ethernet.pcap"})
    void neverAStackTraceOnOddCommandLines(String line) {
        String[] args = Stream.of(line.split(" ")).map(a -> a.equals("''") ? "" : a).toArray(String[]::new);
        JcapRun r = JcapRun.of(args);
        assertFalse(r.stderrHasStackTrace(), r::toString);
        if (r.status() != 0) {
            assertTrue(r.stderr().startsWith("jcap: "), r::toString);
        }
    }

    // ------------------------------------------------------------------ known bugs

    /**
     * picocli's MissingParameterException.getMissing() holds ArgSpecs whose toString() is
     * "field String io.jcap.cli.Options.readFile": jcap prints
     * "jcap: option requires an argument: field String io.jcap.cli.Options.readFile".
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("missingArgument")
    void missingArgument(Case c) {
        checkJcap(c);
    }

    static Stream<Case> missingArgument() {
        return Stream.of(MISSING_R, MISSING_C, MISSING_T, MISSING_F);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("countsTooLarge")
    void countTooLarge(Case c) {
        checkJcap(c);
    }

    static Stream<Case> countsTooLarge() {
        return Stream.of(COUNT_TOO_LARGE, COUNT_HUGE);
    }

    @Test
    void emptyFileName() {
        checkJcap(EMPTY_NAME);
    }

    /** getopt lets a later option override an earlier one: tshark -c 1 -c 2 prints 2 packets. */
    @Test
    void repeatedOptionOverrides() {
        JcapRun r = JcapRun.of("-n", "-c", "1", "-c", "2", "-r", SAMPLE);
        assertEquals(0, r.status(), r::toString);
        assertEquals(JcapRun.of("-n", "-c", "2", "-r", SAMPLE).stdout(), r.stdout());
    }

    @Test
    void tsharkLetsARepeatedOptionOverride() {
        assumeTrue(ExternalTool.onPath("tshark"), "tshark is not on PATH");
        ExternalTool.Result t = ExternalTool.run(null, "tshark", "-n", "-c", "1", "-c", "2", "-r", SAMPLE);
        assertEquals(0, t.status());
        assertEquals(2, t.stdout().lines().count());
    }

    @Test
    void optionLookingArgument() {
        checkJcap(OPTION_AS_ARGUMENT);
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Checked with tshark run as uid 65534 (setpriv) on a mode 000 file. Root reads anything: skipped. */
    @Test
    void permissionDenied(@TempDir Path dir) throws IOException {
        assumeFalse(root(), "permission checks do not apply to root");
        Path p = dir.resolve("mode000.pcap");
        Files.copy(Path.of(SAMPLE), p);
        Files.setPosixFilePermissions(p, java.util.Set.of());
        assumeFalse(Files.isReadable(p), "this user may read a mode 000 file");
        checkJcap(exact("permission denied", List.of("-r", p.toString()), 2,
                "jcap: You don't have permission to read the file \"" + p + "\"."));
    }

    /** The same wording without needing a non-root user. */
    @Test
    void permissionDeniedWording() {
        assertEquals("You don't have permission to read the file \"f.pcap\".",
                new CaptureFileException(Kind.NO_PERMISSION).describe("f.pcap"));
    }

    // ------------------------------------------------------------------ -v and -h

    @Test
    void version() {
        JcapRun r = JcapRun.of("-v");
        assertEquals(0, r.status());
        assertEquals("", r.stderr());
        assertTrue(r.stdout().startsWith("jcap " + Jcap.VERSION + " ("), r::stdout);
        // the libpcap in use, in tshark's words ("with libpcap 1.10.3 (with TPACKET_V3)")
        String libpcap = io.jcap.capture.LiveCapture.libraryVersion();
        if (libpcap != null) {
            assertTrue(r.stdout().replace('\n', ' ').contains(", with libpcap "
                    + libpcap.replaceFirst("^libpcap version ", "") + "."), r::stdout);
        }
        assertTrue(Jcap.versionText(null).replace('\n', ' ').contains(", without libpcap (no live capture)."));
        if (ExternalTool.onPath("tshark")) {
            ExternalTool.Result t = ExternalTool.run(null, "tshark", "-v");
            assertEquals(0, t.status());
            assertEquals("", t.stderr());
            assertTrue(t.stdout().startsWith("TShark (Wireshark) "), t::stdout);
        }
    }

    @Test
    void help() {
        JcapRun r = JcapRun.of("-h");
        assertEquals(0, r.status());
        assertEquals("", r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("jcap "), lines.get(0));
        assertEquals("Dump and analyze network traffic.", lines.get(1));
        assertTrue(lines.contains(USAGE), r::stdout);
        if (ExternalTool.onPath("tshark")) {
            ExternalTool.Result t = ExternalTool.run(null, "tshark", "-h");
            assertEquals(0, t.status());
            assertEquals("", t.stderr());
            List<String> tl = t.stdout().lines().toList();
            assertEquals("Dump and analyze network traffic.", tl.get(1));
            assertTrue(tl.contains("Usage: tshark [options] ..."));
        }
    }

    /** Every option jcap's -h lists is one tshark's -h lists too, spelled the same. */
    @Test
    void helpListsTsharkOptions() {
        assumeTrue(ExternalTool.onPath("tshark"), "tshark is not on PATH");
        String tshark = ExternalTool.run(null, "tshark", "-h").stdout();
        for (String line : JcapRun.of("-h").stdout().lines().toList()) {
            String l = line.strip();
            // options of jcap's own (tcpdump's -X/-XX) are marked "(jcap)"
            if (l.startsWith("-") && !l.contains("(jcap)")) {
                String option = l.split("\\s{2,}")[0];
                assertTrue(tshark.contains(option), "tshark -h has no \"" + option + "\"");
            }
        }
    }

    // ------------------------------------------------------------------ the real process: stdin and exit status

    static ExternalTool.Result main(Path stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss16m", "-cp", System.getProperty("java.class.path"), "io.jcap.cli.Main"));
        cmd.addAll(List.of(args));
        return ExternalTool.run(null, stdin, cmd.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"samples/ethernet.pcap", "samples/mixed.pcapng",
            "src/test/resources/formats/pcap.pcap.gz", "src/test/resources/formats/pcapng-sections.pcapng"})
    void standardInput(String file) {
        ExternalTool.Result r = main(Path.of(file), "-n", "-r", "-");
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.stderr());
        assertEquals(JcapRun.of("-n", "-r", file).stdout(), r.stdout());
    }

    @Test
    void exitStatusOfTheProcess() {
        assertEquals(1, main(null, "-c", "abc", "-r", SAMPLE).status());
        assertEquals(2, main(null, "-r", "no-such-file.pcap").status());
        assertEquals(0, main(null, "-c", "1", "-r", SAMPLE).status());
        ExternalTool.Result cut = main(Path.of("src/test/resources/formats/bad-cut-record.pcap"), "-n", "-r", "-");
        assertEquals(2, cut.status(), cut::toString);
        assertEquals(2, cut.stdout().lines().count());
        assertFalse(JcapRun.hasStackTrace(cut.stderr()), cut::toString);
    }

    /** tshark calls standard input "The standard input" where a file is "The file \"F\"" (checked). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("standardInputErrors")
    void standardInputErrorWording(String file, String message) {
        ExternalTool.Result r = main(Path.of("src/test/resources/formats", file), "-n", "-r", "-");
        assertEquals(2, r.status());
        assertEquals(message, r.stderr());
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> standardInputErrors() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("bad-cut-record.pcap",
                        "jcap: The standard input appears to have been cut short in the middle of a packet.\n"),
                org.junit.jupiter.params.provider.Arguments.of("bad-cut-filehdr.pcap",
                        "jcap: The standard input appears to have been cut short in the middle of a packet or other data.\n"),
                org.junit.jupiter.params.provider.Arguments.of("bad-magic.pcap",
                        "jcap: The standard input isn't a capture file in a format TShark understands.\n"),
                org.junit.jupiter.params.provider.Arguments.of("pcapng-bad-ifid.pcapng",
                        "jcap: The standard input appears to be damaged or corrupt.\n"
                                + "(pcapng: interface index 5 is not less than section interface count 1)\n"));
    }
}
