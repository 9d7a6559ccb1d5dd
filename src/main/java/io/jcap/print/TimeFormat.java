package io.jcap.print;

import java.util.Locale;

/** tshark's -t formats. */
public enum TimeFormat {
    ABSOLUTE("a"), ABSOLUTE_DATE("ad"), ABSOLUTE_DOY("adoy"), DELTA("d"), DELTA_DISPLAYED("dd"),
    EPOCH("e"), RELATIVE("r"), UTC("u"), UTC_DATE("ud"), UTC_DOY("udoy");

    public final String option;

    TimeFormat(String option) {
        this.option = option;
    }

    /** The format for a -t argument, or null. */
    public static TimeFormat of(String option) {
        for (TimeFormat t : values()) {
            if (t.option.equals(option.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }

    public boolean utc() {
        return this == UTC || this == UTC_DATE || this == UTC_DOY;
    }
}
