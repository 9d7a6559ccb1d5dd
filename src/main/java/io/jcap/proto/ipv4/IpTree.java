package io.jcap.proto.ipv4;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.Expert;
import io.jcap.field.FieldDef;
import io.jcap.field.Formats;
import io.jcap.field.Protocol;

/**
 * Small helpers the IPv4 and IPv6 trees share: text-only items, expert items hung
 * under a given item, bit patterns and address texts.
 */
public final class IpTree {
    /** Items that are only text in tshark's tree (proto_tree_add_subtree, proto_tree_add_text). */
    public static final FieldDef TEXT = new Protocol("", "", "").field;

    private IpTree() {
    }

    /**
     * Adds an expert item under {@code row}, an item whose parent is the open item (as
     * expert_add_info on an item already in the tree).
     */
    public static void expert(Dissection d, int row, FieldDef specific, Expert.Severity severity, Expert.Group group,
                              String message, int offset, int length) {
        if (row < 0) {
            return;
        }
        d.openRow(row);
        Expert.add(d, specific, severity, group, message, offset, length);
        d.close();
    }

    /**
     * Adds an item that is an expert message itself (proto_tree_add_expert): the
     * message, with the expert info below it.
     */
    public static int expertItem(Dissection d, FieldDef specific, Expert.Severity severity, Expert.Group group,
                                 String message, int offset, int length) {
        if (!d.tree()) {
            return -1;
        }
        int row = d.addText(specific, offset, length, message);
        expert(d, row, specific, severity, group, message, offset, length);
        return row;
    }

    /** "0100 .... = " for {@code value} under {@code mask} in a {@code width}-bit item. */
    public static StringBuilder bits(StringBuilder sb, long value, long mask, int width) {
        return Formats.bits(sb, value & mask, mask, width);
    }

    public static String ipv4(int a) {
        return Formats.ipv4(new StringBuilder(15), a).toString();
    }

    public static String ipv6(byte[] b) {
        return Formats.ipv6(new StringBuilder(39), b, 0).toString();
    }

    /** Wireshark's plurality(): "1 byte", "2 bytes". */
    public static String bytes(int n) {
        return n == 1 ? n + " byte" : n + " bytes";
    }

    /**
     * An item proto_tree_add_bitmask makes: "Name: 0x80, Set flag, Field: value name"
     * (set booleans by name, integers with value names by "name: value name"), with the
     * fields below it. {@code digits}: hex digits of the value.
     */
    public static int bitmask(Dissection d, FieldDef header, int off, int len, long value, int digits,
                              FieldDef... fields) {
        int row = d.add(header, off, len, value);
        if (row < 0) {
            return row;
        }
        StringBuilder sb = new StringBuilder(64).append(header.name).append(": 0x");
        Formats.hex(sb, value, digits);
        for (FieldDef f : fields) {
            if (f.type == io.jcap.field.FieldType.BOOLEAN) {
                if ((value & f.mask) != 0) {
                    sb.append(", ").append(f.name);
                }
            } else if (f.values != null) {
                long v = (value & f.mask) >>> f.shift();
                sb.append(", ").append(f.name).append(": ").append(f.values.name(v, "Unknown"));
            }
        }
        d.setText(row, sb.toString());
        d.openRow(row);
        for (FieldDef f : fields) {
            d.addBits(f, off, len, value);
        }
        d.close();
        return row;
    }

    /** Restores the open item after an exception cut a layer short: the parent of {@code top}. */
    public static void reopenParent(Dissection d, int top) {
        if (top < 0) {
            return;
        }
        int parent = d.fieldParent(top);
        if (parent >= 0) {
            d.openRow(parent);
        } else {
            d.closeAll();
        }
    }
}
