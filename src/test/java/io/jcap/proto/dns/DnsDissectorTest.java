package io.jcap.proto.dns;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.field.FieldDef;
import io.jcap.frame.Frame;
import io.jcap.print.AddressText;
import io.jcap.print.Output;
import io.jcap.print.SummaryPrinter;
import io.jcap.print.TimeColumn;
import io.jcap.print.TimeFormat;
import io.jcap.proto.DissectorTestKit;
import io.jcap.proto.StandardProtocols;
import io.jcap.proto.dns.DnsVectors.Vector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * DNS, mDNS and LLMNR against tshark 4.0.17: every crafted vector's summary line (with and
 * without fields), field values, request/response matching, and hostile input.
 */
class DnsDissectorTest {
    private static final int ETHERNET = 1;

    static Vector vector(String title) {
        return DnsVectors.ALL.stream().filter(v -> v.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no vector " + title));
    }

    static Frame frame(Vector v, long number) {
        byte[] b = DissectorTestKit.bytes(v.hex());
        return DissectorTestKit.frame(ETHERNET, b, b.length, v.length(), number);
    }

    /** Summary lines of frames dissected in order by one engine, fields recorded or not. */
    static String lines(DissectorEngine engine, boolean fields, Frame... frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output out = new Output(bytes);
        TimeColumn time = new TimeColumn(TimeFormat.RELATIVE, ZoneOffset.UTC);
        SummaryPrinter printer = new SummaryPrinter(out, time, new AddressText(null));
        Dissection d = new Dissection();
        d.recordFields(fields);
        try {
            for (Frame f : frames) {
                engine.dissect(f, d);
                time.captured(f);
                printer.print(d);
                time.done(f, true);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        // (only the newline: a cut Info column may end in a space)
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    static Dissection dissect(Vector v) {
        return DissectorTestKit.dissect(frame(v, 1));
    }

    static List<Object> values(Dissection d, FieldDef f) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < d.fieldCount(); i++) {
            if (d.fieldDef(i) == f) {
                Object o = d.fieldObject(i);
                out.add(o != null ? o : d.fieldValue(i));
            }
        }
        return out;
    }

    static Object one(Dissection d, FieldDef f) {
        List<Object> v = values(d, f);
        assertEquals(1, v.size(), f.abbrev + " occurrences " + v);
        return v.get(0);
    }

    // ------------------------------------------------------------------------------------------
    // summary lines, gopacket style: tshark's line for each crafted frame

    @TestFactory
    Stream<DynamicTest> tsharkLines() {
        return DnsVectors.ALL.stream().flatMap(v -> Stream.of(
                DynamicTest.dynamicTest(v.title(),
                        () -> assertEquals(v.line(), lines(StandardProtocols.engine(), false, frame(v, 1)))),
                DynamicTest.dynamicTest(v.title() + " (with fields)",
                        () -> assertEquals(v.line(), lines(StandardProtocols.engine(), true, frame(v, 1))))));
    }

    // ------------------------------------------------------------------------------------------
    // fields

    @Test
    void headerAndQuestionFields() {
        Dissection d = dissect(vector("query A"));
        assertEquals("DNS", d.protocol);
        assertEquals(0xb10bL, one(d, DnsFields.ID));
        assertEquals(0x0100L, one(d, DnsFields.FLAGS));
        assertEquals(0L, one(d, DnsFields.FLAGS_OPCODE));
        assertEquals(1L, one(d, DnsFields.COUNT_QUERIES));
        assertEquals(0L, one(d, DnsFields.COUNT_ANSWERS));
        assertEquals("www.espn.com", one(d, DnsFields.QRY_NAME));
        assertEquals(12L, one(d, DnsFields.QRY_NAME_LEN));
        assertEquals(3L, one(d, DnsFields.COUNT_LABELS));
        assertEquals(1L, one(d, DnsFields.QRY_TYPE));
        assertEquals(1L, one(d, DnsFields.QRY_CLASS));
        assertTrue(values(d, DnsFields.FLAGS_RCODE).isEmpty(), "no rcode in a query");
        int dns = d.find(DnsFields.PROTOCOL.field);
        assertTrue(dns >= 0);
        assertEquals(dns, d.fieldParent(d.find(DnsFields.ID)));
    }

    @Test
    void compressedAnswers() {
        Dissection d = dissect(vector("response A with a CNAME chain (compression)"));
        assertEquals(List.of("www.espn.com", "redir.espn.gns.go.com", "other.espn.gns.go.com"),
                values(d, DnsFields.RESP_NAME));
        assertEquals(List.of("redir.espn.gns.go.com", "other.espn.gns.go.com"), values(d, DnsFields.CNAME));
        assertEquals((long) ((68 << 24) | (71 << 16) | (212 << 8) | 158), one(d, DnsFields.A));
        assertEquals(List.of(300L, 300L, 300L), values(d, DnsFields.RESP_TTL));
        assertEquals(List.of(5L, 5L, 1L), values(d, DnsFields.RESP_TYPE));
        assertEquals(0L, one(d, DnsFields.FLAGS_RCODE));
        assertEquals(1L, one(d, DnsFields.UNSOLICITED));
    }

    @Test
    void soaFields() {
        Dissection d = dissect(vector("NXDOMAIN with SOA"));
        assertEquals(3L, one(d, DnsFields.FLAGS_RCODE));
        assertEquals("ns1.example.com", one(d, DnsFields.SOA_MNAME));
        assertEquals("hostmaster.example.com", one(d, DnsFields.SOA_RNAME));
        assertEquals(2024010101L, one(d, DnsFields.SOA_SERIAL_NUMBER));
        assertEquals(300L, one(d, DnsFields.SOA_MINIMUM_TTL));
        assertEquals(1L, one(d, DnsFields.COUNT_AUTH_RR));
    }

    @Test
    void ednsOptions() {
        Dissection d = dissect(vector("query with OPT, client subnet and cookie"));
        // outside mDNS: the second, decimal field of the name
        assertEquals(1232L, one(d, DnsFields.RR_UDP_PAYLOAD_SIZE_2));
        assertEquals(0x8000L, one(d, DnsFields.RESP_Z));
        assertEquals(List.of(8L, 10L), values(d, DnsFields.OPT_CODE));
        assertEquals(1L, one(d, DnsFields.OPT_CLIENT_FAMILY));
        assertEquals(24L, one(d, DnsFields.OPT_CLIENT_NETMASK));
        assertEquals(0xC0000200L, one(d, DnsFields.OPT_CLIENT_ADDR4));
        assertEquals(1, values(d, DnsFields.OPT_COOKIE_CLIENT).size());
        assertEquals("<Root>", one(d, DnsFields.RESP_NAME));
    }

    @Test
    void recordTypeFields() {
        byte[] v6 = new byte[16];
        v6[0] = 0x20;
        v6[1] = 0x01;
        v6[2] = 0x0d;
        v6[3] = (byte) 0xb8;
        v6[15] = 1;
        assertArrayEquals(v6, (byte[]) one(dissect(vector("AAAA")), DnsFields.AAAA));
        assertEquals("ns1.example.com", one(dissect(vector("NS")), DnsFields.NS));
        assertEquals("host.example.com", one(dissect(vector("PTR")), DnsFields.PTR_DOMAIN_NAME));
        Dissection mx = dissect(vector("MX"));
        assertEquals(10L, one(mx, DnsFields.MX_PREFERENCE));
        assertEquals("mail.example.com", one(mx, DnsFields.MX_MAIL_EXCHANGE));
        assertEquals(List.of("v=spf1 -all", "hello"), values(dissect(vector("TXT")), DnsFields.TXT));
        Dissection srv = dissect(vector("SRV"));
        assertEquals("_sip", one(srv, DnsFields.SRV_SERVICE));
        assertEquals("_udp", one(srv, DnsFields.SRV_PROTO));
        assertEquals("example.com", one(srv, DnsFields.SRV_NAME));
        assertEquals(5060L, one(srv, DnsFields.SRV_PORT));
        assertEquals("sip.example.com", one(srv, DnsFields.SRV_TARGET));
        Dissection naptr = dissect(vector("NAPTR"));
        assertEquals("E2U+sip", one(naptr, DnsFields.NAPTR_SERVICE));
        assertEquals("<Root>", one(naptr, DnsFields.NAPTR_REPLACEMENT));
        Dissection caa = dissect(vector("CAA"));
        assertEquals("letsencrypt.org", one(caa, DnsFields.CAA_ISSUE));
        assertEquals("issue", one(caa, DnsFields.CAA_TAG));
        Dissection ds = dissect(vector("DS"));
        assertEquals(2371L, one(ds, DnsFields.DS_KEY_ID));
        assertEquals(13L, one(ds, DnsFields.DS_ALGORITHM));
        Dissection key = dissect(vector("DNSKEY"));
        assertEquals(257L, one(key, DnsFields.DNSKEY_FLAGS));
        assertEquals(1, values(key, DnsFields.DNSKEY_KEY_ID).size());
        Dissection sig = dissect(vector("RRSIG"));
        assertEquals(1L, one(sig, DnsFields.RRSIG_TYPE_COVERED));
        assertEquals("example.com", one(sig, DnsFields.RRSIG_SIGNERS_NAME));
        assertEquals(1_700_000_000L * 1_000_000_000L, one(sig, DnsFields.RRSIG_SIGNATURE_EXPIRATION));
        assertEquals("z.example.com", one(dissect(vector("NSEC")), DnsFields.NSEC_NEXT_DOMAIN_NAME));
        Dissection nsec3 = dissect(vector("NSEC3"));
        assertEquals(10L, one(nsec3, DnsFields.NSEC3_ITERATIONS));
        assertEquals("000g40o40k30e209185go38e1s8124gj", one(nsec3, DnsFields.NSEC3_HASH_VALUE));
        Dissection svcb = dissect(vector("SVCB"));
        assertEquals("svc.example.com", one(svcb, DnsFields.SVCB_TARGETNAME));
        assertEquals("h2", one(svcb, DnsFields.SVCB_SVCPARAM_ALPN));
        assertEquals(8443L, one(svcb, DnsFields.SVCB_SVCPARAM_PORT));
        Dissection https = dissect(vector("HTTPS"));
        assertEquals("<Root>", one(https, DnsFields.SVCB_TARGETNAME));
        assertEquals(0xC0000201L, one(https, DnsFields.SVCB_SVCPARAM_IPV4HINT_IP));
        assertEquals(1, values(dissect(vector("unknown type")), DnsFields.DATA).size());
    }

    @Test
    void mdnsFields() {
        Dissection q = dissect(vector("mDNS questions"));
        assertEquals("MDNS", q.protocol);
        assertEquals(List.of(0x8000L, 0L), values(q, DnsFields.QRY_QU));
        assertEquals(List.of(1L, 1L), values(q, DnsFields.QRY_CLASS));
        Dissection r = dissect(vector("mDNS answers with cache flush"));
        assertEquals(List.of(0x8000L, 0x8000L), values(r, DnsFields.RESP_CACHE_FLUSH));
        assertEquals(List.of(1L, 1L), values(r, DnsFields.RESP_CLASS));
        assertEquals("LLMNR", dissect(vector("LLMNR query")).protocol);
    }

    @Test
    void tcpMessages() {
        Dissection d = dissect(vector("TCP: two messages in one segment"));
        assertEquals("DNS", d.protocol);
        assertEquals(List.of(27L, 27L), values(d, DnsFields.LENGTH));
        assertEquals(List.of(1L, 2L), values(d, DnsFields.ID));
        assertEquals(List.of("a.example", "b.example"), values(d, DnsFields.QRY_NAME));
    }

    /** Query, its retransmission, the response and its retransmission, an unsolicited response. */
    @Test
    void requestsAndResponses() {
        byte[] q = DissectorTestKit.bytes(queryHex(1));
        byte[] r = DissectorTestKit.bytes(responseHex(1));
        byte[] u = DissectorTestKit.bytes(responseHex(2));
        Frame[] frames = {
            at(q, 1, 0), at(q, 2, 1_000_000_000L), at(r, 3, 1_250_000_000L), at(r, 4, 1_500_000_000L),
            at(u, 5, 2_000_000_000L), at(q, 6, 3_000_000_000L)};
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(true);
        engine.dissect(frames[0], d);
        assertTrue(values(d, DnsFields.RESPONSE_TO).isEmpty());
        assertTrue(values(d, DnsFields.RETRANSMISSION).isEmpty());
        engine.dissect(frames[1], d);
        assertEquals(1L, one(d, DnsFields.RETRANSMIT_REQUEST_IN));
        assertEquals(1L, one(d, DnsFields.RETRANSMISSION));
        engine.dissect(frames[2], d);
        assertEquals(1L, one(d, DnsFields.RESPONSE_TO));
        assertEquals(1_250_000_000L, one(d, DnsFields.TIME));
        engine.dissect(frames[3], d);
        assertEquals(3L, one(d, DnsFields.RETRANSMIT_RESPONSE_IN));
        assertEquals(1L, one(d, DnsFields.RETRANSMISSION));
        engine.dissect(frames[4], d);
        assertEquals(1L, one(d, DnsFields.UNSOLICITED));
        // a query after the answer starts a new transaction
        engine.dissect(frames[5], d);
        assertTrue(values(d, DnsFields.RETRANSMISSION).isEmpty());
        assertTrue(values(d, DnsFields.RESPONSE_IN).isEmpty());
        // the Info column does not mention any of it
        assertEquals("Standard query 0x0001 A a.example", d.info.toString());
    }

    /** A query for a.example with {@code id}, 10.0.0.1:40000 → 10.0.0.2:53. */
    private static String queryHex(int id) {
        String dns = String.format("%04x", id) + "01000001000000000000" + "0161076578616d706c6500" + "00010001";
        return udpFrame("0a000001", "0a000002", 40000, 53, dns);
    }

    /** Its answer (or an answer to {@code id}), 10.0.0.2:53 → 10.0.0.1:40000. */
    private static String responseHex(int id) {
        String dns = String.format("%04x", id) + "81800001000100000000" + "0161076578616d706c6500" + "00010001"
                + "c00c000100010000003c000401020304";
        return udpFrame("0a000002", "0a000001", 53, 40000, dns);
    }

    private static String udpFrame(String src, String dst, int sport, int dport, String dnsHex) {
        int udpLen = 8 + dnsHex.length() / 2;
        int ipLen = 20 + udpLen;
        String ip = "4500" + String.format("%04x", ipLen) + "000100004011" + "0000" + src + dst;
        String udp = String.format("%04x%04x%04x0000", sport, dport, udpLen);
        return "00112233445566778899aabb0800" + ip + udp + dnsHex;
    }

    private static Frame at(byte[] b, long number, long ns) {
        Frame f = DissectorTestKit.frame(ETHERNET, b, b.length, b.length, number);
        f.seconds += ns / 1_000_000_000L;
        f.nanos = (int) (ns % 1_000_000_000L);
        return f;
    }

    // ------------------------------------------------------------------------------------------
    // hostile input

    @Test
    void hostileNamesKeepTsharkMarks() {
        assertTrue(lines(StandardProtocols.engine(), false, frame(vector("pointer to itself"), 1))
                .endsWith("A <Name contains a pointer that loops>"));
        assertTrue(lines(StandardProtocols.engine(), false, frame(vector("pointer out of range"), 1))
                .endsWith("Standard query 0x1234[Malformed Packet]"));
        assertTrue(lines(StandardProtocols.engine(), false, frame(vector("huge counts"), 1))
                .endsWith("[Malformed Packet]"));
        Dissection many = DissectorTestKit.dissect(frame(vector("many answers (the Info column holds 4095 bytes)"), 1));
        assertEquals(4095, many.info.toString().getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * Cuts a frame at every length, as a short packet (reported = captured = cut) and as a
     * snap-length cut (captured = cut): dissection never throws, and a cut inside the DNS
     * message ({@code from} .. {@code to}) ends in tshark's malformed or truncated mark (for
     * short packets only when {@code shortNeedsMark}).
     */
    static void cutEverywhere(String hex, int from, int to, boolean shortNeedsMark) {
        byte[] b = DissectorTestKit.bytes(hex);
        for (int cut = 0; cut < b.length; cut++) {
            for (boolean snap : new boolean[] {false, true}) {
                Frame f = DissectorTestKit.frame(ETHERNET, b, cut, snap ? b.length : cut, 1);
                for (boolean fields : new boolean[] {false, true}) {
                    Dissection d = new Dissection();
                    d.recordFields(fields);
                    try {
                        StandardProtocols.engine().dissect(f, d);
                    } catch (RuntimeException e) {
                        fail("cut at " + cut + (snap ? " (snap)" : "") + " threw " + e, e);
                    }
                    if (cut >= from && cut < to && (snap || shortNeedsMark)) {
                        String info = d.info.toString();
                        String mark = snap ? DissectorTestKit.TRUNCATED : DissectorTestKit.MALFORMED;
                        assertTrue(info.endsWith(mark) || info.endsWith("[BoundErrorUnreassembled Packet]"),
                                "cut at " + cut + (snap ? " (snap)" : "") + ": expected " + mark + " in \"" + info + "\"");
                    }
                }
            }
        }
    }

    /**
     * Every UDP vector cut inside its DNS message. Well-formed messages are read to their
     * last byte, so every cut shows a mark; damaged ones (loops, bad pointers, extraneous
     * bytes) leave bytes unread, as tshark does, and only must not throw.
     */
    @TestFactory
    Stream<DynamicTest> cutAtEveryLength() {
        return DnsVectors.ALL.stream()
                .filter(v -> v.hex().length() / 2 == v.length() && v.length() < 600 && !v.title().startsWith("TCP"))
                .map(v -> DynamicTest.dynamicTest(v.title(), () -> cutEverywhere(v.hex(), 43,
                        wellFormed(v) ? v.length() : 0, true)));
    }

    static boolean wellFormed(Vector v) {
        return !v.line().contains("[") && !v.line().contains("<") && !v.title().equals("extraneous data");
    }

    @Test
    void tcpCutAtEveryLength() {
        // a snap-length cut inside the first message cannot be reassembled: a mark (a short
        // segment is left to TCP reassembly instead)
        cutEverywhere(vector("TCP: two messages in one segment").hex(), 14 + 20 + 20 + 2, 14 + 20 + 20 + 2 + 27, false);
    }

    /** Random damage to every vector: only bounds errors may stop dissection, with or without fields. */
    @Test
    void mutationsNeverThrow() {
        Random random = new Random(4711);
        DissectorEngine engine = StandardProtocols.engine();
        Dissection plain = new Dissection();
        Dissection tree = new Dissection();
        tree.recordFields(true);
        long number = 1;
        for (int round = 0; round < 300; round++) {
            for (Vector v : DnsVectors.ALL) {
                byte[] b = DissectorTestKit.bytes(v.hex());
                int flips = 1 + random.nextInt(6);
                for (int i = 0; i < flips; i++) {
                    int at = 42 + random.nextInt(Math.max(1, b.length - 42));
                    if (at < b.length) {
                        b[at] = (byte) (random.nextBoolean() ? random.nextInt(256)
                                : new int[] {0, 0xc0, 0x3f, 0x40, 0x41, 0x80, 0xff}[random.nextInt(7)]);
                    }
                }
                int cut = random.nextInt(4) == 0 ? 42 + random.nextInt(b.length - 41) : b.length;
                for (Dissection d : new Dissection[] {plain, tree}) {
                    Frame f = DissectorTestKit.frame(ETHERNET, b, cut, v.length(), number++);
                    try {
                        engine.dissect(f, d);
                    } catch (RuntimeException e) {
                        fail(v.title() + " mutated: " + e, e);
                    }
                    assertFalse(d.info.length() > DnsDissector.MAX_INFO_BYTES);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // the UDP heuristic (tshark's "dns", on by default; UDP has no heuristic list yet)

    static String heuristic(String dnsHex) {
        DnsDissector dns = new DnsDissector(new io.jcap.dissect.EngineBuilder());
        byte[] b = DissectorTestKit.bytes(dnsHex);
        Dissection d = new Dissection();
        Frame f = DissectorTestKit.frame(ETHERNET, b, b.length, b.length, 1);
        d.reset(f);
        return dns.heuristic.dissect(d.buf, 0, d) == io.jcap.dissect.Dissector.REJECT ? null
                : d.protocol + " " + d.info;
    }

    @Test
    void heuristicAcceptsWhatTsharkDoes() {
        String name = "03777777076578616d706c6503636f6d00" + "00010001";
        // tshark shows 40000 → 50000 with this payload as "Standard query 0x0001 A www.example.com"
        assertEquals("DNS Standard query 0x0001 A www.example.com",
                heuristic("0001" + "0100" + "0001" + "0000" + "0000" + "0000" + name));
        // a response: at most one question, 100 answers, 10 authority and 10 additional records
        assertEquals("DNS Standard query response 0x0002 A www.example.com",
                heuristic("0002" + "8180" + "0001" + "0000" + "0000" + "0000" + name));
        assertEquals(null, heuristic("0003" + "0800" + "0001" + "0000" + "0000" + "0000" + name), "opcode");
        assertEquals(null, heuristic("0004" + "0100" + "0002" + "0000" + "0000" + "0000" + name), "two questions");
        assertEquals(null, heuristic("0005" + "0100" + "0001" + "0001" + "0000" + "0000" + name), "answer in query");
        assertEquals(null, heuristic("0006" + "8180" + "0001" + "0065" + "0000" + "0000" + name), "101 answers");
        assertEquals(null, heuristic("0007" + "8180" + "0001" + "0001" + "000b" + "0000" + name), "11 authority");
        assertEquals(null, heuristic("0008" + "0100" + "0001" + "0000" + "0000" + "000b" + name), "11 additional");
        assertEquals(null, heuristic("0009" + "0100" + "0001" + "0000" + "0000" + "0000"), "header only");
    }

    // ------------------------------------------------------------------------------------------
    // names

    @Test
    void formatTextAsTshark() {
        StringBuilder sb = new StringBuilder();
        byte[] b = {'a', 0x07, 0x00, 0x1f, 0x7f, '\\', (byte) 0xe5, (byte) 0xb0, (byte) 0x8f, (byte) 0xc3, 0x28,
            (byte) 0xc2, (byte) 0x85, (byte) 0xfc, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
            (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xf3, (byte) 0xa0, (byte) 0x80, (byte) 0x81};
        DnsNames.formatText(sb, b, 0, b.length);
        assertEquals("a\\a\\000\\037\\177\\\u5c0f\uFFFD(\\u0085\\u0000\uFFFD\\U000E0001", sb.toString());
    }
}
