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
        dump.print(out, d.frame.data, d.frame.offset, d.frame.capturedLength);
        out.text(separator).newline();
    }

    @Override
    public void finish() throws IOException {
        if (before != null) {
            before.finish();
        }
    }
}
