package io.jcap.proto.tcp;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.field.FieldDef;
import io.jcap.frame.Frame;
import io.netty.buffer.Unpooled;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds frames from hex and runs them through an engine, as tshark would read them from a file. */
final class TcpTesting {
    static final long T0 = 1_700_000_000L;

    private TcpTesting() {
    }

    /** An Ethernet frame captured at {@code T0 + offset} seconds. */
    static Frame frame(long number, String hex, int capturedLength, int originalLength, String offset) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        Frame f = new Frame();
        f.data = Unpooled.wrappedBuffer(bytes);
        f.offset = 0;
        f.capturedLength = capturedLength;
        f.originalLength = originalLength;
        f.linkType = 1;
        f.number = number;
        long micros = Math.round(Double.parseDouble(offset) * 1_000_000);
        f.seconds = T0 + micros / 1_000_000;
        f.nanos = (int) (micros % 1_000_000) * 1000;
        return f;
    }

    static Frame frame(long number, String hex, String offset) {
        int n = hex.length() / 2;
        return frame(number, hex, n, n, offset);
    }

    /** Dissects {@code f}; whatever happens, no exception may escape the engine. */
    static void dissect(DissectorEngine engine, Frame f, Dissection d) {
        try {
            engine.dissect(f, d);
        } catch (RuntimeException e) {
            throw new AssertionError("exception escaped the engine on frame " + f.number, e);
        }
    }

    /** The value of the first row of {@code f}; fails when the field is absent. */
    static long value(Dissection d, FieldDef f) {
        int row = d.find(f);
        assertTrue(row >= 0, () -> f.abbrev + " missing");
        return d.fieldValue(row);
    }

    static boolean has(Dissection d, FieldDef f) {
        return d.find(f) >= 0;
    }

    static int count(Dissection d, FieldDef f) {
        int n = 0;
        for (int i = 0; i < d.fieldCount(); i++) {
            if (d.fieldDef(i) == f) {
                n++;
            }
        }
        return n;
    }

    /** Builds an Ethernet/IPv4/TCP frame (checksums left zero: tshark does not check them). */
    static String tcp4(String src, String dst, int sport, int dport, long seq, long ack, int flags, int win,
                       String optionsHex, String payloadHex) {
        byte[] opts = HexFormat.of().parseHex(optionsHex);
        byte[] payload = HexFormat.of().parseHex(payloadHex);
        int optLen = (opts.length + 3) & ~3;
        int hlen = 20 + optLen;
        int total = 20 + hlen + payload.length;
        byte[] b = new byte[14 + total];
        byte[] eth = HexFormat.of().parseHex("0011223344550066778899aa0800");
        System.arraycopy(eth, 0, b, 0, 14);
        int o = 14;
        b[o] = 0x45;
        b[o + 2] = (byte) (total >> 8);
        b[o + 3] = (byte) total;
        b[o + 5] = 1;
        b[o + 8] = 64;
        b[o + 9] = 6;
        ip(b, o + 12, src);
        ip(b, o + 16, dst);
        int t = o + 20;
        b[t] = (byte) (sport >> 8);
        b[t + 1] = (byte) sport;
        b[t + 2] = (byte) (dport >> 8);
        b[t + 3] = (byte) dport;
        put32(b, t + 4, seq);
        put32(b, t + 8, ack);
        b[t + 12] = (byte) (((hlen / 4) << 4) | ((flags >> 8) & 0x0F));
        b[t + 13] = (byte) flags;
        b[t + 14] = (byte) (win >> 8);
        b[t + 15] = (byte) win;
        System.arraycopy(opts, 0, b, t + 20, opts.length);
        System.arraycopy(payload, 0, b, t + hlen, payload.length);
        return HexFormat.of().formatHex(b);
    }

    private static void ip(byte[] b, int o, String a) {
        String[] p = a.split("\\.");
        for (int i = 0; i < 4; i++) {
            b[o + i] = (byte) Integer.parseInt(p[i]);
        }
    }

    private static void put32(byte[] b, int o, long v) {
        b[o] = (byte) (v >> 24);
        b[o + 1] = (byte) (v >> 16);
        b[o + 2] = (byte) (v >> 8);
        b[o + 3] = (byte) v;
    }
}
