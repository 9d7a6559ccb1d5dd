package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of the fields given with -e, for -T json, ek and pdml (print.c's
 * write_specified_fields): each field's occurrences in tree order as -T fields prints
 * them, kept as -E occurrence says.
 */
final class SpecifiedFields {
    private final List<FieldDef> fields;
    private final FieldsPrinter.Options options;
    private final FieldValues values;
    private final List<List<String>> found = new ArrayList<>();
    private final TreeIndex index = new TreeIndex();
    private final StringBuilder sb = new StringBuilder(64);

    /** The -e fields of a structured view, or null when none was given (the whole tree prints). */
    static SpecifiedFields of(List<FieldDef> fields, FieldsPrinter.Options options, FieldValues values,
                              SummaryPrinter columns) {
        return fields == null || fields.isEmpty() ? null : new SpecifiedFields(fields, options, values, columns);
    }

    /** The summary's columns, for column fields (_ws.col.Info ...), or null. */
    private final SummaryPrinter columns;
    private final List<String> cells = new ArrayList<>(7);

    SpecifiedFields(List<FieldDef> fields, FieldsPrinter.Options options, FieldValues values, SummaryPrinter columns) {
        this.fields = List.copyOf(fields);
        this.options = options;
        this.values = values;
        this.columns = columns;
        for (int i = 0; i < this.fields.size(); i++) {
            found.add(new ArrayList<>());
        }
    }

    List<FieldDef> fields() {
        return fields;
    }

    /** Collects the values of {@code d}; {@link #values(int)} then gives each field's. */
    void collect(Dissection d) {
        for (List<String> l : found) {
            l.clear();
        }
        index.build(d);
        walk(d, index.firstChild(-1));
        if (columns != null) {
            cells.clear();
            for (int i = 0; i < fields.size(); i++) {
                int c = ColumnFields.column(fields.get(i));
                if (c >= 0) {
                    if (cells.isEmpty()) {
                        columns.cells(d, cells);
                    }
                    found.get(i).add(cells.get(c));
                }
            }
        }
        char occ = options.occurrence();
        if (occ == 'a' || occ == 'f') {
            return;
        }
        for (List<String> l : found) {
            if (l.isEmpty()) {
                continue;
            }
            int n = l.size();
            int want = occ == 'l' ? n : options.occurrenceIndex() > 0 ? options.occurrenceIndex()
                    : n + 1 + options.occurrenceIndex();
            String keep = want >= 1 && want <= n ? l.get(want - 1) : null;
            l.clear();
            if (keep != null) {
                l.add(keep);
            }
        }
    }

    private void walk(Dissection d, int row) {
        for (int r = row; r >= 0; r = index.next(r)) {
            FieldDef f = d.fieldDef(r);
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).sameName(f)) {
                    List<String> l = found.get(i);
                    if (options.occurrence() == 'f' && !l.isEmpty()) {
                        continue;
                    }
                    sb.setLength(0);
                    values.fieldsValue(sb, d, r);
                    l.add(sb.toString());
                }
            }
            walk(d, index.firstChild(r));
        }
    }

    /** The values of field {@code i} (empty: the packet has none). */
    List<String> values(int i) {
        return found.get(i);
    }
}
