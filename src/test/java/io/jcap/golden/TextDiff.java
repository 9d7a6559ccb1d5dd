package io.jcap.golden;

import java.util.List;

/** A short unified-diff-like description of the first difference between two texts. */
public final class TextDiff {
    private TextDiff() {
    }

    /** Null when equal; otherwise the first differing line numbers and both lines, with a little context. */
    public static String firstDifference(String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("--- expected (").append(e.size()).append(" lines)\n");
        sb.append("+++ actual   (").append(a.size()).append(" lines)\n");
        if (i == e.size() && i == a.size()) {
            // same lines: line endings or the final newline differ
            sb.append("(lines are equal; the line endings or the final newline differ: expected ends with newline=")
                    .append(expected.endsWith("\n")).append(", actual=").append(actual.endsWith("\n")).append(")\n");
            return sb.toString();
        }
        int differing = 0;
        for (int k = 0; k < Math.max(e.size(), a.size()); k++) {
            if (k >= e.size() || k >= a.size() || !e.get(k).equals(a.get(k))) {
                differing++;
            }
        }
        sb.append("(").append(differing).append(" of ").append(Math.max(e.size(), a.size()))
                .append(" lines differ, line by line; the first one:)\n");
        sb.append("@@ -").append(i + 1).append(" +").append(i + 1).append(" @@\n");
        if (i > 0) {
            sb.append(' ').append(e.get(i - 1)).append('\n');
        }
        sb.append(i < e.size() ? "-" + e.get(i) : "-<end of expected output>").append('\n');
        sb.append(i < a.size() ? "+" + a.get(i) : "+<end of actual output>").append('\n');
        return sb.toString();
    }

    /** The first line (1-based) where the texts differ, 0 if they are equal. */
    public static int firstDifferingLine(String expected, String actual) {
        if (expected.equals(actual)) {
            return 0;
        }
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int i = 0;
        while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
            i++;
        }
        return i + 1;
    }
}
