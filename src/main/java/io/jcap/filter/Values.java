package io.jcap.filter;

import io.jcap.field.FieldType;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The values one operand has in one packet (dfvm's register): all of one field type,
 * kept in parallel arrays that grow once and are then reused, so a filter evaluates
 * without allocating. Integers, times and IPv4 addresses are longs; floats doubles;
 * strings String objects; byte sequences views (a byte[] or ByteBuf, offset, length).
 */
final class Values {
    final FieldType type;
    final FTypes.Kind kind;
    int n;
    long[] num = new long[4];
    double[] dbl;
    /** byte[], ByteBuf or String. */
    Object[] obj = new Object[4];
    int[] off = new int[4];
    int[] len = new int[4];
    /** Prefix bits of IPv4 and IPv6 values (32 or 128 for addresses from packets). */
    int[] bits = new int[4];
    /** Bytes made while evaluating (MAC addresses, joined slices), reused per packet. */
    private byte[] scratch = new byte[64];
    private int scratchUsed;

    Values(FieldType type) {
        this.type = type;
        this.kind = FTypes.kind(type);
        if (kind == FTypes.Kind.FLOAT) {
            dbl = new double[4];
        }
    }

    void clear() {
        if (n > 0 && (kind == FTypes.Kind.BYTES || kind == FTypes.Kind.STRING || kind == FTypes.Kind.IPV6)) {
            Arrays.fill(obj, 0, n, null);
        }
        n = 0;
        scratchUsed = 0;
    }

    private int slot() {
        if (n == num.length) {
            int m = n * 2;
            num = Arrays.copyOf(num, m);
            obj = Arrays.copyOf(obj, m);
            off = Arrays.copyOf(off, m);
            len = Arrays.copyOf(len, m);
            bits = Arrays.copyOf(bits, m);
            if (dbl != null) {
                dbl = Arrays.copyOf(dbl, m);
            }
        }
        return n++;
    }

    void addLong(long v) {
        int i = slot();
        num[i] = v;
        bits[i] = kind == FTypes.Kind.IPV4 ? 32 : 0;
    }

    /**
     * An integer that tshark holds as signed although the register's type is unsigned:
     * an unsigned subtraction that went below zero (tshark then makes it an INT32).
     */
    void addSignedLong(long v) {
        int i = slot();
        num[i] = v;
        bits[i] = SIGNED;
    }

    /** The mark of {@link #addSignedLong} in {@link #bits}. */
    static final int SIGNED = 1;

    void addIPv4(long v, int prefix) {
        int i = slot();
        num[i] = v;
        bits[i] = prefix;
    }

    void addDouble(double v) {
        int i = slot();
        dbl[i] = v;
    }

    void addString(String s) {
        int i = slot();
        obj[i] = s;
    }

    void addBytes(Object source, int offset, int length) {
        int i = slot();
        obj[i] = source;
        off[i] = offset;
        len[i] = length;
        bits[i] = 128;
    }

    void addIPv6(Object b, int offset, int prefix) {
        int i = slot();
        obj[i] = b;
        off[i] = offset;
        len[i] = 16;
        bits[i] = prefix;
    }

    void addNone() {
        slot();
    }

    /** Room for {@code length} bytes of scratch; returns its offset in {@link #scratch()}. */
    int reserve(int length) {
        if (scratchUsed + length > scratch.length) {
            // earlier values keep pointing at the old array, which stays valid
            scratch = new byte[Math.max(scratch.length * 2, scratchUsed + length)];
            scratchUsed = 0;
        }
        int at = scratchUsed;
        scratchUsed += length;
        return at;
    }

    byte[] scratch() {
        return scratch;
    }

    /** A 48-bit MAC address as bytes in scratch. */
    void addEther(long mac) {
        int at = reserve(6);
        byte[] b = scratch;
        for (int k = 0; k < 6; k++) {
            b[at + k] = (byte) (mac >>> (8 * (5 - k)));
        }
        addBytes(b, at, 6);
    }

    // ---- reading byte views

    static int byteAt(Object src, int off, int i) {
        if (src instanceof byte[] b) {
            return b[off + i] & 0xFF;
        }
        return ((ByteBuf) src).getUnsignedByte(off + i);
    }

    int byteAt(int value, int i) {
        return byteAt(obj[value], off[value], i);
    }

    /** The bytes of value {@code i} of a byte-sequence register, or of a string's UTF-8 encoding. */
    byte[] bytes(int i) {
        if (obj[i] instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        byte[] b = new byte[len[i]];
        for (int k = 0; k < b.length; k++) {
            b[k] = (byte) byteAt(i, k);
        }
        return b;
    }

    String string(int i) {
        return (String) obj[i];
    }
}
