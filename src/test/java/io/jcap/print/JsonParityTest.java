package io.jcap.print;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jcap.cli.JcapRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * -T json and -T ek of the samples (ethernet.pcap, mixed.pcapng, any.pcap: Ethernet and
 * Linux cooked frames, pcap and pcapng; frame, eth, sll, arp, ip and ipv6 with fragments
 * and hop-by-hop headers, icmp and icmpv6 errors quoting IP/UDP, udp, tcp with its
 * analysis and reassembled PDUs, dns over UDP and TCP, http with data-text-lines and json
 * bodies, data) parse with Jackson, and every packet has exactly the names and values of
 * tshark's output stored beside it (&lt;name&gt;.tshark.json.gz / .ek.gz, made by
 * make-views.sh): each value is compared under its full path of names, repeated names as a
 * multiset, in both directions. Then the text itself must be tshark's, line by line.
 * <p>
 * There are no known differences: a name or value jcap prints differently fails the test.
 */
class JsonParityTest {
    static final Path DIR = Path.of("src", "test", "resources", "views");
    /** Repeated names are allowed: tshark's -T json repeats them (--no-duplicate-keys groups them). */
    private static final JsonFactory FACTORY = new JsonFactory();

    private static TimeZone savedZone;

    @BeforeAll
    static void utc() {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterAll
    static void restoreZone() {
        TimeZone.setDefault(savedZone);
    }

    /** Each sample with its packet count and the least number of values its -T json and -T ek hold. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("samples/ethernet.pcap", "json", 139, 14_500),
                Arguments.of("samples/mixed.pcapng", "json", 164, 17_500),
                Arguments.of("samples/any.pcap", "json", 113, 10_000),
                Arguments.of("samples/ethernet.pcap", "ek", 139, 13_500),
                Arguments.of("samples/mixed.pcapng", "ek", 164, 16_000),
                Arguments.of("samples/any.pcap", "ek", 113, 9_000));
    }

    @ParameterizedTest(name = "{0} -T {1}")
    @MethodSource("samples")
    void sameNamesAndValuesAsTshark(String capture, String format, int packets, int leastValues) throws IOException {
        String name = Path.of(capture).getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DIR.resolve(name + ".tshark." + format
                + ".gz")))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Map<String, List<String>>> tshark = parse(expected, format);
        JcapRun r = JcapRun.of("-n", "-T", format, "-r", capture);
        assertEquals(0, r.status(), r::toString);
        assertFalse(r.stderrHasStackTrace(), r::toString);
        List<Map<String, List<String>>> jcap = parse(r.stdout(), format);
        assertEquals(packets, tshark.size(), "tshark's packets");
        assertEquals(tshark.size(), jcap.size(), "packets");
        List<String> wrong = new ArrayList<>();
        int values = 0;
        for (int i = 0; i < tshark.size(); i++) {
            Map<String, List<String>> t = tshark.get(i);
            Map<String, List<String>> j = jcap.get(i);
            for (String key : union(t, j)) {
                List<String> tv = t.getOrDefault(key, List.of());
                List<String> jv = j.getOrDefault(key, List.of());
                values += tv.size();
                if (!tv.equals(jv)) {
                    wrong.add("packet " + (i + 1) + " " + key + ": tshark " + cut(tv) + ", jcap " + cut(jv));
                }
            }
        }
        System.out.println(capture + " -T " + format + ": " + tshark.size() + " packets, " + values
                + " values compared");
        assertTrue(values >= leastValues, "values compared: " + values);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " names differ from tshark's in -T " + format + " of " + capture + ":\n  "
                    + String.join("\n  ", wrong.subList(0, Math.min(30, wrong.size()))));
        }
        sameLines(expected, r.stdout(), capture + " -T " + format);
    }

    /** The first line where jcap's text is not tshark's (order of names, spacing, escapes). */
    private static void sameLines(String expected, String actual, String what) {
        String[] t = expected.split("\n", -1);
        String[] j = actual.split("\n", -1);
        for (int i = 0; i < Math.min(t.length, j.length); i++) {
            if (!t[i].equals(j[i])) {
                fail(what + ": line " + (i + 1) + " differs from tshark's:\n  tshark " + cut(List.of(t[i]))
                        + "\n  jcap   " + cut(List.of(j[i])));
            }
        }
        assertEquals(t.length, j.length, what + ": lines");
    }

    private static List<String> union(Map<String, List<String>> a, Map<String, List<String>> b) {
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return new ArrayList<>(keys);
    }

    private static String cut(List<String> v) {
        String s = v.toString();
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }

    /** Each packet's layers as path -> values (sorted), read with Jackson's streaming parser, repeated names kept. */
    static List<Map<String, List<String>>> parse(String text, String format) throws IOException {
        List<Map<String, List<String>>> packets = new ArrayList<>();
        if (format.equals("json")) {
            try (JsonParser p = FACTORY.createParser(text)) {
                assertSame(JsonToken.START_ARRAY, p.nextToken(), "one array of packets");
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    packets.add(packet(p, "_source"));
                }
                assertSame(JsonToken.END_ARRAY, p.currentToken());
                assertEquals(null, p.nextToken(), "nothing after the array");
            }
        } else {
            String[] lines = text.split("\n");
            assertEquals(0, lines.length % 2, "action and document lines");
            for (int i = 1; i < lines.length; i += 2) {
                try (JsonParser p = FACTORY.createParser(lines[i])) {
                    assertSame(JsonToken.START_OBJECT, p.nextToken());
                    packets.add(layers(p));
                    assertEquals(null, p.nextToken(), "one document per line");
                }
            }
        }
        for (Map<String, List<String>> m : packets) {
            for (List<String> l : m.values()) {
                Collections.sort(l);
            }
        }
        return packets;
    }

    /** -T json: {"_index", "_type", "_score", "_source": {"layers": {...}}}. */
    private static Map<String, List<String>> packet(JsonParser p, String source) throws IOException {
        Map<String, List<String>> out = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(source)) {
                assertSame(JsonToken.START_OBJECT, p.currentToken());
                out = layers(p);
            } else {
                p.skipChildren();
            }
        }
        assertTrue(out != null, "a packet has " + source);
        return out;
    }

    /** An object holding "layers" (json's _source, an EK document): the layers flattened. */
    private static Map<String, List<String>> layers(JsonParser p) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("layers")) {
                object(p, "", out);
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    private static void object(JsonParser p, String path, Map<String, List<String>> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            value(p, path + "/" + name, out);
        }
    }

    private static void value(JsonParser p, String path, Map<String, List<String>> out) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                out.computeIfAbsent(path, k -> new ArrayList<>()).add("{}");
                object(p, path, out);
            }
            case START_ARRAY -> {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    value(p, path, out);
                }
            }
            default -> out.computeIfAbsent(path, k -> new ArrayList<>()).add(p.getText());
        }
    }
}
