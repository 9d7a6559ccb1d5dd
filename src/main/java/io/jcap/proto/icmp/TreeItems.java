package io.jcap.proto.icmp;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Expert;
import io.jcap.field.Base;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.field.Formats;
import io.jcap.field.Protocol;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Tree items the ICMP and ICMPv6 dissectors share, with the texts tshark's generic
 * helpers give them: checksums with their status (proto_tree_add_checksum), bitmask
 * headers with the names of the set flags (proto_tree_add_bitmask), text-only items,
 * and Wireshark's time-span texts. Everything here runs only when fields are recorded.
 */
public final class TreeItems {
    /** Items that are only text in the tree (proto_tree_add_subtree and friends): no field of their own. */
    public static final FieldDef TEXT = new Protocol("", "", "").field;

    /** proto_checksum_vals. */
    public static final int BAD = 0;
    public static final int GOOD = 1;
    public static final int UNVERIFIED = 2;
    public static final int NOT_PRESENT = 3;
    private static final String[] STATUS = {"Bad", "Good", "Unverified", "Not present", "Illegal"};

    private TreeItems() {
    }

    /**
     * A text-only item under the open item; returns its row. With a tree, adding it
     * requires its bytes (tshark checks the bounds of a text item only when there is a tree).
     */
    public static int text(Dissection d, PacketBuffer buf, int offset, int length, String text) {
        if (!d.tree()) {
            return -1;
        }
        buf.check(offset, length);
        return d.addText(TEXT, offset, length, text);
    }

    /** A text-only item that the following items go under (close it with {@link Dissection#close}). */
    public static int subtree(Dissection d, PacketBuffer buf, int offset, int length, String text) {
        int row = text(d, buf, offset, length, text);
        d.openRow(row);
        return row;
    }

    /**
     * A checksum verified as an Internet checksum over data that includes it
     * (PROTO_CHECKSUM_VERIFY | PROTO_CHECKSUM_IN_CKSUM): {@code computed} is the folded
     * one's-complement of the sum (0 when correct).
     */
    public static int checksumVerified(Dissection d, FieldDef field, FieldDef status, FieldDef badExpert, int offset,
                                       int checksum, int computed) {
        int row = d.add(field, offset, 2, checksum);
        if (computed == 0) {
            d.setText(row, hexLabel(field.name, checksum, 4) + " [correct]");
            status(d, status, offset, GOOD);
            return row;
        }
        int shouldBe = shouldBe(checksum, computed);
        status(d, status, offset, BAD);
        String hex = hex(shouldBe, 4);
        d.setText(row, hexLabel(field.name, checksum, 4) + " incorrect, should be 0x" + hex);
        d.openRow(row);
        Expert.add(d, badExpert, Expert.Severity.WARNING, Expert.Group.CHECKSUM,
                "Bad checksum [should be 0x" + hex + "]", offset, 2);
        d.close();
        return row;
    }

    /** A checksum that is not verified (PROTO_CHECKSUM_NO_FLAGS): "[unverified]" and the status. */
    public static int checksumUnverified(Dissection d, FieldDef field, FieldDef status, int offset, int checksum,
                                         String note) {
        int row = d.add(field, offset, 2, checksum);
        String text = hexLabel(field.name, checksum, 4) + " [unverified]";
        d.setText(row, note != null ? text + " " + note : text);
        status(d, status, offset, UNVERIFIED);
        return row;
    }

    /** A checksum that is absent (PROTO_CHECKSUM_NOT_PRESENT): "[missing]", generated. */
    public static int checksumMissing(Dissection d, FieldDef field, FieldDef status, int offset) {
        int row = d.add(field, offset, 2, 0);
        d.setText(row, field.name + ": [missing]");
        d.flag(row, Dissection.GENERATED);
        status(d, status, offset, NOT_PRESENT);
        return row;
    }

    private static void status(Dissection d, FieldDef status, int offset, int value) {
        int row = d.add(status, offset, 0, value);
        d.setText(row, status.name + ": " + STATUS[value]);
        d.flag(row, Dissection.GENERATED);
    }

    /** in_cksum_shouldbe: the checksum the data needed, from the one it has and the computed remainder. */
    public static int shouldBe(int checksum, int computed) {
        int s = checksum + computed;
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return s & 0xffff;
    }

    /** ip_checksum_tvb: the one's-complement of the folded sum of {@code length} bytes (plus {@code initial}). */
    public static int internetChecksum(PacketBuffer buf, int offset, int length, long initial) {
        long sum = initial;
        int i = 0;
        for (; i + 1 < length; i += 2) {
            sum += buf.u16(offset + i);
        }
        if (i < length) {
            sum += buf.u8(offset + i) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /**
     * proto_tree_add_bitmask: the header field with ", Name" for each set boolean flag and
     * ", Name: value" for each integer part with value names, then the parts under it.
     * Booleans store the containing value; integers their masked bits.
     */
    public static int bitmask(Dissection d, FieldDef header, int offset, int length, long value, FieldDef... parts) {
        if (!d.tree()) {
            return -1;
        }
        int row = d.add(header, offset, length, value);
        StringBuilder sb = new StringBuilder(64);
        number(sb.append(header.name).append(": "), header, value);
        appendFlags(sb, value, parts);
        d.setText(row, sb.toString());
        d.openRow(row);
        for (FieldDef f : parts) {
            d.addBits(f, offset, length, value);
        }
        d.close();
        return row;
    }

    /** A bitmask read from the packet: with a tree its bytes are required (none are read without one). */
    public static int bitmask(Dissection d, PacketBuffer buf, FieldDef header, int offset, int length,
                              FieldDef... parts) {
        if (!d.tree()) {
            return -1;
        }
        buf.check(offset, length);
        long v = switch (length) {
            case 1 -> buf.u8(offset);
            case 2 -> buf.u16(offset);
            case 3 -> buf.u24(offset);
            default -> buf.u32(offset);
        };
        return bitmask(d, header, offset, length, v, parts);
    }

    /** Bytes shown in an item text: at most 36, then an ellipsis (bytes_to_str). */
    public static final int MAX_SHOWN_BYTES = 36;

    /** A byte-string field (FT_BYTES) whose text shows at most 36 bytes. */
    public static int bytes(Dissection d, PacketBuffer buf, FieldDef f, int off, int len) {
        int row = d.addBytes(f, off, len);
        if (row >= 0 && len > MAX_SHOWN_BYTES) {
            StringBuilder sb = new StringBuilder(f.name.length() + 2 + 2 * MAX_SHOWN_BYTES + 1);
            sb.append(f.name).append(": ");
            for (int i = 0; i < MAX_SHOWN_BYTES; i++) {
                Formats.hex(sb, buf.u8(off + i), 2);
            }
            d.setText(row, sb.append('\u2026').toString());
        }
        return row;
    }

    /** An IPv6 address field from the packet. */
    public static int ipv6(Dissection d, PacketBuffer buf, FieldDef f, int off) {
        if (!d.tree()) {
            return -1;
        }
        byte[] b = new byte[16];
        buf.bytes(off, b, 0, 16);
        return d.addObject(f, off, 16, b);
    }

    /** An IPv6 address field of {@code len} bytes, zero-padded (proto_tree_add_ipv6 of a short prefix). */
    public static int ipv6Prefix(Dissection d, PacketBuffer buf, FieldDef f, int off, int len) {
        if (!d.tree()) {
            return -1;
        }
        byte[] b = new byte[16];
        buf.bytes(off, b, 0, len);
        return d.addObject(f, off, len, b);
    }

    /** An EUI-64 field: "00:11:22:33:44:55:66:77". */
    public static int eui64(Dissection d, PacketBuffer buf, FieldDef f, int off) {
        if (!d.tree()) {
            return -1;
        }
        long v = buf.i64(off);
        int row = d.add(f, off, 8, v);
        d.setText(row, f.name + ": " + eui64Name(d, v) + " (" + eui64Text(v) + ")");
        return row;
    }

    /**
     * An EUI-64 as item texts name it: the vendor of its first three bytes and the other
     * five ("CIMSYS_33:44:55:66:77"), or "00:00:00_00:00:00:00:00" without a vendor or with -n
     * the plain address.
     */
    static String eui64Name(Dissection d, long v) {
        if (d.etherNames == null) {
            return eui64Text(v);
        }
        long oui = v >>> 40;
        String name = d.etherNames.name(oui << 24);
        int us = name.lastIndexOf('_');
        StringBuilder sb = new StringBuilder(32);
        if (us > 0 && name.substring(us + 1).equals("00:00:00")) {
            sb.append(name, 0, us);
        } else {
            for (int i = 7; i >= 5; i--) {
                Formats.hex(sb, (v >>> (8 * i)) & 0xff, 2);
                if (i > 5) {
                    sb.append(':');
                }
            }
        }
        sb.append('_');
        for (int i = 4; i >= 0; i--) {
            Formats.hex(sb, (v >>> (8 * i)) & 0xff, 2);
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    public static String eui64Text(long v) {
        StringBuilder sb = new StringBuilder(23);
        for (int i = 7; i >= 0; i--) {
            Formats.hex(sb, (v >>> (8 * i)) & 0xff, 2);
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    public static String ipv6Text(byte[] b) {
        return Formats.ipv6(new StringBuilder(40), b, 0).toString();
    }

    /** The names proto_tree_add_bitmask appends to its header for {@code value}. */
    public static void appendFlags(StringBuilder sb, long value, FieldDef... parts) {
        for (FieldDef f : parts) {
            if (f.type == FieldType.BOOLEAN) {
                if ((value & f.mask) != 0) {
                    sb.append(", ").append(f.name);
                }
            } else if (f.values != null) {
                long v = (value & f.mask) >>> f.shift();
                String name = f.values.name(v);
                sb.append(", ").append(f.name).append(": ").append(name != null ? name : "Unknown");
            }
        }
    }

    /** An unsigned integer by its field's base, as a label shows it (HEX, DEC, HEX_DEC, DEC_HEX). */
    public static StringBuilder number(StringBuilder sb, FieldDef f, long v) {
        int digits = Math.max(1, (f.type.bits() + 3) / 4);
        Base base = f.base;
        if (base == Base.HEX) {
            sb.append("0x");
            Formats.hex(sb, v, digits);
        } else if (base == Base.HEX_DEC) {
            sb.append("0x");
            Formats.hex(sb, v, digits).append(" (").append(v).append(')');
        } else if (base == Base.DEC_HEX) {
            sb.append(v).append(" (0x");
            Formats.hex(sb, v, digits).append(')');
        } else {
            sb.append(v);
        }
        return sb;
    }

    public static String hexLabel(String name, long v, int digits) {
        return name + ": 0x" + hex(v, digits);
    }

    public static String hex(long v, int digits) {
        return Formats.hex(new StringBuilder(digits), v, digits).toString();
    }

    /** printf("%.3f") of a double (glibc rounds the exact binary value, ties to even). */
    public static String fixed3(double v) {
        return new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** signed_time_secs_to_str: "3 minutes, 20 seconds", "0 seconds", "-1 second"... */
    public static String timeSecs(long secs) {
        if (secs == 0) {
            return "0 seconds";
        }
        StringBuilder sb = new StringBuilder(48);
        if (secs < 0) {
            sb.append('-');
            secs = -secs;
        }
        spans(sb, secs, 0, false);
        return sb.toString();
    }

    /** signed_time_msecs_to_str: "5 hours, 3 minutes, 2.123 seconds". */
    public static String timeMsecs(long msecs) {
        if (msecs == 0) {
            return "0 seconds";
        }
        StringBuilder sb = new StringBuilder(48);
        if (msecs < 0) {
            sb.append('-');
            msecs = -msecs;
        }
        spans(sb, msecs / 1000, msecs % 1000, false);
        return sb.toString();
    }

    /** unsigned_time_secs_to_str_buf: days, hours, minutes, seconds (with a fraction). */
    static void spans(StringBuilder sb, long time, long frac, boolean nsecs) {
        long secs = time % 60;
        time /= 60;
        long mins = time % 60;
        time /= 60;
        long hours = time % 24;
        time /= 24;
        boolean comma = false;
        if (time != 0) {
            sb.append(time).append(time == 1 ? " day" : " days");
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
        if (secs != 0 || frac != 0) {
            sb.append(comma ? ", " : "");
            if (frac != 0) {
                String f = Long.toString(frac);
                sb.append(secs).append('.');
                for (int i = f.length(); i < (nsecs ? 9 : 3); i++) {
                    sb.append('0');
                }
                sb.append(f).append(" seconds");
            } else {
                sb.append(secs).append(secs == 1 ? " second" : " seconds");
            }
        }
    }

    /** tvb_get_string_enc(ENC_ASCII) as a string field keeps it: up to a NUL, bytes above 0x7f as U+FFFD. */
    public static String ascii(PacketBuffer buf, int off, int len) {
        StringBuilder sb = new StringBuilder(Math.max(0, len));
        for (int i = 0; i < len; i++) {
            int c = buf.u8(off + i);
            if (c == 0) {
                break;
            }
            sb.append(c < 0x80 ? (char) c : '\uFFFD');
        }
        return sb.toString();
    }

    /** A string field whose item text escapes what format_text escapes. */
    public static int string(Dissection d, FieldDef f, int off, int len, String value) {
        int row = d.addObject(f, off, len, value);
        if (row >= 0 && needsEscape(value)) {
            d.setText(row, f.name + ": " + formatText(value));
        }
        return row;
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** format_text: C escapes for control characters, octal for the other unprintable ones. */
    public static String formatText(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c < 0x20 || c == 0x7f) {
                io.jcap.field.Formats.controlEscape(sb, c, false);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
