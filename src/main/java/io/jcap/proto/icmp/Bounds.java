package io.jcap.proto.icmp;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;

/**
 * Range checks with the outcome of Wireshark's tvb checks: the start offset is judged
 * first (past the captured bytes but within the reported ones is a capture cut, whatever
 * the length), then the end. {@link PacketBuffer#check} judges by the end only, which
 * differs when a read starts beyond the captured bytes and ends beyond the reported ones.
 */
public final class Bounds {
    private Bounds() {
    }

    public static void check(PacketBuffer buf, int off, int n) {
        if (off > buf.capturedEnd() && off <= buf.end()) {
            throw BoundsException.TRUNCATED;
        }
        buf.check(off, n);
    }
}
