package io.jcap.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.InputStream;

/**
 * A sliding window over a stream: records are parsed in place and frames are slices
 * of {@link #buffer()}, so reading copies nothing after the kernel's read. The window
 * grows only as far as the largest record needs.
 */
public final class InputWindow {
    private static final int INITIAL = 1 << 20;
    private final InputStream in;
    private byte[] bytes;
    private ByteBuf buf;
    private int pos;
    private int limit;
    private long streamOffsetOfBuffer;
    private boolean eof;

    public InputWindow(InputStream in) {
        this(in, INITIAL);
    }

    InputWindow(InputStream in, int size) {
        this.in = in;
        this.bytes = new byte[size];
        this.buf = Unpooled.wrappedBuffer(bytes);
    }

    /**
     * Makes {@code n} bytes readable at {@link #position()} if the stream has them.
     * Returns how many are readable, which is less than {@code n} only at the end.
     */
    public int fill(int n) throws IOException {
        int have = limit - pos;
        if (have >= n) {
            return n;
        }
        if (pos + n > bytes.length) {
            makeRoom(n);
        }
        while (limit - pos < n && !eof) {
            int r;
            try {
                r = in.read(bytes, limit, bytes.length - limit);
            } catch (java.io.EOFException e) {
                // a gzip stream that ends early: the file was cut short
                throw new CaptureFileException(CaptureFileException.Kind.CUT_SHORT);
            }
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return Math.min(n, limit - pos);
    }

    private void makeRoom(int n) {
        int have = limit - pos;
        byte[] target = n <= bytes.length ? bytes : new byte[Math.max(n, bytes.length * 2)];
        System.arraycopy(bytes, pos, target, 0, have);
        streamOffsetOfBuffer += pos;
        if (target != bytes) {
            bytes = target;
            buf = Unpooled.wrappedBuffer(bytes);
        }
        pos = 0;
        limit = have;
    }

    /** Bytes readable now without touching the stream. */
    public int available() {
        return limit - pos;
    }

    /** True when nothing is left, reading the stream if needed. */
    public boolean atEnd() throws IOException {
        return fill(1) == 0;
    }

    public ByteBuf buffer() {
        return buf;
    }

    /** The array behind {@link #buffer()} (same indexes), for readers that parse headers in place. */
    public byte[] array() {
        return bytes;
    }

    /** Index in {@link #buffer()} of the next unread byte. */
    public int position() {
        return pos;
    }

    public void skip(int n) {
        pos += n;
    }

    /** Offset in the (decompressed) stream of the next unread byte. */
    public long streamOffset() {
        return streamOffsetOfBuffer + pos;
    }

    /** Skips {@code n} bytes that may be more than the window holds; false if the stream ends first. */
    public boolean skipLong(long n) throws IOException {
        while (n > 0) {
            int have = fill((int) Math.min(n, bytes.length));
            if (have == 0) {
                return false;
            }
            pos += have;
            n -= have;
        }
        return true;
    }

    public void close() throws IOException {
        in.close();
    }
}
