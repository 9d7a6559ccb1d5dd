package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.Base;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.field.Formats;
import io.jcap.resolve.EtherNames;

/**
 * The text of a tree item as tshark's -V prints it, when the dissector did not set one:
 * "Name: value" with value names ("Protocol: TCP (6)"), bases ("0x0800", "0xfc07
 * (64519)"), units, booleans by their true/false texts, and for bit fields the bit
 * pattern in front ("0100 .... = Version: 4").
 */
public final class TreeLabel {
    private final FieldText values;
    private final EtherNames etherNames;

    /** {@code etherNames} null: MAC addresses without names (-n). */
    public TreeLabel(FieldText values, EtherNames etherNames) {
        this.values = values;
        this.etherNames = etherNames;
    }

    public void append(StringBuilder sb, Dissection d, int row) {
        String label = d.fieldLabel(row);
        if (label != null) {
            sb.append(label);
            return;
        }
        FieldDef f = d.fieldDef(row);
        long v = d.fieldValue(row);
        switch (f.type) {
            case PROTOCOL -> sb.append(f.protocol.name);
            case NONE -> sb.append(f.name);
            case BOOLEAN -> {
                boolean on = FieldText.booleanValue(f, v);
                if (f.mask != 0) {
                    bits(sb, v & f.mask, f.mask, f.bitWidth > 0 ? f.bitWidth : 8);
                }
                sb.append(f.name).append(": ");
                sb.append(on ? (f.trueText != null ? f.trueText : "True") : (f.falseText != null ? f.falseText : "False"));
            }
            case ETHER -> {
                sb.append(f.name).append(": ");
                if (etherNames != null) {
                    // with names, the number follows in parentheses even when there is no name
                    sb.append(etherNames.name(v)).append(" (");
                    Formats.ether(sb, v);
                    sb.append(')');
                } else {
                    Formats.ether(sb, v);
                }
            }
            case BYTES, UINT_BYTES -> {
                sb.append(f.name).append(": ");
                bytes(sb, d, row);
            }
            case RELATIVE_TIME -> {
                sb.append(f.name).append(": ");
                FieldText.relative(sb, v);
                sb.append(" seconds");
            }
            default -> {
                if (f.type.isInteger()) {
                    integer(sb, f, v);
                } else {
                    sb.append(f.name).append(": ");
                    values.append(sb, d, row);
                }
            }
        }
    }

    /** Labels show at most this many bytes of a byte string, then "…" (Wireshark's MAX_BYTE_STR_LEN / 2). */
    static final int MAX_LABEL_BYTES = 36;

    /** A byte string as labels show it: plain hex, cut after 36 bytes with "…"; "<MISSING>" when empty. */
    private void bytes(StringBuilder sb, Dissection d, int row) {
        int start = sb.length();
        values.append(sb, d, row);
        int hex = sb.length() - start;
        if (hex == 0) {
            sb.append("<MISSING>");
        } else if (hex > 2 * MAX_LABEL_BYTES) {
            sb.setLength(start + 2 * MAX_LABEL_BYTES);
            sb.append('\u2026');
        }
    }

    private static void integer(StringBuilder sb, FieldDef f, long raw) {
        long v = FieldText.integerValue(f, raw);
        if (f.mask != 0) {
            bits(sb, (v << f.shift()) & f.mask, f.mask, f.type.bits());
        }
        sb.append(f.name).append(": ");
        String name = f.values != null ? f.values.name(v) : null;
        if (f.values != null) {
            sb.append(name != null ? name : "Unknown");
            if (f.base != Base.NONE) {
                // BASE_NONE with value names: the name alone
                sb.append(" (");
                number(sb, f, v, true);
                sb.append(')');
            }
        } else {
            number(sb, f, v, false);
            if (f.unit != null) {
                sb.append(v == 1 ? f.unit : f.units);
            }
        }
    }

    /** The number by the field's base; {@code named}: inside parentheses after a value name. */
    private static void number(StringBuilder sb, FieldDef f, long v, boolean named) {
        Base base = f.base;
        switch (base) {
            case HEX -> hex(sb, f, v);
            case DEC_HEX -> {
                decimal(sb, f, v);
                if (!named) {
                    sb.append(" (");
                    hex(sb, f, v);
                    sb.append(')');
                }
            }
            case HEX_DEC -> {
                hex(sb, f, v);
                if (!named) {
                    sb.append(" (");
                    decimal(sb, f, v);
                    sb.append(')');
                }
            }
            case OCT -> sb.append('0').append(Long.toOctalString(v));
            case OUI -> {
                // "00:0b:db (Dell Inc.)", cut to the 31 characters of tshark's buffer
                int start = sb.length();
                Formats.hex(sb, (v >>> 16) & 0xFF, 2).append(':');
                Formats.hex(sb, (v >>> 8) & 0xFF, 2).append(':');
                Formats.hex(sb, v & 0xFF, 2);
                String vendor = named ? null : io.jcap.resolve.OuiNames.get().name(v);
                if (vendor != null) {
                    sb.append(" (").append(vendor).append(')');
                    if (sb.length() - start > OUI_TEXT_MAX) {
                        sb.setLength(start + OUI_TEXT_MAX);
                    }
                }
            }
            default -> decimal(sb, f, v);
        }
    }

    /** tshark formats an OUI with its vendor into a 32-byte buffer. */
    private static final int OUI_TEXT_MAX = 31;

    private static void decimal(StringBuilder sb, FieldDef f, long v) {
        if (f.type == FieldType.UINT64) {
            sb.append(Long.toUnsignedString(v));
        } else {
            sb.append(v);
        }
    }

    /** Hex with as many digits as the field's bits: the mask's for bit fields, else the type's. */
    private static void hex(StringBuilder sb, FieldDef f, long v) {
        int bits = f.mask != 0 ? 64 - Long.numberOfLeadingZeros(f.mask >>> f.shift()) : f.type.bits();
        sb.append("0x");
        Formats.hex(sb, v, Math.max(1, (bits + 3) / 4));
    }

    static void bits(StringBuilder sb, long value, long mask, int width) {
        Formats.bits(sb, value, mask, width);
    }
}
