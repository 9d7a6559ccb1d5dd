package io.jcap.proto.http;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.proto.DissectorTestKit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single-frame HTTP messages: summary lines (tshark 4.0.17), fields, and the cut-at-every-length check. */
class HttpDissectorTest {
    // tshark:     1   0.000000     10.0.0.1 → 10.0.0.2     HTTP 301 POST /form?q=1&r=2 HTTP/1.1  (application/x-www-form-urlencoded)
    static final String POST = "0011223344550066778899aa08004500011f00010000400665d60a0000010a0000029c400050000003e8"
            + "00001388501801f68b000000504f5354202f666f726d3f713d3126723d3220485454502f312e310d0a486f73743a206578616d"
            + "706c652e6f72670d0a436f6f6b69653a20613d313b20623d320d0a526566657265723a20687474703a2f2f6578616d706c652e"
            + "6f72672f0d0a417574686f72697a6174696f6e3a2042617369632064584e6c636a707759584e7a0d0a436f6e6e656374696f6e"
            + "3a206b6565702d616c6976650d0a436f6e74656e742d547970653a206170706c69636174696f6e2f782d7777772d666f726d2d"
            + "75726c656e636f6465640d0a436f6e74656e742d4c656e6774683a20370d0a582d437573746f6d3a207965730d0a0d0a783d31"
            + "26793d32";
    // tshark:     1   0.000000     10.0.0.2 → 10.0.0.1     HTTP 170 HTTP/1.1 302 Found  (text/html)
    static final String RESPONSE = "0011223344550066778899aa08004500009c00010000400666590a0000020a00000100509c400000"
            + "1388000004df501801f6f9910000485454502f312e312033303220466f756e640d0a4c6f636174696f6e3a202f6e6578740d0a"
            + "5365727665723a207372760d0a436f6e74656e742d547970653a20746578742f68746d6c3b20636861727365743d5554462d38"
            + "0d0a436f6e74656e742d4c656e6774683a20340d0a0d0a6d6f766564";

    @Test
    void summaryLines() {
        DissectorTestKit.assertLine(
                "    1   0.000000     10.0.0.1 → 10.0.0.2     HTTP 301 POST /form?q=1&r=2 HTTP/1.1  (application/x-www-form-urlencoded)",
                1, POST);
        DissectorTestKit.assertLine("    1   0.000000     10.0.0.2 → 10.0.0.1     HTTP 170 HTTP/1.1 302 Found  (text/html)",
                1, RESPONSE);
    }

    @Test
    void requestFields() {
        Dissection d = DissectorTestKit.dissect(DissectorTestKit.frame(1, POST));
        assertEquals("POST", HttpReassemblyTest.object(d, HttpFields.REQUEST_METHOD));
        assertEquals("/form?q=1&r=2", HttpReassemblyTest.object(d, HttpFields.REQUEST_URI));
        assertEquals("/form", HttpReassemblyTest.object(d, HttpFields.REQUEST_URI_PATH));
        assertEquals("q=1&r=2", HttpReassemblyTest.object(d, HttpFields.REQUEST_URI_QUERY));
        assertEquals(List.of("q=1", "r=2"), all(d, HttpFields.REQUEST_URI_QUERY_PARAMETER));
        assertEquals("HTTP/1.1", HttpReassemblyTest.object(d, HttpFields.REQUEST_VERSION));
        assertEquals("example.org", HttpReassemblyTest.object(d, HttpFields.HOST));
        assertEquals("a=1; b=2", HttpReassemblyTest.object(d, HttpFields.COOKIE));
        assertEquals(List.of("a=1", "b=2"), all(d, HttpFields.COOKIE_PAIR));
        assertEquals("http://example.org/", HttpReassemblyTest.object(d, HttpFields.REFERER));
        assertEquals("Basic dXNlcjpwYXNz", HttpReassemblyTest.object(d, HttpFields.AUTHORIZATION));
        assertEquals("user:pass", HttpReassemblyTest.object(d, HttpFields.AUTHBASIC));
        assertEquals("keep-alive", HttpReassemblyTest.object(d, HttpFields.CONNECTION));
        assertEquals("application/x-www-form-urlencoded", HttpReassemblyTest.object(d, HttpFields.CONTENT_TYPE));
        assertEquals("7", HttpReassemblyTest.object(d, HttpFields.CONTENT_LENGTH_HEADER));
        assertEquals(7, DissectorTestKit.value(d, HttpFields.CONTENT_LENGTH));
        assertEquals("http://example.org/form?q=1&r=2", HttpReassemblyTest.object(d, HttpFields.REQUEST_FULL_URI));
        // every header line is a request line too (hidden under known headers); the unknown one is visible
        List<Object> lines = all(d, HttpFields.REQUEST_LINE);
        assertEquals(8, lines.size());
        assertEquals("X-Custom: yes\r\n", lines.get(7));
        assertTrue(d.find(UrlencodedFormFields.PROTOCOL.field) >= 0);
    }

    @Test
    void responseFields() {
        Dissection d = DissectorTestKit.dissect(DissectorTestKit.frame(1, RESPONSE));
        assertEquals("HTTP/1.1", HttpReassemblyTest.object(d, HttpFields.RESPONSE_VERSION));
        assertEquals(302, DissectorTestKit.value(d, HttpFields.RESPONSE_CODE));
        assertEquals("Found", HttpReassemblyTest.object(d, HttpFields.RESPONSE_PHRASE));
        assertEquals("/next", HttpReassemblyTest.object(d, HttpFields.LOCATION));
        assertEquals("srv", HttpReassemblyTest.object(d, HttpFields.SERVER));
        assertEquals("text/html; charset=UTF-8", HttpReassemblyTest.object(d, HttpFields.CONTENT_TYPE));
        assertEquals(4, all(d, HttpFields.RESPONSE_LINE).size());
        assertEquals(1, DissectorTestKit.value(d, HttpFields.RESPONSE_NUMBER));
    }

    @Test
    void cutAtEveryLength() {
        DissectorTestKit.cutAtEveryLength(1, POST, 34);
        DissectorTestKit.cutAtEveryLength(1, RESPONSE, 34);
    }

    @Test
    void statusTexts() {
        assertEquals("Not Found", HttpStatus.describe(404));
        assertEquals("Success - Others", HttpStatus.describe(299));
        assertEquals("Unknown (777)", HttpStatus.describe(777));
    }

    static List<Object> all(Dissection d, FieldDef f) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < d.fieldCount(); i++) {
            if (d.fieldDef(i) == f) {
                out.add(d.fieldObject(i));
            }
        }
        return out;
    }
}
