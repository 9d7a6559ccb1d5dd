package io.jcap.dissect;

import java.util.Arrays;

/**
 * A bounded set of conversations keyed by their two endpoints, in flat arrays: about 50
 * bytes a conversation instead of a map entry, a key object and a value object. A key's
 * five words sit side by side, so that a lookup in a table bigger than the caches costs
 * one or two cache misses, not one per key part. Each
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
    /** Words a key takes in {@link #keys}: both addresses' halves, then ports and family. */
    private static final int STRIDE = 5;

    private final int max;
    /** Slot s's key at s * STRIDE: aHigh, aLow, bHigh, bLow, ports << 32 | family. */
    private long[] keys;
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
        return keys.length / STRIDE;
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
        long pf = portsFamily(p, fam);
        for (int i = hash(aHi, aLo, bHi, bLo, pf) & mask;; i = (i + 1) & mask) {
            int e = index[i];
            if (e == 0) {
                return -1;
            }
            if (holds(e - 1, aHi, aLo, bHi, bLo, pf)) {
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
            if (live == capacity()) {
                allocate((int) Math.min((long) max, (long) live * 2));
            }
            slot = live++;
        } else {
            slot = (int) (added % max);
            remove(slot);
        }
        added++;
        int k = slot * STRIDE;
        keys[k] = aHi;
        keys[k + 1] = aLo;
        keys[k + 2] = bHi;
        keys[k + 3] = bLo;
        keys[k + 4] = portsFamily(p, fam);
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
        keys = keys == null ? new long[n * STRIDE] : Arrays.copyOf(keys, n * STRIDE);
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
        int k = slot * STRIDE;
        long aHi = keys[k], aLo = keys[k + 1], bHi = keys[k + 2], bLo = keys[k + 3], pf = keys[k + 4];
        int i = hash(aHi, aLo, bHi, bLo, pf) & mask;
        while (index[i] != 0) {
            if (holds(index[i] - 1, aHi, aLo, bHi, bLo, pf)) {
                index[i] = slot + 1;
                return;
            }
            i = (i + 1) & mask;
        }
        index[i] = slot + 1;
    }

    /** Whether {@code slot} holds these endpoints. */
    private boolean holds(int slot, long aHi, long aLo, long bHi, long bLo, long pf) {
        int k = slot * STRIDE;
        long[] ks = keys;
        return ks[k + 1] == aLo && ks[k + 4] == pf && ks[k] == aHi && ks[k + 3] == bLo && ks[k + 2] == bHi;
    }

    private int home(int slot) {
        int k = slot * STRIDE;
        return hash(keys[k], keys[k + 1], keys[k + 2], keys[k + 3], keys[k + 4]) & mask;
    }

    /**
     * Takes {@code slot} out of the index (backward-shift deletion keeps probes unbroken);
     * nothing to do when a newer slot of its key replaced it there.
     */
    private void remove(int slot) {
        int i = home(slot);
        while (index[i] != slot + 1) {
            if (index[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        int hole = i;
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int home = home(index[j] - 1);
            // move the entry back when the hole lies between its home and where it sits
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                index[hole] = index[j];
                hole = j;
            }
        }
        index[hole] = 0;
    }

    private static long portsFamily(int ports, int family) {
        return (long) ports << 32 | (family & 0xFFFFFFFFL);
    }

    private static int hash(long aHigh, long aLow, long bHigh, long bLow, long portsFamily) {
        long h = aHigh * 0x9E3779B97F4A7C15L;
        h = (h ^ aLow) * 0x9E3779B97F4A7C15L;
        h = (h ^ bHigh) * 0x9E3779B97F4A7C15L;
        h = (h ^ bLow) * 0x9E3779B97F4A7C15L;
        h = (h ^ portsFamily) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }
}
