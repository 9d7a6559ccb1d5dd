package io.jcap.proto.dns;

import io.jcap.dissect.Address;
import io.jcap.dissect.FlowKey;
import io.jcap.dissect.FlowTable;

import java.util.Arrays;

/**
 * Request/response matching as tshark does it in a single pass: per conversation (UDP or
 * TCP 5-tuple, either direction) and transaction ID, the latest request's frame and time
 * and its first response's frame. A request repeating an unanswered one within 5 seconds
 * is a retransmission; a second response to an answered request (unless the question was
 * AXFR/IXFR) is a retransmitted response; a response nobody asked for is unsolicited.
 *
 * <p>Bounded: the tables are emptied when they reach their limits, so memory stays flat
 * over long runs (matches across the reset are lost, as across a capture split).
 */
final class DnsTransactions {
    /** tshark's dns.retransmission_timer default, in nanoseconds. */
    static final long RETRANSMISSION_NS = 5_000_000_000L;
    private static final int MAX_CONVERSATIONS = 1 << 20;
    /** Transactions kept (the table holds twice as many slots). */
    private static final int MAX_ENTRIES = 1 << 19;
    private final int maxEntries;
    /** Times the tables were emptied at their bounds since {@link #takeDropped}. */
    private int dropped;

    /** How often the tables were emptied at their bounds since the last call. */
    int takeDropped() {
        int n = dropped;
        dropped = 0;
        return n;
    }

    DnsTransactions() {
        this(MAX_CONVERSATIONS, MAX_ENTRIES);
    }

    /** Bounded by -o dns.max_conversations and dns.max_transactions. */
    DnsTransactions(int maxConversations, int maxEntries) {
        this.maxEntries = maxEntries;
        this.tables = new FlowTable[] {new FlowTable(maxConversations), new FlowTable(maxConversations)};
    }

    private final FlowKey lookup = new FlowKey();
    /** The conversations of each transport (UDP, TCP), and per slot its number (in the transaction keys). */
    private final FlowTable[] tables;
    private final int[][] numbers = {new int[0], new int[0]};
    private int nextConversation = 1;

    // open addressing, key = conversation << 16 | id (0 = empty)
    private long[] keys = new long[1 << 10];
    private long[] reqFrame = new long[1 << 10];
    private long[] repFrame = new long[1 << 10];
    private long[] reqTime = new long[1 << 10];
    private boolean[] multiple = new boolean[1 << 10];
    private int size;

    // ---- the outcome of the last track() call
    /** The matched transaction's request frame (0: none, or a "fake" transaction). */
    long requestFrame;
    /** The matched transaction's response frame (0: none yet). */
    long responseFrame;
    /** The matched transaction's request time (ns). */
    long requestTime;
    boolean retransmission;
    /** Slot of the matched transaction, -1 when none was stored. */
    private int slot;

    /**
     * Records a message with {@code id} seen at {@code frame}/{@code timeNs}; the outcome
     * is left in the public fields.
     */
    void track(boolean tcpTransport, Address src, int srcPort, Address dst, int dstPort, int id, boolean response,
               long frame, long timeNs) {
        long key = ((long) conversation(tcpTransport, src, srcPort, dst, dstPort) << 16) | id;
        int s = find(key);
        retransmission = false;
        if (!response) {
            boolean fresh = s < 0 || repFrame[s] > 0;
            if (!fresh) {
                double delta = (timeNs - reqTime[s]) / 1e9;
                if (delta < RETRANSMISSION_NS / 1e9) {
                    retransmission = true;
                } else {
                    fresh = true;
                }
            }
            if (fresh) {
                s = insert(key);
                reqFrame[s] = frame;
                repFrame[s] = 0;
                reqTime[s] = timeNs;
                multiple[s] = false;
            }
        } else if (s >= 0) {
            if (repFrame[s] == 0) {
                repFrame[s] = frame;
            } else if (!multiple[s]) {
                retransmission = true;
            }
        }
        slot = s;
        if (s >= 0) {
            requestFrame = reqFrame[s];
            responseFrame = repFrame[s];
            requestTime = reqTime[s];
        } else {
            fake(timeNs);
        }
    }

    /** No tracking (a message quoted in an ICMP error): a transaction of its own. */
    void fake(long timeNs) {
        slot = -1;
        requestFrame = 0;
        responseFrame = 0;
        requestTime = timeNs;
        retransmission = false;
    }

    /** dns_trans->multiple_responds = ... (AXFR/IXFR questions). */
    void setMultipleResponses(boolean on) {
        if (slot >= 0) {
            multiple[slot] = on;
        }
    }

    /**
     * The number of the packet's conversation, made when new. Past -o dns.max_conversations
     * per transport the oldest conversation is forgotten; its transactions stay until the
     * transaction table is full, under a number no other conversation gets.
     */
    private int conversation(boolean tcpTransport, Address src, int srcPort, Address dst, int dstPort) {
        int t = tcpTransport ? 1 : 0;
        lookup.set(src, srcPort, dst, dstPort);
        int s = tables[t].find(lookup);
        if (s >= 0) {
            return numbers[t][s];
        }
        if (nextConversation >= (1 << 30)) {
            reset();
            dropped++;
        }
        s = tables[t].add(lookup);
        if (numbers[t].length < tables[t].capacity()) {
            numbers[t] = Arrays.copyOf(numbers[t], tables[t].capacity());
        }
        numbers[t][s] = nextConversation;
        return nextConversation++;
    }

    /** Forgets every transaction; conversation numbers start again (after 2^30 of them). */
    private void reset() {
        tables[0].clear();
        tables[1].clear();
        nextConversation = 1;
        Arrays.fill(keys, 0);
        size = 0;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = hash(key) & mask;; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    private int insert(long key) {
        int s = find(key);
        if (s >= 0) {
            return s;
        }
        if (size >= maxEntries) {
            // keep the conversation numbers (they are in the key), forget the transactions
            Arrays.fill(keys, 0);
            size = 0;
            dropped++;
        } else if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = hash(key) & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        size++;
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldReq = reqFrame;
        long[] oldRep = repFrame;
        long[] oldTime = reqTime;
        boolean[] oldMultiple = multiple;
        int n = oldKeys.length * 2;
        keys = new long[n];
        reqFrame = new long[n];
        repFrame = new long[n];
        reqTime = new long[n];
        multiple = new boolean[n];
        int mask = n - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            long k = oldKeys[j];
            if (k == 0) {
                continue;
            }
            int i = hash(k) & mask;
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            reqFrame[i] = oldReq[j];
            repFrame[i] = oldRep[j];
            reqTime[i] = oldTime[j];
            multiple[i] = oldMultiple[j];
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
