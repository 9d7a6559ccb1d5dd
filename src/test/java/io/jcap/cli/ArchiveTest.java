package io.jcap.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The install archive: {@code mvn package} in a copy of the sources makes
 * target/jcap-VERSION.tar.gz; it unpacks, install.sh links it into a prefix, and the
 * installed jcap runs with nothing on its path but a shell's basic tools and java (no
 * Maven, no sources): -v names the libpcap, a file reads, a shipped macro expands, and
 * the man page and completions are in place.
 */
class ArchiveTest {
    @TempDir
    Path tmp;

    private static final List<String> REPO_PARTS = List.of("pom.xml", "jcap", "README.md", "src/main", "src/tables", "src/assembly",
            "filters", "man", "completion", "samples");

    @Test
    void unpacksInstallsAndRunsWithOnlyJava() throws Exception {
        assumeTrue(ExternalTool.onPath("mvn") && ExternalTool.onPath("tar"), "needs mvn and tar");
        Path copy = tmp.resolve("src");
        for (String part : REPO_PARTS) {
            copyTree(Path.of(part), copy.resolve(part));
        }
        run(copy, List.of(), "mvn", "-B", "-q", "package", "-Dmaven.test.skip=true");
        Path archive = copy.resolve("target/jcap-" + Jcap.VERSION + ".tar.gz");
        assertTrue(Files.isRegularFile(archive), "no " + archive);

        Path opt = Files.createDirectories(tmp.resolve("opt"));
        run(opt, List.of(), "tar", "xzf", archive.toString());
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("bash", "sh", "readlink", "dirname", "mkdir", "stat", "rm", "mv", "find", "flock",
                "cat", "sed", "ln", "java")) {
            Path real = Path.of(ExternalTool.run(null, "bash", "-c", "readlink -f \"$(command -v " + tool + ")\"")
                    .stdout().strip());
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        List<String> env = List.of("PATH=" + bin, "HOME=" + tmp.resolve("home"));
        Path prefix = tmp.resolve("usr");
        Path home = opt.resolve("jcap-" + Jcap.VERSION);
        run(tmp, env, "sh", home.resolve("install.sh").toString(), prefix.toString());
        Path jcap = prefix.resolve("bin/jcap");
        assertTrue(Files.isSymbolicLink(jcap));
        assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1/jcap.1")));
        assertTrue(Files.isRegularFile(prefix.resolve("share/bash-completion/completions/jcap")));
        assertTrue(Files.isRegularFile(prefix.resolve("share/zsh/site-functions/_jcap")));

        String version = run(tmp, env, jcap.toString(), "-v");
        assertTrue(version.startsWith("jcap " + Jcap.VERSION + " ("), version);
        if (io.jcap.capture.LiveCapture.libraryVersion() != null) {
            assertTrue(version.contains("with libpcap "), version);
        }
        String dns = run(tmp, env, jcap.toString(), "-r", home.resolve("samples/mixed.pcapng").toString(), "-Y",
                "${port:53}", "-T", "fields", "-e", "frame.number");
        assertEquals("111", dns.lines().findFirst().orElse(""));
        // the class-data-sharing archive went to the user's cache, not the install directory
        assertTrue(Files.list(tmp.resolve("home/.cache/jcap")).anyMatch(p -> p.toString().endsWith(".jsa")));
        assertTrue(Files.notExists(home.resolve("target")));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Runs {@code command} in {@code dir} with only {@code env} (when not empty); it must exit 0. */
    private static String run(Path dir, List<String> env, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        if (!env.isEmpty()) {
            pb.environment().clear();
            for (String e : env) {
                int eq = e.indexOf('=');
                pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        return FinishedProcess.run(pb, 300, cmd.toString()).stdout();
    }
}
