package io.jcap.io.pcap;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSink;
import io.jcap.frame.InterfaceInfo;

import java.io.IOException;

import static io.jcap.io.LittleEndian.put16;
import static io.jcap.io.LittleEndian.put32;
import java.io.OutputStream;

/**
 * Classic pcap in this machine's conventional little-endian order. One link type per
 * file (the first frame's); microsecond or nanosecond time stamps. Knows nothing of
 * files: it writes to a stream.
 */
public final class PcapWriter implements FrameSink {
    private final OutputStream out;
    private final boolean nanos;
    private final byte[] header = new byte[PcapFormat.RECORD_HEADER_LENGTH];
    private final byte[] copy = new byte[PcapFormat.MAX_RECORD];
    private boolean started;
    private int linkType = -1;

    public PcapWriter(OutputStream out, boolean nanos) {
        this.out = out;
        this.nanos = nanos;
    }

    /** Writes the file header now (a file with no packets still has one). */
    public void start(int linkType, int snapLength) throws IOException {
        byte[] h = new byte[PcapFormat.HEADER_LENGTH];
        put32(h, 0, nanos ? PcapFormat.MAGIC_NANOS : PcapFormat.MAGIC_MICROS);
        put16(h, 4, 2);
        put16(h, 6, 4);
        put32(h, 16, snapLength == 0 ? PcapFormat.MAX_RECORD : snapLength);
        put32(h, 20, linkType);
        out.write(h);
        started = true;
        this.linkType = linkType;
    }

    public int linkType() {
        return linkType;
    }

    /** A frame whose link type differs from the file's: pcap holds one. */
    public static final class LinkTypeMismatch extends IOException {
        public LinkTypeMismatch() {
            super("frame with a different link type", null);
        }
    }

    @Override
    public void write(Frame f, InterfaceInfo iface) throws IOException {
        if (!started) {
            start(f.linkType, iface == null ? 0 : iface.snapLength());
        } else if (f.linkType != linkType) {
            throw new LinkTypeMismatch();
        }
        long frac = nanos ? f.nanos : f.nanos / 1000;
        put32(header, 0, (int) f.seconds);
        put32(header, 4, (int) frac);
        put32(header, 8, f.capturedLength);
        put32(header, 12, f.originalLength);
        out.write(header);
        if (f.data.hasArray()) {
            out.write(f.data.array(), f.data.arrayOffset() + f.offset, f.capturedLength);
        } else {
            f.data.getBytes(f.offset, copy, 0, f.capturedLength);
            out.write(copy, 0, f.capturedLength);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
