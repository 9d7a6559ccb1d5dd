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
                d.info.append("[Unreassembled Packet]");
            } else {
                d.info.append("[Malformed Packet]");
            }
        } else {
            d.info.append("[Packet size limited during capture]");
        }
        d.setColumnsWritable(was);
    }
}
