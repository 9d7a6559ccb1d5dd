package io.jcap.proto.dns;

import io.jcap.proto.ipv4.IpGolden;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.jcap.cli.Jcap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DNS, mDNS and LLMNR -V trees against tshark 4.0.17's, frame by frame, on
 * src/test/resources/dissect/dns.pcap (written with tshark's answer, dns.tshark.txt, by
 * make_dns.py next to it): A, AAAA, CNAME, NS, PTR, MX, TXT, SOA, SRV, NAPTR, CAA, DS,
 * DNSKEY, RRSIG, NSEC, NSEC3, SVCB and HTTPS records, OPT with client subnet, cookie and
 * padding options, request/response times, a retransmitted query, an unsolicited response,
 * mDNS QU and cache-flush bits, LLMNR, DNS over TCP, hostile names (pointer loops, a
 * pointer past the message, a record cut short) that end in tshark's marks, more types (LOC,
 * HINFO, WKS, KEY, DNAME, TSIG, an undecoded one), a dynamic update, and a response
 * reassembled from IPv4 fragments.
 */
class DnsTreeTest {
    private static final String[] LAYERS = {"Domain Name System", "Multicast Domain Name System",
        "Link-local Multicast Name Resolution", "[Malformed", "[Packet size"};

    /** The DNS-layer lines of -V output, per frame ("=== frame N" first). */
    static Map<String, String> frames(String verbose) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> cur = null;
        int frame = 0;
        boolean in = false;
        for (String line : verbose.split("\n", -1)) {
            if (line.startsWith("=== frame ") || (line.startsWith("Frame ") && line.contains(":"))) {
                cur = new ArrayList<>();
                out.put("frame " + ++frame, "");
                in = false;
                continue;
            }
            if (!line.isEmpty() && !line.startsWith(" ")) {
                in = false;
                for (String l : LAYERS) {
                    in |= line.startsWith(l);
                }
            }
            if (in && !line.isEmpty() && cur != null) {
                cur.add(line);
                out.put("frame " + frame, String.join("\n", cur));
            }
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = DnsTreeTest.class.getResourceAsStream("/dissect/" + name)) {
            assertNotNull(in, "missing test resource dissect/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFrameAsTshark() {
        Map<String, String> expected = frames(resource("dns.tshark.txt"));
        Map<String, String> actual = frames(IpGolden.verbose("dns.pcap"));
        assertEquals(expected.keySet(), actual.keySet(), "frames");
        // every frame but the first fragment of the reassembled response holds DNS
        assertEquals(1, expected.values().stream().filter(String::isEmpty).count(), "frames without DNS");
        return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertEquals(e.getValue(), actual.get(e.getKey()))));
    }

    @Test
    void fieldsAsTshark() {
        // the fields make_dns.py asks tshark for (dns.fields.tshark.txt), every frame
        String[] fields = ("dns.id dns.flags.response dns.flags.opcode dns.flags.rcode dns.count.queries "
                + "dns.count.answers dns.qry.name dns.qry.type dns.resp.name dns.resp.type dns.resp.ttl dns.a dns.aaaa "
                + "dns.cname dns.response_in dns.response_to dns.time dns.retransmit_request_in dns.unsolicited")
                .split(" ");
        List<String> args = new ArrayList<>(List.of("-n", "-T", "fields", "-E", "occurrence=a", "-E", "separator=|"));
        for (String f : fields) {
            args.add("-e");
            args.add(f);
        }
        String expected = resource("dns.fields.tshark.txt");
        assertTrue(expected.contains("|0.001500000|"), "the golden file holds request/response times");
        assertEquals(expected, IpGolden.run("dns.pcap", args.toArray(new String[0])));
    }

    /**
     * Every golden frame cut at every length past its UDP or TCP header (the capture's snap
     * length, the wire length kept): -V prints each frame without an error, and a cut that
     * ends a DNS tree early ends it with tshark's mark.
     */
    @Test
    void everyCutPrintsWithoutErrors(@TempDir Path dir) throws IOException {
        byte[] pcap;
        try (InputStream in = DnsTreeTest.class.getResourceAsStream("/dissect/dns.pcap")) {
            assertNotNull(in);
            pcap = in.readAllBytes();
        }
        ByteBuffer src = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream cuts = new ByteArrayOutputStream();
        cuts.write(pcap, 0, 24);
        int frames = 0;
        for (int off = 24; off < pcap.length;) {
            int caplen = src.getInt(off + 8);
            int first = off + 16;
            for (int cut = 42; cut < caplen; cut++) {
                ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                h.putInt(1000 + frames).putInt(0).putInt(cut).putInt(caplen);
                cuts.write(h.array());
                cuts.write(pcap, first, cut);
                frames++;
            }
            off = first + caplen;
        }
        Path file = dir.resolve("cuts.pcap");
        Files.write(file, cuts.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Jcap.run(new String[] {"-n", "-V", "-r", file.toString()}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, rc);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        Map<String, String> trees = frames(text);
        assertEquals(frames, trees.size());
        assertTrue(frames > 4000, "cuts: " + frames);
        int marked = 0;
        for (String tree : trees.values()) {
            if (tree.contains("[Packet size limited during capture: ")) {
                marked++;
            }
        }
        assertTrue(marked > frames / 2, "cut frames marked as cut: " + marked + " of " + frames);
        assertTrue(!text.contains("Exception:") && !text.contains("\tat io.jcap"), "no stack trace in the output");
    }
}
