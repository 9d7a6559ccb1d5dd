package io.jcap.proto.tcp;

import io.jcap.proto.ipv4.IpGolden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Golden -V texts of the TCP layer: a capture under src/test/resources/dissect/ (made by
 * make-tcp.py there) and, next to it, the TCP items {@code tshark -n -V -r} (4.0) prints for
 * it, frame by frame ("=== frame N", then the "Transmission Control Protocol" item and the
 * "[N Reassembled TCP Segments ...]" item with everything below them). jcap's -V output is
 * cut the same way and must match line for line.
 */
final class TcpGolden {
    private TcpGolden() {
    }

    /** The lines of {@code verbose} that belong to TCP, per frame. */
    static String layers(String verbose) {
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
                in = line.startsWith("Transmission Control Protocol") || line.matches("\\[\\d+ Reassembled TCP .*");
            }
            if (in && !line.isEmpty()) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    /** Asserts that jcap's TCP items for {@code name}.pcap are tshark's ({@code name}.tshark.txt). */
    static void assertMatches(String name) {
        String expected = text(name + ".tshark.txt").strip();
        String actual = layers(IpGolden.verbose(name + ".pcap")).strip();
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        String frame = "";
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "<end>";
            String y = i < a.length ? a[i] : "<end>";
            if (x.startsWith("=== ")) {
                frame = x;
            }
            assertEquals(x, y, name + ": -V differs from tshark's at " + frame + ", line " + (i + 1));
        }
    }

    static String text(String name) {
        try (InputStream in = TcpGolden.class.getResourceAsStream("/dissect/" + name)) {
            assertNotNull(in, "missing test resource dissect/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
