package io.jcap.saved;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A named filter list in Wireshark's cfilters/dfilters format: one filter a line, its name
 * in double quotes (backslash escapes the quote and itself), then the expression to the end
 * of the line; blank lines and lines starting with '#' are skipped.
 */
public final class FilterList {
    private FilterList() {
    }

    /**
     * The entries of the files that exist, in order; each bad line goes to {@code problems}
     * in tshark's words ("'FILE' line 2 doesn't have a quoted filter name.").
     */
    public static Map<String, String> readAll(Iterable<Path> files, Consumer<String> problems) {
        return SavedFile.readAll(files, FilterList::parse, (f, n, what) -> "'" + f + "' line " + n + " " + what + ".",
                problems);
    }

    static Map.Entry<String, String> parse(String line) {
        StringBuilder name = new StringBuilder();
        int i;
        try {
            if (line.charAt(0) != '"') {
                throw new IllegalArgumentException();
            }
            i = QuotedText.read(line, 0, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("doesn't have a quoted filter name");
        }
        String expression = line.substring(i).strip();
        if (expression.isEmpty()) {
            throw new IllegalArgumentException("doesn't have a filter expression");
        }
        return Map.entry(name.toString(), expression);
    }
}
