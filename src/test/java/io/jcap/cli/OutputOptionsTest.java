package io.jcap.cli;

import io.jcap.cli.CommandLineTest.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.jcap.cli.CommandLineTest.SAMPLE;
import static io.jcap.cli.CommandLineTest.exact;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * -T, -e, -x, -j/-J, -S, -X, --no-duplicate-keys, -q and -w together: tshark 4.0.17's
 * refusals word for word, and which combinations print packets.
 */
class OutputOptionsTest {
    static final Case BAD_T = exact("-T foo", List.of("-T", "foo", "-r", SAMPLE), 1,
            "jcap: Invalid -T parameter \"foo\"; it must be one of:",
            "\t\"fields\"  The values of fields specified with the -e option, in a form",
            "\t          specified by the -E option.",
            "\t\"pdml\"    Packet Details Markup Language, an XML-based format for the",
            "\t          details of a decoded packet. This information is equivalent to",
            "\t          the packet details printed with the -V flag.",
            "\t\"ps\"      PostScript for a human-readable one-line summary of each of",
            "\t          the packets, or a multi-line view of the details of each of",
            "\t          the packets, depending on whether the -V flag was specified.",
            "\t\"psml\"    Packet Summary Markup Language, an XML-based format for the",
            "\t          summary information of a decoded packet. This information is",
            "\t          equivalent to the information shown in the one-line summary",
            "\t          printed by default.",
            "\t\"json\"    Packet Summary, an JSON-based format for the details",
            "\t          summary information of a decoded packet. This information is ",
            "\t          equivalent to the packet details printed with the -V flag.",
            "\t\"jsonraw\" Packet Details, a JSON-based format for machine parsing",
            "\t          including only raw hex decoded fields (same as -T json -x but",
            "\t          without text decoding, only raw fields included). ",
            "\t\"ek\"      Packet Details, an EK JSON-based format for the bulk insert ",
            "\t          into elastic search cluster. This information is ",
            "\t          equivalent to the packet details printed with the -V flag.",
            "\t\"text\"    Text of a human-readable one-line summary of each of the",
            "\t          packets, or a multi-line view of the details of each of the",
            "\t          packets, depending on whether the -V flag was specified.",
            "\t          This is the default.",
            "\t\"tabs\"    Similar to the text report except that each column of the",
            "\t          human-readable one-line summary is delimited with an ASCII",
            "\t          horizontal tab character.");
    static final Case TWO_T = exact("-T json -T ek", List.of("-T", "json", "-T", "ek", "-r", SAMPLE), 1,
            "jcap: Multiple -T parameters are unsupported");
    static final Case E_WITHOUT_T = exact("-e without -T", List.of("-e", "ip.src", "-r", SAMPLE), 1,
            "jcap: Output fields were specified with \"-e\", but \"-Tek, -Tfields, -Tjson or -Tpdml\" was not "
                    + "specified.");
    static final Case FIELDS_WITHOUT_E = exact("-T fields", List.of("-T", "fields", "-r", SAMPLE), 1,
            "jcap: \"-Tfields\" was specified, but no fields were specified with \"-e\".");
    static final Case NO_DUP_TEXT = exact("--no-duplicate-keys", List.of("--no-duplicate-keys", "-r", SAMPLE), 1,
            "jcap: --no-duplicate-keys can only be used with \"-T json\" and \"-T jsonraw\"");
    static final Case NO_DUP_EK = exact("-T ek --no-duplicate-keys", List.of("-T", "ek", "--no-duplicate-keys",
            "-r", SAMPLE), 1, "jcap: --no-duplicate-keys can only be used with \"-T json\" and \"-T jsonraw\"");
    static final Case HEX_PDML = exact("-T pdml -x", List.of("-T", "pdml", "-x", "-r", SAMPLE), 1,
            "jcap: Raw packet hex data can only be printed as text, PostScript, JSON, JSONRAW or EK JSON");
    static final Case HEX_FIELDS = exact("-T fields -x", List.of("-T", "fields", "-e", "ip.src", "-x", "-r", SAMPLE),
            1, "jcap: Raw packet hex data can only be printed as text, PostScript, JSON, JSONRAW or EK JSON");
    static final Case STDOUT_TWICE = exact("-w - -P", List.of("-w", "-", "-P", "-r", SAMPLE), 1,
            "jcap: You can't write both raw packet data and dissected packets to the standard output.");
    static final Case STDOUT_TWICE_T = exact("-w - -T psml", List.of("-w", "-", "-T", "psml", "-r", SAMPLE), 1,
            "jcap: You can't write both raw packet data and dissected packets to the standard output.");
    static final Case BAD_FIELD = exact("-T json -e bogus", List.of("-T", "json", "-e", "bogus.x", "-r", SAMPLE), 1,
            "jcap: Some fields aren't valid:", "\tbogus.x");
    /** Several unknown names among known ones: listed last first, nothing printed, status 1. */
    static final Case BAD_FIELDS = exact("-T fields -e bad names", List.of("-T", "fields", "-e", "ip.src", "-e",
            "foo.bar", "-e", "tcp.port", "-e", "baz", "-e", "zz.top", "-r", SAMPLE), 1,
            "jcap: Some fields aren't valid:", "\tzz.top", "\tbaz", "\tfoo.bar");

    /** tshark 4.0's -E help, after the line naming the bad option. */
    static final String[] E_HELP = {
        "jcap: The available options for field output \"E\" are:",
        "bom=y|n    Prepend output with the UTF-8 BOM (def: N: no)",
        "header=y|n    Print field abbreviations as first line of output (def: N: no)",
        "separator=/t|/s|<character>   Set the separator to use;",
        "     \"/t\" = tab, \"/s\" = space (def: /t: tab)",
        "occurrence=f|l|a  Select the occurrence of a field to use;",
        "     \"f\" = first, \"l\" = last, \"a\" = all (def: a: all)",
        "aggregator=,|/s|<character>   Set the aggregator to use;",
        "     \",\" = comma, \"/s\" = space (def: ,: comma)",
        "quote=d|s|n   Print either d: double-quotes, s: single quotes or ",
        "     n: no quotes around field values (def: n: none)"};

    static Case badE(String option) {
        String key = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        List<String> lines = new ArrayList<>();
        lines.add("jcap: \"" + key + "\" is not a valid field output option=value pair.");
        lines.addAll(List.of(E_HELP));
        return exact("-E " + option, List.of("-T", "fields", "-e", "frame.number", "-E", option, "-r", SAMPLE), 1,
                lines.toArray(String[]::new));
    }

    // tshark 4.0 has neither escape= nor numbered occurrences (4.2 added them)
    static final Case E_ESCAPE = badE("escape=y");
    static final Case E_OCCURRENCE_N = badE("occurrence=2");
    static final Case E_HEADER_CAPS = badE("header=Y");
    static final Case E_EMPTY_SEPARATOR = badE("separator=");
    static final Case E_NO_VALUE = badE("quote");

    static Stream<Case> cases() {
        return Stream.of(BAD_T, TWO_T, E_WITHOUT_T, FIELDS_WITHOUT_E, NO_DUP_TEXT, NO_DUP_EK, HEX_PDML,
                HEX_FIELDS, STDOUT_TWICE, STDOUT_TWICE_T, BAD_FIELD, BAD_FIELDS, E_ESCAPE, E_OCCURRENCE_N, E_HEADER_CAPS,
                E_EMPTY_SEPARATOR, E_NO_VALUE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jcapSaysWhatTsharkSays(Case c) {
        CommandLineTest.checkJcap(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tsharkStillSaysSo(Case c) {
        assumeTrue(ExternalTool.onPath("tshark"), "tshark is not on PATH");
        List<String> cmd = new ArrayList<>(List.of("tshark"));
        cmd.addAll(c.args());
        ExternalTool.Result t = ExternalTool.run(null, cmd.toArray(String[]::new));
        CommandLineTest.check(c, t.status(), t.stdout(), t.stderr().replaceAll("(?m)^(tshark|TShark):", "jcap:"), "tshark");
    }

    /** tshark prints packets when -T, -V, -x, -P or -O asks, even with -q; -q alone prints nothing. */
    @Test
    void quietPrintsWhatIsAskedFor() {
        assertEquals("", JcapRun.of("-n", "-q", "-c", "2", "-r", SAMPLE).stdout());
        String fields = JcapRun.of("-n", "-q", "-T", "fields", "-e", "frame.number", "-c", "2", "-r", SAMPLE).stdout();
        assertEquals("1\n2\n", fields);
        assertEquals(JcapRun.of("-n", "-V", "-c", "2", "-r", SAMPLE).stdout(),
                JcapRun.of("-n", "-q", "-V", "-c", "2", "-r", SAMPLE).stdout());
        assertEquals(JcapRun.of("-n", "-c", "2", "-r", SAMPLE).stdout(),
                JcapRun.of("-n", "-q", "-P", "-c", "2", "-r", SAMPLE).stdout());
    }

    /** Writing a file, tshark prints asked-for packets without the headers and trailers; -T json prints nothing. */
    @Test
    void writingAFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("copy.pcapng");
        JcapRun psml = JcapRun.of("-n", "-w", out.toString(), "-T", "psml", "-c", "1", "-r", SAMPLE);
        assertEquals(0, psml.status(), psml::toString);
        assertTrue(psml.stdout().startsWith("<packet>\n<section>1</section>\n"), psml.stdout());
        assertFalse(psml.stdout().contains("psml"), psml.stdout());
        assertTrue(Files.size(out) > 0);
        JcapRun json = JcapRun.of("-n", "-w", out.toString(), "-T", "json", "-c", "1", "-r", SAMPLE);
        assertEquals(0, json.status(), json::toString);
        assertEquals("", json.stdout());
        JcapRun plain = JcapRun.of("-n", "-w", out.toString(), "-c", "1", "-r", SAMPLE);
        assertEquals("", plain.stdout());
    }

    /** tshark accepts -e with -T psml (its check is on the XML output action) and ignores the fields. */
    @Test
    void psmlIgnoresFields() {
        JcapRun r = JcapRun.of("-n", "-T", "psml", "-e", "ip.src", "-c", "2", "-r", SAMPLE);
        assertEquals(0, r.status(), r::toString);
        assertEquals(JcapRun.of("-n", "-T", "psml", "-c", "2", "-r", SAMPLE).stdout(), r.stdout());
    }

    @Test
    void separator() {
        String v = JcapRun.of("-n", "-V", "-S", "==", "-c", "2", "-r", SAMPLE).stdout();
        assertEquals(2, v.lines().filter(l -> l.equals("==")).count());
        assertFalse(v.contains("\n\n"));
        // the summary alone has no separator
        assertEquals(JcapRun.of("-n", "-c", "2", "-r", SAMPLE).stdout(),
                JcapRun.of("-n", "-S", "==", "-c", "2", "-r", SAMPLE).stdout());
    }

    @Test
    void lineBufferedOutputIsTheSame() {
        for (String t : List.of("json", "ek", "pdml", "psml", "tabs")) {
            JcapRun a = JcapRun.of("-n", "-T", t, "-c", "3", "-r", SAMPLE);
            JcapRun b = JcapRun.of("-n", "-l", "-T", t, "-c", "3", "-r", SAMPLE);
            assertEquals(0, b.status(), b::toString);
            if (!t.equals("pdml")) {
                assertArrayEquals(a.stdoutBytes(), b.stdoutBytes(), t);
            }
        }
    }

    @Test
    void tcpdumpHexFlagsFollowGetopt() {
        picocli.CommandLine.Model.CommandSpec spec = Options.spec(new Options());
        String h = Jcap.TCPDUMP_HEX;
        assertArrayEquals(new String[] {h, "-r", "f"}, Jcap.tcpdumpHexFlags(new String[] {"-X", "-r", "f"}, spec));
        assertArrayEquals(new String[] {h, h}, Jcap.tcpdumpHexFlags(new String[] {"-XX"}, spec));
        assertArrayEquals(new String[] {"-n", h, h}, Jcap.tcpdumpHexFlags(new String[] {"-nXX"}, spec));
        assertArrayEquals(new String[] {"-X", "lua_script:a.lua"},
                Jcap.tcpdumpHexFlags(new String[] {"-X", "lua_script:a.lua"}, spec));
        assertArrayEquals(new String[] {"-X", "read_format:pcap"},
                Jcap.tcpdumpHexFlags(new String[] {"-Xread_format:pcap"}, spec));
        // an option's argument is never read as -X
        assertArrayEquals(new String[] {"-S", "-X", h}, Jcap.tcpdumpHexFlags(new String[] {"-S", "-X", "-X"}, spec));
        assertArrayEquals(new String[] {"-r-X"}, Jcap.tcpdumpHexFlags(new String[] {"-r-X"}, spec));
        assertArrayEquals(new String[] {"--", "-X"}, Jcap.tcpdumpHexFlags(new String[] {"--", "-X"}, spec));
    }

    /** Counts the bytes written before each flush: -l hands every packet's output over at once. */
    static final class FlushCounter extends java.io.ByteArrayOutputStream {
        final List<Integer> flushedAt = new ArrayList<>();

        @Override
        public void flush() {
            if (flushedAt.isEmpty() || flushedAt.get(flushedAt.size() - 1) != size()) {
                flushedAt.add(size());
            }
        }
    }

    static FlushCounter run(String... args) {
        FlushCounter out = new FlushCounter();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = Jcap.run(args, out, new java.io.PrintStream(err, true));
        assertEquals(0, status, err::toString);
        return out;
    }

    @Test
    void lineBufferedFlushesEveryPacket() {
        // 139 packets: one flush after each packet's line (or tree, or fields), none without -l
        for (List<String> view : List.<List<String>>of(List.of(), List.of("-V"), List.of("-T", "fields", "-e", "frame.number"),
                List.of("-T", "ek"))) {
            List<String> args = new ArrayList<>(List.of("-n", "-r", SAMPLE));
            args.addAll(view);
            FlushCounter plain = run(args.toArray(String[]::new));
            args.add("-l");
            FlushCounter lined = run(args.toArray(String[]::new));
            assertArrayEquals(plain.toByteArray(), lined.toByteArray(), "-l changes no byte of " + view);
            assertTrue(plain.flushedAt.size() <= 2, view + " without -l flushed " + plain.flushedAt.size() + " times");
            assertEquals(139, lined.flushedAt.size(), view + " with -l: flushes");
            if (view.isEmpty()) {
                // each flush ends a summary line
                byte[] bytes = lined.toByteArray();
                for (int at : lined.flushedAt) {
                    assertEquals('\n', bytes[at - 1]);
                }
            }
        }
    }
}
