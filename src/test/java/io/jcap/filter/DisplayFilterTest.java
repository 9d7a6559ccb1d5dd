package io.jcap.filter;

import io.jcap.field.FieldDef;
import io.jcap.field.FieldRegistry;
import io.jcap.proto.StandardProtocols;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The phases on their own: what the compiled filter reads, how errors render, literal rules. */
class DisplayFilterTest {
    private static final FieldRegistry REGISTRY = StandardProtocols.engine().registry();

    private static DisplayFilter compile(String text) throws FilterException {
        return DisplayFilter.compile(text, REGISTRY, ZoneOffset.UTC);
    }

    @Test
    void emptyFilterPassesEverything() throws FilterException {
        assertTrue(compile("").isEmpty());
        assertTrue(compile("  \t ").isEmpty());
        assertTrue(compile("").fields().isEmpty());
    }

    /** The layers to record come from the fields the filter reads, constants and functions included. */
    @Test
    void fieldsRead() throws FilterException {
        List<String> names = compile("frame.len > 100 and (len(http.host) > 3 or tcp.port in {80, ${udp.port}})")
                .fields().stream().map(f -> f.abbrev).toList();
        assertEquals(List.of("frame.len", "http.host", "tcp.port"), names);
        assertEquals(List.of("ip.src"), compile("ip.src#2 == 10.0.0.1").fields().stream().map(f -> f.abbrev).toList());
    }

    /** Protocols tshark knows and jcap does not dissect are names all the same (present in no frame). */
    @Test
    void otherProtocolsAreNames() throws FilterException {
        FieldDef tls = compile("tls").fields().get(0);
        assertEquals("tls", tls.abbrev);
        assertTrue(REGISTRY.find("tls") == null);
        // a word that names a protocol is never a literal: "ff" is a protocol, not the byte 0xff
        assertEquals("ff", compile("frame[0] == ff").fields().get(1).abbrev);
    }

    /** Recording only the layers a filter reads: a filter on frame.len builds no TCP tree. */
    @Test
    void frameLengthFilterBuildsNoTcpTree() throws Exception {
        DisplayFilter f = compile("frame.len > 60");
        io.jcap.dissect.Dissection d = new io.jcap.dissect.Dissection();
        d.recordFields(true);
        d.recordOnly(io.jcap.print.RecordedLayers.of(f.fields(), REGISTRY));
        io.jcap.dissect.DissectorEngine engine = StandardProtocols.engine();
        int tcpFrames = 0;
        try (io.jcap.frame.FrameSource src = io.jcap.io.CaptureFiles.open("samples/ethernet.pcap")) {
            io.jcap.frame.Frame frame = new io.jcap.frame.Frame();
            while (src.next(frame)) {
                engine.dissect(frame, d);
                boolean tcp = false;
                for (int i = 0; i < d.layerCount(); i++) {
                    tcp |= d.layer(i).filterName.equals("tcp");
                }
                if (!tcp) {
                    continue;
                }
                tcpFrames++;
                for (int r = 0; r < d.fieldCount(); r++) {
                    assertEquals("frame", d.fieldDef(r).protocol.filterName, "row " + d.fieldDef(r).abbrev);
                }
                assertEquals(frame.originalLength > 60, f.matches(d));
            }
        }
        assertTrue(tcpFrames > 10);
    }

    @Test
    void errorsRenderWithCaret() {
        FilterException e = assertThrows(FilterException.class, () -> compile("tcp.port == 70000"));
        assertEquals("\"70000\" too big for this field, maximum 65535.\n"
                + "    tcp.port == 70000\n"
                + "                ^~~~~", e.render("tcp.port == 70000"));
        FilterException eof = assertThrows(FilterException.class, () -> compile("tcp and"));
        assertEquals("Unexpected end of filter expression.", eof.render("tcp and"));
        // carets count bytes, as tshark's do
        FilterException utf8 = assertThrows(FilterException.class, () -> compile("http.host == \"é\" x"));
        assertEquals(18, utf8.start);
    }

    @Test
    void regexTranslation() throws FilterException {
        assertEquals("[\\p{Digit}]+[\\p{Alpha}_]", Regex.translate("[[:digit:]]+[[:alpha:]_]"));
        assertEquals("(?<n>a)\\{x", Regex.translate("(?P<n>a){x"));
        assertEquals("Regex compilation error: missing closing parenthesis.",
                assertThrows(FilterException.class, () -> Regex.translate("(a")).getMessage());
    }

    @Test
    void hexBytesAsWireshark() throws Literals.Failure {
        assertEquals("0200", hex(Literals.bytes("0200")));
        assertEquals("020000", hex(Literals.bytes("2:0:0")));
        assertEquals("2000", hex(Literals.bytes("200")));
        assertEquals("ff", hex(Literals.bytes("0xff")));
        assertEquals("020000", hex(Literals.bytes("02.00-00")));
        assertThrows(Literals.Failure.class, () -> Literals.bytes("0x100"));
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
