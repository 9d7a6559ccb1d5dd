package io.jcap.print;

import io.jcap.dissect.Dissection;

import java.io.IOException;

/** One way of printing a dissected packet (summary line, fields, tree ...). */
public interface PacketView {
    /** Before the first packet (headers); also called when there are no packets. */
    default void start() throws IOException {
    }

    void print(Dissection d) throws IOException;

    /**
     * A frame that was read but not displayed (a display filter rejected it): views that
     * keep their own time references ({@link PipelinedSummary}) still count it.
     */
    default void skipped(Dissection d) throws IOException {
    }

    /** After the last packet (closing brackets). */
    default void finish() throws IOException {
    }

    /**
     * Waits until every packet given to {@link #print} is in the Output, for views that
     * format on another thread; the caller may flush the Output afterwards.
     */
    default void drain() throws IOException {
    }

    /** Ends what the view runs besides the caller (a thread), after {@link #finish} or instead of it. */
    default void close() throws IOException {
    }

    /** Whether the view needs the fields recorded (not only the columns). */
    boolean needsFields();
}
