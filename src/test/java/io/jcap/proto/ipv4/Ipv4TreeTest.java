package io.jcap.proto.ipv4;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * IPv4's -V tree against tshark 4.0.17's, on crafted captures: header fields and their
 * bit patterns, every option kind tshark decodes (and the bad lengths and pointers it
 * flags), TTL notes, TSO and bogus lengths, bad versions and header lengths, and
 * fragments put back together (in order, out of order, duplicated, overlapping with
 * conflicting data, several tails).
 */
class Ipv4TreeTest {
    @Test
    void headerAndOptionsAsTshark() {
        IpGolden.assertMatches("ipv4-header");
    }

    @Test
    void fragmentTreesAsTshark() {
        IpGolden.assertMatches("ipv4-fragments");
    }

    @Test
    void fieldValuesAsTshark() {
        // tshark -r ipv4-fragments.pcap -T fields -e ip.flags -e ip.frag_offset -e ip.len -e ip.fragment
        //        -e ip.reassembled.length
        String expected = String.join("\n",
                "0x01\t0\t180\t\t",
                "0x01\t20\t180\t\t",
                "0x00\t40\t108\t1,2,3\t408",
                "0x00\t40\t108\t\t",
                "0x01\t0\t180\t\t",
                "0x01\t20\t180\t5,6,4\t408",
                "0x01\t0\t180\t\t",
                "0x01\t10\t180\t\t",
                "0x00\t30\t188\t7,9\t408",
                "0x01\t0\t36\t\t",
                "0x00\t2\t28\t10,11\t24",
                "0x01\t0\t180\t\t",
                "0x00\t20\t100\t12,13\t240") + "\n";
        assertEquals(expected, IpGolden.run("ipv4-fragments.pcap", "-T", "fields", "-e", "ip.flags", "-e",
                "ip.frag_offset", "-e", "ip.len", "-e", "ip.fragment", "-e", "ip.reassembled.length"));
    }

    @Test
    void optionTypesAsFields() {
        // tshark -r ipv4-header.pcap -c 6 -T fields -e ip.hdr_len -e ip.opt.type
        String expected = "20\t\n24\t148\n24\t1,1,1,0\n24\t1,1,1,1\n32\t7,0\n32\t131,0\n";
        assertEquals(expected, IpGolden.run("ipv4-header.pcap", "-c", "6", "-T", "fields", "-e", "ip.hdr_len", "-e",
                "ip.opt.type"));
    }
}
