package io.jcap.dissect;

import java.util.Arrays;

/**
 * What the first pass of {@code -2} learned about frames from later ones (a query's
 * response, a fragment's reassembly, a stream's final completeness), for the second pass
 * to show, as tshark's second pass shows the state its first pass left. One per run:
 * the first pass's engine notes, the second pass's engine recalls; without {@code -2}
 * nothing is kept. Keys and values are frame numbers or stream indices.
 */
public final class Hindsight {
    /** The kinds of facts, each a map of its own. */
    public enum Fact {
        /** Echo request frame → its reply's frame (ICMP and ICMPv6). */
        ECHO_REPLY_IN,
        /** DNS query frame → its response's frame. */
        DNS_RESPONSE_IN,
        /** HTTP request frame → its response's frame. */
        HTTP_RESPONSE_IN,
        /** HTTP request or response frame → the next request's frame. */
        HTTP_NEXT_REQUEST_IN,
        /** HTTP response frame → the next response's frame. */
        HTTP_NEXT_RESPONSE_IN,
        /** HTTP message frame → the number of messages its conversation had in the end. */
        HTTP_MESSAGES,
        /** TCP stream → its completeness bits at the end. */
        TCP_COMPLETENESS,
        /** TCP stream → its initial round-trip time in nanoseconds. */
        TCP_IRTT,
        /** TCP segment frame → the frame its PDU was reassembled in. */
        TCP_REASSEMBLED_IN,
        /** IP fragment frame → the frame its datagram was reassembled in. */
        IP_REASSEMBLED_IN
    }

    private enum Mode { OFF, NOTING, RECALLING }

    private Mode mode;
    private final LongMap[] maps = new LongMap[Fact.values().length];

    private Hindsight(Mode mode) {
        this.mode = mode;
    }

    /** Keeps nothing: a single pass. */
    public static Hindsight off() {
        return new Hindsight(Mode.OFF);
    }

    /** Notes what a first pass learns. */
    public static Hindsight noting() {
        return new Hindsight(Mode.NOTING);
    }

    /** From now on the notes are recalled, not added to: the second pass. */
    public void recall() {
        mode = Mode.RECALLING;
    }

    /** Whether the notes of a first pass are being recalled. */
    public boolean recalling() {
        return mode == Mode.RECALLING;
    }

    /** Notes {@code value} for {@code key} (the last note wins); nothing outside a first pass. */
    public void note(Fact fact, long key, long value) {
        if (mode != Mode.NOTING) {
            return;
        }
        LongMap m = maps[fact.ordinal()];
        if (m == null) {
            m = maps[fact.ordinal()] = new LongMap();
        }
        m.put(key, value);
    }

    /** The first pass's note for {@code key}, or {@code none} (also outside a second pass). */
    public long recall(Fact fact, long key, long none) {
        if (mode != Mode.RECALLING) {
            return none;
        }
        LongMap m = maps[fact.ordinal()];
        return m == null ? none : m.get(key, none);
    }

    /** An open-addressing map of long keys to long values. */
    private static final class LongMap {
        private static final long EMPTY = Long.MIN_VALUE;
        private long[] keys = new long[64];
        private long[] values = new long[64];
        private int size;

        LongMap() {
            Arrays.fill(keys, EMPTY);
        }

        void put(long key, long value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int i = slot(keys, key);
            if (keys[i] == EMPTY) {
                keys[i] = key;
                size++;
            }
            values[i] = value;
        }

        long get(long key, long none) {
            int i = slot(keys, key);
            return keys[i] == EMPTY ? none : values[i];
        }

        private static int slot(long[] keys, long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (keys[i] != EMPTY && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private static long mix(long k) {
            k *= 0x9E3779B97F4A7C15L;
            return k ^ (k >>> 29);
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new long[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != EMPTY) {
                    int i = slot(keys, oldKeys[j]);
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
