package io.jcap.proto.http;

import io.jcap.buffer.PacketBuffer;

/**
 * Text helpers over packet bytes, with Wireshark's exact rules: line ends
 * (tvb_find_line_end), the text form of packet bytes in columns (format_text) and the
 * number parsers HTTP relies on. One instance per dissector: the results of a call are left in
 * its fields ({@link #nextOffset}, {@link #parsedEnd}).
 */
public final class HttpText {

    /** Where the line found by {@link #findLineEnd} is followed by the next one. */
    int nextOffset;

    /**
     * tvb_find_line_end: the length of the line at {@code offset} among the {@code len}
     * captured bytes there (CR, LF or CRLF ends it), setting {@link #nextOffset}. Without
     * an end: -1 when {@code desegment}, else the rest is the line. A CR that is the last
     * byte is an end only when not {@code desegment}.
     */
    int findLineEnd(PacketBuffer buf, int offset, int len, boolean desegment) {
        int end = offset + len;
        for (int i = offset; i < end; i++) {
            int c = buf.byteAt(i);
            if (c == '\r' || c == '\n') {
                int eol = i;
                if (c == '\r') {
                    if (eol + 1 >= end) {
                        if (desegment) {
                            return -1;
                        }
                    } else if (buf.byteAt(eol + 1) == '\n') {
                        eol++;
                    }
                }
                nextOffset = eol + 1;
                return i - offset;
            }
        }
        if (desegment) {
            return -1;
        }
        nextOffset = end;
        return len;
    }

    /** The bytes [off, off+len) as a Latin-1 string (for comparisons and values). */
    static String ascii(PacketBuffer buf, int off, int len) {
        byte[] b = new byte[len];
        buf.copyUnchecked(off, b, 0, len);
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The bytes decoded as UTF-8, invalid sequences replaced (tvb_get_string_enc with ENC_ASCII/UTF-8). */
    public static String utf8(PacketBuffer buf, int off, int len) {
        byte[] b = new byte[len];
        buf.copyUnchecked(off, b, 0, len);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Case-insensitive comparison of packet bytes with an ASCII string; false when the bytes are not there. */
    static boolean equalsIgnoreCase(PacketBuffer buf, int off, String s) {
        if (off < 0 || off + s.length() > buf.capturedEnd()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int c = buf.byteAt(off + i);
            if (Character.toLowerCase((char) c) != Character.toLowerCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(PacketBuffer buf, int off, int len, String s) {
        if (len < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf.byteAt(off + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * format_text: UTF-8 text with printable characters as themselves, non-printable ASCII
     * as C escapes (\n, \r, \t ... or octal), other non-printable characters as \\uXXXX and
     * invalid sequences as U+FFFD.
     */
    public static void formatText(StringBuilder sb, PacketBuffer buf, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = buf.byteAt(i);
            if (c < 0x80) {
                i++;
                if (c >= 0x20 && c < 0x7F) {
                    sb.append((char) c);
                } else {
                    io.jcap.field.Formats.controlEscape(sb, c, false);
                }
                continue;
            }
            // a multi-byte sequence
            int need;
            int cp;
            if (c >= 0xC0 && c < 0xE0) {
                need = 1;
                cp = c & 0x1F;
            } else if (c >= 0xE0 && c < 0xF0) {
                need = 2;
                cp = c & 0x0F;
            } else if (c >= 0xF0 && c < 0xF8) {
                need = 3;
                cp = c & 0x07;
            } else {
                sb.append('\uFFFD');
                i++;
                continue;
            }
            int j = i + 1;
            boolean ok = true;
            for (int k = 0; k < need; k++, j++) {
                if (j >= end || (buf.byteAt(j) & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
                cp = (cp << 6) | (buf.byteAt(j) & 0x3F);
            }
            if (!ok) {
                sb.append('\uFFFD');
                i = j;
                continue;
            }
            i = j;
            if (printable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xFFFF) {
                sb.append("\\u").append(HEX[(cp >> 12) & 15]).append(HEX[(cp >> 8) & 15]).append(HEX[(cp >> 4) & 15])
                        .append(HEX[cp & 15]);
            } else {
                sb.append("\\U");
                for (int s = 28; s >= 0; s -= 4) {
                    sb.append(HEX[(cp >> s) & 15]);
                }
            }
        }
    }

    /** g_unichar_isprint. */
    private static boolean printable(int cp) {
        if (cp > 0x10FFFF) {
            return false;
        }
        int t = Character.getType(cp);
        return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
                && t != Character.SURROGATE && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR
                || cp == 0x2028 || cp == 0x2029;
    }

    /** g_ascii_strtoll base 10 with its end: returns the value, sets {@link #parsedEnd} (index into s). */
    int parsedEnd;
    boolean parseRange;

    long strtoll(String s, int from) {
        int i = from;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int digits = i;
        long v = 0;
        parseRange = false;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            int dgt = s.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - dgt) / 10) {
                parseRange = true;
                v = Long.MAX_VALUE;
            } else if (!parseRange) {
                v = v * 10 + dgt;
            }
            i++;
        }
        if (i == digits) {
            parsedEnd = from;
            return 0;
        }
        parsedEnd = i;
        if (parseRange) {
            return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return neg ? -v : v;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 11 || c == 12;
    }
}
