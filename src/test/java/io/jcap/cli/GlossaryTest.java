package io.jcap.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** -G fields lists a filter name once, as tshark's does, though some names have two fields. */
class GlossaryTest {
    @Test
    void aNameOfTwoFieldsIsListedOnce() {
        JcapRun r = JcapRun.of("-G", "fields");
        assertEquals(0, r.status(), r::toString);
        // tshark -G fields | grep -P '\t(dns.rr.udp_payload_size|ip.version)\t': the first field of each name
        List<String> lines = r.stdout().lines()
                .filter(l -> l.contains("\tdns.rr.udp_payload_size\t") || l.contains("\tip.version\t"))
                .sorted()
                .toList();
        assertEquals(List.of("F\tUDP payload size\tdns.rr.udp_payload_size\tFT_UINT16\tdns\tBASE_HEX\t0x7fff\t",
                "F\tVersion\tip.version\tFT_UINT8\tip\tBASE_DEC\t0x0\t"), lines);
    }
}
