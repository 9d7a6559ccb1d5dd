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

    /** Wireshark's ITEM_LABEL_LENGTH: a label holds at most this many bytes, its NUL included. */
    static final int ITEM_LABEL_LENGTH = 240;
    private static final String TRUNCATED = " [truncated]";

    /**
     * Cuts a label that does not fit in ITEM_LABEL_LENGTH bytes (UTF-8) the way Wireshark's
     * label_mark_truncated does: " [truncated]" after the field name ("Name [truncated]: value")
     * or in front of a label set by the dissector, then at most 238 bytes (as tshark prints them).
     */
    static void truncate(StringBuilder line, int start, boolean custom) {
        int n = line.length() - start;
        if (n < ITEM_LABEL_LENGTH / 4) {
            return;
        }
        int bytes = 0;
        for (int i = start; i < line.length(); i++) {
            bytes += utf8Length(line, i);
        }
        if (bytes < ITEM_LABEL_LENGTH) {
            return;
        }
        int namePos = 0;
        if (!custom) {
            int c = line.indexOf(": ", start);
            namePos = c < 0 ? 0 : c - start;
        }
        line.insert(start + namePos, TRUNCATED);
        int used = 0;
        int i = start;
        while (i < line.length()) {
            int b = utf8Length(line, i);
            if (used + b > ITEM_LABEL_LENGTH - 2) {
                break;
            }
            used += b;
            i += Character.isHighSurrogate(line.charAt(i)) && i + 1 < line.length() ? 2 : 1;
        }
        line.setLength(i);
    }

    private static int utf8Length(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(c)) {
            return 4;
        }
        return Character.isLowSurrogate(c) ? 0 : 3;
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
        int start = line.length();
        labels.append(line, d, row);
        truncate(line, start, d.fieldLabel(row) != null);
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
            if (d.fieldObject(row) instanceof byte[] b) {
                // bytes of another data source (a reassembled, de-chunked or uncompressed body)
                dump.print(out, io.netty.buffer.Unpooled.wrappedBuffer(b), 0, b.length);
            } else {
                dump.print(out, d.fieldSource(row), d.fieldSourceBase(row) + d.fieldOffset(row),
                        d.fieldCapturedLength(row));
            }
        }
        if (!expand) {
            return;
        }
        for (int c = firstChild[row]; c >= 0; c = nextSibling[c]) {
            item(d, c, depth + 1, true);
        }
    }
}
