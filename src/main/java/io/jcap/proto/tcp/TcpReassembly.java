package io.jcap.proto.tcp;

import io.jcap.buffer.PacketBuffer;

import java.util.Arrays;

/**
 * The multi-segment PDUs of one run (Wireshark's {@code multisegment_pdus} trees and the
 * TCP reassembly table), kept per flow direction and created only for flows whose
 * payload dissector once asked for more data: a flow that never does costs nothing.
 *
 * <p>A {@link Msp} is one higher-layer PDU being put together: where it starts
 * ({@code seq}), where it is expected to end ({@code nxtpdu}), the frames involved,
 * and the fragment state of Wireshark's {@code fragment_head} (the bytes received so far
 * by offset from {@code seq}, whether the total length is known, whether it has been
 * reassembled, whether a subdissector asked to extend it). {@link #add} is
 * {@code fragment_add} with its exact completion and error rules, including the
 * "New fragment overlaps old data (retransmission?)" error for data added to a PDU that
 * was already reassembled.
 *
 * <p>Bounded: at most {@link #MAX_FLOWS} flows hold state (least recently used flows
 * are dropped), at most {@link #MAX_MSPS} PDUs per flow (the oldest is dropped), at most
 * {@link #MAX_PDU_BYTES} bytes per PDU (a PDU that grows past it is abandoned, and its
 * later segments are handed up as new data) and {@link #MAX_TOTAL_BYTES} bytes overall.
 */
final class TcpReassembly {
    static final int MAX_FLOWS = 16_384;
    static final int MAX_MSPS = 64;
    static final int MAX_PDU_BYTES = 16 << 20;
    static final long MAX_TOTAL_BYTES = 128L << 20;

    private final int maxFlows;
    private final int maxMsps;
    private final int maxPduBytes;
    private final long maxTotalBytes;
    /** State dropped at the bounds since {@link #takeEvictions}: the segment gets an expert note. */
    private int evictions;

    TcpReassembly() {
        this(MAX_FLOWS, MAX_MSPS, MAX_PDU_BYTES, MAX_TOTAL_BYTES);
    }

    TcpReassembly(int maxFlows, int maxMsps, int maxPduBytes, long maxTotalBytes) {
        this.maxFlows = maxFlows;
        this.maxMsps = Math.max(2, maxMsps);
        this.maxPduBytes = maxPduBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Bounded by the run's tcp.reassembly_* limits. */
    TcpReassembly(io.jcap.dissect.Limits limits) {
        this(limits.getInt(io.jcap.dissect.Limits.TCP_FLOWS), limits.getInt(io.jcap.dissect.Limits.TCP_PDUS),
                limits.getInt(io.jcap.dissect.Limits.TCP_PDU_BYTES), limits.get(io.jcap.dissect.Limits.TCP_BYTES));
    }

    /** How many flows or PDUs were dropped at the bounds since the last call. */
    int takeEvictions() {
        int n = evictions;
        evictions = 0;
        return n;
    }

    /** MSP_FLAGS_REASSEMBLE_ENTIRE_SEGMENT: the subdissector asked for one more segment. */
    static final int ENTIRE_SEGMENT = 1;

    /** Wireshark's ReassemblyError: shown as "[Reassembly error, protocol TCP: message]". */
    static final class ReassemblyError extends RuntimeException {
        ReassemblyError(String message) {
            super(message, null, false, false);
        }
    }

    private static final byte[] EMPTY = new byte[0];

    /** One multi-segment PDU and its fragment head. */
    static final class Msp {
        int seq;
        int nxtpdu;
        int firstFrame;
        int firstFrameWithSeq;
        int lastFrame;
        int flags;

        // ---- fragment head
        boolean exists;
        /** Highest frame that added a fragment (fd_head->frame). */
        int headFrame;
        byte[] data = EMPTY;
        /** End of the highest byte stored. */
        int stored;
        /** Covered ranges [start, end) of data, sorted and merged: starts at 2i, ends at 2i+1. */
        int[] cover = new int[4];
        int coverCount;
        int[] fragOff = new int[4];
        int[] fragLen = new int[4];
        int[] fragFrame = new int[4];
        int fragCount;
        boolean datalenSet;
        int datalen;
        boolean defragmented;
        boolean partial;
        /** Set once the PDU outgrew MAX_PDU_BYTES: it is no longer tracked. */
        boolean abandoned;
    }

    /** The PDUs of one flow direction, sorted by start sequence number (unsigned, as the tree keys). */
    static final class Flow {
        Msp[] msps = new Msp[4];
        int count;
        boolean untilFin;
        int fin;
        long bytes;
        // ---- LRU list and owner
        Flow prev;
        Flow next;
        TcpConversations owner;
        int row;

        Msp exact(int seq) {
            int i = search(seq);
            return i >= 0 ? msps[i] : null;
        }

        /** The PDU with the largest start at or below {@code key} (unsigned), or null. */
        Msp atOrBelow(int key) {
            int i = search(key);
            if (i >= 0) {
                return msps[i];
            }
            int ins = -i - 1;
            return ins > 0 ? msps[ins - 1] : null;
        }

        private int search(int key) {
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Integer.compareUnsigned(msps[mid].seq, key);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(lo + 1);
        }

        void remove(Msp m) {
            for (int i = 0; i < count; i++) {
                if (msps[i] == m) {
                    System.arraycopy(msps, i + 1, msps, i, count - i - 1);
                    msps[--count] = null;
                    return;
                }
            }
        }
    }

    private Flow head;
    private Flow tail;
    private int flows;
    private long totalBytes;

    int flowCount() {
        return flows;
    }

    long totalBytes() {
        return totalBytes;
    }

    /** The state of flow row {@code row} of {@code c}, created on demand when {@code create}. */
    Flow flow(TcpConversations c, int row, boolean create) {
        Flow f = c.reasm[row];
        if (f != null) {
            touch(f);
            return f;
        }
        if (!create) {
            return null;
        }
        f = new Flow();
        f.owner = c;
        f.row = row;
        c.reasm[row] = f;
        link(f);
        flows++;
        while (flows > maxFlows) {
            release(tail);
            evictions++;
        }
        return f;
    }

    /** Drops a flow's state (its conversation slot was recycled, or the bounds were hit). */
    void release(Flow f) {
        if (f == null || f.owner == null) {
            return;
        }
        if (f.owner.reasm[f.row] == f) {
            f.owner.reasm[f.row] = null;
        }
        f.owner = null;
        unlink(f);
        flows--;
        totalBytes -= f.bytes;
        f.bytes = 0;
        Arrays.fill(f.msps, 0, f.count, null);
        f.count = 0;
    }

    private void link(Flow f) {
        f.prev = null;
        f.next = head;
        if (head != null) {
            head.prev = f;
        }
        head = f;
        if (tail == null) {
            tail = f;
        }
    }

    private void unlink(Flow f) {
        if (f.prev != null) {
            f.prev.next = f.next;
        } else if (head == f) {
            head = f.next;
        }
        if (f.next != null) {
            f.next.prev = f.prev;
        } else if (tail == f) {
            tail = f.prev;
        }
        f.prev = null;
        f.next = null;
    }

    private void touch(Flow f) {
        if (head != f) {
            unlink(f);
            link(f);
        }
    }

    /** pdu_store_sequencenumber_of_next_pdu: a new PDU at {@code seq}, replacing one with the same start. */
    Msp store(Flow f, int seq, int nxtpdu, int frame) {
        Msp m = new Msp();
        m.seq = seq;
        m.nxtpdu = nxtpdu;
        m.firstFrame = frame;
        m.firstFrameWithSeq = frame;
        m.lastFrame = frame;
        int i = f.search(seq);
        if (i >= 0) {
            forget(f, f.msps[i]);
            f.msps[i] = m;
            return m;
        }
        if (f.count >= maxMsps) {
            evictions++;
            // drop the PDU seen last the longest time ago
            int oldest = 0;
            for (int k = 1; k < f.count; k++) {
                if (Integer.compareUnsigned(f.msps[k].lastFrame, f.msps[oldest].lastFrame) < 0) {
                    oldest = k;
                }
            }
            Msp gone = f.msps[oldest];
            forget(f, gone);
            f.remove(gone);
            i = f.search(seq);
        }
        int ins = -i - 1;
        if (f.count == f.msps.length) {
            f.msps = Arrays.copyOf(f.msps, f.count * 2);
        }
        System.arraycopy(f.msps, ins, f.msps, ins + 1, f.count - ins);
        f.msps[ins] = m;
        f.count++;
        return m;
    }

    /** Frees a PDU's bytes from the accounting. */
    private void forget(Flow f, Msp m) {
        long n = m.data.length;
        f.bytes -= n;
        totalBytes -= n;
        m.data = EMPTY;
        m.abandoned = true;
    }

    // ------------------------------------------------------------------------------------------
    // fragment_add

    /**
     * Adds bytes [off, off+len) of {@code buf} as the fragment at {@code fragOffset} of the
     * PDU; {@code moreFrags} false when this fragment ends the PDU. Returns the PDU when
     * this fragment completes it (its bytes are then {@code data[0, datalen)}), else null.
     */
    Msp add(Flow f, Msp m, PacketBuffer buf, int off, int fragOffset, int len, boolean moreFrags, int frame) {
        if (m.abandoned) {
            return null;
        }
        if (m.exists && Integer.compareUnsigned(frame, m.headFrame) <= 0) {
            for (int i = 0; i < m.fragCount; i++) {
                if (m.fragFrame[i] == frame && m.fragOff[i] == fragOffset) {
                    if (m.defragmented) {
                        throw new ReassemblyError("Frame already added in first pass");
                    }
                    return null;
                }
            }
        }
        m.exists = true;
        if (m.defragmented) {
            if (Integer.compareUnsigned(fragOffset + len, m.datalen) >= 0) {
                if (m.partial) {
                    m.defragmented = false;
                    m.partial = false;
                    m.datalenSet = false;
                    m.datalen = 0;
                } else if (Integer.compareUnsigned(fragOffset, m.datalen) >= 0) {
                    throw new ReassemblyError("New fragment past old data limits");
                } else {
                    throw new ReassemblyError("New fragment overlaps old data (retransmission?)");
                }
            } else {
                throw new ReassemblyError("New fragment overlaps old data (retransmission?)");
            }
        }
        if (Integer.compareUnsigned(frame, m.headFrame) > 0) {
            m.headFrame = frame;
        }
        if (!moreFrags && !m.datalenSet) {
            m.datalen = fragOffset + len;
            m.datalenSet = true;
        }
        long end = (fragOffset & 0xFFFFFFFFL) + len;
        if (end > maxPduBytes || !room(f, m, (int) end)) {
            // too large to keep: give the PDU up
            evictions++;
            forget(f, m);
            f.remove(m);
            return null;
        }
        if (len > 0) {
            storeBytes(m, buf, off, fragOffset, len);
        }
        linkFragment(m, fragOffset, len, frame);
        if (!m.datalenSet) {
            return null;
        }
        int contiguous = m.coverCount > 0 && m.cover[0] == 0 ? m.cover[1] : 0;
        if (Integer.compareUnsigned(contiguous, m.datalen) < 0 && m.datalen != 0) {
            return null;
        }
        m.defragmented = true;
        return m;
    }

    /** Makes sure {@code m.data} holds {@code end} bytes, within the bounds; false when it cannot. */
    private boolean room(Flow f, Msp m, int end) {
        if (end <= m.data.length) {
            return true;
        }
        int n = m.data.length == 0 ? end : Math.max(end, Math.min(maxPduBytes, m.data.length * 2));
        long grow = n - m.data.length;
        while (totalBytes + grow > maxTotalBytes && tail != null && tail != f) {
            release(tail);
            evictions++;
        }
        if (totalBytes + grow > maxTotalBytes) {
            return false;
        }
        m.data = Arrays.copyOf(m.data, n);
        f.bytes += grow;
        totalBytes += grow;
        return true;
    }

    /** Copies the bytes no earlier fragment covers (the first fragment to arrive keeps overlapping bytes). */
    private static void storeBytes(Msp m, PacketBuffer buf, int off, int fragOffset, int len) {
        int end = fragOffset + len;
        if (m.coverCount == 0 || fragOffset >= m.cover[2 * m.coverCount - 1]) {
            buf.bytes(off, m.data, fragOffset, len);
        } else {
            int pos = fragOffset;
            for (int i = 0; i < m.coverCount && pos < end; i++) {
                int cs = m.cover[2 * i];
                int ce = m.cover[2 * i + 1];
                if (ce <= pos) {
                    continue;
                }
                if (cs > pos) {
                    int n = Math.min(cs, end) - pos;
                    buf.bytes(off + (pos - fragOffset), m.data, pos, n);
                }
                pos = Math.max(pos, ce);
            }
            if (pos < end) {
                buf.bytes(off + (pos - fragOffset), m.data, pos, end - pos);
            }
        }
        cover(m, fragOffset, end);
        m.stored = Math.max(m.stored, end);
    }

    private static void cover(Msp m, int start, int end) {
        int[] c = m.cover;
        int n = m.coverCount;
        if (n > 0 && start >= c[2 * n - 2] && start <= c[2 * n - 1]) {
            c[2 * n - 1] = Math.max(c[2 * n - 1], end);
            return;
        }
        int i = 0;
        while (i < n && c[2 * i + 1] < start) {
            i++;
        }
        int s = start;
        int e = end;
        int j = i;
        while (j < n && c[2 * j] <= e) {
            s = Math.min(s, c[2 * j]);
            e = Math.max(e, c[2 * j + 1]);
            j++;
        }
        int newCount = n - (j - i) + 1;
        if (2 * newCount > c.length) {
            c = m.cover = Arrays.copyOf(c, Math.max(2 * newCount, c.length * 2));
        }
        System.arraycopy(c, 2 * j, c, 2 * (i + 1), 2 * (n - j));
        c[2 * i] = s;
        c[2 * i + 1] = e;
        m.coverCount = newCount;
    }

    /** LINK_FRAG: sorted by offset, after fragments with the same offset. */
    private static void linkFragment(Msp m, int fragOffset, int len, int frame) {
        int n = m.fragCount;
        if (n == m.fragOff.length) {
            int size = n * 2;
            m.fragOff = Arrays.copyOf(m.fragOff, size);
            m.fragLen = Arrays.copyOf(m.fragLen, size);
            m.fragFrame = Arrays.copyOf(m.fragFrame, size);
        }
        int i = n;
        while (i > 0 && Integer.compareUnsigned(fragOffset, m.fragOff[i - 1]) < 0) {
            i--;
        }
        System.arraycopy(m.fragOff, i, m.fragOff, i + 1, n - i);
        System.arraycopy(m.fragLen, i, m.fragLen, i + 1, n - i);
        System.arraycopy(m.fragFrame, i, m.fragFrame, i + 1, n - i);
        m.fragOff[i] = fragOffset;
        m.fragLen[i] = len;
        m.fragFrame[i] = frame;
        m.fragCount = n + 1;
    }

    /**
     * Lets go of the bytes of a PDU that was reassembled and handed up for good: more data
     * for it can only be an error now, which needs its length, not its bytes.
     */
    void done(Flow f, Msp m) {
        if (m.defragmented && !m.partial && m.data.length > 0) {
            long n = m.data.length;
            f.bytes -= n;
            totalBytes -= n;
            m.data = EMPTY;
            m.stored = 0;
        }
    }

    /** fragment_set_partial_reassembly. */
    static void setPartial(Msp m) {
        if (m.exists) {
            m.partial = true;
        }
    }

    /**
     * split_msp: the reassembled PDU held a complete higher-layer PDU followed by the
     * start of another that begins at {@code split} inside this frame's segment. The
     * bytes from {@code split} on become a new PDU; {@code m} is cut there.
     */
    Msp split(Flow f, Msp m, int split, int frame) {
        int firstFrame = 0;
        int firstFrag = -1;
        int i = 0;
        for (; i < m.fragCount && Integer.compareUnsigned(m.fragOff[i], split) < 0; i++) {
            if (Integer.compareUnsigned(m.fragOff[i] + m.fragLen[i], split) >= 0) {
                if (firstFrag < 0) {
                    firstFrag = i;
                    firstFrame = m.fragFrame[i];
                } else if (Integer.compareUnsigned(m.fragFrame[i], firstFrame) < 0) {
                    firstFrame = m.fragFrame[i];
                }
            }
        }
        for (; i < m.fragCount; i++) {
            if (Integer.compareUnsigned(split, m.fragOff[i] + m.fragLen[i]) <= 0
                    && Integer.compareUnsigned(m.fragFrame[i], firstFrame) < 0) {
                firstFrame = m.fragFrame[i];
            }
        }
        int newSeq = m.seq + split;
        byte[] old = m.data;
        int[] offs = Arrays.copyOf(m.fragOff, m.fragCount);
        int[] lens = Arrays.copyOf(m.fragLen, m.fragCount);
        int[] frames = Arrays.copyOf(m.fragFrame, m.fragCount);
        int count = m.fragCount;
        int nxtpdu = m.nxtpdu;
        Msp n = store(f, newSeq, newSeq + 1, frame);
        n.firstFrame = firstFrame;
        n.nxtpdu = nxtpdu;
        if (firstFrag >= 0) {
            for (int k = firstFrag; k < count; k++) {
                int fo = offs[k];
                int fl = lens[k];
                if (Integer.compareUnsigned(split, fo + fl) <= 0) {
                    if (Integer.compareUnsigned(fo, split) < 0) {
                        fl -= split - fo;
                        fo = split;
                    }
                    addOutOfOrder(f, n, old, fo, fo - split, fl, frames[k]);
                }
            }
        }
        truncate(f, m, split);
        m.nxtpdu = m.seq + split;
        return n;
    }

    /** fragment_add_out_of_order with more fragments to come: bytes of a reassembled PDU moved to another. */
    private void addOutOfOrder(Flow f, Msp m, byte[] src, int srcOff, int fragOffset, int len, int frame) {
        if (m.abandoned) {
            return;
        }
        m.exists = true;
        if (Integer.compareUnsigned(frame, m.headFrame) > 0) {
            m.headFrame = frame;
        }
        int end = fragOffset + len;
        if (end > maxPduBytes || !room(f, m, end)) {
            evictions++;
            forget(f, m);
            f.remove(m);
            return;
        }
        if (len > 0) {
            int avail = Math.max(0, Math.min(len, src.length - srcOff));
            System.arraycopy(src, srcOff, m.data, fragOffset, avail);
            cover(m, fragOffset, end);
            m.stored = Math.max(m.stored, end);
        }
        linkFragment(m, fragOffset, len, frame);
    }

    /** fragment_truncate: the reassembled PDU ends at {@code length} now. */
    private static void truncate(Flow f, Msp m, int length) {
        m.partial = false;
        if (length == m.datalen) {
            return;
        }
        m.datalen = length;
        int w = 0;
        for (int i = 0; i < m.fragCount; i++) {
            if (Integer.compareUnsigned(m.fragOff[i], length) < 0) {
                m.fragOff[w] = m.fragOff[i];
                m.fragLen[w] = Math.min(m.fragLen[i], length - m.fragOff[i]);
                m.fragFrame[w] = m.fragFrame[i];
                w++;
            }
        }
        m.fragCount = w;
        // coverage past the new end no longer counts
        int n = 0;
        for (int i = 0; i < m.coverCount; i++) {
            if (m.cover[2 * i] < length) {
                m.cover[2 * n] = m.cover[2 * i];
                m.cover[2 * n + 1] = Math.min(m.cover[2 * i + 1], length);
                n++;
            }
        }
        m.coverCount = n;
    }
}
