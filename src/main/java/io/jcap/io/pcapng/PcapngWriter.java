package io.jcap.io.pcapng;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSink;
import io.jcap.frame.InterfaceInfo;

import java.io.IOException;

import static io.jcap.io.LittleEndian.put16;
import static io.jcap.io.LittleEndian.put32;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * pcapng, little-endian: one section header, an interface description block the first
 * time each input interface is seen (with if_tsresol 9 for nanosecond sources), and an
 * enhanced packet block per frame. Writes to a stream; files are someone else's job.
 */
public final class PcapngWriter implements FrameSink {
    private final OutputStream out;
    private final String application;
    private final Map<Integer, Integer> interfaces = new HashMap<>();
    /** if_tsresol of each interface written, by output index. */
    private final java.util.List<Integer> resolutions = new java.util.ArrayList<>();
    private final byte[] block = new byte[64];
    private final byte[] copy = new byte[PcapngFormat.MAX_RECORD];
    private boolean started;

    public PcapngWriter(OutputStream out, String application) {
        this.out = out;
        this.application = application;
    }

    /** Writes the section header now (a file with no packets still has one). */
    public void start() throws IOException {
        byte[] app = application.getBytes(StandardCharsets.UTF_8);
        int optLen = 4 + pad(app.length) + 4;
        int total = 28 + optLen;
        byte[] b = new byte[total];
        put32(b, 0, PcapngFormat.SHB);
        put32(b, 4, total);
        put32(b, 8, PcapngFormat.BYTE_ORDER_MAGIC);
        put16(b, 12, 1);
        put16(b, 14, 0);
        put32(b, 16, -1);
        put32(b, 20, -1);
        put16(b, 24, PcapngFormat.SHB_USERAPPL);
        put16(b, 26, app.length);
        System.arraycopy(app, 0, b, 28, app.length);
        put32(b, total - 4, total);
        out.write(b);
        started = true;
    }

    public void startIfNeeded() throws IOException {
        if (!started) {
            start();
        }
    }

    private int interfaceFor(Frame f, InterfaceInfo info) throws IOException {
        Integer known = interfaces.get(f.interfaceId);
        if (known != null) {
            return known;
        }
        int id = interfaces.size();
        interfaces.put(f.interfaceId, id);
        int tsresol = info != null ? info.tsresol() : f.precision > 6 ? 9 : 6;
        boolean resolution = tsresol != 6;
        byte[] name = info != null && info.name() != null ? info.name().getBytes(StandardCharsets.UTF_8) : null;
        int optLen = (resolution ? 8 : 0) + (name != null ? 4 + pad(name.length) : 0);
        if (optLen > 0) {
            optLen += 4;
        }
        int total = 20 + optLen;
        byte[] b = new byte[total];
        put32(b, 0, PcapngFormat.IDB);
        put32(b, 4, total);
        put16(b, 8, f.linkType);
        put32(b, 12, info == null ? 0 : info.snapLength());
        int o = 16;
        if (name != null) {
            put16(b, o, PcapngFormat.IF_NAME);
            put16(b, o + 2, name.length);
            System.arraycopy(name, 0, b, o + 4, name.length);
            o += 4 + pad(name.length);
        }
        if (resolution) {
            put16(b, o, PcapngFormat.IF_TSRESOL);
            put16(b, o + 2, 1);
            b[o + 4] = (byte) tsresol;
            o += 8;
        }
        put32(b, total - 4, total);
        out.write(b);
        resolutions.add(tsresol);
        return id;
    }

    @Override
    public void write(Frame f, InterfaceInfo info) throws IOException {
        if (!started) {
            start();
        }
        int id = interfaceFor(f, info);
        long units = units(f.seconds, f.nanos, resolutions.get(id));
        int cap = f.capturedLength;
        int total = 32 + pad(cap);
        put32(block, 0, PcapngFormat.EPB);
        put32(block, 4, total);
        put32(block, 8, id);
        put32(block, 12, (int) (units >>> 32));
        put32(block, 16, (int) units);
        put32(block, 20, cap);
        put32(block, 24, f.originalLength);
        out.write(block, 0, 28);
        if (f.data.hasArray()) {
            out.write(f.data.array(), f.data.arrayOffset() + f.offset, cap);
        } else {
            f.data.getBytes(f.offset, copy, 0, cap);
            out.write(copy, 0, cap);
        }
        int padding = pad(cap) - cap;
        for (int i = 0; i < padding; i++) {
            block[28 + i] = 0;
        }
        put32(block, 28 + padding, total);
        out.write(block, 28, padding + 4);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * A time stamp in if_tsresol units, such that reading it back gives the same
     * seconds and nanoseconds (binary fractions are rounded up for that).
     */
    static long units(long seconds, int nanos, int tsresol) {
        int n = tsresol & 0x7F;
        if ((tsresol & 0x80) != 0) {
            java.math.BigInteger frac = java.math.BigInteger.valueOf(nanos).shiftLeft(n)
                    .add(java.math.BigInteger.valueOf(999_999_999L)).divide(java.math.BigInteger.valueOf(1_000_000_000L));
            return java.math.BigInteger.valueOf(seconds).shiftLeft(n).add(frac).longValue();
        }
        long perSecond = 1;
        for (int i = 0; i < n; i++) {
            perSecond *= 10;
        }
        long frac = n <= 9 ? nanos / (1_000_000_000L / perSecond) : nanos * (perSecond / 1_000_000_000L);
        return seconds * perSecond + frac;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
