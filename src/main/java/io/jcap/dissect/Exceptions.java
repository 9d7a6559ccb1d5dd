package io.jcap.dissect;

import io.jcap.buffer.BoundsException;

/** How a bounds error that escaped the layers shows in the columns (Wireshark's show_exception). */
public final class Exceptions {
    private Exceptions() {
    }

    public static void show(Dissection d) {
        BoundsException e = d.exception;
        if (e == null) {
            return;
        }
        boolean was = d.setColumnsWritable(true);
        if (e.malformed()) {
            if (d.fragmented) {
                // tshark 4.0 prints exactly this text for a fragment it could not reassemble
                d.info.append("[BoundErrorUnreassembled Packet]");
            } else {
                d.info.append("[Malformed Packet]");
            }
        } else {
            d.info.append("[Packet size limited during capture]");
        }
        d.setColumnsWritable(was);
    }
}
