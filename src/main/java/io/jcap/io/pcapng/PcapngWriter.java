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
    private final int[] precisionOf = new int[1024];
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
        boolean nanos = f.precision > 6;
        byte[] name = info != null && info.name() != null ? info.name().getBytes(StandardCharsets.UTF_8) : null;
        int optLen = (nanos ? 8 : 0) + (name != null ? 4 + pad(name.length) : 0);
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
        if (nanos) {
            put16(b, o, PcapngFormat.IF_TSRESOL);
            put16(b, o + 2, 1);
            b[o + 4] = 9;
            o += 8;
        }
        put32(b, total - 4, total);
        out.write(b);
        if (id < precisionOf.length) {
            precisionOf[id] = nanos ? 9 : 6;
        }
        return id;
    }

    @Override
    public void write(Frame f, InterfaceInfo info) throws IOException {
        if (!started) {
            start();
        }
        int id = interfaceFor(f, info);
        boolean nanos = id < precisionOf.length && precisionOf[id] == 9;
        long units = nanos ? f.seconds * 1_000_000_000L + f.nanos : f.seconds * 1_000_000L + f.nanos / 1000;
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

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
