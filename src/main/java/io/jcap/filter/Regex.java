package io.jcap.filter;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The "matches" patterns: PCRE2 syntax (as tshark compiles it: caseless, bytes rather
 * than UTF-8) checked with PCRE2's messages for the usual mistakes, then handed to
 * java.util.regex after the few translations it needs (POSIX classes, (?P&lt;name&gt;, a '{'
 * that is not a quantifier).
 */
final class Regex {
    private Regex() {
    }

    static Pattern compile(byte[] pattern) throws FilterException {
        String p = new String(pattern, StandardCharsets.ISO_8859_1);
        String translated = translate(p);
        try {
            return Pattern.compile(translated, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw error(e.getDescription().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static FilterException error(String message) {
        return new FilterException("Regex compilation error: " + message + ".");
    }

    private static final String[] POSIX = {"alpha", "Alpha", "digit", "Digit", "alnum", "Alnum", "upper", "Upper",
        "lower", "Lower", "space", "Space", "punct", "Punct", "print", "Print", "graph", "Graph", "cntrl", "Cntrl",
        "xdigit", "XDigit", "blank", "Blank", "word", "w", "ascii", "ASCII"};

    /** Checks the pattern as PCRE2 does and rewrites it for java.util.regex. */
    static String translate(String p) throws FilterException {
        StringBuilder out = new StringBuilder(p.length() + 8);
        int depth = 0;
        // what the last item was: 0 nothing repeatable, 1 an atom, 2 a quantifier, 3 a modified quantifier
        int last = 0;
        int i = 0;
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= n) {
                        throw error("\\ at end of pattern");
                    }
                    char e = p.charAt(i + 1);
                    if (e == 'k' && (i + 2 >= n || "{<'".indexOf(p.charAt(i + 2)) < 0)) {
                        throw error("\\k is not followed by a braced, angle-bracketed, or quoted name");
                    }
                    if (e == 'Q') {
                        int end = p.indexOf("\\E", i + 2);
                        int to = end < 0 ? n : end;
                        out.append(Pattern.quote(p.substring(i + 2, to)));
                        i = end < 0 ? n : end + 2;
                        last = 1;
                        continue;
                    }
                    out.append(c).append(e);
                    i += 2;
                    last = "bBAzZG".indexOf(e) >= 0 ? 0 : 1;
                }
                case '[' -> {
                    i = charClass(p, i, out);
                    last = 1;
                }
                case '(' -> {
                    depth++;
                    i = group(p, i, out);
                    last = 0;
                }
                case ')' -> {
                    if (depth == 0) {
                        throw error("unmatched closing parenthesis");
                    }
                    depth--;
                    out.append(c);
                    i++;
                    last = 1;
                }
                case '|' -> {
                    out.append(c);
                    i++;
                    last = 0;
                }
                case '*', '+', '?' -> {
                    if (last == 2 && (c == '?' || c == '+')) {
                        last = 3;
                    } else if (last != 1) {
                        throw error("quantifier does not follow a repeatable item");
                    } else {
                        last = 2;
                    }
                    out.append(c);
                    i++;
                }
                case '{' -> {
                    int end = quantifier(p, i);
                    if (end < 0) {
                        out.append("\\{");
                        i++;
                        last = 1;
                        continue;
                    }
                    if (last != 1) {
                        throw error("quantifier does not follow a repeatable item");
                    }
                    out.append(p, i, end);
                    i = end;
                    last = 2;
                }
                case '^', '$' -> {
                    out.append(c);
                    i++;
                    last = 0;
                }
                default -> {
                    out.append(c);
                    i++;
                    last = 1;
                }
            }
        }
        if (depth > 0) {
            throw error("missing closing parenthesis");
        }
        return out.toString();
    }

    /** The end of a {n}, {n,} or {n,m} quantifier at {@code at}, or -1 when the '{' is a literal. */
    private static int quantifier(String p, int at) throws FilterException {
        java.util.regex.Matcher m = Pattern.compile("\\{([0-9]+)(,([0-9]*))?\\}").matcher(p);
        m.region(at, p.length());
        if (!m.lookingAt()) {
            return -1;
        }
        long lo = number(m.group(1));
        long hi = m.group(2) == null ? lo : m.group(3).isEmpty() ? -1 : number(m.group(3));
        if (lo > 65535 || hi > 65535) {
            throw error("number too big in {} quantifier");
        }
        if (hi >= 0 && hi < lo) {
            throw error("numbers out of order in {} quantifier");
        }
        return m.end();
    }

    private static long number(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** A group opening: (, (?:, (?=, (?!, (?<=, (?<!, (?<name>, (?P<name>, (?flags) and (?flags:. */
    private static int group(String p, int at, StringBuilder out) throws FilterException {
        if (at + 1 >= p.length() || p.charAt(at + 1) != '?') {
            out.append('(');
            return at + 1;
        }
        int i = at + 2;
        if (i >= p.length()) {
            throw error("unrecognized character after (? or (?-");
        }
        char c = p.charAt(i);
        if (c == 'P' && i + 1 < p.length() && p.charAt(i + 1) == '<') {
            out.append("(?<");
            return i + 2;
        }
        if (c == '<') {
            if (i + 1 >= p.length()) {
                throw error("subpattern name expected");
            }
            char d = p.charAt(i + 1);
            if (d == '=' || d == '!') {
                out.append("(?<").append(d);
                return i + 2;
            }
            if (!Character.isLetter(d) && d != '_') {
                throw error("subpattern name expected");
            }
            out.append("(?<");
            return i + 1;
        }
        if (c == ':' || c == '=' || c == '!' || c == '>') {
            out.append("(?").append(c);
            return i + 1;
        }
        int j = i;
        while (j < p.length() && "imsxnJU-".indexOf(p.charAt(j)) >= 0) {
            j++;
        }
        if (j >= p.length() || (p.charAt(j) != ')' && p.charAt(j) != ':')) {
            throw error("unrecognized character after (? or (?-");
        }
        out.append("(?").append(p, i, j);
        return j;
    }

    /** A character class from its '[' to its ']', POSIX classes translated. */
    private static int charClass(String p, int at, StringBuilder out) throws FilterException {
        int i = at + 1;
        int n = p.length();
        out.append('[');
        if (i < n && p.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        boolean first = true;
        int prev = -1;
        while (true) {
            if (i >= n) {
                throw error("missing terminating ] for character class");
            }
            char c = p.charAt(i);
            if (c == ']' && !first) {
                out.append(']');
                return i + 1;
            }
            first = false;
            if (c == '[' && i + 1 < n && p.charAt(i + 1) == ':') {
                int end = p.indexOf(":]", i + 2);
                if (end < 0) {
                    out.append("\\[");
                    i++;
                    prev = '[';
                    continue;
                }
                String name = p.substring(i + 2, end);
                boolean negate = name.startsWith("^");
                if (negate) {
                    name = name.substring(1);
                }
                String java = null;
                for (int k = 0; k < POSIX.length; k += 2) {
                    if (POSIX[k].equals(name)) {
                        java = POSIX[k + 1];
                    }
                }
                if (java == null) {
                    throw error("unknown POSIX class name");
                }
                out.append(java.equals("w") ? (negate ? "\\W" : "\\w") : (negate ? "\\P{" : "\\p{") + java + "}");
                i = end + 2;
                prev = -1;
                continue;
            }
            int value;
            int next;
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw error("\\ at end of pattern");
                }
                out.append(c).append(p.charAt(i + 1));
                char e = p.charAt(i + 1);
                value = Character.isLetterOrDigit(e) ? -1 : e;
                next = i + 2;
            } else if (c == '[' || c == '&') {
                out.append('\\').append(c);
                value = c;
                next = i + 1;
            } else {
                out.append(c);
                value = c;
                next = i + 1;
            }
            if (c == '-' && prev >= 0 && next < n && p.charAt(next) != ']') {
                char hi = p.charAt(next);
                if (hi != '\\' && hi != '[' && hi < prev) {
                    throw error("range out of order in character class");
                }
            }
            prev = c == '-' ? -1 : value;
            i = next;
        }
    }
}
