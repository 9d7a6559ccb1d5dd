package io.jcap.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One in-process run of {@link Jcap#run}: exit status, the bytes written to standard
 * output and the text written to standard error. Shared by the CLI, I/O and golden tests.
 */
public record JcapRun(String[] args, int status, byte[] stdoutBytes, String stderr) {

    public static JcapRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Jcap.run(args.clone(), out, errStream);
        }
        return new JcapRun(args.clone(), status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    public String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    /** The command line, for assertion messages. */
    public String commandLine() {
        return "jcap " + String.join(" ", Arrays.asList(args));
    }

    /** True when standard error shows a Java stack trace or exception name: jcap must never print one. */
    public boolean stderrHasStackTrace() {
        return hasStackTrace(stderr);
    }

    public static boolean hasStackTrace(String text) {
        return text.contains("Exception") || text.contains("\tat ")
                || (text.contains("Error") && text.contains("java."));
    }

    @Override
    public String toString() {
        return commandLine() + " -> status " + status + ", " + stdoutBytes.length + " bytes on stdout, stderr:\n" + stderr;
    }
}
