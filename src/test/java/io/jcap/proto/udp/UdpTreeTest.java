package io.jcap.proto.udp;

import io.jcap.proto.ipv4.IpGolden;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * UDP's -V tree against tshark 4.0.17's, on a crafted capture: the unverified checksum,
 * zero checksums over IPv4 (ignored) and IPv6 (illegal), lengths below 8 and beyond the
 * IP payload, possible traceroutes, empty datagrams (no timestamps, no payload), a cut
 * capture, conversation timestamps in both directions, a zero length over IPv6.
 */
class UdpTreeTest {
    @Test
    void treeAsTshark() {
        IpGolden.assertMatches("udp");
    }

    @Test
    void streamFieldsAsTshark() {
        // tshark -r udp.pcap -T fields -e udp.srcport -e udp.length -e udp.stream -e udp.checksum.status
        //        -e udp.time_delta
        String expected = String.join("\n",
                "1234\t13\t0\t2\t0.000000000",
                "1234\t13\t0\t3\t1.001000000",
                "1234\t13\t1\t4\t0.000000000",
                "1234\t5\t\t\t",
                "1234\t50\t0\t2\t3.003000000",
                "40000\t13\t2\t2\t0.000000000",
                "33460\t13\t3\t2\t0.000000000",
                "1234\t8\t0\t2\t",
                "1234\t13\t0\t2\t4.004000000",
                "1234\t33\t0\t2\t1.001000000",
                "1234\t10\t0\t2\t1.001000000",
                "0\t9\t4\t2\t0.000000000",
                "1234\t13\t0\t2\t2.002000000",
                "9999\t13\t0\t2\t1.001000000",
                "1234\t0\t1\t2\t13.013000000",
                "1234\t7\t\t\t",
                "1234\t8\t0\t2\t") + "\n";
        assertEquals(expected, IpGolden.run("udp.pcap", "-T", "fields", "-e", "udp.srcport", "-e", "udp.length", "-e",
                "udp.stream", "-e", "udp.checksum.status", "-e", "udp.time_delta"));
    }
}
