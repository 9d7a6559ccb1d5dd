package io.jcap.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a test's child process printed, once it exited 0: it runs with no standard input
 * and its output in files (no pipe to fill up), and is killed when it overruns.
 */
record FinishedProcess(String stdout, String stderr) {
    /** Runs {@code pb}; {@code what} names it in failures. */
    static FinishedProcess run(ProcessBuilder pb, int seconds, String what) throws IOException, InterruptedException {
        // (outside the process's working directory, where a listing or a glob would see them)
        Path out = Files.createTempFile("jcap-test", ".out");
        Path err = Files.createTempFile("jcap-test", ".err");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in " + seconds + " s: " + what);
        }
        FinishedProcess done = new FinishedProcess(Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        // (Maven -q reports its errors on standard output)
        assertEquals(0, p.exitValue(), () -> what + "\n" + done.stderr + done.stdout);
        return done;
    }
}
