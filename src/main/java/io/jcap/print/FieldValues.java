package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.netty.buffer.ByteBuf;

/**
 * What the structured outputs (-T json, jsonraw, ek, pdml) say about one row, as
 * tshark's print.c gets it: the value as fvalue_to_string_repr(FTREPR_DISPLAY) gives it
 * (null for protocols and FT_NONE items, byte strings colon-separated), the raw bytes in
 * hex, the masked value in hex for bit fields, and the field type's number in 4.0's
 * enum ftenum.
 */
public final class FieldValues {
    /** Text for a field whose bytes lie beyond the captured data. */
    public static final String LENGTH_INVALID = "field length invalid!";

    private final FieldText text;
    private final TreeLabel labels;

    public FieldValues(FieldText text, TreeLabel labels) {
        this.text = text;
        this.labels = labels;
    }

    public FieldText text() {
        return text;
    }

    /**
     * True for a protocol item inside another protocol's tree whose value is its bytes: the
     * TCP options ("tcp.options.mss"), which tshark prints as byte strings.
     */
    public static boolean isSubProtocol(FieldDef f) {
        return f.type == FieldType.PROTOCOL && f.abbrev.startsWith("tcp.options.");
    }

    /** True for a text-only item: see {@link FieldDef#isTextOnly}. */
    public static boolean isTextItem(FieldDef f) {
        return f.isTextOnly();
    }

    /** True for the protocol of uninterpreted data ("data"), which PDML prints as a field. */
    public static boolean isDataProtocol(FieldDef f) {
        return f.type == FieldType.PROTOCOL && f.abbrev.equals("data");
    }

    /** True for the expert-info pseudo-protocol ("_ws.expert"), which PDML prints as a field. */
    public static boolean isExpertProtocol(FieldDef f) {
        return f.type == FieldType.PROTOCOL && f.abbrev.equals("_ws.expert");
    }

    /** The item's text as -V shows it, without the brackets of generated items (the "showname"). */
    public void label(StringBuilder sb, Dissection d, int row) {
        labels.append(sb, d, row);
    }

    /** fvalue_to_string_repr(FTREPR_DISPLAY): appends the value and returns true, or false when there is none. */
    public boolean repr(StringBuilder sb, Dissection d, int row) {
        FieldDef f = d.fieldDef(row);
        if (isTextItem(f)) {
            return false;
        }
        if (isSubProtocol(f)) {
            hexBytes(sb, d, row, ':');
            return true;
        }
        switch (f.type) {
            case NONE, PROTOCOL -> {
                return false;
            }
            case BYTES, UINT_BYTES -> {
                hexBytes(sb, d, row, ':');
                return true;
            }
            default -> {
                text.append(sb, d, row);
                return true;
            }
        }
    }

    /** The value as -T fields prints it (get_node_field_value), for -e with json, ek and pdml. */
    public void fieldsValue(StringBuilder sb, Dissection d, int row) {
        FieldDef f = d.fieldDef(row);
        if (isTextItem(f)) {
            String label = d.fieldLabel(row);
            if (label != null) {
                sb.append(label);
            } else {
                rawHex(sb, d, row);
            }
        } else if (isDataProtocol(f) || isSubProtocol(f)) {
            rawHex(sb, d, row);
        } else if (f.type == FieldType.PROTOCOL) {
            String label = d.fieldLabel(row);
            sb.append(label != null ? label : f.abbrev);
        } else {
            text.append(sb, d, row);
        }
    }

    private void hexBytes(StringBuilder sb, Dissection d, int row, char sep) {
        Object o = d.fieldObject(row);
        if (o instanceof byte[] b) {
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                hex2(sb, b[i] & 0xFF);
            }
            return;
        }
        int n = d.fieldCapturedLength(row);
        ByteBuf raw = d.fieldSource(row);
        int base = d.fieldSourceBase(row) + d.fieldOffset(row);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            hex2(sb, raw.getUnsignedByte(base + i));
        }
    }

    /**
     * The row's bytes as plain hex (pdml's value, the _raw members); "field length
     * invalid!" when they run past the captured data. A value kept as a byte array of the
     * row's length (bytes from a reassembled buffer) is used as it is.
     */
    public void rawHex(StringBuilder sb, Dissection d, int row) {
        int len = d.fieldLength(row);
        Object o = d.fieldObject(row);
        if (o instanceof byte[] b && b.length == len) {
            for (byte x : b) {
                hex2(sb, x & 0xFF);
            }
            return;
        }
        if (lengthInvalid(d, row)) {
            sb.append(LENGTH_INVALID);
            return;
        }
        ByteBuf raw = d.fieldSource(row);
        int base = d.fieldSourceBase(row) + d.fieldOffset(row);
        for (int i = 0; i < len; i++) {
            hex2(sb, raw.getUnsignedByte(base + i));
        }
    }

    /**
     * Whether the item has bytes behind it (Wireshark's fi->ds_tvb): false for items added
     * without a buffer: expert items and what is under them, and the generated fields
     * tshark's dissectors add with a NULL tvb. Their _raw arrays in -T jsonraw have no hex
     * element.
     */
    public static boolean hasDataSource(Dissection d, int row) {
        for (int r = row; r >= 0; r = d.fieldParent(r)) {
            if (isExpertProtocol(d.fieldDef(r))) {
                return false;
            }
        }
        String abbrev = d.fieldDef(row).abbrev;
        int parent = d.fieldParent(row);
        if (abbrev.equals("_ws.malformed") && parent >= 0 && d.fieldDef(parent).abbrev.equals(abbrev)) {
            return false; // the hidden item under "[Malformed Packet: X]"
        }
        return !d.fieldDef(row).withoutBytes;
    }

    /**
     * The offset a _raw array gives: in the frame, PDML's pos (the layer's start for an
     * item without bytes); in another data source, the offset in it (tvb_raw_offset of
     * a reassembled tvb is 0).
     */
    public static int rawOffset(Dissection d, int row) {
        return d.fieldSource(row) == d.frame.data ? pdmlPos(d, row) : d.fieldOffset(row);
    }

    /**
     * PDML's pos: the item's offset, or, when it is smaller than that of the nearest
     * ancestor with bytes (an item without bytes at offset 0), that ancestor's offset plus
     * it: print.c counts from the start of the layer's tvb.
     */
    public static int pdmlPos(Dissection d, int row) {
        int parent = d.fieldParent(row);
        if (parent >= 0 && isExpertProtocol(d.fieldDef(parent))) {
            // expert.c adds an expert item's message, severity and group without a tvb
            return 0;
        }
        int off = d.fieldOffset(row);
        for (int p = parent; p >= 0; p = d.fieldParent(p)) {
            // an item without bytes under another one (tcp.analysis > iRTT) counts from the layer
            int base = d.fieldOffset(p);
            if (off < base) {
                return base + off;
            }
            if (base > 0 || d.fieldLength(p) > 0) {
                break;
            }
        }
        return off;
    }

    /** True when {@link #rawHex} would print "field length invalid!". */
    public boolean lengthInvalid(Dissection d, int row) {
        int from = d.fieldOffset(row);
        int len = d.fieldLength(row);
        Object o = d.fieldObject(row);
        if (o instanceof byte[] b && b.length == len) {
            return false;
        }
        return len > 0 && (from < 0 || len > d.fieldSourceLength(row) - from);
    }

    /** A bit field's value (masked and shifted) as "%X": the value pdml and the _raw members show for it. */
    public void maskedHex(StringBuilder sb, Dissection d, int row) {
        FieldDef f = d.fieldDef(row);
        long v;
        if (f.type == FieldType.BOOLEAN) {
            v = (d.fieldValue(row) & f.mask) >>> f.shift();
        } else {
            v = FieldText.integerValue(f, d.fieldValue(row));
            if (f.type.isSigned() && f.type.bits() <= 32) {
                v &= 0xFFFFFFFFL;
            }
        }
        sb.append(Long.toHexString(v).toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether the field has a bitmask (pdml's unmaskedvalue, the _raw members' masked value). */
    public static boolean hasMask(FieldDef f) {
        return f.mask != 0 && (f.type.isInteger() || f.type == FieldType.BOOLEAN);
    }

    /** The field's bitmask as an unsigned decimal. */
    public static String mask(FieldDef f) {
        return Long.toUnsignedString(f.mask);
    }

    /** The number of the field's type in Wireshark 4.0's enum ftenum (the last element of a _raw array). */
    public static int ftype(FieldDef f) {
        if (isTextItem(f)) {
            return 0;
        }
        if (isSubProtocol(f)) {
            return 30; // FT_BYTES, as tshark reports them
        }
        return switch (f.type) {
            case NONE -> 0;
            case PROTOCOL -> 1;
            case BOOLEAN -> 2;
            case CHAR -> 3;
            case UINT8 -> 4;
            case UINT16 -> 5;
            case UINT24 -> 6;
            case UINT32 -> 7;
            case UINT40 -> 8;
            case UINT48 -> 9;
            case UINT56 -> 10;
            case UINT64 -> 11;
            case INT8 -> 12;
            case INT16 -> 13;
            case INT24 -> 14;
            case INT32 -> 15;
            case INT64 -> 19;
            case IEEE_11073_SFLOAT -> 20;
            case IEEE_11073_FLOAT -> 21;
            case FLOAT -> 22;
            case DOUBLE -> 23;
            case ABSOLUTE_TIME -> 24;
            case RELATIVE_TIME -> 25;
            case STRING -> 26;
            case STRINGZ -> 27;
            case UINT_STRING -> 28;
            case ETHER -> 29;
            case BYTES -> 30;
            case UINT_BYTES -> 31;
            case IPV4 -> 32;
            case IPV6 -> 33;
            case IPXNET -> 34;
            case FRAMENUM -> 35;
            case GUID -> 36;
            case OID -> 37;
            case EUI64 -> 38;
            case AX25 -> 39;
            case VINES -> 40;
            case REL_OID -> 41;
            case SYSTEM_ID -> 42;
            case STRINGZPAD -> 43;
            case FCWWN -> 44;
            case STRINGZTRUNC -> 45;
        };
    }

    static void hex2(StringBuilder sb, int b) {
        sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
    }
}
