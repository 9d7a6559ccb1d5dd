package io.jcap.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Display filter macros, expanded as tshark expands them before it scans a filter:
 * {@code ${name}} and {@code ${name:arg1;arg2...}} (a backslash escapes ';' and '}') become the macro's text with $1, $2 ...
 * replaced by the arguments, again and again while the result holds macros. A
 * {@code ${field}} that names no macro stays as it is (a field reference). This runs on
 * the whole text, quoted strings included, as tshark's does.
 */
final class Macros {
    /** Expansions within expansions before tshark gives up. */
    private static final int MAX_DEPTH = 32;

    private Macros() {
    }

    static String expand(String filter, Map<String, String> macros, Predicate<String> isField) throws FilterException {
        String text = filter;
        for (int depth = 0; ; depth++) {
            StringBuilder out = new StringBuilder(text.length());
            boolean expanded = pass(text, macros, isField, out);
            if (!expanded) {
                return text;
            }
            if (depth == MAX_DEPTH) {
                throw new FilterException("too deep recursion in macros");
            }
            text = out.toString();
        }
    }

    /** One pass over {@code filter} into {@code out}; true when a macro was expanded. */
    private static boolean pass(String filter, Map<String, String> macros, Predicate<String> isField,
                                StringBuilder out) throws FilterException {
        boolean expanded = false;
        int n = filter.length();
        int i = 0;
        while (i < n) {
            if (filter.charAt(i) != '$' || i + 1 >= n || filter.charAt(i + 1) != '{') {
                out.append(filter.charAt(i++));
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
                    String body = macros.get(name);
                    if (body != null) {
                        out.append(substitute(name, body, List.of()));
                        expanded = true;
                    } else if (isField.test(name)) {
                        out.append(filter, i, j + 1);
                    } else {
                        throw new FilterException("macro '" + name + "' does not exist");
                    }
                    i = j + 1;
                    break;
                }
                if (c == ':') {
                    List<String> args = new ArrayList<>();
                    int end = arguments(filter, j + 1, args);
                    String body = macros.get(name);
                    if (body == null) {
                        throw new FilterException("macro '" + name + "' does not exist");
                    }
                    out.append(substitute(name, body, args));
                    expanded = true;
                    i = end + 1;
                    break;
                }
                if (c == '#' && isField.test(name)) {
                    // a field with a layer (${ip.src#2}): left to the parser
                    int end = filter.indexOf('}', j);
                    if (end < 0) {
                        throw new FilterException("end of filter in the middle of a macro expression");
                    }
                    out.append(filter, i, end + 1);
                    i = end + 1;
                    break;
                }
                throw new FilterException("invalid character in macro name");
            }
        }
        return expanded;
    }

    /** The ';'-separated arguments from {@code from} to the closing '}' (a backslash escapes); returns its index. */
    private static int arguments(String filter, int from, List<String> args) throws FilterException {
        StringBuilder arg = new StringBuilder();
        for (int k = from; k < filter.length(); k++) {
            char c = filter.charAt(k);
            if (c == '\\' && k + 1 < filter.length()) {
                arg.append(filter.charAt(++k));
            } else if (c == ';') {
                args.add(arg.toString());
                arg.setLength(0);
            } else if (c == '}') {
                args.add(arg.toString());
                return k;
            } else {
                arg.append(c);
            }
        }
        throw new FilterException("end of filter in the middle of a macro expression");
    }

    /** The macro's text with $1, $2 ... replaced; the macro takes exactly as many arguments as its highest $N. */
    private static String substitute(String name, String body, List<String> args) throws FilterException {
        int wanted = 0;
        StringBuilder out = new StringBuilder(body.length() + 16);
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            if (c == '$' && k + 1 < body.length() && Character.isDigit(body.charAt(k + 1))) {
                int e = k + 1;
                while (e < body.length() && Character.isDigit(body.charAt(e))) {
                    e++;
                }
                int index = Integer.parseInt(body.substring(k + 1, e));
                wanted = Math.max(wanted, index);
                if (index >= 1 && index <= args.size()) {
                    out.append(args.get(index - 1));
                }
                k = e - 1;
            } else {
                out.append(c);
            }
        }
        if (wanted != args.size() && !(wanted == 0 && args.isEmpty())) {
            throw new FilterException("wrong number of arguments for macro '" + name + "', expecting " + wanted
                    + " instead of " + args.size());
        }
        return out.toString();
    }
}
