package io.jcap.proto.dns;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;

/**
 * Wireshark's integer getters (tvb_get_guint8, tvb_get_ntohs, tvb_get_ntohl ...) go through
 * fast_ensure_contiguous, which judges only where a read ends: past the captured bytes but
 * within the reported ones it is a capture cut, past the reported ones malformed, wherever
 * it starts. {@link PacketBuffer}'s getters judge the start first, as tvb_ensure_bytes_exist
 * (and so proto_tree_add_item) and tvb_memcpy do. The two differ for a read that starts
 * past the captured bytes and ends past the reported ones; DNS uses these where tshark
 * reads a value without adding an item for it first.
 */
final class Tvb {
    private Tvb() {
    }

    static void fast(PacketBuffer buf, int off, int n) {
        if (off < 0) {
            buf.check(off, n);
            return;
        }
        int end = off + n;
        if (end <= buf.capturedEnd()) {
            return;
        }
        throw end <= buf.end() ? BoundsException.TRUNCATED : BoundsException.MALFORMED;
    }

    static int u8(PacketBuffer buf, int off) {
        fast(buf, off, 1);
        return buf.byteAt(off);
    }

    static int u16(PacketBuffer buf, int off) {
        fast(buf, off, 2);
        return (buf.byteAt(off) << 8) | buf.byteAt(off + 1);
    }

    static int i32(PacketBuffer buf, int off) {
        fast(buf, off, 4);
        return (buf.byteAt(off) << 24) | (buf.byteAt(off + 1) << 16) | (buf.byteAt(off + 2) << 8) | buf.byteAt(off + 3);
    }
}
