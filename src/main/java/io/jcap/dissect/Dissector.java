package io.jcap.dissect;

import io.jcap.buffer.PacketBuffer;

/**
 * Dissects one layer: the bytes from {@code offset} to the buffer's current end
 * ({@link PacketBuffer#end()}). Implementations are reused for every packet of a run;
 * per-packet results go into the {@link Dissection}, per-run state stays inside the
 * dissector (one engine per run).
 *
 * <p>Returns the number of bytes the layer used (its reported length), or
 * {@link #REJECT} when the bytes are not this protocol's and the caller should try
 * something else, as Wireshark's new-style dissectors return 0.
 */
@FunctionalInterface
public interface Dissector {
    int REJECT = 0;

    int dissect(PacketBuffer buf, int offset, Dissection d);
}
