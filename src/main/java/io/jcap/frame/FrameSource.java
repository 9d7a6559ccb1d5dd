package io.jcap.frame;

import java.io.Closeable;
import java.io.IOException;

/** Where frames come from: a capture file or a live interface. */
public interface FrameSource extends Closeable {
    /**
     * Fills {@code into} with the next frame. Returns false at the end of the input.
     * The frame's bytes stay valid until the next call.
     */
    boolean next(Frame into) throws IOException;

    /** Link-layer description of interface {@code id} (link type, snap length, name). */
    InterfaceInfo interfaceInfo(int id);

    /** Number of interfaces seen so far. */
    int interfaceCount();

    /**
     * True when {@link #next} would wait for input (a live capture with nothing queued):
     * the reader flushes its output first, so that lines appear as packets arrive.
     */
    default boolean idle() {
        return false;
    }

    /**
     * For a live capture: {@code task} runs on the reading thread whenever {@link #next}
     * has waited a while with nothing to deliver (time-based file switches happen then);
     * when it returns false the capture stops. A file never waits: nothing to do.
     */
    default void whileWaiting(java.util.function.BooleanSupplier task) {
    }
}
