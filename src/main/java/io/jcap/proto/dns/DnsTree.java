package io.jcap.proto.dns;

import io.jcap.field.FieldDef;
import io.jcap.field.Formats;
import io.jcap.field.Protocol;

/**
 * Texts of DNS tree items that tshark 4.0 formats by hand: section and record headers
 * ("Queries", "name: type A, class IN, addr 10.0.0.1"), bit fields whose labels differ
 * between queries and responses, and durations ("3 minutes, 45 seconds"). Only called
 * when a tree is built.
 */
final class DnsTree {
    /** Wireshark's "_ws.string" expert items (strings with bytes after a NUL). */
    static final Protocol STRING = new Protocol("_ws.string", "String", "String");
    static final FieldDef TRAILING_STRAY = STRING.declare("_ws.string.trailing_stray_characters",
            "Trailing stray characters", io.jcap.field.FieldType.NONE, io.jcap.field.Base.NONE, null, 0L, 0, null,
            null, null, null, null);

    /** Text-only items (proto_tree_add_subtree): no field of their own. */
    static final FieldDef TEXT = new Protocol("", "", "").field;

    private DnsTree() {
    }

    /** "..1. .... = Name: text" for a bit of a {@code width}-bit value. */
    static String bitText(long value, long mask, int width, String name, String text) {
        StringBuilder sb = new StringBuilder(64);
        Formats.bits(sb, value & mask, mask, width);
        return sb.append(name).append(": ").append(text).toString();
    }

    /** unsigned_time_secs_to_str: "0 seconds", "1 day, 2 hours, 3 minutes, 4 seconds". */
    static String timeSecs(long time) {
        if (time == 0) {
            return "0 seconds";
        }
        StringBuilder sb = new StringBuilder(48);
        long secs = time % 60;
        time /= 60;
        long mins = time % 60;
        time /= 60;
        long hours = time % 24;
        long days = time / 24;
        boolean comma = false;
        if (days != 0) {
            sb.append(days).append(days == 1 ? " day" : " days");
            comma = true;
        }
        if (hours != 0) {
            sb.append(comma ? ", " : "").append(hours).append(hours == 1 ? " hour" : " hours");
            comma = true;
        }
        if (mins != 0) {
            sb.append(comma ? ", " : "").append(mins).append(mins == 1 ? " minute" : " minutes");
            comma = true;
        }
        if (secs != 0) {
            sb.append(comma ? ", " : "").append(secs).append(secs == 1 ? " second" : " seconds");
        }
        return sb.toString();
    }

    /** "Name: value (duration)" for a 32-bit count of seconds. */
    static String seconds(String name, long v) {
        return name + ": " + v + " (" + timeSecs(v) + ")";
    }

    /** printf("%g"): six significant digits, trailing zeros dropped, exponent form outside 1e-4 .. 1e6. */
    static String g(double v) {
        if (v == 0) {
            return "0";
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v).round(new java.math.MathContext(6,
                java.math.RoundingMode.HALF_EVEN));
        int exp = b.precision() - b.scale() - 1;
        if (exp < -4 || exp >= 6) {
            java.math.BigDecimal m = b.movePointLeft(exp).stripTrailingZeros();
            String ms = m.toPlainString();
            return ms + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String s = b.stripTrailingZeros().toPlainString();
        return s;
    }

    /**
     * A formatted label as tshark's 240-byte label buffer keeps it: one too long is cut and
     * marked, " [truncated]" and its first 226 bytes (ASCII labels only reach here).
     */
    static String label(String text) {
        return text.length() <= 239 ? text : " [truncated]" + text.substring(0, 226);
    }

    /** Text appended to an item stops at tshark's 240-byte label buffer. */
    static String cut(CharSequence text) {
        return text.length() > 239 ? text.subSequence(0, 239).toString() : text.toString();
    }

    /**
     * proto_tree_add_item's check of an ASCII or UTF-8 string item (the row just added): in
     * the string as converted to UTF-8, bytes other than NUL after its end (its first NUL) and
     * within the item's length are "Trailing stray characters".
     */
    static void strayCharacters(io.jcap.dissect.Dissection d, io.jcap.buffer.PacketBuffer buf, int off, int len,
                                boolean utf8) {
        byte[] raw = new byte[len];
        buf.bytes(off, raw, 0, len);
        byte[] s;
        if (utf8) {
            s = new String(raw, java.nio.charset.StandardCharsets.UTF_8).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            // ASCII conversion: each byte above 0x7f becomes U+FFFD, three bytes in UTF-8
            StringBuilder sb = new StringBuilder(len);
            for (byte b : raw) {
                sb.append(b < 0 ? '\uFFFD' : (char) b);
            }
            s = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        int i = 0;
        while (i < s.length && s[i] != 0) {
            i++;
        }
        for (; i < len && i < s.length; i++) {
            if (s[i] != 0) {
                int open = d.openRowIndex();
                d.openRow(d.fieldCount() - 1);
                io.jcap.dissect.Expert.add(d, TRAILING_STRAY, io.jcap.dissect.Expert.Severity.WARNING,
                        io.jcap.dissect.Expert.Group.UNDECODED, "Trailing stray characters", off, len);
                d.openRow(open);
                return;
            }
        }
    }
}
