package io.jcap.saved;

/** A double-quoted string of Wireshark's filter and table files: backslash escapes the next character. */
final class QuotedText {
    private QuotedText() {
    }

    /**
     * Reads the quoted string that starts at {@code from} (a '"') into {@code into};
     * returns the index after its closing quote.
     */
    static int read(String line, int from, StringBuilder into) {
        int i = from + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length()) {
                c = line.charAt(++i);
            }
            into.append(c);
            i++;
        }
        throw new IllegalArgumentException("no closing quote");
    }
}
