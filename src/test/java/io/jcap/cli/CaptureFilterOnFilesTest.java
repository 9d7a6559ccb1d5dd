package io.jcap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * tcpdump's habit on files: trailing words that are only a capture filter (not a display
 * filter) select frames with libpcap's BPF, before dissection, the others never existing.
 * Each run's written file must hold exactly the packets tcpdump selects from the same file.
 * (tshark refuses such words as a bad display filter; -Y keeps that refusal.)
 */
class CaptureFilterOnFilesTest {
    @ParameterizedTest
    @ValueSource(strings = {"host 10.0.0.1", "udp port 53", "tcp port 80 and host 10.0.0.2", "ip6 and not icmp6", "ether broadcast",
        "greater 1000", "ether host 02:00:00:00:01:01 and not arp"})
    void selectsWhatTcpdumpSelects(String filter, @TempDir Path dir) {
        assumeTrue(ExternalTool.onPath("tcpdump"), "tcpdump is not on PATH");
        for (String sample : new String[] {"samples/ethernet.pcap", "samples/any.pcap"}) {
            Path out = dir.resolve("out.pcap");
            String[] args = ("-r " + sample + " -F pcap -w " + out + " " + filter).split(" ");
            JcapRun j = JcapRun.of(args);
            assertEquals(0, j.status(), j::stderr);
            ExternalTool.Result mine = ExternalTool.run(null, "tcpdump", "-n", "-tt", "-xx", "-r", out.toString());
            ExternalTool.Result theirs = ExternalTool.run(null, "tcpdump", "-n", "-tt", "-xx", "-r", sample, filter);
            assertEquals(theirs.stdout(), mine.stdout(), filter + " on " + sample);
        }
    }

    @Test
    void dashFWithAFileFiltersItAndTheDisplayFilterStillApplies() {
        JcapRun all = JcapRun.of("-n", "-r", "samples/ethernet.pcap", "-f", "udp port 53");
        assertEquals(0, all.status(), all::stderr);
        assertEquals(10, all.stdout().split("\n").length);
        JcapRun both = JcapRun.of("-n", "-r", "samples/ethernet.pcap", "-f", "udp port 53", "dns.flags.response==1");
        assertEquals(5, both.stdout().split("\n").length, both::stderr);
        JcapRun bad = JcapRun.of("-r", "samples/ethernet.pcap", "-f", "udp port 5x3");
        assertEquals(2, bad.status());
        assertEquals("jcap: Invalid capture filter \"udp port 5x3\" for file \"samples/ethernet.pcap\".\n\n"
                + "That string isn't a valid capture filter (unknown port '5x3').\n"
                + "See the User's Guide for a description of the capture filter syntax.\n", bad.stderr());
    }

    @Test
    void framesAreNumberedAsIfAloneInTheFile() {
        JcapRun j = JcapRun.of("-n", "-r", "samples/ethernet.pcap", "-T", "fields", "-e", "frame.number", "-e",
                "frame.time_relative", "udp", "port", "53");
        assertEquals(0, j.status(), j::stderr);
        String[] lines = j.stdout().split("\n");
        assertEquals(10, lines.length);
        assertEquals("1\t0.000000000", lines[0]);
        assertTrue(lines[9].startsWith("10\t"), lines[9]);
    }

    @Test
    void aDisplayFilterStaysOne() {
        // "tcp" is both: as in tshark, the display filter wins
        JcapRun j = JcapRun.of("-n", "-r", "samples/ethernet.pcap", "-T", "fields", "-e", "frame.number", "icmp");
        assertEquals(0, j.status(), j::stderr);
        assertTrue(j.stdout().startsWith("10\n"), j.stdout());
    }

    @Test
    void neitherFilterIsTsharksError() {
        JcapRun j = JcapRun.of("-r", "samples/ethernet.pcap", "port", "5a3");
        assertEquals(2, j.status());
        assertEquals("jcap: \"5a3\" was unexpected in this context.\n    port 5a3\n         ^~~\n", j.stderr());
        assertFalse(j.stderrHasStackTrace());
    }
}
