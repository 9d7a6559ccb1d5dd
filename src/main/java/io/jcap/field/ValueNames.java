package io.jcap.field;

import java.util.Arrays;

/**
 * Names of integer values (Wireshark's value_string), immutable. Lookup is a binary
 * search over sorted keys; ranges (range_string) are supported too.
 */
public final class ValueNames {
    private final long[] lows;
    private final long[] highs;
    private final String[] names;

    private ValueNames(long[] lows, long[] highs, String[] names) {
        this.lows = lows;
        this.highs = highs;
        this.names = names;
    }

    /** Pairs of (Integer/Long key, String name). */
    public static ValueNames of(Object... pairs) {
        int n = pairs.length / 2;
        long[][] rows = new long[n][];
        String[] labels = new String[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            long v = ((Number) pairs[2 * i]).longValue();
            rows[i] = new long[] {v, v};
            labels[i] = (String) pairs[2 * i + 1];
            order[i] = i;
        }
        return build(rows, labels, order);
    }

    /** Triples of (low, high, name). */
    public static ValueNames ranges(Object... triples) {
        int n = triples.length / 3;
        long[][] rows = new long[n][];
        String[] labels = new String[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new long[] {((Number) triples[3 * i]).longValue(), ((Number) triples[3 * i + 1]).longValue()};
            labels[i] = (String) triples[3 * i + 2];
            order[i] = i;
        }
        return build(rows, labels, order);
    }

    private static ValueNames build(long[][] rows, String[] labels, Integer[] order) {
        // stable: the first entry for a duplicated key wins, as in value_string lookups
        Arrays.sort(order, (a, b) -> Long.compare(rows[a][0], rows[b][0]));
        int n = order.length;
        long[] lo = new long[n];
        long[] hi = new long[n];
        String[] nm = new String[n];
        for (int i = 0; i < n; i++) {
            lo[i] = rows[order[i]][0];
            hi[i] = rows[order[i]][1];
            nm[i] = labels[order[i]];
        }
        return new ValueNames(lo, hi, nm);
    }

    /** The name of {@code v}, or null. */
    public String name(long v) {
        int i = Arrays.binarySearch(lows, v);
        if (i >= 0) {
            while (i > 0 && lows[i - 1] == v) {
                i--;
            }
            return names[i];
        }
        int at = -i - 2;
        for (int k = at; k >= 0; k--) {
            if (highs[k] >= v) {
                return names[k];
            }
            if (highs[k] == lows[k] && k < at - 16) {
                break;
            }
        }
        return null;
    }

    public String name(long v, String fallback) {
        String s = name(v);
        return s != null ? s : fallback;
    }

    public int size() {
        return names.length;
    }

    public long key(int i) {
        return lows[i];
    }

    public long keyHigh(int i) {
        return highs[i];
    }

    public String nameAt(int i) {
        return names[i];
    }

    public boolean isRange() {
        for (int i = 0; i < lows.length; i++) {
            if (lows[i] != highs[i]) {
                return true;
            }
        }
        return false;
    }
}
