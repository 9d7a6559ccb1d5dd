package io.jcap.print;

import io.jcap.dissect.Dissection;

import java.io.IOException;

/**
 * -x: each packet's bytes as a hex dump and a blank line, after the tree (-V) or after the
 * summary line and a blank line (-P), or alone.
 */
public final class HexView implements PacketView {
    private final Output out;
    private final PacketView before;
    private final boolean blankAfterBefore;
    private final HexDump dump = new HexDump();
    private String separator = "";

    /** {@code before}: the view printed first, or null; {@code blankAfterBefore}: a summary line needs one. */
    public HexView(Output out, PacketView before, boolean blankAfterBefore) {
        this.out = out;
        this.before = before;
        this.blankAfterBefore = blankAfterBefore;
    }

    /** -S: the line printed after each packet's bytes (default: an empty line). */
    public void separator(String line) {
        separator = line;
    }

    @Override
    public boolean needsFields() {
        return before != null && before.needsFields();
    }

    @Override
    public void start() throws IOException {
        if (before != null) {
            before.start();
        }
    }

    @Override
    public void print(Dissection d) throws IOException {
        if (before != null) {
            before.print(d);
            if (blankAfterBefore) {
                out.newline();
            }
        }
        if (d.dataSourceCount() == 0) {
            dump.print(out, d.frame.data, d.frame.offset, d.frame.capturedLength);
        } else {
            // several data sources: each under its name, the frame's first
            sourceHeader("Frame", d.frame.capturedLength);
            dump.print(out, d.frame.data, d.frame.offset, d.frame.capturedLength);
            for (int i = 0; i < d.dataSourceCount(); i++) {
                sourceHeader(d.dataSourceName(i), d.dataSourceLength(i));
                dump.print(out, d.dataSourceBytes(i), 0, d.dataSourceLength(i));
            }
        }
        out.text(separator).newline();
    }

    /** "Reassembled IPv4 (3008 bytes):" */
    private void sourceHeader(String name, int length) throws IOException {
        out.text(name).text(" (").number(length).text(length == 1 ? " byte):" : " bytes):").newline();
    }

    @Override
    public void finish() throws IOException {
        if (before != null) {
            before.finish();
        }
    }
}
