package io.jcap.proto.ipv6;

import io.jcap.proto.ipv4.IpGolden;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IPv6's -V tree against tshark 4.0.17's, on crafted captures: the header with traffic
 * class and flow label, special addresses (6to4, Teredo, ISATAP, SLAAC, embedded IPv4),
 * hop-by-hop and destination options of every kind tshark decodes, routing headers of
 * types 0, 2, 3, 4 and unknown, fragments reassembled, AH, no next header, bad payload
 * lengths and jumbograms, a truncated header, IPv6 in IPv4.
 */
class Ipv6TreeTest {
    @Test
    void headersAsTshark() {
        IpGolden.assertMatches("ipv6-headers");
    }

    @Test
    void optionsAsTshark() {
        IpGolden.assertMatches("ipv6-options");
    }

    @Test
    void extensionHeaderFieldsAsTshark() {
        // tshark -r ipv6-headers.pcap -c 17 -T fields -e ipv6.nxt -e ipv6.hopopts.nxt -e ipv6.routing.type
        //        -e ipv6.fraghdr.offset -e ipv6.fragment -e ah.spi
        String expected = String.join("\n",
                "17\t\t\t\t\t",
                "0\t17\t\t\t\t",
                "0\t17\t\t\t\t",
                "0\t17\t\t\t\t",
                "0\t17\t\t\t\t",
                "60\t\t\t\t\t",
                "0\t17\t\t\t\t",
                "60\t17\t\t\t\t",
                "43\t\t0\t\t\t",
                "43\t\t2\t\t\t",
                "43\t\t4\t\t\t",
                "43\t\t253\t\t\t",
                "43\t\t3\t\t\t",
                "44\t\t\t0\t\t",
                "44\t\t\t3\t14,15\t",
                "44\t\t\t4\t\t",
                "51\t\t\t\t\t0x00001000") + "\n";
        assertEquals(expected, IpGolden.run("ipv6-headers.pcap", "-c", "17", "-T", "fields", "-e", "ipv6.nxt", "-e",
                "ipv6.hopopts.nxt", "-e", "ipv6.routing.type", "-e", "ipv6.fraghdr.offset", "-e", "ipv6.fragment",
                "-e", "ah.spi"));
    }

    @Test
    void ipVersionIsAFieldOfIpv6sOwn() {
        // tshark's IPv6 registers a second ip.version: -e takes it by name, EK names it after IPv6
        assertEquals("6\t6\n6\t6\n", IpGolden.run("ipv6-headers.pcap", "-c", "2", "-T", "fields", "-e",
                "ip.version", "-e", "ipv6.version"));
        String ek = IpGolden.run("ipv6-headers.pcap", "-c", "1", "-T", "ek");
        assertTrue(ek.contains("\"ipv6_ip_version\":\"6\""), ek);
        assertFalse(ek.contains("ip_ip_version"), ek);
    }
}
