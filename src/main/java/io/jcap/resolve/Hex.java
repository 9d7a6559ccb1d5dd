package io.jcap.resolve;

/** Lower-case hex digits without String.format. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static void appendByte(StringBuilder sb, int b) {
        sb.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
    }

    /** {@code v} as {@code digits} hex digits, zero-padded. */
    public static void append(StringBuilder sb, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(DIGITS[(int) (v >>> (4 * i)) & 0xF]);
        }
    }

    public static char digit(int v) {
        return DIGITS[v & 0xF];
    }
}
