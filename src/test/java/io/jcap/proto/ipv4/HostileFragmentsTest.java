package io.jcap.proto.ipv4;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.dissect.Limits;
import io.jcap.frame.Frame;
import io.jcap.frame.LinkType;
import io.jcap.proto.DissectorTestKit;
import io.jcap.proto.StandardProtocols;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fragments meant to exhaust memory: state stays within the ip.reassembly_* limits, the
 * frame that hits a limit gets jcap's expert note, and nothing throws.
 */
class HostileFragmentsTest {
    /** An Ethernet + IPv4 (UDP) fragment: {@code len} payload bytes at {@code offset}. */
    static Frame fragment(long number, int id, int offset, boolean more, int len, int fill) {
        byte[] b = new byte[14 + 20 + len];
        b[12] = 0x08;
        b[14] = 0x45;
        int total = 20 + len;
        b[16] = (byte) (total >> 8);
        b[17] = (byte) total;
        b[18] = (byte) (id >> 8);
        b[19] = (byte) id;
        int frag = (more ? 0x2000 : 0) | (offset / 8);
        b[20] = (byte) (frag >> 8);
        b[21] = (byte) frag;
        b[22] = 64;
        b[23] = 17;
        b[26] = 10;
        b[29] = 1;
        b[30] = 10;
        b[33] = 2;
        java.util.Arrays.fill(b, 34, b.length, (byte) fill);
        return DissectorTestKit.frame(LinkType.ETHERNET, b, b.length, b.length, number);
    }

    @Test
    void tenThousandOverlappingCopiesStayWithinTheFragmentLimit() {
        Reassembly<String> r = new Reassembly<>(4096, 1024, 64L << 20);
        byte[] payload = new byte[1000];
        PacketBuffer buf = new PacketBuffer();
        buf.reset(Unpooled.wrappedBuffer(payload), 0, payload.length);
        int evictions = 0;
        for (int i = 0; i < 10_000; i++) {
            assertNull(r.add("d", buf, 0, 1000, 0, true, i + 1));
            evictions += r.evicted();
            assertTrue(r.pendingBytes() <= 1024 * 1000L, () -> "pending " + r.pendingBytes());
        }
        assertEquals(9, evictions, "one eviction per 1024 copies past the first set");
        // the datagram still completes from what is kept
        assertNotNull(r.add("d", buf, 0, 1000, 1000, false, 10_001));
        assertEquals(0, r.pendingBytes());
    }

    @Test
    void manyIncompleteDatagramsStayWithinTheByteLimit() {
        Reassembly<Integer> r = new Reassembly<>(1_000_000, 1024, 100_000);
        byte[] payload = new byte[1000];
        PacketBuffer buf = new PacketBuffer();
        buf.reset(Unpooled.wrappedBuffer(payload), 0, payload.length);
        for (int id = 0; id < 10_000; id++) {
            r.add(id, buf, 0, 1000, 0, true, id + 1);
            assertTrue(r.pendingBytes() <= 100_000);
        }
        assertEquals(100, r.pendingDatagrams());
    }

    @Test
    void theFrameThatHitsALimitCarriesTheNote() throws Exception {
        Limits limits = new Limits();
        limits.set(Limits.IP_DATAGRAMS, "100");
        DissectorEngine engine = StandardProtocols.engine(limits);
        Dissection d = new Dissection();
        d.recordFields(true);
        for (int id = 0; id < 100; id++) {
            engine.dissect(fragment(id + 1, id, 0, true, 64, id), d);
            assertTrue(d.find(Ipv4Dissector.REASSEMBLY_LIMIT) < 0, "no note before the limit");
        }
        engine.dissect(fragment(101, 100, 0, true, 64, 0), d);
        assertTrue(d.find(Ipv4Dissector.REASSEMBLY_LIMIT) >= 0, "the 101st datagram evicts the first");
        // the evicted datagram's tail no longer completes it: shown as a lone fragment
        engine.dissect(fragment(102, 0, 64, false, 8, 0), d);
        assertTrue(d.info.toString().startsWith("Fragmented IP protocol"), d.info::toString);
    }

    @Test
    void tenThousandOverlappingFramesThroughTheEngine() {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(true);
        int notes = 0;
        for (int i = 0; i < 10_000; i++) {
            engine.dissect(fragment(i + 1, 7, 0, true, 1400, i), d);
            notes += d.find(Ipv4Dissector.REASSEMBLY_LIMIT) >= 0 ? 1 : 0;
        }
        engine.dissect(fragment(10_001, 7, 1400, false, 100, 0), d);
        // the copies kept since the last eviction complete it; tshark 4.0 prints the same
        // line for these 10,001 frames (it keeps every copy, 176 MB)
        assertEquals("0 → 0 [BAD UDP LENGTH 0 < 8]", d.info.toString());
        assertEquals(9, notes);
    }
}
