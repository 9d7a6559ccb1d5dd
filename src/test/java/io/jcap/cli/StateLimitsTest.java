package io.jcap.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The -o bounds on per-run state: at the default bounds the samples keep everything (no
 * note); at tiny bounds old state is dropped and the frame that dropped it says so.
 */
class StateLimitsTest {
    static final String SAMPLE = "samples/ethernet.pcap";

    @Test
    void defaultBoundsDropNothingOnTheSamples() {
        JcapRun r = JcapRun.of("-V", "-r", SAMPLE);
        assertEquals(0, r.status(), r::toString);
        assertFalse(r.stdout().contains("limit reached"), "no state dropped at the default bounds");
    }

    @Test
    void httpConnectionsForgottenAtTheBound() {
        JcapRun r = JcapRun.of("-V", "-o", "http.max_conversations:1", "-r", SAMPLE);
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.stdout().contains("[Expert Info (Note/Sequence): Conversation limit reached: 1 connection forgotten]"),
                "note expected");
    }

    @Test
    void dnsTransactionsForgottenAtTheBound() {
        JcapRun r = JcapRun.of("-V", "-o", "dns.max_transactions:2", "-r", SAMPLE);
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.stdout().contains(
                "[Expert Info (Note/Sequence): Transaction limit reached: earlier queries and responses forgotten]"));
    }

    @Test
    void ipDatagramsDroppedAtTheBound() {
        JcapRun r = JcapRun.of("-V", "-o", "ip.reassembly_max_bytes:1", "-r", SAMPLE);
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.stdout().contains("[Expert Info (Note/Reassemble): Reassembly limit reached: 1 incomplete datagram dropped]"));
    }

    @Test
    void badValuesAreRefused() {
        JcapRun r = JcapRun.of("-o", "tcp.reassembly_max_flows:-3", "-r", SAMPLE);
        assertEquals(1, r.status());
        assertEquals("jcap: Invalid -o flag \"tcp.reassembly_max_flows:-3\"\n", r.stderr());
    }
}
