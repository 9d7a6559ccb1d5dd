package io.jcap.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where display filters apply, compared with tshark run on the same command line:
 * -Y and the trailing filter, -2 with -R (the kept frames numbered anew), -c counting
 * every frame read, -a packets:N counting the frames shown, the Time column's displayed
 * references, -w writing only the frames that pass, and the option errors around them.
 */
class FilterOptionsTest {
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

    /** Splits a command line on '|', so that a filter keeps its spaces. */
    private static String[] args(String line) {
        return line.split("\\|", -1);
    }

    private static void sameAsTshark(String[] args) {
        assumeTrue(ExternalTool.onPath("tshark"), "tshark is not on PATH");
        String[] cmd = new String[args.length + 1];
        cmd[0] = "tshark";
        System.arraycopy(args, 0, cmd, 1, args.length);
        ExternalTool.Result t = ExternalTool.run(null, cmd);
        JcapRun j = JcapRun.of(args);
        assertEquals(t.stdout(), j.stdout(), j::toString);
        assertEquals(t.stderr().replace("tshark:", "jcap:"), j.stderr(), j::toString);
        assertEquals(t.status(), j.status(), j::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "-n|-r|samples/mixed.pcapng|-Y|tcp.port == 80",
        "-n|-r|samples/mixed.pcapng|tcp.port|==|80",
        "-n|-r|samples/mixed.pcapng|-Y|tcp|-c|50",
        "-n|-r|samples/mixed.pcapng|-2|-Y|udp|-c|100",
        "-n|-r|samples/mixed.pcapng|-2|-R|tcp|-c|5",
        "-n|-r|samples/mixed.pcapng|-2|-R|dns",
        "-n|-r|samples/mixed.pcapng|-2|-R|dns|-Y|dns.flags.response==1",
        "-n|-r|samples/mixed.pcapng|-2|-R|arp or dns|-c|40",
        "-n|-r|samples/mixed.pcapng|-2|-R|tcp.len > 0|udp",
        "-n|-r|samples/mixed.pcapng|-Y|tcp|-a|packets:5",
        "-n|-r|samples/mixed.pcapng|-Y|tcp.len>0|-c|60|-a|packets:2",
        "-n|-r|samples/mixed.pcapng|-2|-Y|dns|-a|packets:5",
        "-n|-r|samples/mixed.pcapng|-Y|http|-t|dd",
        "-n|-r|samples/ethernet.pcap|-Y|dns|-t|dd",
        "-n|-r|samples/any.pcap|-Y|icmp|-t|d",
        "-n|-r|samples/mixed.pcapng|-Y|dns|-T|fields|-e|dns.qry.name|-e|frame.time_delta_displayed",
        "-n|-r|samples/mixed.pcapng|-Y|arp|-V",
        "-n|-r|samples/ethernet.pcap|-Y|frame.len > 1000|-x",
        "-n|-r|samples/any.pcap|-Y|http.request|-T|fields|-e|http.request.uri|-E|header=y",
        "-n|-r|samples/mixed.pcapng|-Y|",
        "-n|-r|samples/mixed.pcapng|-Y|   ",
        // errors, in tshark's words and with its exit status
        "-n|-r|samples/mixed.pcapng|-R|tcp",
        "-n|-r|samples/mixed.pcapng|-Y|tcp|udp",
        "-n|-r|samples/mixed.pcapng|-a|nocolon",
        "-n|-r|samples/mixed.pcapng|-a|packets:",
        "-n|-r|samples/mixed.pcapng|-a|:5",
        "-n|-r|samples/mixed.pcapng|-a|packets:0",
        "-n|-r|samples/mixed.pcapng|-a|packets:-1",
        "-n|-r|samples/mixed.pcapng|-a|packets:x",
        "-n|-r|samples/mixed.pcapng|-a|packets:99999999999",
        "-n|-r|samples/mixed.pcapng|-a|duration:5",
        "-n|-r|samples/mixed.pcapng|-a|files:2",
        "-n|-r|samples/mixed.pcapng|-a|filesize:x",
        "-n|-r|samples/no-such-file.pcap|-Y|foo.bar",
        "-n|-r|samples/mixed.pcapng|-2|-R|foo.bar|-Y|bar.baz",
        "-n|-r|samples/mixed.pcapng|-2|-Y|foo.bar|-R|tcp",
        "-n|-r|samples/mixed.pcapng|-Y|tcp port 80",
    })
    void sameAsTshark(String line) {
        sameAsTshark(args(line));
    }

    /** With -w, only the frames that pass are written (the same frames tshark writes). */
    @Test
    void writesOnlyMatchingFrames(@TempDir Path dir) {
        assumeTrue(ExternalTool.onPath("tshark"), "tshark is not on PATH");
        Path ours = dir.resolve("jcap.pcapng");
        Path theirs = dir.resolve("tshark.pcapng");
        JcapRun j = JcapRun.of("-n", "-r", "samples/mixed.pcapng", "-Y", "http || arp", "-w", ours.toString());
        assertEquals(0, j.status(), j::toString);
        assertEquals("", j.stdout());
        ExternalTool.Result t = ExternalTool.run(null, "tshark", "-n", "-r", "samples/mixed.pcapng", "-Y", "http || arp",
                "-w", theirs.toString());
        assertEquals(0, t.status(), t::toString);
        ExternalTool.Result a = ExternalTool.run(null, "tshark", "-n", "-r", ours.toString());
        ExternalTool.Result b = ExternalTool.run(null, "tshark", "-n", "-r", theirs.toString());
        assertEquals(b.stdout(), a.stdout());
        assertTrue(a.stdout().lines().count() > 10);
    }

    /** --explain-filter prints the checked tree; a bad filter is tshark's message, status 2. */
    @Test
    void explainFilter() {
        JcapRun r = JcapRun.of("--explain-filter", "tcp.port in {80, 443} && ip.src == 10.0.0.0/8");
        assertEquals(0, r.status(), r::toString);
        assertEquals("""
                Filter:
                 tcp.port in {80, 443} && ip.src == 10.0.0.0/8

                Syntax tree:
                 0 TEST_AND:
                   1 TEST_ANY_IN:
                     2 FIELD(tcp.port <FT_UINT16>)
                     2 FVALUE(80 <FT_UINT16>)
                     2 FVALUE(443 <FT_UINT16>)
                   1 TEST_ANY_EQ:
                     2 FIELD(ip.src <FT_IPv4>)
                     2 FVALUE(10.0.0.0/8 <FT_IPv4>)

                Fields read:
                 tcp.port <FT_UINT16> (tcp)
                 ip.src <FT_IPv4> (ip)
                """, r.stdout());
        JcapRun bad = JcapRun.of("--explain-filter", "ip.src == 10.0.0.256");
        assertEquals(2, bad.status());
        assertEquals("jcap: \"10.0.0.256\" is not a valid hostname or IPv4 address.\n"
                + "    ip.src == 10.0.0.256\n"
                + "              ^~~~~~~~~~\n", bad.stderr());
    }
}
