package io.jcap.dissect;

import io.jcap.buffer.BoundsException;

/** How a bounds error that escaped the layers shows in the columns (Wireshark's show_exception). */
public final class Exceptions {
    private Exceptions() {
    }

    /** The Info mark tshark appends for {@code e}. */
    public static String mark(BoundsException e, Dissection d) {
        if (!e.malformed()) {
            return "[Packet size limited during capture]";
        }
        if (d.fragmented) {
            // tshark 4.0 prints exactly this text for a fragment it could not reassemble
            return "[BoundErrorUnreassembled Packet]";
        }
        return e == BoundsException.CONTAINED
                ? "[Malformed Packet: length of contained item exceeds length of containing item]"
                : "[Malformed Packet]";
    }

    public static void show(Dissection d) {
        BoundsException e = d.exception;
        if (e == null) {
            return;
        }
        boolean was = d.setColumnsWritable(true);
        d.info.append(mark(e, d));
        d.setColumnsWritable(was);
        if (d.tree()) {
            tree(d, e);
        }
    }

    /** The top-level item tshark's frame dissector adds for the exception. */
    private static void tree(Dissection d, BoundsException e) {
        String proto = d.exceptionIn != null ? d.exceptionIn.shortName : "Frame";
        d.closeAll();
        // the brackets are the item's text, not a generated item's (JSON and PDML show them)
        if (!e.malformed()) {
            int row = d.addBytes(ShortFields.PROTOCOL.field, 0, 0);
            d.setText(row, "[Packet size limited during capture: " + proto + " truncated]");
            return;
        }
        // a malformed layer's items sit at its start (PDML's pos), without bytes
        int at = d.exceptionAt;
        int row = d.addBytes(MalformedFields.PROTOCOL.field, at, 0);
        d.setText(row, "[Malformed Packet: " + proto + "]");
        d.openRow(row);
        Expert.add(d, MalformedFields.EXPERT, Expert.Severity.ERROR, Expert.Group.MALFORMED,
                "Malformed Packet (Exception occurred)", at, 0);
        // and a hidden protocol item under it, as tshark's tree has (JSON and PDML show it)
        d.flag(d.addBytes(MalformedFields.PROTOCOL.field, at, 0), Dissection.HIDDEN);
        d.close();
    }
}
