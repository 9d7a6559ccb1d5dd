package io.jcap.print;

import io.jcap.dissect.Dissection;

import java.io.IOException;

/** One way of printing a dissected packet (summary line, fields, tree ...). */
public interface PacketView {
    /** Before the first packet (headers); also called when there are no packets. */
    default void start() throws IOException {
    }

    void print(Dissection d) throws IOException;

    /** After the last packet (closing brackets). */
    default void finish() throws IOException {
    }

    /** Whether the view needs the fields recorded (not only the columns). */
    boolean needsFields();
}
