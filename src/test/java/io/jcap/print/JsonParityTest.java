package io.jcap.print;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jcap.cli.JcapRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * -T json and -T ek of ethernet-slice.pcap (the 53 frames of samples/ethernet.pcap without
 * TCP, DNS or HTTP: frame, eth, arp, ip, ipv6 with fragment and hop-by-hop headers, icmp,
 * icmpv6, udp, data, ICMP errors quoting IP/UDP) parse with Jackson, and every packet has
 * exactly the names and values of tshark's output stored beside it
 * (ethernet-slice.tshark.json.gz / .ek.gz, made by make-views.sh): each value is compared
 * under its full path of names, repeated names as a multiset, in both directions. TCP,
 * DNS and HTTP are left out of the slice while their dissectors are rewritten.
 * <p>
 * Known differences, outside the views: the data of a reassembled datagram is read from
 * the frame, not from the reassembled bytes ({@link #reassembly}); tshark's IPv6 registers
 * a field of its own named ip.version, so EK names it ipv6_ip_version; the payload of
 * the UDP header an ICMP or ICMPv6 error quotes is a top-level data layer in tshark's
 * tree, and under the ICMP item in jcap's ({@link #QUOTED_DATA}, compared as top-level).
 */
class JsonParityTest {
    static final Path DIR = Path.of("src", "test", "resources", "views");
    static final String SLICE = DIR.resolve("ethernet-slice.pcap").toString();
    /** Repeated names are allowed: tshark's -T json repeats them (--no-duplicate-keys groups them). */
    private static final JsonFactory FACTORY = new JsonFactory();

    /** jcap's data under a quoted UDP header (see the class comment). */
    static final java.util.regex.Pattern QUOTED_DATA = java.util.regex.Pattern.compile("^/icmp(v6)?(/data(/.*)?)$");

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

    @ParameterizedTest
    @ValueSource(strings = {"json", "ek"})
    void sameNamesAndValuesAsTshark(String format) throws IOException {
        List<Map<String, List<String>>> tshark;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DIR.resolve("ethernet-slice.tshark." + format
                + ".gz")))) {
            tshark = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), format);
        }
        JcapRun r = JcapRun.of("-n", "-T", format, "-r", SLICE);
        assertEquals(0, r.status(), r::toString);
        assertFalse(r.stderrHasStackTrace(), r::toString);
        List<Map<String, List<String>>> jcap = parse(r.stdout(), format);
        assertEquals(53, tshark.size(), "tshark's packets");
        assertEquals(tshark.size(), jcap.size(), "packets");
        List<String> wrong = new ArrayList<>();
        int values = 0;
        for (int i = 0; i < tshark.size(); i++) {
            Map<String, List<String>> t = tshark.get(i);
            Map<String, List<String>> j = jcap.get(i);
            boolean reassembled = t.keySet().stream().anyMatch(JsonParityTest::reassembly);
            for (String key : union(t, j)) {
                if (reassembled && isData(key)) {
                    continue;
                }
                List<String> tv = t.getOrDefault(key, List.of());
                List<String> jv = j.getOrDefault(key, List.of());
                values += tv.size();
                if (!tv.equals(jv)) {
                    wrong.add("packet " + (i + 1) + " " + key + ": tshark " + cut(tv) + ", jcap " + cut(jv));
                }
            }
        }
        assertTrue(values > 3000, "values compared: " + values);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " names differ from tshark's in -T " + format + ":\n  "
                    + String.join("\n  ", wrong.subList(0, Math.min(30, wrong.size()))));
        }
    }

    private static List<String> union(Map<String, List<String>> a, Map<String, List<String>> b) {
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return new ArrayList<>(keys);
    }

    /** A name that shows tshark reassembled the packet's payload (a second data source). */
    static boolean reassembly(String key) {
        return key.contains("reassembled") || key.endsWith("fragments") || key.endsWith("fragments_tree");
    }

    private static boolean isData(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        return name.startsWith("data.") || name.startsWith("data_data_");
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
            if (name.equals("ipv6_ip_version")) {
                // see the class comment: tshark's IPv6 has its own ip.version field
                name = "ip_ip_version";
            }
            p.nextToken();
            value(p, path + "/" + name, out);
        }
    }

    private static void value(JsonParser p, String path, Map<String, List<String>> out) throws IOException {
        java.util.regex.Matcher quoted = QUOTED_DATA.matcher(path);
        if (quoted.matches()) {
            path = quoted.group(2);
        }
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
