package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.field.Formats;
import io.netty.buffer.ByteBuf;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A field's value as text, the way tshark's -T fields prints it: integers by base
 * (0x-padded hex, decimal), booleans 1/0, present FT_NONE items 1, addresses in their
 * usual form, byte strings as plain hex, relative times with nine decimals, absolute
 * times as "Nov 22, 2026 00:20:49.931432000 UTC".
 */
public final class FieldText {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private final ZoneId zone;

    public FieldText(ZoneId zone) {
        this.zone = zone;
    }

    /** Appends the value of row {@code row} of {@code d}. */
    public void append(StringBuilder sb, Dissection d, int row) {
        FieldDef f = d.fieldDef(row);
        long v = d.fieldValue(row);
        Object o = d.fieldObject(row);
        switch (f.type) {
            case BOOLEAN -> sb.append(booleanValue(f, v) ? '1' : '0');
            case NONE -> sb.append('1');
            case PROTOCOL -> {
                // tshark: the item's text when a dissector set one, else the filter name;
                // uninterpreted data as its bytes in hex
                String label = d.fieldLabel(row);
                if (f.abbrev.equals("data") || FieldValues.isSubProtocol(f)) {
                    bytes(sb, d, row, o);
                } else {
                    sb.append(label != null ? label : f.abbrev);
                }
            }
            case ETHER -> Formats.ether(sb, v);
            case IPV4 -> Formats.ipv4(sb, (int) v);
            case IPV6 -> {
                if (o instanceof byte[] b) {
                    Formats.ipv6(sb, b, 0);
                }
            }
            case STRING, STRINGZ, STRINGZPAD, STRINGZTRUNC, UINT_STRING -> {
                if (o != null) {
                    sb.append(o);
                }
            }
            case BYTES, UINT_BYTES -> bytes(sb, d, row, o);
            case RELATIVE_TIME -> relative(sb, v);
            case ABSOLUTE_TIME -> absolute(sb, v);
            case DOUBLE, FLOAT -> sb.append(o instanceof Number n ? n.doubleValue() : Double.longBitsToDouble(v));
            case FRAMENUM -> sb.append(v);
            default -> {
                if (f.type.isInteger()) {
                    integer(sb, f, v);
                } else if (o != null) {
                    sb.append(o);
                }
            }
        }
    }

    static boolean booleanValue(FieldDef f, long v) {
        return f.mask != 0 ? (v & f.mask) != 0 : v != 0;
    }

    /** The field's own value of an integer row (bits outside the mask dropped). */
    static long integerValue(FieldDef f, long v) {
        if (f.mask != 0) {
            v &= f.mask >>> f.shift();
        }
        int bits = f.type.bits();
        if (f.type.isSigned() && bits < 64) {
            v = (v << (64 - bits)) >> (64 - bits);
        } else if (bits < 64) {
            v &= (1L << bits) - 1;
        }
        return v;
    }

    static void integer(StringBuilder sb, FieldDef f, long raw) {
        long v = integerValue(f, raw);
        switch (f.base) {
            case HEX, HEX_DEC -> hex(sb, f, v);
            case OCT -> sb.append('0').append(Long.toOctalString(v));
            default -> {
                if (f.type == FieldType.UINT64) {
                    sb.append(Long.toUnsignedString(v));
                } else {
                    sb.append(v);
                }
            }
        }
    }

    /** 0x and as many hex digits as the field's type has (masked or not). */
    static void hex(StringBuilder sb, FieldDef f, long v) {
        int digits = Math.max(1, (f.type.bits() + 3) / 4);
        sb.append("0x");
        Formats.hex(sb, v, digits);
    }

    private static void bytes(StringBuilder sb, Dissection d, int row, Object o) {
        if (o instanceof byte[] b) {
            Formats.hexBytes(sb, b, 0, b.length);
            return;
        }
        ByteBuf raw = d.fieldSource(row);
        int from = d.fieldSourceBase(row) + d.fieldOffset(row);
        int n = d.fieldCapturedLength(row);
        for (int i = 0; i < n; i++) {
            int b = raw.getUnsignedByte(from + i);
            sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
    }

    /** Nanoseconds as seconds with nine decimals. */
    public static void relative(StringBuilder sb, long ns) {
        if (ns < 0) {
            sb.append('-');
            ns = -ns;
        }
        sb.append(ns / 1_000_000_000L).append('.');
        String frac = Long.toString(ns % 1_000_000_000L);
        for (int i = frac.length(); i < 9; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** "Nov 22, 2026 00:20:49.931432000 UTC" in the local zone. */
    public void absolute(StringBuilder sb, long ns) {
        long sec = Math.floorDiv(ns, 1_000_000_000L);
        long nanos = Math.floorMod(ns, 1_000_000_000L);
        Instant at = Instant.ofEpochSecond(sec);
        LocalDateTime t = LocalDateTime.ofInstant(at, zone);
        sb.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        if (t.getDayOfMonth() < 10) {
            sb.append(' ');
        }
        sb.append(t.getDayOfMonth()).append(", ").append(t.getYear()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append('.');
        String frac = Long.toString(nanos);
        for (int i = frac.length(); i < 9; i++) {
            sb.append('0');
        }
        sb.append(frac).append(' ').append(zoneName(at));
    }

    private String zoneName(Instant at) {
        boolean dst = zone.getRules().isDaylightSavings(at);
        String name = java.util.TimeZone.getTimeZone(zone).getDisplayName(dst, java.util.TimeZone.SHORT, Locale.ROOT);
        return name.startsWith("GMT") && zone.getRules().getOffset(at).getTotalSeconds() == 0 ? "UTC" : name;
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
