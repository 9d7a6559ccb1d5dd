package io.jcap.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A golden table (golden/TESTLIST, views/VIEWLIST): one run per line, written as
 * {@code name  capture  options...}; '#' starts a comment.
 */
public final class GoldenList {
    private GoldenList() {
    }

    /** One row: jcap runs as {@code OPTIONS -r CAPTURE}. */
    public record Row(String name, String capture, List<String> options, int line) {
        @Override
        public String toString() {
            return name;
        }

        public String[] args() {
            List<String> a = new ArrayList<>(options);
            a.add("-r");
            a.add(capture);
            return a.toArray(String[]::new);
        }
    }

    public static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash);
            }
            l = l.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] w = l.split("\\s+");
            if (w.length < 2) {
                throw new IllegalStateException(file.getFileName() + " line " + (i + 1)
                        + ": expected 'name capture options...'");
            }
            rows.add(new Row(w[0], w[1], List.of(Arrays.copyOfRange(w, 2, w.length)), i + 1));
        }
        return rows;
    }
}
