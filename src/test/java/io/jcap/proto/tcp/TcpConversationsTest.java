package io.jcap.proto.tcp;

import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.eth.EthDissector;
import io.jcap.proto.eth.EtherTypeDispatch;
import io.jcap.proto.frame.FrameDissector;
import io.jcap.proto.ipv4.Ipv4Dissector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded conversation table: lookups in both directions, port reuse, eviction of the oldest. */
class TcpConversationsTest {

    private static Address v4(int a) {
        Address x = new Address();
        x.type = Address.Type.IPV4;
        x.length = 4;
        x.bytes[0] = (byte) (a >> 24);
        x.bytes[1] = (byte) (a >> 16);
        x.bytes[2] = (byte) (a >> 8);
        x.bytes[3] = (byte) a;
        return x;
    }

    private record Key(int a, int pa, int b, int pb) {
    }

    private record Conv(Key key, int stream) {
    }

    @Test
    void matchesAReferenceModelWhileEvicting() {
        int max = 64;
        TcpConversations t = new TcpConversations(max);
        List<Conv> created = new ArrayList<>();
        Random rnd = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            // few addresses and ports: many repeats, reverse directions and reuses
            Key k = new Key(rnd.nextInt(6), 1 + rnd.nextInt(8), rnd.nextInt(6), 1 + rnd.nextInt(8));
            boolean reverse = rnd.nextBoolean();
            if (reverse) {
                t.key(v4(k.b), k.pb, v4(k.a), k.pa);
            } else {
                t.key(v4(k.a), k.pa, v4(k.b), k.pb);
            }
            // the model: the newest live conversation of this 4-tuple, either direction
            Conv want = null;
            for (int j = created.size() - 1; j >= Math.max(0, created.size() - max); j--) {
                Key c = created.get(j).key;
                if (c.equals(k) || c.equals(new Key(k.b, k.pb, k.a, k.pa))) {
                    want = created.get(j);
                    break;
                }
            }
            int slot = t.find();
            if (want == null) {
                assertEquals(-1, slot, "lookup " + i);
            } else {
                assertTrue(slot >= 0, "lookup " + i);
                assertEquals(want.stream, t.stream[slot], "lookup " + i);
            }
            if (slot < 0 || rnd.nextInt(10) == 0) {
                slot = t.create(); // new 4-tuple, or a port reuse
                assertEquals(created.size(), t.stream[slot]);
                created.add(new Conv(k, t.stream[slot]));
            }
            assertTrue(t.size() <= max);
        }
    }

    @Test
    void flowsFollowTheAddressOrder() {
        TcpConversations t = new TcpConversations(8);
        t.key(v4(0x0a000001), 40000, v4(0x0a000002), 50000);
        int slot = t.create();
        int f1 = t.fwd(slot);
        t.key(v4(0x0a000002), 50000, v4(0x0a000001), 40000);
        assertEquals(slot, t.find());
        assertEquals(f1, t.rev(slot));
        // same address both ways: the ports decide, and equal ports share one flow (as Wireshark)
        t.key(v4(7), 5, v4(7), 5);
        int s2 = t.create();
        int f = t.fwd(s2);
        t.key(v4(7), 5, v4(7), 5);
        assertEquals(f, t.fwd(t.find()));
    }

    @Test
    void theDissectorKeepsAtMostItsBound() {
        EngineBuilder b = new EngineBuilder();
        DataDissector data = new DataDissector(b);
        new FrameDissector(b, data);
        EtherTypeDispatch types = new EtherTypeDispatch(b, data);
        new EthDissector(b, types, data);
        new Ipv4Dissector(b, data);
        TcpDissector tcp = new TcpDissector(b, data, 100);
        DissectorEngine engine = b.build();
        Dissection d = new Dissection();
        d.recordFields(true);
        for (int i = 0; i < 1000; i++) {
            String hex = TcpTesting.tcp4("10.0.0.1", "10.0.0.2", 1024 + i, 80, 1, 0, TcpDissector.SYN, 100, "", "");
            TcpTesting.dissect(engine, TcpTesting.frame(i + 1, hex, "0"), d);
            assertEquals(i, TcpTesting.value(d, TcpFields.STREAM));
        }
        assertEquals(100, tcp.conversations());
        // a recent conversation is still known: its SYN again is a retransmission in stream 999
        String hex = TcpTesting.tcp4("10.0.0.1", "10.0.0.2", 1024 + 999, 80, 1, 0, TcpDissector.SYN, 100, "", "");
        TcpTesting.dissect(engine, TcpTesting.frame(1001, hex, "1"), d);
        assertEquals(999, TcpTesting.value(d, TcpFields.STREAM));
        assertTrue(d.info.toString().startsWith("[TCP Retransmission] "), d.info.toString());
        // an evicted one starts afresh with the next index
        hex = TcpTesting.tcp4("10.0.0.1", "10.0.0.2", 1024, 80, 1, 0, TcpDissector.SYN, 100, "", "");
        TcpTesting.dissect(engine, TcpTesting.frame(1002, hex, "2"), d);
        assertEquals(1000, TcpTesting.value(d, TcpFields.STREAM));
    }
}
