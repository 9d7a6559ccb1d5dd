package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.Protocol;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * tshark's -V: every item of the packet's tree, four spaces of indentation per level,
 * generated items in brackets, hidden ones left out, a blank line after each packet.
 * With -O only the listed protocols are expanded; the others show their top line.
 */
public final class TreePrinter implements PacketView {
    private final Output out;
    private final TreeLabel labels;
    private final Set<String> expandOnly;
    private final SummaryPrinter summary;
    private StringBuilder line = new StringBuilder(256);
    private final HexDump dump = new HexDump();
    private int[] firstChild = new int[64];
    private int[] lastChild = new int[64];
    private int[] nextSibling = new int[64];
    private String separator = "";
    private boolean dumpData = true;

    /**
     * @param expandOnly protocols to expand (-O), or null for all
     * @param summary    prints the summary line first (-P with -V), or null
     */
    public TreePrinter(Output out, TreeLabel labels, Set<String> expandOnly, SummaryPrinter summary) {
        this.out = out;
        this.labels = labels;
        this.expandOnly = expandOnly;
        this.summary = summary;
    }

    /** -S: the line printed after each packet's tree (default: an empty line). */
    public void separator(String line) {
        separator = line;
    }

    /** -x prints the whole packet in hex: the data protocol's own dump is left out then. */
    public void dumpData(boolean on) {
        dumpData = on;
    }

    @Override
    public boolean needsFields() {
        return true;
    }

    @Override
    public void print(Dissection d) throws IOException {
        if (summary != null) {
            summary.print(d);
        }
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
        for (int r = 0; r < n; r++) {
            int p = d.fieldParent(r);
            if (p >= 0) {
                if (firstChild[p] < 0) {
                    firstChild[p] = r;
                } else {
                    nextSibling[lastChild[p]] = r;
                }
                lastChild[p] = r;
            }
        }
        for (int r = 0; r < n; r++) {
            if (d.fieldParent(r) < 0) {
                item(d, r, 0, true);
            }
        }
        out.text(separator).newline();
    }

    private void item(Dissection d, int row, int depth, boolean expand) throws IOException {
        if ((d.fieldFlags(row) & Dissection.HIDDEN) != 0) {
            return;
        }
        line.setLength(0);
        for (int i = 0; i < depth; i++) {
            line.append("    ");
        }
        boolean generated = (d.fieldFlags(row) & Dissection.GENERATED) != 0;
        if (generated) {
            line.append('[');
        }
        labels.append(line, d, row);
        if (generated) {
            line.append(']');
        }
        out.text(line).newline();
        if (out.wideSeen()) {
            // keep the builder at one byte per character ("…" after long byte strings made it two)
            line = new StringBuilder(256);
        }
        if (depth == 0 && expandOnly != null) {
            // -O: protocols not listed show their top line only (and no data dump)
            Protocol p = d.fieldDef(row).protocol;
            expand = p != null && expandOnly.contains(p.filterName);
            if (!expand) {
                return;
            }
        }
        if ((d.fieldFlags(row) & Dissection.BYTES_DUMP) != 0 && dumpData) {
            out.newline();
            int from = d.fieldOffset(row);
            int n = Math.max(0, Math.min(d.fieldLength(row), d.frame.capturedLength - from));
            dump.print(out, d.buf.raw(), d.buf.rawBase() + from, n);
        }
        if (!expand) {
            return;
        }
        for (int c = firstChild[row]; c >= 0; c = nextSibling[c]) {
            item(d, c, depth + 1, true);
        }
    }
}
