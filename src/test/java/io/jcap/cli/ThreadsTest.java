package io.jcap.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output is the same byte for byte whether a read runs on one thread or spreads over two. */
class ThreadsTest {
    private static final String[][] VIEWS = {
        {"-n"},
        {},
        {"-t", "ad", "-T", "tabs"},
        {"-n", "-Y", "tcp||dns"},
        {"-n", "-t", "dd"},
        {"-P", "-V", "-n"},
        {"-n", "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "_ws.col.Info"},
    };

    static Stream<Arguments> runs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<Path> captures = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            files.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().forEach(captures::add);
        }
        // IPv4 and IPv6 fragments and a reassembled HTTP response
        captures.add(Path.of("src/test/resources/views/frag.pcapng"));
        assertTrue(captures.size() >= 3, "samples/ holds the captures");
        for (Path capture : captures) {
            for (String[] view : VIEWS) {
                out.add(Arguments.of(capture.toString(), String.join(" ", view)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void oneThreadAndTwoPrintTheSame(String capture, String view) {
        JcapRun one = run("1", capture, view);
        JcapRun two = run("2", capture, view);
        assertEquals(0, one.status(), one::toString);
        assertTrue(one.stdoutBytes().length > 0, one::toString);
        assertArrayEquals(one.stdoutBytes(), two.stdoutBytes(), two.commandLine());
        assertEquals(one.stderr(), two.stderr());
    }

    private static JcapRun run(String threads, String capture, String view) {
        List<String> args = new ArrayList<>(List.of("--jcap-threads", threads, "-r", capture));
        if (!view.isEmpty()) {
            args.addAll(List.of(view.split(" ")));
        }
        return JcapRun.of(args.toArray(String[]::new));
    }
}
