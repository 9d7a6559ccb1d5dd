package io.jcap.proto;

import io.jcap.dissect.Dissection;
import io.jcap.frame.LinkType;
import io.jcap.proto.eth.EthFields;
import io.jcap.proto.ipv4.Ipv4Fields;
import io.jcap.proto.ipv6.Ipv6Fields;
import io.jcap.proto.udp.UdpFields;
import io.jcap.proto.vlan.VlanFields;
import org.junit.jupiter.api.Test;

import static io.jcap.proto.DissectorTestKit.assertLine;
import static io.jcap.proto.DissectorTestKit.cutAtEveryLength;
import static io.jcap.proto.DissectorTestKit.dissect;
import static io.jcap.proto.DissectorTestKit.frame;
import static io.jcap.proto.DissectorTestKit.lines;
import static io.jcap.proto.DissectorTestKit.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Link layers, IP and UDP, the gopacket way: tshark 4.0's summary line (`tshark -n -r`
 * on a capture holding the frame), the frame as hex, then field values. Every expected
 * line was printed by tshark 4.0.17.
 */
class LinkAndIpTest {
    static final String VLAN_UDP = "00000c00000100000c0000028100006408004500001e12340000401154990a0000010a00000204d2162e000a00006869";
    static final String IPV4_UDP_OPTIONS = "00000c00000100000c000002080046000025123400004011bf8d0a0000010a0000029404000004d2162e000d000068656c6c6f";

    @Test
    void vlanCarryingUdp() {
        assertLine("    1   0.000000     10.0.0.1 → 10.0.0.2     UDP 48 1234 → 5678 Len=2", LinkType.ETHERNET, VLAN_UDP);
        Dissection d = dissect(frame(LinkType.ETHERNET, VLAN_UDP));
        assertEquals(0x00000c000001L, value(d, EthFields.DST));
        assertEquals(0x8100, value(d, EthFields.TYPE));
        assertEquals(100, value(d, VlanFields.ID) & 0xFFF);
        assertEquals(0x0a000001, value(d, Ipv4Fields.SRC));
        assertEquals(64, value(d, Ipv4Fields.TTL));
        assertEquals(1234, value(d, UdpFields.SRCPORT));
        assertEquals(10, value(d, UdpFields.LENGTH));
    }

    @Test
    void vlanWithUnknownInnerTypeKeepsItsText() {
        assertLine("    1   0.000000 00:00:0c:00:00:02 → 00:00:0c:00:00:01 0x1234 60 PRI: 0  DEI: 0  ID: 100",
                LinkType.ETHERNET, "00000c00000100000c000002810000641234" + "00".repeat(42));
    }

    @Test
    void truncatedServiceTag() {
        assertLine("    1   0.000000 00:00:0c:00:00:02 → 00:00:0c:00:00:01 802.1ad 16 PRI: 7  DROP: 0 ID: 200[Malformed Packet]",
                LinkType.ETHERNET, "00000c00000100000c00000288a8e0c8");
    }

    @Test
    void shortEthernetFramesShowWhatAddressesTheyHave() {
        assertLine("    1   0.000000              →              Ethernet 5 [Malformed Packet]", LinkType.ETHERNET, "00000c0000");
        assertLine("    1   0.000000              → 00:00:0c:00:00:01 Ethernet 11 [Malformed Packet]",
                LinkType.ETHERNET, "00000c00000100000c0000");
    }

    @Test
    void cookedCaptureArp() {
        assertLine("    1   0.000000 00:00:0c:00:00:02 →              ARP 44 Who has 10.0.0.1? Tell 10.0.0.2",
                LinkType.LINUX_SLL, "00010001000600000c00000200000806000108000604000100000c0000020a0000020000000000000a000001");
    }

    @Test
    void cookedCaptureV2PacketTypeQuirk() {
        assertLine("    1   0.000000              →              0x1234 26 Unicast to us", LinkType.LINUX_SLL2,
                "1234000000000001000100000000000000000000000000000000");
        assertLine("    1   0.000000      0.0.0.0 →              0x1234 26 Sent by us", LinkType.LINUX_SLL2,
                "1234000000000001000100040000000000000000000000000000");
        assertLine("    1   0.000000 00:00:00:00:00:00 →              0x1234 26 Unknown (6)", LinkType.LINUX_SLL2,
                "1234000000000001000100060000000000000000000000000000");
    }

    @Test
    void loopbackFamilies() {
        String ip = "4500001e12340000401154990a0000010a00000204d2162e000a00006869";
        assertLine("    1   0.000000     10.0.0.1 → 10.0.0.2     UDP 34 1234 → 5678 Len=2", LinkType.NULL, "02000000" + ip);
        assertLine("    1   0.000000          N/A → N/A          N/A 34 Null/Loopback", LinkType.LOOP, "02000000" + ip);
    }

    @Test
    void rawIp() {
        assertLine("    1   0.000000          N/A → N/A          N/A 4 Raw packet data[Malformed Packet]", LinkType.RAW, "10000000");
    }

    @Test
    void ipv4UnknownProtocolAndOptions() {
        assertLine("    1   0.000000     10.0.0.1 → 10.0.0.2     IPv4 38 Unknown (253)", LinkType.ETHERNET,
                "00000c00000100000c0000020800450000181234000040fd53b30a0000010a000002deadbeef");
        assertLine("    1   0.000000     10.0.0.1 → 10.0.0.2     UDP 51 1234 → 5678 Len=5", LinkType.ETHERNET, IPV4_UDP_OPTIONS);
        assertEquals(24, value(dissect(frame(LinkType.ETHERNET, IPV4_UDP_OPTIONS)), Ipv4Fields.HDR_LEN));
    }

    @Test
    void ipv4FragmentsAreReassembledInTheLastOne() {
        String first = "0011223344550066778899aa08004500001c00012000401166c00a0000010a0000029c40c35000100000";
        String last = "0011223344550066778899aa08004500001c000100014011669f0a0000010a0000020102030405060708";
        String out = lines(StandardProtocols.engine(), frame(LinkType.ETHERNET, first, 1), frame(LinkType.ETHERNET, last, 2));
        assertEquals("    1   0.000000     10.0.0.1 → 10.0.0.2     IPv4 42 Fragmented IP protocol (proto=UDP 17, off=0, ID=0001)\n"
                + "    2   0.000000     10.0.0.1 → 10.0.0.2     UDP 42 40000 → 50000 Len=8", out);
    }

    @Test
    void ipv6ExtensionHeadersAndFragments() {
        assertLine("    1   0.000000      fd00::1 → fd00::2      IPv6 62 IPv6 no next header", LinkType.ETHERNET,
                "020000000001020000000002" + "86dd" + "6000000000080040" + "fd000000000000000000000000000001"
                        + "fd000000000000000000000000000002" + "3b00010400000000");
        assertLine("    1   0.000000      fd00::1 → fd00::2      IPv6 70 IPv6 fragment (off=0 more=y ident=0x00001234 nxt=17)",
                LinkType.ETHERNET, "020000000001020000000002" + "86dd" + "6000000000102c40" + "fd000000000000000000000000000001"
                        + "fd000000000000000000000000000002" + "1100000100001234" + "0001000200100000");
        Dissection d = dissect(frame(LinkType.ETHERNET, "020000000001020000000002" + "86dd" + "6000000000080040"
                + "fd000000000000000000000000000001" + "fd000000000000000000000000000002" + "3b00010400000000"));
        assertEquals(0, value(d, Ipv6Fields.NXT));
        assertEquals(64, value(d, Ipv6Fields.HLIM));
    }

    @Test
    void cutsOfAnIpv4UdpFrameAsTsharkShowsThem() {
        // tshark 4.0 on this frame cut at 37, 38, 40, 42, 46 bytes (short packets), then at 37 and 46 by the snap length
        byte[] whole = DissectorTestKit.bytes(IPV4_UDP_OPTIONS);
        int[] cuts = {37, 38, 40, 42, 46};
        String[] infos = {"[Malformed Packet]", "", "[Malformed Packet]", "1234 → 5678[Malformed Packet]",
            "1234 → 5678 [BAD UDP LENGTH 13 > IP PAYLOAD LENGTH] Len=5[Malformed Packet]"};
        for (int i = 0; i < cuts.length; i++) {
            Dissection d = dissect(DissectorTestKit.frame(LinkType.ETHERNET, whole, cuts[i], cuts[i], 1));
            assertEquals(infos[i], d.info.toString(), "cut at " + cuts[i]);
        }
        assertEquals("[Packet size limited during capture]",
                dissect(DissectorTestKit.frame(LinkType.ETHERNET, whole, 37, whole.length, 1)).info.toString());
        assertEquals("1234 → 5678 Len=5[Packet size limited during capture]",
                dissect(DissectorTestKit.frame(LinkType.ETHERNET, whole, 46, whole.length, 1)).info.toString());
        // the addresses are shown although the options were cut
        assertEquals("    1   0.000000     10.0.0.1 → 10.0.0.2     IPv4 37 [Malformed Packet]",
                lines(StandardProtocols.engine(), DissectorTestKit.frame(LinkType.ETHERNET, whole, 37, 37, 1)));
    }

    @Test
    void everyCutOfAnEthernetIpv4Frame() {
        // Ethernet (14) + IPv4 header with options (24): every byte of them is read
        cutAtEveryLength(LinkType.ETHERNET, IPV4_UDP_OPTIONS, 14 + 24);
    }

    @Test
    void everyCutOfAVlanFrame() {
        cutAtEveryLength(LinkType.ETHERNET, VLAN_UDP, 14 + 4 + 20);
    }

    @Test
    void everyCutOfCookedAndLoopbackFrames() {
        cutAtEveryLength(LinkType.LINUX_SLL, "00010001000600000c00000200000806000108000604000100000c0000020a0000020000000000000a000001", 16);
        cutAtEveryLength(LinkType.NULL, "020000004500001e12340000401154990a0000010a00000204d2162e000a00006869", 4 + 20);
    }

    @Test
    void everyCutOfAnIpv6Frame() {
        cutAtEveryLength(LinkType.ETHERNET, "020000000001020000000002" + "86dd" + "6000000000102c40"
                + "fd000000000000000000000000000001" + "fd000000000000000000000000000002" + "1100000100001234"
                + "0001000200100000", 14 + 40);
    }
}
