package io.jcap.proto.tcp;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.dissect.Limits;
import io.jcap.frame.Frame;
import io.jcap.frame.LinkType;
import io.jcap.proto.DissectorTestKit;
import io.jcap.proto.StandardProtocols;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TCP stream that never closes, carrying an HTTP body that never ends: reassembly gives
 * the PDU up at tcp.reassembly_max_pdu_bytes with jcap's expert note, and nothing grows
 * past the bound or throws.
 */
class EndlessStreamTest {
    /** Ethernet + IPv4 + TCP (PSH, ACK) from 10.0.0.1:40000 to 10.0.0.2:80 at relative seq {@code seq}. */
    static Frame segment(long number, long seq, byte[] payload) {
        byte[] b = new byte[14 + 20 + 20 + payload.length];
        b[12] = 0x08;
        b[14] = 0x45;
        int total = 40 + payload.length;
        b[16] = (byte) (total >> 8);
        b[17] = (byte) total;
        b[22] = 64;
        b[23] = 6;
        b[26] = 10;
        b[29] = 1;
        b[30] = 10;
        b[33] = 2;
        int t = 34;
        b[t] = (byte) (40000 >> 8);
        b[t + 1] = (byte) 40000;
        b[t + 3] = 80;
        long raw = 1000 + seq;
        for (int i = 0; i < 4; i++) {
            b[t + 4 + i] = (byte) (raw >> (24 - 8 * i));
        }
        b[t + 11] = 1;
        b[t + 12] = 0x50;
        b[t + 13] = 0x18;
        b[t + 14] = (byte) 0xff;
        b[t + 15] = (byte) 0xff;
        System.arraycopy(payload, 0, b, 54, payload.length);
        return DissectorTestKit.frame(LinkType.ETHERNET, b, b.length, b.length, number);
    }

    @Test
    void aBodyThatNeverEndsIsGivenUpAtTheLimit() throws Exception {
        Limits limits = new Limits();
        limits.set(Limits.TCP_PDU_BYTES, "100000");
        DissectorEngine engine = StandardProtocols.engine(limits);
        Dissection d = new Dissection();
        d.recordFields(true);
        byte[] head = "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        long seq = 1;
        engine.dissect(segment(1, seq, head), d);
        seq += head.length;
        byte[] body = new byte[1400];
        int firstNote = -1;
        int notes = 0;
        for (int n = 2; n <= 2000; n++) {
            engine.dissect(segment(n, seq, body), d);
            seq += body.length;
            if (d.find(TcpDissector.REASSEMBLY_LIMIT) >= 0) {
                notes++;
                if (firstNote < 0) {
                    firstNote = n;
                }
            }
        }
        // 100,000 bytes of PDU: the head and about 71 segments of body
        assertTrue(firstNote > 2 && firstNote < 100, "first note in frame " + firstNote);
        assertEquals(1, notes, "the PDU is given up once; later segments are new data");
    }
}
