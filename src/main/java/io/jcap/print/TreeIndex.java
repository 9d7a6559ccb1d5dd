package io.jcap.print;

import io.jcap.dissect.Dissection;

import java.util.Arrays;

/**
 * The tree shape of a dissection's flat rows: each row's first child and next sibling,
 * and the top-level rows in order. Rebuilt per packet into reused arrays.
 */
final class TreeIndex {
    private int[] firstChild = new int[64];
    private int[] lastChild = new int[64];
    private int[] nextSibling = new int[64];
    private int firstTop = -1;

    void build(Dissection d) {
        int n = d.fieldCount();
        if (firstChild.length < n) {
            int size = Math.max(n, firstChild.length * 2);
            firstChild = new int[size];
            lastChild = new int[size];
            nextSibling = new int[size];
        }
        Arrays.fill(firstChild, 0, n, -1);
        Arrays.fill(lastChild, 0, n, -1);
        Arrays.fill(nextSibling, 0, n, -1);
        firstTop = -1;
        int lastTop = -1;
        for (int r = 0; r < n; r++) {
            int p = d.fieldParent(r);
            if (p >= 0) {
                if (firstChild[p] < 0) {
                    firstChild[p] = r;
                } else {
                    nextSibling[lastChild[p]] = r;
                }
                lastChild[p] = r;
            } else {
                if (firstTop < 0) {
                    firstTop = r;
                } else {
                    nextSibling[lastTop] = r;
                }
                lastTop = r;
            }
        }
    }

    /** First child of {@code row}, or of the root for -1; -1 when none. */
    int firstChild(int row) {
        return row < 0 ? firstTop : firstChild[row];
    }

    int next(int row) {
        return nextSibling[row];
    }

    boolean hasChildren(int row) {
        return firstChild(row) >= 0;
    }
}
