package io.jcap.saved;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The line files of saved filters: one named entry a line, blank lines and lines starting
 * with '#' skipped. A bad line is reported with its file and number and skipped, so one
 * typo does not take the other entries with it; so is a file that cannot be read.
 */
final class SavedFile {
    private SavedFile() {
    }

    /** How a file's kind words a bad line, in tshark's manner for it. */
    interface Problem {
        String describe(Path file, int line, String what);
    }

    /**
     * The entries of the files that exist, in order, a later name replacing an earlier one;
     * {@code parse} turns a line into its name and text, or throws IllegalArgumentException.
     */
    static Map<String, String> readAll(Iterable<Path> files, Function<String, Map.Entry<String, String>> parse,
                                       Problem problem, Consumer<String> problems) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            try {
                read(f, parse, problem, entries, problems);
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.accept(f + ": " + (e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                        : e instanceof java.nio.charset.MalformedInputException ? "not UTF-8 text" : e.getMessage()));
            }
        }
        return entries;
    }

    private static void read(Path file, Function<String, Map.Entry<String, String>> parse, Problem problem,
                             Map<String, String> into, Consumer<String> problems) throws IOException {
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            try {
                Map.Entry<String, String> entry = parse.apply(text);
                into.put(entry.getKey(), entry.getValue());
            } catch (IllegalArgumentException e) {
                problems.accept(problem.describe(file, number, e.getMessage()));
            }
        }
    }
}
