package io.jcap.print;

import io.jcap.dissect.Dissection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * tshark's -T psml: the summary columns as XML. A structure element with the column
 * titles, then per packet one section per column and a blank line.
 */
public final class PsmlPrinter implements PacketView {
    /** What tshark 4.0.17 names itself in the PDML and PSML headers. */
    public static final String CREATOR = "wireshark/4.0.17";

    private final Output out;
    private final SummaryPrinter columns;
    private final List<String> cells = new ArrayList<>(7);
    private final StringBuilder sb = new StringBuilder(512);

    public PsmlPrinter(Output out, SummaryPrinter columns) {
        this.out = out;
        this.columns = columns;
    }

    @Override
    public boolean needsFields() {
        return false;
    }

    @Override
    public void start() throws IOException {
        sb.setLength(0);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.append("<psml version=\"0\" creator=\"").append(CREATOR).append("\">\n");
        sb.append("<structure>\n");
        for (String t : SummaryPrinter.TITLES) {
            sb.append("<section>");
            PdmlPrinter.escape(sb, t);
            sb.append("</section>\n");
        }
        sb.append("</structure>\n\n");
        out.text(sb);
    }

    @Override
    public void print(Dissection d) throws IOException {
        cells.clear();
        columns.cells(d, cells);
        sb.setLength(0);
        sb.append("<packet>\n");
        for (String c : cells) {
            sb.append("<section>");
            PdmlPrinter.escape(sb, c);
            sb.append("</section>\n");
        }
        sb.append("</packet>\n\n");
        out.text(sb);
    }

    @Override
    public void finish() throws IOException {
        out.text("</psml>\n");
    }
}
