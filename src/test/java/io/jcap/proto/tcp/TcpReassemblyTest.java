package io.jcap.proto.tcp;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.eth.EthDissector;
import io.jcap.proto.eth.EtherTypeDispatch;
import io.jcap.proto.frame.FrameDissector;
import io.jcap.proto.http.HttpDissector;
import io.jcap.proto.ipv4.Ipv4Dissector;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fragment rules of the PDU table (Wireshark's fragment_add) and its bounds. */
class TcpReassemblyTest {
    private static PacketBuffer bytes(String s) {
        PacketBuffer b = new PacketBuffer();
        byte[] a = s.getBytes(StandardCharsets.ISO_8859_1);
        b.reset(Unpooled.wrappedBuffer(a), 0, a.length);
        return b;
    }

    @Test
    void completesWhenContiguousUpToTheTail() {
        TcpReassembly r = new TcpReassembly();
        TcpReassembly.Flow f = new TcpReassembly.Flow();
        TcpReassembly.Msp m = r.store(f, 100, 110, 1);
        assertNull(r.add(f, m, bytes("abcd"), 0, 0, 4, true, 1));
        // the tail arrives before the middle: known length, a gap
        assertNull(r.add(f, m, bytes("ij"), 0, 8, 2, false, 2));
        TcpReassembly.Msp done = r.add(f, m, bytes("efgh"), 0, 4, 4, true, 3);
        assertNotNull(done);
        assertEquals(10, done.datalen);
        assertEquals("abcdefghij", new String(done.data, 0, done.datalen, StandardCharsets.ISO_8859_1));
    }

    @Test
    void dataAddedToAFinishedPduIsAnError() {
        TcpReassembly r = new TcpReassembly();
        TcpReassembly.Flow f = new TcpReassembly.Flow();
        TcpReassembly.Msp m = r.store(f, 0, 6, 1);
        r.add(f, m, bytes("abc"), 0, 0, 3, true, 1);
        assertNotNull(r.add(f, m, bytes("def"), 0, 3, 3, false, 2));
        TcpReassembly.ReassemblyError e = assertThrows(TcpReassembly.ReassemblyError.class,
                () -> r.add(f, m, bytes("ef"), 0, 4, 2, true, 3));
        assertEquals("New fragment overlaps old data (retransmission?)", e.getMessage());
        e = assertThrows(TcpReassembly.ReassemblyError.class, () -> r.add(f, m, bytes("gh"), 0, 6, 2, true, 4));
        assertEquals("New fragment past old data limits", e.getMessage());
        // a partial reassembly may grow past its end
        TcpReassembly.setPartial(m);
        assertNotNull(r.add(f, m, bytes("gh"), 0, 6, 2, false, 5));
        assertEquals("abcdefgh", new String(m.data, 0, m.datalen, StandardCharsets.ISO_8859_1));
    }

    @Test
    void theFirstBytesToArriveWin() {
        TcpReassembly r = new TcpReassembly();
        TcpReassembly.Flow f = new TcpReassembly.Flow();
        TcpReassembly.Msp m = r.store(f, 0, 6, 1);
        r.add(f, m, bytes("abcd"), 0, 0, 4, true, 1);
        assertNotNull(r.add(f, m, bytes("XXef"), 0, 2, 4, false, 2));
        assertEquals("abcdef", new String(m.data, 0, 6, StandardCharsets.ISO_8859_1));
    }

    @Test
    void splitMovesTheRestToANewPdu() {
        TcpReassembly r = new TcpReassembly();
        TcpReassembly.Flow f = new TcpReassembly.Flow();
        TcpReassembly.Msp m = r.store(f, 1000, 1004, 1);
        r.add(f, m, bytes("abcd"), 0, 0, 4, true, 1);
        assertNotNull(r.add(f, m, bytes("efgh"), 0, 4, 4, false, 2));
        TcpReassembly.Msp n = r.split(f, m, 6, 2);
        assertEquals(1006, n.seq);
        assertEquals(2, n.firstFrame);
        assertEquals(1006, m.nxtpdu);
        assertEquals(6, m.datalen);
        assertEquals("gh", new String(n.data, 0, 2, StandardCharsets.ISO_8859_1));
        assertEquals(n, f.exact(1006));
        assertEquals(m, f.atOrBelow(1005));
    }

    @Test
    void atMostSoManyPdusPerFlow() {
        TcpReassembly r = new TcpReassembly();
        TcpReassembly.Flow f = new TcpReassembly.Flow();
        for (int i = 0; i < 1000; i++) {
            TcpReassembly.Msp m = r.store(f, i * 10, i * 10 + 5, i + 1);
            r.add(f, m, bytes("ab"), 0, 0, 2, true, i + 1);
        }
        assertEquals(TcpReassembly.MAX_MSPS, f.count);
        assertNotNull(f.exact(9990));
        assertNull(f.exact(0));
    }

    /** Connections that leave a request unfinished hold state only while their conversation is kept. */
    @Test
    void stateFollowsTheConversationBound() {
        EngineBuilder b = new EngineBuilder();
        DataDissector data = new DataDissector(b);
        new FrameDissector(b, data);
        EtherTypeDispatch types = new EtherTypeDispatch(b, data);
        new EthDissector(b, types, data);
        new Ipv4Dissector(b, data);
        TcpDissector tcp = new TcpDissector(b, data, 100);
        new HttpDissector(b, data);
        DissectorEngine engine = b.build();
        Dissection d = new Dissection();
        String partial = HexFormat.of().formatHex("GET / HTTP/1.1\r\nHo".getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < 1000; i++) {
            String hex = TcpTesting.tcp4("10.0.0.1", "10.0.0.2", 1024 + i, 80, 1, 1, TcpDissector.ACK
                    | TcpDissector.PSH, 100, "", partial);
            TcpTesting.dissect(engine, TcpTesting.frame(i + 1, hex, "0"), d);
            assertTrue(d.info.toString().endsWith("[TCP segment of a reassembled PDU]"), d.info.toString());
        }
        assertTrue(tcp.reassemblyFlows() <= 100, "flows with state: " + tcp.reassemblyFlows());
    }
}
