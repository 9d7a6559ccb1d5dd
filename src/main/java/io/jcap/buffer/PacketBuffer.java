package io.jcap.buffer;

import io.jcap.frame.Frame;
import io.netty.buffer.ByteBuf;

/**
 * A checked, read-only view of one frame's bytes at absolute offsets (0 = first byte
 * of the frame). Every read is bounds-checked against the current layer's reported
 * end and the captured length, and fails with {@link BoundsException} telling which.
 * One instance is reused for every frame; {@link #narrow} and {@link #restore} bracket
 * a sub-layer the way Wireshark's sub-tvbs do.
 */
public final class PacketBuffer {
    private ByteBuf buf;
    private int base;
    /**
     * The backing array of {@link #buf} when it has one (frames, reassembled PDUs), else
     * null; {@link #arrayBase} is where the view's offset 0 is in it. Reads go to the
     * array directly: one monomorphic path instead of a ByteBuf call per read.
     */
    private byte[] array;
    private int arrayBase;
    private int captured;
    private int reported;
    /** Reported end of the current layer. */
    private int end;
    /** min(end, captured): reads below it succeed. */
    private int readable;

    public void reset(Frame f) {
        buf = f.data;
        base = f.offset;
        direct();
        captured = Math.min(f.capturedLength, Math.max(f.originalLength, 0));
        reported = Math.max(f.originalLength, 0);
        end = reported;
        readable = captured;
    }

    /** For tests and embedders: a view of bytes that were captured whole. */
    public void reset(ByteBuf bytes, int offset, int length) {
        buf = bytes;
        base = offset;
        direct();
        captured = length;
        reported = length;
        end = length;
        readable = length;
    }

    private void direct() {
        if (buf.hasArray()) {
            array = buf.array();
            arrayBase = buf.arrayOffset() + base;
        } else {
            array = null;
        }
    }

    /** What {@link #switchTo} replaced, to give back to {@link #switchBack}. */
    public record Saved(ByteBuf buf, int base, int captured, int reported, int end) {
    }

    /**
     * Points the view at other bytes (a reassembled datagram) until {@link #switchBack};
     * offsets then count from the first of those bytes.
     */
    public Saved switchTo(ByteBuf bytes, int length) {
        Saved s = new Saved(buf, base, captured, reported, end);
        reset(bytes, 0, length);
        return s;
    }

    public void switchBack(Saved s) {
        buf = s.buf;
        base = s.base;
        direct();
        captured = s.captured;
        reported = s.reported;
        end = s.end;
        readable = Math.min(end, captured);
    }

    /** Limits reads to {@code newEnd} (reported); returns the previous end for {@link #restore}. */
    public int narrow(int newEnd) {
        int old = end;
        if (newEnd < end) {
            end = newEnd;
            readable = Math.min(end, captured);
        }
        return old;
    }

    public void restore(int oldEnd) {
        end = oldEnd;
        readable = Math.min(end, captured);
    }

    /** Reported end of the current layer. */
    public int end() {
        return end;
    }

    /** Captured end of the current layer. */
    public int capturedEnd() {
        return readable;
    }

    public int frameCaptured() {
        return captured;
    }

    public int frameReported() {
        return reported;
    }

    /** Bytes that can be read from {@code off} (0 if past the end). */
    public int capturedRemaining(int off) {
        return Math.max(0, readable - off);
    }

    public int reportedRemaining(int off) {
        return Math.max(0, end - off);
    }

    /**
     * Throws the right {@link BoundsException} unless [off, off+n) is readable. As in
     * Wireshark's tvb checks the start is judged first: a read starting past the captured
     * bytes but within the reported ones is a capture cut, whatever its length.
     */
    public void check(int off, int n) {
        if (off < 0 || n < 0 || off + n > readable) {
            throw failure(off, n);
        }
    }

    private BoundsException failure(int off, int n) {
        if (off < 0 || n < 0) {
            return BoundsException.MALFORMED;
        }
        if (off > readable) {
            return off <= end ? BoundsException.TRUNCATED : BoundsException.MALFORMED;
        }
        return off + n > end ? BoundsException.MALFORMED : BoundsException.TRUNCATED;
    }

    public int u8(int off) {
        check(off, 1);
        byte[] a = array;
        return a != null ? a[arrayBase + off] & 0xFF : buf.getUnsignedByte(base + off);
    }

    public int u16(int off) {
        check(off, 2);
        byte[] a = array;
        if (a != null) {
            int p = arrayBase + off;
            return (a[p] & 0xFF) << 8 | a[p + 1] & 0xFF;
        }
        return buf.getUnsignedShort(base + off);
    }

    public int u16le(int off) {
        check(off, 2);
        byte[] a = array;
        if (a != null) {
            int p = arrayBase + off;
            return (a[p + 1] & 0xFF) << 8 | a[p] & 0xFF;
        }
        return buf.getUnsignedShortLE(base + off);
    }

    public int u24(int off) {
        check(off, 3);
        byte[] a = array;
        if (a != null) {
            int p = arrayBase + off;
            return (a[p] & 0xFF) << 16 | (a[p + 1] & 0xFF) << 8 | a[p + 2] & 0xFF;
        }
        return buf.getUnsignedMedium(base + off);
    }

    /** Big-endian 32 bits as an int (callers mask with 0xFFFFFFFFL when they need it unsigned). */
    public int i32(int off) {
        check(off, 4);
        byte[] a = array;
        if (a != null) {
            int p = arrayBase + off;
            return a[p] << 24 | (a[p + 1] & 0xFF) << 16 | (a[p + 2] & 0xFF) << 8 | a[p + 3] & 0xFF;
        }
        return buf.getInt(base + off);
    }

    public long u32(int off) {
        return i32(off) & 0xFFFFFFFFL;
    }

    public long u32le(int off) {
        check(off, 4);
        return buf.getUnsignedIntLE(base + off);
    }

    public long i64(int off) {
        check(off, 8);
        return buf.getLong(base + off);
    }

    /** 48 bits big-endian, as MAC addresses are kept. */
    public long u48(int off) {
        check(off, 6);
        return ((long) u16(off) << 32) | u32(off + 2);
    }

    public void bytes(int off, byte[] dst, int dstOff, int n) {
        check(off, n);
        if (array != null) {
            System.arraycopy(array, arrayBase + off, dst, dstOff, n);
        } else {
            buf.getBytes(base + off, dst, dstOff, n);
        }
    }

    /** Unchecked: {@link #bytes} for callers that checked the range already (as {@link #byteAt}). */
    public void copyUnchecked(int off, byte[] dst, int dstOff, int n) {
        if (array != null) {
            System.arraycopy(array, arrayBase + off, dst, dstOff, n);
        } else {
            buf.getBytes(base + off, dst, dstOff, n);
        }
    }

    /** Unchecked: the byte at {@code off}, for callers that checked the range already. */
    public int byteAt(int off) {
        byte[] a = array;
        return a != null ? a[arrayBase + off] & 0xFF : buf.getUnsignedByte(base + off);
    }

    /** The underlying buffer and where the frame starts in it, for printers (hex dumps). */
    public ByteBuf raw() {
        return buf;
    }

    public int rawBase() {
        return base;
    }
}
