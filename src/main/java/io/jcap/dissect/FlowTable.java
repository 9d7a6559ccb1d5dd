package io.jcap.dissect;

import java.util.Arrays;

/**
 * A bounded set of conversations keyed by their two endpoints, in flat arrays: about 50
 * bytes a conversation instead of a map entry, a key object and a value object. Each
 * conversation has a slot; callers keep their per-conversation values in arrays indexed
 * by slot, grown to {@link #capacity()}. Once {@code max} conversations exist, adding one
 * recycles the slot of the oldest (callers then overwrite that slot's values), so memory
 * stays flat on any capture.
 *
 * <p>Keys are the endpoints in the caller's canonical order: two addresses of 128 bits,
 * both ports in one int and a family word. Adding a key that is already present makes the
 * new slot the one lookups find (TCP's new connection on an old 4-tuple); the older slot
 * keeps its values until it is recycled.
 */
public final class FlowTable {
    private final int max;
    private long[] aHigh;
    private long[] aLow;
    private long[] bHigh;
    private long[] bLow;
    private int[] ports;
    private int[] family;
    /** Open addressing: slot + 1, 0 = empty. */
    private int[] index;
    private int mask;
    private int live;
    private long added;

    public FlowTable(int max) {
        this.max = Math.max(1, max);
        allocate(Math.min(this.max, 1024));
    }

    /** How many slots the callers' arrays must hold now. */
    public int capacity() {
        return aHigh.length;
    }

    /** How many slots are in use. */
    public int size() {
        return live;
    }

    /** The slot of {@code k}'s conversation, or -1. */
    public int find(FlowKey k) {
        return find(k.aHigh(), k.aLow(), k.bHigh(), k.bLow(), k.ports(), k.family());
    }

    /** The slot of the newest conversation with these endpoints, or -1. */
    public int find(long aHi, long aLo, long bHi, long bLo, int p, int fam) {
        for (int i = hash(aHi, aLo, bHi, bLo, p, fam) & mask;; i = (i + 1) & mask) {
            int e = index[i];
            if (e == 0) {
                return -1;
            }
            if (holds(e - 1, aHi, aLo, bHi, bLo, p, fam)) {
                return e - 1;
            }
        }
    }

    /** Adds {@code k}'s conversation: its slot, perhaps the oldest one's, recycled. */
    public int add(FlowKey k) {
        return add(k.aHigh(), k.aLow(), k.bHigh(), k.bLow(), k.ports(), k.family());
    }

    /** Adds a conversation with these endpoints; lookups find it from now on. */
    public int add(long aHi, long aLo, long bHi, long bLo, int p, int fam) {
        int slot;
        if (live < max) {
            if (live == aHigh.length) {
                allocate((int) Math.min((long) max, (long) live * 2));
            }
            slot = live++;
        } else {
            slot = (int) (added % max);
            remove(slot);
        }
        added++;
        aHigh[slot] = aHi;
        aLow[slot] = aLo;
        bHigh[slot] = bHi;
        bLow[slot] = bLo;
        ports[slot] = p;
        family[slot] = fam;
        insert(slot);
        return slot;
    }

    /** Forgets every conversation. */
    public void clear() {
        Arrays.fill(index, 0);
        live = 0;
        added = 0;
    }

    private void allocate(int n) {
        aHigh = aHigh == null ? new long[n] : Arrays.copyOf(aHigh, n);
        aLow = aLow == null ? new long[n] : Arrays.copyOf(aLow, n);
        bHigh = bHigh == null ? new long[n] : Arrays.copyOf(bHigh, n);
        bLow = bLow == null ? new long[n] : Arrays.copyOf(bLow, n);
        ports = ports == null ? new int[n] : Arrays.copyOf(ports, n);
        family = family == null ? new int[n] : Arrays.copyOf(family, n);
        int size = Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
        index = new int[size];
        mask = size - 1;
        // in slot order, which is the order of adding until the table is full: the newest of a key wins
        for (int s = 0; s < live; s++) {
            insert(s);
        }
    }

    /** Indexes {@code slot}, in place of an older slot with the same key if there is one. */
    private void insert(int slot) {
        int i = hash(aHigh[slot], aLow[slot], bHigh[slot], bLow[slot], ports[slot], family[slot]) & mask;
        while (index[i] != 0) {
            if (holds(index[i] - 1, aHigh[slot], aLow[slot], bHigh[slot], bLow[slot], ports[slot], family[slot])) {
                index[i] = slot + 1;
                return;
            }
            i = (i + 1) & mask;
        }
        index[i] = slot + 1;
    }

    /** Whether {@code slot} holds these endpoints. */
    private boolean holds(int slot, long aHi, long aLo, long bHi, long bLo, int p, int fam) {
        return aLow[slot] == aLo && ports[slot] == p && aHigh[slot] == aHi && bLow[slot] == bLo
                && bHigh[slot] == bHi && family[slot] == fam;
    }

    /**
     * Takes {@code slot} out of the index (backward-shift deletion keeps probes unbroken);
     * nothing to do when a newer slot of its key replaced it there.
     */
    private void remove(int slot) {
        int i = hash(aHigh[slot], aLow[slot], bHigh[slot], bLow[slot], ports[slot], family[slot]) & mask;
        while (index[i] != slot + 1) {
            if (index[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int s = index[j] - 1;
            int home = hash(aHigh[s], aLow[s], bHigh[s], bLow[s], ports[s], family[s]) & mask;
            // move the entry back when the hole lies between its home and where it sits
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                index[hole] = index[j];
                hole = j;
            }
        }
        index[hole] = 0;
    }

    private static int hash(long aHigh, long aLow, long bHigh, long bLow, int ports, int family) {
        long h = aHigh * 0x9E3779B97F4A7C15L;
        h = (h ^ aLow) * 0x9E3779B97F4A7C15L;
        h = (h ^ bHigh) * 0x9E3779B97F4A7C15L;
        h = (h ^ bLow) * 0x9E3779B97F4A7C15L;
        h = (h ^ ((long) ports << 8 ^ family)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }
}
