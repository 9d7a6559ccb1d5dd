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

    static FieldsPrinter.Options parse(List<String> options) throws UsageException {
        FieldsPrinter.Options d = FieldsPrinter.Options.defaults();
        boolean header = d.header();
        String separator = d.separator();
        char occurrence = d.occurrence();
        int index = 0;
        String aggregator = d.aggregator();
        char quote = d.quote();
        boolean escape = d.escape();
        boolean bom = d.bom();
        for (String option : options) {
            int eq = option.indexOf('=');
            String key = eq < 0 ? option : option.substring(0, eq);
            String value = eq < 0 ? "" : option.substring(eq + 1);
            boolean ok = eq > 0;
            if (ok) {
                switch (key) {
                    case "header" -> {
                        ok = yesNo(value);
                        header = value.startsWith("y");
                    }
                    case "bom" -> {
                        ok = yesNo(value);
                        bom = value.startsWith("y");
                    }
                    case "escape" -> {
                        ok = yesNo(value);
                        escape = value.startsWith("y");
                    }
                    case "separator" -> {
                        separator = special(value);
                        ok = separator != null;
                    }
                    case "aggregator" -> {
                        aggregator = special(value);
                        ok = aggregator != null;
                    }
                    case "quote" -> {
                        ok = value.equals("d") || value.equals("s") || value.equals("n");
                        quote = ok ? value.charAt(0) : quote;
                    }
                    case "occurrence" -> {
                        if (value.equals("f") || value.equals("l") || value.equals("a")) {
                            occurrence = value.charAt(0);
                        } else {
                            try {
                                index = Integer.parseInt(value);
                                occurrence = 'n';
                            } catch (NumberFormatException e) {
                                ok = false;
                            }
                        }
                    }
                    default -> ok = false;
                }
            }
            if (!ok) {
                throw new UsageException("\"" + key + "\" is not a valid field output option=value pair.\n" + HELP);
            }
        }
        return new FieldsPrinter.Options(header, separator, occurrence, index, aggregator, quote, escape, bom);
    }

    private static boolean yesNo(String v) {
        return v.equals("y") || v.equals("n") || v.equals("Y") || v.equals("N");
    }

    /** "/t" tab, "/s" space, otherwise the text itself (non-empty). */
    private static String special(String v) {
        return switch (v) {
            case "/t" -> "\t";
            case "/s" -> " ";
            case "" -> null;
            default -> v;
        };
    }
}
