package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;

import java.io.IOException;
import java.util.List;

/**
 * tshark's -T fields: one line per packet, the requested fields' values joined by the
 * separator; several occurrences of a field joined by the aggregator (or the first,
 * last or n-th only); optional quotes, escapes, header line and BOM (-E options).
 */
public final class FieldsPrinter implements PacketView {
    /** The -E options. */
    public record Options(boolean header, String separator, char occurrence, int occurrenceIndex,
                          String aggregator, char quote, boolean escape, boolean bom) {
        public static Options defaults() {
            return new Options(false, "\t", 'a', 0, ",", 'n', true, false);
        }
    }

    private final Output out;
    private final List<FieldDef> fields;
    private final Options options;
    private final FieldText text;
    private final StringBuilder line = new StringBuilder(256);
    private final StringBuilder value = new StringBuilder(64);
    private boolean started;

    /** The summary's columns, for the column fields (_ws.col.Info ...); null when none is asked for. */
    private final SummaryPrinter columns;
    /** Per field, its column's index, or -1 for a field of the packet. */
    private final int[] column;
    private final List<String> cells = new java.util.ArrayList<>(7);

    public FieldsPrinter(Output out, List<FieldDef> fields, Options options, FieldText text) {
        this(out, fields, options, text, null);
    }

    public FieldsPrinter(Output out, List<FieldDef> fields, Options options, FieldText text, SummaryPrinter columns) {
        this.out = out;
        this.fields = List.copyOf(fields);
        this.options = options;
        this.text = text;
        this.columns = columns;
        this.column = new int[this.fields.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = ColumnFields.isColumn(this.fields.get(i).abbrev) ? ColumnFields.column(this.fields.get(i)) : -2;
        }
    }

    /** The BOM and header line, before the first packet (also when there is none). */
    @Override
    public void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        if (options.bom()) {
            out.text("\uFEFF");
        }
        if (options.header()) {
            line.setLength(0);
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    line.append(options.separator());
                }
                // the names are not quoted
                line.append(fields.get(i).abbrev);
            }
            out.text(line).newline();
        }
    }

    @Override
    public boolean needsFields() {
        return true;
    }

    @Override
    public void print(Dissection d) throws IOException {
        start();
        line.setLength(0);
        cells.clear();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(options.separator());
            }
            if (column[i] == -2) {
                field(d, fields.get(i));
            } else {
                column(d, column[i]);
            }
        }
        out.text(line).newline();
    }

    private void field(Dissection d, FieldDef f) {
        int count = 0;
        int total = 0;
        if (options.occurrence() != 'a') {
            for (int r = 0; r < d.fieldCount(); r++) {
                if (f.sameName(d.fieldDef(r))) {
                    total++;
                }
            }
        }
        int wanted = switch (options.occurrence()) {
            case 'f' -> 1;
            case 'l' -> total;
            case 'a' -> 0;
            default -> options.occurrenceIndex() > 0 ? options.occurrenceIndex() : total + 1 + options.occurrenceIndex();
        };
        // the quotes go around all of a field's values, an absent field has none
        char q = options.quote() == 'd' ? '"' : options.quote() == 's' ? '\'' : 0;
        boolean first = true;
        for (int r = 0; r < d.fieldCount(); r++) {
            if (!f.sameName(d.fieldDef(r))) {
                continue;
            }
            count++;
            if (wanted != 0 && count != wanted) {
                continue;
            }
            value.setLength(0);
            text.append(value, d, r);
            if (first) {
                if (q != 0) {
                    line.append(q);
                }
            } else {
                line.append(options.aggregator());
            }
            first = false;
            if (options.escape()) {
                escape(line, value);
            } else {
                line.append(value);
            }
        }
        if (!first && q != 0) {
            line.append(q);
        }
    }

    /** A column's text as one occurrence (quoted and escaped as a field's); nothing for an unknown column. */
    private void column(Dissection d, int index) {
        if (index < 0 || columns == null) {
            return;
        }
        if (cells.isEmpty()) {
            columns.cells(d, cells);
        }
        char q = options.quote() == 'd' ? '"' : options.quote() == 's' ? '\'' : 0;
        if (q != 0) {
            line.append(q);
        }
        if (options.escape()) {
            escape(line, cells.get(index));
        } else {
            line.append(cells.get(index));
        }
        if (q != 0) {
            line.append(q);
        }
    }

    /** C-style escapes of line breaks and tabs, as tshark's -E escape=y (backslashes stay as they are). */
    private static void escape(StringBuilder to, CharSequence v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\n' -> to.append("\\n");
                case '\r' -> to.append("\\r");
                case '\t' -> to.append("\\t");
                default -> to.append(c);
            }
        }
    }
}
