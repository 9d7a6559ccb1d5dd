package io.jcap.proto.ipv4;

import io.jcap.cli.Jcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Golden -V texts of the IP and UDP layers: a capture under src/test/resources/dissect/
 * and, next to it, the IPv4, IPv6 (with its extension headers), UDP and AH items that
 * {@code tshark -n -V -r} (4.0.17) prints for it, frame by frame ("=== frame N" and the
 * top-level items of those layers with everything below them). jcap's -V output is cut
 * the same way and must match line for line.
 */
public final class IpGolden {
    private static final String[] LAYERS = {"Internet Protocol Version 4", "Internet Protocol Version 6",
        "User Datagram Protocol", "Authentication Header"};

    private IpGolden() {
    }

    /** The lines of {@code verbose} that belong to the IP and UDP layers, per frame. */
    public static String layers(String verbose) {
        List<String> out = new ArrayList<>();
        int frame = 0;
        boolean in = false;
        for (String line : verbose.split("\n", -1)) {
            if (line.startsWith("Frame ") && line.contains(":")) {
                out.add("=== frame " + ++frame);
                in = false;
                continue;
            }
            if (!line.isEmpty() && !line.startsWith(" ")) {
                in = false;
                for (String l : LAYERS) {
                    in |= line.startsWith(l);
                }
            }
            if (in && !line.isEmpty()) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    /** jcap -n -V on a capture of the test resources. */
    public static String verbose(String capture) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Jcap.run(new String[] {"-n", "-V", "-r", resource(capture).toString()}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Asserts that jcap's IP/UDP items for {@code name}.pcap are tshark's ({@code name}.tshark.txt). */
    public static void assertMatches(String name) {
        String expected = text(name + ".tshark.txt").strip();
        String actual = layers(verbose(name + ".pcap")).strip();
        if (!expected.equals(actual)) {
            assertEquals(firstDifference(expected, actual), "", name + ": -V differs from tshark's");
        }
    }

    /** The first differing line with a little context, for a readable failure. */
    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        String frame = "";
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<end>";
            String y = i < a.length ? a[i] : "<end>";
            if (x.startsWith("=== ")) {
                frame = x;
            }
            if (!x.equals(y)) {
                return frame + ", line " + (i + 1) + ":\n  tshark: " + x + "\n  jcap:   " + y;
            }
        }
        return "";
    }

    static Path resource(String name) {
        URL url = IpGolden.class.getResource("/dissect/" + name);
        assertNotNull(url, "missing test resource dissect/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String name) {
        try (InputStream in = IpGolden.class.getResourceAsStream("/dissect/" + name)) {
            assertNotNull(in, "missing test resource dissect/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jcap's output for other arguments on a capture of the test resources. */
    public static String run(String capture, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-r";
        all[1] = resource(capture).toString();
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Jcap.run(all, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
