package io.jcap.saved;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Display filter macros in Wireshark's dfilter_macros table format: one macro a line, as
 * {@code "name","text"} (both quoted, comma between, spaces allowed around it); '#' starts
 * a comment line. A name is ASCII letters, digits and '_' (a '.' would make it a field).
 */
public final class MacroTable {
    private MacroTable() {
    }

    /**
     * The entries of the files that exist, in order; each bad line goes to {@code problems}
     * as tshark reports a bad table line ("Error loading table 'Display Filter Macros': FILE:3: ...").
     */
    public static Map<String, String> readAll(Iterable<Path> files, Consumer<String> problems) {
        return SavedFile.readAll(files, MacroTable::parse,
                (f, n, what) -> "Error loading table 'Display Filter Macros': " + f + ":" + n + ": " + what, problems);
    }

    static Map.Entry<String, String> parse(String line) {
        if (line.charAt(0) != '"') {
            throw new IllegalArgumentException("unexpected char '" + line.charAt(0) + "' while looking for field name");
        }
        StringBuilder name = new StringBuilder();
        int i = QuotedText.read(line, 0, name);
        if (name.length() == 0) {
            throw new IllegalArgumentException("empty macro name");
        }
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!(c < 0x80 && Character.isLetterOrDigit(c) || c == '_')) {
                throw new IllegalArgumentException("invalid character in macro name \"" + name + "\"");
            }
        }
        i = skipSpaces(line, i);
        if (i >= line.length() || line.charAt(i) != ',') {
            throw new IllegalArgumentException("a comma must follow the name");
        }
        i = skipSpaces(line, i + 1);
        if (i >= line.length() || line.charAt(i) != '"') {
            throw new IllegalArgumentException("the macro's text must be in double quotes");
        }
        StringBuilder text = new StringBuilder();
        i = QuotedText.read(line, i, text);
        if (skipSpaces(line, i) != line.length()) {
            throw new IllegalArgumentException("text after the macro's closing quote");
        }
        return Map.entry(name.toString(), text.toString());
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
