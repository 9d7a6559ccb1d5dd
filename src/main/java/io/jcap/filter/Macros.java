package io.jcap.filter;

import java.util.function.Predicate;

/**
 * tshark expands display filter macros (${name} and ${name:args}) before scanning the
 * filter. jcap has no macros, so it only does what tshark does with none defined: a
 * ${field} stays as it is (a field reference), anything else is an error in tshark's
 * words. This runs on the whole text, quoted strings included, as tshark's does.
 */
final class Macros {
    private Macros() {
    }

    static void check(String filter, Predicate<String> isField) throws FilterException {
        int n = filter.length();
        int i = 0;
        while (i < n) {
            if (filter.charAt(i) != '$' || i + 1 >= n || filter.charAt(i + 1) != '{') {
                i++;
                continue;
            }
            int start = i + 2;
            int j = start;
            while (true) {
                if (j >= n) {
                    throw new FilterException("end of filter in the middle of a macro expression");
                }
                char c = filter.charAt(j);
                if (Character.isLetterOrDigit(c) && c < 0x80 || c == '_' || c == '.' || c == '-') {
                    j++;
                    continue;
                }
                String name = filter.substring(start, j);
                if (c == '}') {
                    if (!isField.test(name)) {
                        throw new FilterException("macro '" + name + "' does not exist");
                    }
                    break;
                }
                if (c == ':') {
                    int end = filter.indexOf('}', j);
                    if (end < 0) {
                        throw new FilterException("end of filter in the middle of a macro expression");
                    }
                    throw new FilterException("macro '" + name + "' does not exist");
                }
                if (c == '#' && isField.test(name)) {
                    break;
                }
                throw new FilterException("invalid character in macro name");
            }
            i = j + 1;
        }
    }
}
