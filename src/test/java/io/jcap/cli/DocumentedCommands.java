package io.jcap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Runs the jcap commands a document shows, as a user would type them: through bash, in
 * a scratch directory that has the repository's samples/, with a {@code jcap} on the
 * path that runs this build's classes (the launcher would build the jar in the middle of
 * the test run). Commands run in order, so one may read a file an earlier one wrote.
 */
final class DocumentedCommands {
    private final Path dir;
    private final Path bin;

    DocumentedCommands(Path scratch) throws IOException {
        this.dir = Files.createDirectories(scratch.resolve("work"));
        this.bin = Files.createDirectories(scratch.resolve("bin"));
        Path repo = Path.of("").toAbsolutePath();
        Files.createSymbolicLink(dir.resolve("samples"), repo.resolve("samples"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // the shipped saved filters beside the command, as beside the launcher (completion looks there)
        Files.createSymbolicLink(bin.resolve("filters"), repo.resolve("filters"));
        Path jcap = bin.resolve("jcap");
        Files.writeString(jcap, "#!/bin/sh\nexec '" + java + "' -Djcap.home='" + repo + "' -cp '" + classPath
                + "' io.jcap.cli.Main \"$@\"\n");
        jcap.toFile().setExecutable(true);
    }

    /** Whether this run may capture live (root, as in CI). */
    static boolean canCapture() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs {@code command} (a line of the document); it must exit 0 and print no Java trace. */
    void run(String command) throws IOException, InterruptedException {
        output(command);
    }

    /** {@link #run}, returning what the command printed on standard output. */
    String output(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command);
        pb.directory(dir.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("TZ", "UTC");
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        FinishedProcess done = FinishedProcess.run(pb, 60, command);
        assertFalse(done.stderr().contains("Exception") || done.stderr().contains("\tat "),
                () -> command + "\n" + done.stderr());
        return done.stdout();
    }

    /** The lines of {@code text} that are jcap commands. */
    static List<String> commands(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> l.startsWith("jcap ")).toList();
    }
}
