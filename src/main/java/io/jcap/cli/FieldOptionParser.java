package io.jcap.cli;

import io.jcap.print.FieldsPrinter;

import java.util.List;

/** tshark's -E options of -T fields. */
final class FieldOptionParser {
    static final String HELP = """
            jcap: The available options for field output "E" are:
            bom=y|n    Prepend output with the UTF-8 BOM (def: N: no)
            header=y|n    Print field abbreviations as first line of output (def: N: no)
            separator=/t|/s|<character>   Set the separator to use;
                 "/t" = tab, "/s" = space (def: /t: tab)
            occurrence=f|l|a  Select the occurrence of a field to use;
                 "f" = first, "l" = last, "a" = all (def: a: all)
            aggregator=,|/s|<character>   Set the aggregator to use;
                 "," = comma, "/s" = space (def: ,: comma)
            quote=d|s|n   Print either d: double-quotes, s: single quotes or\040
                 n: no quotes around field values (def: n: none)""";

    private FieldOptionParser() {
    }

    /**
     * The -E options as tshark 4.0 reads them: y/n, d/s/n and f/l/a by their first
     * character; a separator or aggregator is its first character, "/t" and "/s" (the
     * aggregator only "/s") a tab or space and any other "/x" a backslash. tshark 4.0 has
     * no escape option and no numbered occurrence: values are always escaped.
     */
    static FieldsPrinter.Options parse(List<String> options) throws UsageException {
        FieldsPrinter.Options d = FieldsPrinter.Options.defaults();
        boolean header = d.header();
        String separator = d.separator();
        char occurrence = d.occurrence();
        String aggregator = d.aggregator();
        char quote = d.quote();
        boolean bom = d.bom();
        for (String option : options) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? "" : option.substring(eq + 1);
            char first = value.isEmpty() ? 0 : value.charAt(0);
            boolean ok = eq > 0 && first != 0;
            if (ok) {
                switch (key) {
                    case "header" -> {
                        ok = first == 'y' || first == 'n';
                        header = first == 'y';
                    }
                    case "bom" -> {
                        ok = first == 'y' || first == 'n';
                        bom = first == 'y';
                    }
                    case "separator" -> separator = character(value, true);
                    case "aggregator" -> aggregator = character(value, false);
                    case "quote" -> {
                        ok = first == 'd' || first == 's' || first == 'n';
                        quote = ok ? first : quote;
                    }
                    case "occurrence" -> {
                        ok = first == 'f' || first == 'l' || first == 'a';
                        occurrence = ok ? first : occurrence;
                    }
                    default -> ok = false;
                }
            }
            if (!ok) {
                throw new UsageException("\"" + key + "\" is not a valid field output option=value pair.\n" + HELP);
            }
        }
        return new FieldsPrinter.Options(header, separator, occurrence, 0, aggregator, quote, true, bom);
    }

    /** A separator or aggregator value (not empty): see {@link #parse}. */
    private static String character(String v, boolean tab) {
        if (v.charAt(0) != '/') {
            return v.substring(0, 1);
        }
        char c = v.length() > 1 ? v.charAt(1) : 0;
        return c == 's' ? " " : c == 't' && tab ? "\t" : "\\";
    }
}
