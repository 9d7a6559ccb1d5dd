package io.jcap.proto.arp;

import io.jcap.dissect.Dissection;
import io.jcap.proto.icmp.ProtoTesting;
import io.jcap.proto.icmp.ProtoTesting.Example;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static io.jcap.proto.icmp.ProtoTesting.has;
import static io.jcap.proto.icmp.ProtoTesting.one;
import static io.jcap.proto.icmp.ProtoTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ARP/RARP and relatives against tshark 4.0's summary lines (the spec's verified examples). */
class ArpDissectorTest {
    static final String REQUEST =
            "ffffffffffff02000000000a0806000108000604000102000000000a0a0000010000000000000a000002";
    static final String REPLY =
            "02000000000a02000000000b0806000108000604000202000000000b0a00000202000000000a0a000001";

    @TestFactory
    Stream<DynamicTest> specExamples() {
        return ProtoTesting.examples(ArpSpecExamples.TEXT).stream().flatMap(ArpDissectorTest::tests);
    }

    static Stream<DynamicTest> tests(Example ex) {
        return Stream.of(
                DynamicTest.dynamicTest(ex.title(), () -> ProtoTesting.check(ex, false)),
                DynamicTest.dynamicTest(ex.title() + " (with fields)", () -> ProtoTesting.check(ex, true)));
    }

    @Test
    void requestFields() {
        Dissection d = one(REQUEST);
        assertEquals("ARP", d.protocol);
        assertEquals("Who has 10.0.0.2? Tell 10.0.0.1", d.info.toString());
        assertEquals(1, value(d, ArpFields.HW_TYPE));
        assertEquals(0x0800, value(d, ArpFields.PROTO_TYPE));
        assertEquals(6, value(d, ArpFields.HW_SIZE));
        assertEquals(4, value(d, ArpFields.PROTO_SIZE));
        assertEquals(1, value(d, ArpFields.OPCODE));
        assertEquals(0x02000000000aL, value(d, ArpFields.SRC_HW_MAC));
        assertEquals(0x0a000001L, value(d, ArpFields.SRC_PROTO_IPV4));
        assertEquals(0L, value(d, ArpFields.DST_HW_MAC));
        assertEquals(0x0a000002L, value(d, ArpFields.DST_PROTO_IPV4));
        assertFalse(has(d, ArpFields.ISGRATUITOUS));
        int arp = d.find(ArpFields.PROTOCOL.field);
        assertTrue(arp >= 0);
        assertEquals(28, d.fieldLength(arp));
        assertEquals(arp, d.fieldParent(d.find(ArpFields.OPCODE)));
    }

    @Test
    void replyFields() {
        Dissection d = one(REPLY);
        assertEquals("10.0.0.2 is at 02:00:00:00:00:0b", d.info.toString());
        assertEquals(2, value(d, ArpFields.OPCODE));
        assertEquals(0x02000000000bL, value(d, ArpFields.SRC_HW_MAC));
    }

    @Test
    void announcementFlags() {
        Dissection d = one("ffffffffffff02000000000a0806000108000604000102000000000a0a0000010000000000000a000001");
        assertEquals("ARP Announcement for 10.0.0.1", d.info.toString());
        assertEquals(1, value(d, ArpFields.ISGRATUITOUS));
        assertEquals(1, value(d, ArpFields.ISANNOUNCEMENT));
        assertFalse(has(d, ArpFields.ISPROBE));
    }

    @Test
    void probeFlag() {
        Dissection d = one("ffffffffffff02000000000a0806000108000604000102000000000a000000000000000000000a000009");
        assertEquals("Who has 10.0.0.9? (ARP Probe)", d.info.toString());
        assertEquals(1, value(d, ArpFields.ISPROBE));
    }

    @Test
    void nonEthernetAddressesAreBytes() {
        Dissection d = one("ffffffffffff02000000000a0806000f08000204000201230a00000145670a000002");
        assertEquals("10.0.0.1 is at 0123", d.info.toString());
        assertTrue(has(d, ArpFields.SRC_HW));
        assertFalse(has(d, ArpFields.SRC_HW_MAC));
    }

    @Test
    void duplicateFrameField() {
        io.jcap.dissect.DissectorEngine engine = io.jcap.proto.StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(true);
        ProtoTesting.dissect(engine, ProtoTesting.frame(1,
                "ffffffffffff02000000000a0806000108000604000102000000000a0a0000050000000000000a000002"), d);
        ProtoTesting.dissect(engine, ProtoTesting.frame(2,
                "ffffffffffff02000000000b0806000108000604000102000000000b0a0000050000000000000a000003"), d);
        assertEquals("Who has 10.0.0.3? Tell 10.0.0.5 (duplicate use of 10.0.0.5 detected!)", d.info.toString());
        assertEquals(1, value(d, ArpFields.DUPLICATE_ADDRESS_FRAME));
    }

    @Test
    void atmArpFields() {
        Dissection d = one("ffffffffffff02000000000a080600130800450000020440000431323334350a0000010a000002");
        assertEquals("ATMARP", d.protocol);
        assertEquals("10.0.0.1 is at 12345", d.info.toString());
        assertEquals(19, value(d, ArpFields.HW_TYPE));
        assertEquals("12345", ProtoTesting.object(d, ArpFields.SRC_ATM_NUM_E164));
        assertEquals(0x0a000001L, value(d, ArpFields.SRC_PROTO_IPV4));
    }

    @Test
    void rarpByOpcode() {
        Dissection d = one("ffffffffffff02000000000a0806000108000604000302000000000a0a00000102000000000b0a000002");
        assertEquals("RARP", d.protocol);
        assertEquals("Who is 02:00:00:00:00:0b? Tell 02:00:00:00:00:0a", d.info.toString());
    }

    @Test
    void cutsNeverThrow() {
        // the 8-byte header and the addresses: [14, 42)
        ProtoTesting.cuts(REQUEST, 14, 42, false);
        ProtoTesting.cuts(REPLY, 14, 42, false);
        // RARP (a request reads THA and SHA only), ATMARP, AX.25 and a long hex address
        ProtoTesting.cuts("ffffffffffff02000000000a8035000108000604000302000000000a0000000002000000000a00000000",
                14, 38, false);
        ProtoTesting.cuts("ffffffffffff02000000000a080600130800140200020400000447000580ffe1000000f21a3a5b0020481a3a5b"
                + "0001020a0000010a000002", 14, 56, false);
        ProtoTesting.cuts("ffffffffffff02000000000a0806000300cc07040002414243444546000a0000014748494a4b4c020a000002",
                14, 22, false);
        ProtoTesting.cuts("ffffffffffff02000000000a0806000112340625000102000000000a0102030405060708090a0b0c0d0e0f10"
                + "1112131415161718191a1b1c1d1e1f202122232425000000000000292a2b2c2d2e2f303132333435363738393a3b3c3d3e"
                + "3f404142434445464748494a4b4c4d", 14, 108, false);
    }
}
