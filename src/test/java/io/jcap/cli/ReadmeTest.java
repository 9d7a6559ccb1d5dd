package io.jcap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's examples: every command of its ```sh blocks (jcap's and the shell's that
 * prepare their input) runs, in order, as a user would type it; live captures only as root.
 */
class ReadmeTest {
    @TempDir
    Path scratch;

    /** The lines of the README's ```sh blocks. */
    private static List<String> shellBlocks() throws Exception {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (l.startsWith("```")) {
                in = l.equals("```sh");
            } else if (in) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void everyGuideCommandRuns() throws Exception {
        List<String> commands = shellBlocks().stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(commands.size() >= 30, commands::toString);
        assertTrue(commands.stream().anyMatch(c -> c.contains(" -b ")) && commands.stream().anyMatch(c -> c.contains(" -D")),
                "the guide walks through the ring buffer and the interface list");
        DocumentedCommands run = new DocumentedCommands(scratch);
        for (String c : commands) {
            if (c.contains(" -i ") && !DocumentedCommands.canCapture()) {
                continue;
            }
            run.run(c);
        }
    }
}
