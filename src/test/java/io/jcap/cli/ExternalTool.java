package io.jcap.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs tshark, tcpdump or another program as the reference for jcap's behaviour, with
 * TZ=UTC and a UTF-8 C locale, from a given directory. tshark's warning about running
 * as root is removed from standard error.
 */
public final class ExternalTool {
    static final String ROOT_WARNING = "Running as user \"root\" and group \"root\". This could be dangerous.";
    private static final Map<String, Boolean> ON_PATH = new ConcurrentHashMap<>();

    private ExternalTool() {
    }

    /** The result of one run. */
    public record Result(List<String> command, int status, byte[] stdoutBytes, String stderr) {
        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> status " + status + ", stderr:\n" + stderr;
        }
    }

    /** True if {@code program} is an executable somewhere on PATH. */
    public static boolean onPath(String program) {
        return ON_PATH.computeIfAbsent(program, p -> {
            String path = System.getenv("PATH");
            if (path == null) {
                return false;
            }
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, p))) {
                    return true;
                }
            }
            return false;
        });
    }

    public static Result run(Path dir, String... command) {
        return run(dir, null, command);
    }

    /** Runs {@code command} in {@code dir} (null: the current directory), standard input from {@code stdin} or nothing. */
    public static Result run(Path dir, Path stdin, String... command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("jcap-tool", ".out");
            err = Files.createTempFile("jcap-tool", ".err");
            ProcessBuilder pb = new ProcessBuilder(command);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("TZ", "UTC");
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                    : ProcessBuilder.Redirect.from(stdin.toFile()));
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.equals(ROOT_WARNING))
                    .map(l -> l + "\n")
                    .collect(Collectors.joining());
            return new Result(Arrays.asList(command), p.exitValue(), Files.readAllBytes(out), stderr);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        } finally {
            try {
                if (out != null) {
                    Files.deleteIfExists(out);
                }
                if (err != null) {
                    Files.deleteIfExists(err);
                }
            } catch (IOException ignored) {
                // temp files; the OS cleans /tmp
            }
        }
    }
}
