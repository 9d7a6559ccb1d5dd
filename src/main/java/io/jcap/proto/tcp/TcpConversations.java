package io.jcap.proto.tcp;

import io.jcap.dissect.Address;

import java.util.Arrays;

/**
 * The TCP conversations of one run (Wireshark's conversation table restricted to TCP plus
 * its {@code struct tcp_analysis}), kept as parallel primitive arrays: one slot per
 * conversation, two flow rows per slot ({@code slot * 2} and {@code slot * 2 + 1}, "flow1"
 * and "flow2" in Wireshark's terms).
 *
 * <p>Lookups go through a reusable key ({@link #key}) and an open-addressing index, so
 * the per-packet path allocates nothing. The table is bounded: once {@code max}
 * conversations exist, creating one more recycles the slot of the oldest.
 */
final class TcpConversations {
    /** Wireshark's TCP_MAX_UNACKED_SEGMENTS. */
    static final int MAX_UNACKED = 10_000;

    // flow flags
    static final byte BASE_SET = 1;
    static final byte FIRST_ACK = 2;
    static final byte SCPS_CAPABLE = 4;
    /** The flow sent the first FIN of the connection (Wireshark's closing_initiator). */
    static final byte CLOSING = 8;

    // conversation flags (AccECN negotiation, §1.2)
    static final byte ACC_SYN = 1;
    static final byte ACC_SYNACK = 2;
    static final byte ACC_OPTION = 4;
    /** A SYN carried data (TCP Fast Open). */
    static final byte TFO_SYN_DATA = 8;

    private long streams;

    /** The conversations' keys (endpoint A is the lower (address, port)) and slots. */
    private final io.jcap.dissect.FlowTable keys;

    // ---- per conversation
    int[] stream;
    long[] tsMruSyn;
    long[] firstRtt;
    int[] serverPort;
    byte[] convFlags;
    /** The dissector a heuristic bound the conversation to (index + 1 in the TCP heuristics, 0: none). */
    byte[] convDissector;
    /** tcp.completeness: TCP_COMPLETENESS_* bits seen so far. */
    byte[] completeness;
    /** Time of the conversation's first and latest frame (ns), for tcp.time_relative / tcp.time_delta. */
    long[] tsFirst;
    long[] tsPrev;

    // ---- per flow (index = slot * 2 + 0/1)
    int[] baseSeq;
    int[] nextSeq;
    long[] nextSeqTime;
    int[] maxSeqToBeAcked;
    int[] lastAck;
    long[] lastAckTime;
    int[] window;
    int[] dupAckNum;
    int[] lastNonDupAck;
    int[] lastSegmentFlags;
    byte[] winScale;
    byte[] flowFlags;
    int[] nextSeqFrame;
    /** Bytes sent since the last PSH flag, and whether the last segment had PSH. */
    int[] pushBytes;
    byte[] pushLast;
    /** Whether bytes in flight can be computed (Wireshark's valid_bif). */
    byte[] validBif;
    /** Bytes the flow's latest segment SACKed (the sum over at most 4 blocks). */
    int[] sackDelivered;
    /** The unacked-segment list (oldest first): sequence number, next sequence number, frame, time. */
    int[][] unacked;
    int[][] unackedSeq;
    int[][] unackedFrame;
    long[][] unackedTime;
    int[] unackedCount;
    /** Desegmentation state of each flow, null for flows whose payload never asked for more data. */
    TcpReassembly.Flow[] reasm;
    /** Releases the desegmentation state of recycled slots (set by the TCP dissector). */
    TcpReassembly reassembly;

    // ---- the lookup key of the current packet
    private long kaHi;
    private long kaLo;
    private long kbHi;
    private long kbLo;
    private int kPorts;
    private int kTypeLen;
    /** cmp_address(src, dst), ports when equal: which flow row is the sender's. */
    private int kDirection;


    TcpConversations(int max) {
        keys = new io.jcap.dissect.FlowTable(max);
        allocate(keys.capacity());
    }

    private void allocate(int n) {
        stream = grow(stream, n);
        tsMruSyn = grow(tsMruSyn, n);
        firstRtt = grow(firstRtt, n);
        serverPort = grow(serverPort, n);
        convFlags = grow(convFlags, n);
        convDissector = grow(convDissector, n);
        completeness = grow(completeness, n);
        tsFirst = grow(tsFirst, n);
        tsPrev = grow(tsPrev, n);
        int f = n * 2;
        baseSeq = grow(baseSeq, f);
        nextSeq = grow(nextSeq, f);
        nextSeqTime = grow(nextSeqTime, f);
        maxSeqToBeAcked = grow(maxSeqToBeAcked, f);
        lastAck = grow(lastAck, f);
        lastAckTime = grow(lastAckTime, f);
        window = grow(window, f);
        dupAckNum = grow(dupAckNum, f);
        lastNonDupAck = grow(lastNonDupAck, f);
        lastSegmentFlags = grow(lastSegmentFlags, f);
        winScale = grow(winScale, f);
        flowFlags = grow(flowFlags, f);
        nextSeqFrame = grow(nextSeqFrame, f);
        pushBytes = grow(pushBytes, f);
        pushLast = grow(pushLast, f);
        validBif = grow(validBif, f);
        sackDelivered = grow(sackDelivered, f);
        unacked = unacked == null ? new int[f][] : Arrays.copyOf(unacked, f);
        unackedSeq = unackedSeq == null ? new int[f][] : Arrays.copyOf(unackedSeq, f);
        unackedFrame = unackedFrame == null ? new int[f][] : Arrays.copyOf(unackedFrame, f);
        unackedTime = unackedTime == null ? new long[f][] : Arrays.copyOf(unackedTime, f);
        unackedCount = grow(unackedCount, f);
        reasm = reasm == null ? new TcpReassembly.Flow[f] : Arrays.copyOf(reasm, f);
    }

    private static long[] grow(long[] a, int n) {
        return a == null ? new long[n] : Arrays.copyOf(a, n);
    }

    private static int[] grow(int[] a, int n) {
        return a == null ? new int[n] : Arrays.copyOf(a, n);
    }

    private static byte[] grow(byte[] a, int n) {
        return a == null ? new byte[n] : Arrays.copyOf(a, n);
    }

    /** Number of conversations currently kept. */
    int size() {
        return keys.size();
    }

    /** Sets the lookup key to the packet's 4-tuple (either direction finds the same conversation). */
    void key(Address src, int sport, Address dst, int dport) {
        long sHi = src.high64();
        long sLo = src.low64();
        long dHi = dst.high64();
        long dLo = dst.low64();
        int sTl = (src.type.ordinal() << 8) | src.length;
        int dTl = (dst.type.ordinal() << 8) | dst.length;
        // Wireshark's cmp_address: type, then length, then the bytes (memcmp)
        int c = Integer.compare(sTl, dTl);
        if (c == 0) {
            c = Long.compareUnsigned(sHi, dHi);
            if (c == 0) {
                c = Long.compareUnsigned(sLo, dLo);
            }
        }
        kDirection = c != 0 ? c : (sport > dport ? 1 : -1);
        boolean srcFirst = c < 0 || (c == 0 && sport <= dport);
        if (srcFirst) {
            kaHi = sHi;
            kaLo = sLo;
            kbHi = dHi;
            kbLo = dLo;
            kPorts = (sport << 16) | dport;
        } else {
            kaHi = dHi;
            kaLo = dLo;
            kbHi = sHi;
            kbLo = sLo;
            kPorts = (dport << 16) | sport;
        }
        kTypeLen = srcFirst ? (sTl << 16) | dTl : (dTl << 16) | sTl;
    }

    /** The sender's flow row of {@code slot} for the current key. */
    int fwd(int slot) {
        return slot * 2 + (kDirection >= 0 ? 0 : 1);
    }

    int rev(int slot) {
        return slot * 2 + (kDirection >= 0 ? 1 : 0);
    }

    /** The most recent conversation of the current key, or -1. */
    int find() {
        return keys.find(kaHi, kaLo, kbHi, kbLo, kPorts, kTypeLen);
    }

    /** Creates a conversation for the current key (replacing an older one of the same key in lookups). */
    int create() {
        // the newest conversation of a 4-tuple wins lookups; past the bound the oldest slot is recycled
        int slot = keys.add(kaHi, kaLo, kbHi, kbLo, kPorts, kTypeLen);
        if (keys.capacity() > stream.length) {
            allocate(keys.capacity());
        }
        stream[slot] = (int) streams++;
        tsMruSyn[slot] = 0;
        firstRtt[slot] = 0;
        serverPort[slot] = 0;
        convFlags[slot] = 0;
        convDissector[slot] = 0;
        completeness[slot] = 0;
        tsFirst[slot] = 0;
        tsPrev[slot] = 0;
        for (int f = slot * 2; f < slot * 2 + 2; f++) {
            if (reasm[f] != null) {
                if (reassembly != null) {
                    reassembly.release(reasm[f]);
                }
                reasm[f] = null;
            }
            baseSeq[f] = 0;
            nextSeq[f] = 0;
            nextSeqTime[f] = 0;
            maxSeqToBeAcked[f] = 0;
            lastAck[f] = 0;
            lastAckTime[f] = 0;
            window[f] = -1; // G_MAXUINT32
            dupAckNum[f] = 0;
            lastNonDupAck[f] = 0;
            lastSegmentFlags[f] = 0;
            winScale[f] = -1;
            flowFlags[f] = 0;
            nextSeqFrame[f] = 0;
            pushBytes[f] = 0;
            pushLast[f] = 0;
            validBif[f] = 1;
            sackDelivered[f] = 0;
            unackedCount[f] = 0;
            releaseUnacked(f);
        }
        return slot;
    }

    // ---- the unacked-segment list of a flow

    void addUnacked(int flow, int seq, int next, int frame, long time) {
        int n = unackedCount[flow];
        int[] a = unacked[flow];
        if (a == null) {
            if (spareLists > 0) {
                spareLists--;
                unacked[flow] = spareNext[spareLists];
                unackedSeq[flow] = spareSeq[spareLists];
                unackedFrame[flow] = spareFrame[spareLists];
                unackedTime[flow] = spareTime[spareLists];
                spareNext[spareLists] = null;
                spareSeq[spareLists] = null;
                spareFrame[spareLists] = null;
                spareTime[spareLists] = null;
            } else {
                unacked[flow] = new int[FIRST_UNACKED];
                unackedSeq[flow] = new int[FIRST_UNACKED];
                unackedFrame[flow] = new int[FIRST_UNACKED];
                unackedTime[flow] = new long[FIRST_UNACKED];
            }
        } else if (n == a.length) {
            int size = Math.min(MAX_UNACKED, n * 2);
            unacked[flow] = Arrays.copyOf(a, size);
            unackedSeq[flow] = Arrays.copyOf(unackedSeq[flow], size);
            unackedFrame[flow] = Arrays.copyOf(unackedFrame[flow], size);
            unackedTime[flow] = Arrays.copyOf(unackedTime[flow], size);
        }
        unacked[flow][n] = next;
        unackedSeq[flow][n] = seq;
        unackedFrame[flow][n] = frame;
        unackedTime[flow][n] = time;
        unackedCount[flow] = n + 1;
    }

    /** The frame whose segment {@link #ackUnacked} found acknowledged exactly (0: none), and when it was sent. */
    int ackedFrame;
    long ackedTime;

    /**
     * Wireshark's walk over the unacked list (newest first) for an ACK: a segment whose
     * next sequence number is the ACK is acknowledged (the oldest such one is reported in
     * {@link #ackedFrame}), older ones are dropped, a partly acknowledged one is cut.
     */
    void ackUnacked(int flow, int ack) {
        ackedFrame = 0;
        int n = unackedCount[flow];
        if (n == 0) {
            return;
        }
        int[] next = unacked[flow];
        int[] seq = unackedSeq[flow];
        int[] frame = unackedFrame[flow];
        long[] time = unackedTime[flow];
        boolean removed = false;
        for (int r = n - 1; r >= 0; r--) {
            int nx = next[r];
            if (ack == nx) {
                ackedFrame = frame[r];
                ackedTime = time[r];
            } else if (ack - seq[r] > 0 && ack - nx <= 0) {
                seq[r] = ack;
                continue;
            } else if (nx - ack > 0) {
                continue;
            }
            frame[r] = Integer.MIN_VALUE; // dropped
            removed = true;
        }
        if (removed) {
            int w = 0;
            for (int r = 0; r < n; r++) {
                if (frame[r] != Integer.MIN_VALUE) {
                    next[w] = next[r];
                    seq[w] = seq[r];
                    frame[w] = frame[r];
                    time[w] = time[r];
                    w++;
                }
            }
            unackedCount[flow] = w;
            if (w == 0) {
                releaseUnacked(flow);
            }
        }
    }

    /**
     * An empty list gives its arrays back for the next flow that needs one: only flows with
     * segments in flight hold them, so memory follows the flows in flight, not all flows seen.
     */
    private void releaseUnacked(int flow) {
        int[] a = unacked[flow];
        if (a == null) {
            return;
        }
        if (a.length == FIRST_UNACKED && spareLists < SPARE_LISTS) {
            spareNext[spareLists] = a;
            spareSeq[spareLists] = unackedSeq[flow];
            spareFrame[spareLists] = unackedFrame[flow];
            spareTime[spareLists] = unackedTime[flow];
            spareLists++;
        }
        unacked[flow] = null;
        unackedSeq[flow] = null;
        unackedFrame[flow] = null;
        unackedTime[flow] = null;
    }

    private static final int FIRST_UNACKED = 8;
    private static final int SPARE_LISTS = 1024;
    private final int[][] spareNext = new int[SPARE_LISTS][];
    private final int[][] spareSeq = new int[SPARE_LISTS][];
    private final int[][] spareFrame = new int[SPARE_LISTS][];
    private final long[][] spareTime = new long[SPARE_LISTS][];
    private int spareLists;
}
