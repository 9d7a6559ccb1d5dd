package io.jcap.proto.icmp;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.proto.StandardProtocols;
import io.jcap.proto.dns.DnsFields;
import io.jcap.proto.icmp.ProtoTesting.Example;
import io.jcap.proto.tcp.TcpFields;
import io.jcap.proto.udp.UdpFields;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Set;
import java.util.stream.Stream;

import static io.jcap.proto.icmp.ProtoTesting.has;
import static io.jcap.proto.icmp.ProtoTesting.one;
import static io.jcap.proto.icmp.ProtoTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ICMP against tshark 4.0's summary lines (the spec's verified examples) and field values. */
class IcmpDissectorTest {
    static final String ECHO_REQUEST = "02000000000202000000000108004500003c123400004001548b0a0000010a0000020800f3c8"
            + "12340001101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f";
    static final String ECHO_REPLY = "02000000000102000000000208004500003c123400008001148b0a0000020a0000010000fbc8"
            + "12340001101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f";
    static final String UNREACH_UDP = "020000000001020000000002080045000038123400004001548f0a0000020a0000010303de11"
            + "0000000045000024123400000111db8b0a000001c00002099c40829a00100000";

    /** Examples that need something outside ICMP that jcap does not have yet. */
    static final Set<String> ELSEWHERE = Set.of(
            // IPv4 protocol 4 (IP in IP) is not dissected yet
            "IP-in-IP: addresses and ttl from the inner IPv4 header");

    @TestFactory
    Stream<DynamicTest> specExamples() {
        return ProtoTesting.examples(IcmpSpecExamples.TEXT).stream()
                .filter(ex -> !ELSEWHERE.contains(ex.title()))
                .flatMap(IcmpDissectorTest::tests);
    }

    static Stream<DynamicTest> tests(Example ex) {
        return Stream.of(
                DynamicTest.dynamicTest(ex.title(), () -> ProtoTesting.check(ex, false)),
                DynamicTest.dynamicTest(ex.title() + " (with fields)", () -> ProtoTesting.check(ex, true)));
    }

    @Test
    void echoFields() {
        Dissection d = one(ECHO_REQUEST);
        assertEquals("ICMP", d.protocol);
        assertEquals("Echo (ping) request  id=0x1234, seq=1/256, ttl=64", d.info.toString());
        assertEquals(8, value(d, IcmpFields.TYPE));
        assertEquals(0, value(d, IcmpFields.CODE));
        assertEquals(0xf3c8, value(d, IcmpFields.CHECKSUM));
        assertEquals(1, value(d, IcmpFields.CHECKSUM_STATUS));
        assertEquals(0x1234, value(d, IcmpFields.IDENT));
        assertEquals(0x3412, value(d, IcmpFields.IDENT_LE));
        assertEquals(1, value(d, IcmpFields.SEQ));
        assertEquals(256, value(d, IcmpFields.SEQ_LE));
        int icmp = d.find(IcmpFields.PROTOCOL.field);
        assertEquals(icmp, d.fieldParent(d.find(IcmpFields.IDENT)));
    }

    @Test
    void replyPointsAtRequest() {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(true);
        ProtoTesting.dissect(engine, ProtoTesting.frame(1, ECHO_REQUEST), d);
        ProtoTesting.dissect(engine, ProtoTesting.frame(2, ECHO_REPLY), d);
        assertEquals("Echo (ping) reply    id=0x1234, seq=1/256, ttl=128 (request in 1)", d.info.toString());
        assertEquals(1, value(d, IcmpFields.RESP_TO));
        // a second identical reply is not matched
        ProtoTesting.dissect(engine, ProtoTesting.frame(3, ECHO_REPLY), d);
        assertEquals("Echo (ping) reply    id=0x1234, seq=1/256, ttl=128", d.info.toString());
        assertFalse(has(d, IcmpFields.RESP_TO));
    }

    @Test
    void errorQuotesWithoutChangingColumns() {
        Dissection d = one(UNREACH_UDP);
        assertEquals("ICMP", d.protocol);
        assertEquals("Destination unreachable (Port unreachable)", d.info.toString());
        assertEquals(3, value(d, IcmpFields.TYPE));
        assertEquals(3, value(d, IcmpFields.CODE));
        // the quoted datagram's layers are there, after ICMP
        boolean icmpSeen = false;
        boolean quotedIp = false;
        for (int i = 0; i < d.layerCount(); i++) {
            String name = d.layer(i).filterName;
            if (name.equals("icmp")) {
                icmpSeen = true;
            } else if (icmpSeen && name.equals("ip")) {
                quotedIp = true;
            }
        }
        assertTrue(quotedIp);
        assertFalse(d.inErrorPacket);
        assertTrue(d.columnsWritable());
    }

    @Test
    void quotedUdpPayloadIsTopLevel() {
        // tshark -V: "Domain Name System (query)" at the top, after ICMP's quoted IPv4 and UDP
        Dissection d = one("02000000010102000000010208004500005d000240004001269c0a0000020a00000103039bae000000004500"
                + "004100014000401126a90a0000010a0000029c400035002d00001234012000010000000000010474657374036a63"
                + "70000001000100002904d0000000000000");
        int icmp = d.find(IcmpFields.PROTOCOL.field);
        assertEquals(icmp, d.fieldParent(d.find(UdpFields.PROTOCOL.field)));
        assertEquals(-1, d.fieldParent(d.find(DnsFields.PROTOCOL.field)));
        // outside mDNS the OPT record's payload size is the decimal field of the name
        assertEquals(1232, value(d, DnsFields.RR_UDP_PAYLOAD_SIZE_2));
        assertFalse(has(d, DnsFields.RR_UDP_PAYLOAD_SIZE));
    }

    @Test
    void quotedTcpSequenceNumberAsSent() {
        // tshark -V: "Sequence Number: 123456789" right after the ports, from the 8 quoted bytes alone
        Dissection d = one("02000000010102000000010208004500003800044000400126bf0a0000020a0000010b0083fd000000004500"
                + "001c00034000400626d70a0000010a0000029c410050075bcd15");
        assertEquals("Time-to-live exceeded (Time to live exceeded in transit)", d.info.toString());
        assertEquals(123456789, value(d, TcpFields.SEQ));
        assertEquals(d.find(TcpFields.DSTPORT) + 3, d.find(TcpFields.SEQ));
        assertFalse(has(d, TcpFields.SEQ_RAW));
    }

    @Test
    void mplsExtension() {
        Dissection d = one("0200000000010200000000020800450000a8123400004001541f0a0000020a0000010b00f4df00200000450000"
                + "5c123400000101976a0a000001040202010800aeff050044000000000000000000000000000000000000000000"
                + "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                + "00000000000000000000000000000000000000000000000000000000000000000000002000da0d0008010103e8"
                + "0101");
        assertEquals("Time-to-live exceeded (Time to live exceeded in transit)", d.info.toString());
        assertEquals(32, value(d, IcmpFields.LENGTH));
        assertEquals(16000, value(d, IcmpFields.MPLS_LABEL));
        assertEquals(1, value(d, IcmpFields.MPLS_TTL));
    }

    @Test
    void cutsNeverThrow() {
        // the 8-byte ICMP header: [35, 42) (IPv4 hands on no empty payload); shorter frames keep the IP
        // total length, so either mark
        ProtoTesting.cuts(ECHO_REQUEST, 35, 42, true);
        ProtoTesting.cuts(ECHO_REPLY, 35, 42, true);
        ProtoTesting.cuts(UNREACH_UDP, 35, 42, true);
        ProtoTesting.cuts("020000000002020000000001080045000028123400004001549f0a0000010a0000020d00db7a00100005"
                + "000003e8000007d000000bb8", 35, 54, true);
    }
}
