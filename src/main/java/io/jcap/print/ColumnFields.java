package io.jcap.print;

import io.jcap.field.FieldDef;
import io.jcap.field.Protocol;

/**
 * tshark's column fields for -e: {@code _ws.col.} followed by a column title of the
 * summary ({@code _ws.col.Info}, {@code _ws.col.Protocol} ...). A name with any other
 * title is accepted too and has no value, as in tshark 4.0.
 */
public final class ColumnFields {
    public static final String PREFIX = "_ws.col.";

    private ColumnFields() {
    }

    /** Whether {@code name} is a column field name. */
    public static boolean isColumn(String name) {
        return name.startsWith(PREFIX) && name.length() > PREFIX.length();
    }

    /** The field for {@code name} (one of {@link #isColumn}): a name only, no packet carries it. */
    public static FieldDef field(String name) {
        return new Protocol(name, name.substring(PREFIX.length()), "Columns").field;
    }

    /** The index of column field {@code f} in {@link SummaryPrinter#TITLES}; -1 for an unknown title or another field. */
    public static int column(FieldDef f) {
        return isColumn(f.abbrev) ? SummaryPrinter.TITLES.indexOf(f.abbrev.substring(PREFIX.length())) : -1;
    }
}
