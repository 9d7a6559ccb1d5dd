package io.jcap.proto.http;

import io.jcap.proto.ipv4.IpGolden;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP's -V tree and the layers it hands bodies to, against tshark 4.0.17's, on captures
 * of curl talking to a small Python server on loopback (src/test/resources/dissect/):
 * request and status lines with their chat expert info, URI query parameters, cookies,
 * Content-Length, chunked transfer coding with gzip content coding, deflate, a coding that
 * cannot be undone, File Data, line-based text, JSON (objects, arrays, every value kind,
 * escapes), form items, media type, XML, data with its hex dump, labels cut with
 * "[truncated]", request/response matching; and hostile headers (a Content-Length of 2^63,
 * a chunk size of ffffffffffffffff) that must end in tshark's marks. The expected texts are
 * tshark's lines from "Hypertext Transfer Protocol" to the end of each frame.
 */
class HttpTreeTest {
    // tshark:     1   0.000000     10.0.0.2 → 10.0.0.1     HTTP/JSON 226 HTTP/1.1 200 OK , JavaScript Object Notation (application/json)
    // (chunked, gzip: {"a":[1,{"b":null}],"c":"\\u00e9"})
    static final String CHUNKED_GZIP_JSON = "0011223344550066778899aa0800450000d400010000400666210a0000020a00000100509c40000003e800001388501801f6"
            + "00000000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a206170706c69636174696f6e2f6a736f"
            + "6e0d0a436f6e74656e742d456e636f64696e673a20677a69700d0a5472616e736665722d456e636f64696e673a206368756e"
            + "6b65640d0a0d0a610d0a1f8b08000000000002030d0a32620d0aab564a54b28a36d4a9564a52b2ca2bcdc9a98dd5514a56b2"
            + "528a29353048b554aa050011f082a9210000000d0a300d0a0d0a";

    @Test
    void chunkedGzipJsonCutAtEveryLength() {
        io.jcap.proto.DissectorTestKit.assertLine(
                "    1   0.000000     10.0.0.2 → 10.0.0.1     HTTP/JSON 226 HTTP/1.1 200 OK , JavaScript Object Notation (application/json)",
                1, CHUNKED_GZIP_JSON);
        io.jcap.proto.DissectorTestKit.cutAtEveryLength(1, CHUNKED_GZIP_JSON, 34);
    }

    @Test
    void gifAsTshark() {
        // a GIF89a with a graphics control extension and an image; a body that is no GIF goes to media
        assertMatches("http-gif");
    }

    @Test
    void jsonEscapesAsTshark() {
        // tshark drops a u-escape that ends a string; control characters show as C escapes
        assertMatches("http-json");
    }
    /** The lines of {@code verbose} from each frame's HTTP item to the frame's end ("=== frame N" between). */
    static String httpLines(String verbose) {
        List<String> out = new ArrayList<>();
        int frame = 0;
        boolean in = false;
        for (String line : verbose.split("\n", -1)) {
            if (line.startsWith("Frame ") && line.contains(":")) {
                out.add("=== frame " + ++frame);
                in = false;
                continue;
            }
            if (line.startsWith("Hypertext Transfer Protocol")) {
                in = true;
            }
            if (in && !line.isEmpty()) {
                out.add(line);
            }
        }
        return String.join("\n", out).strip();
    }

    private static void assertMatches(String name) {
        String expected = IpGolden.text(name + ".tshark.txt").strip();
        String actual = httpLines(IpGolden.verbose(name + ".pcap"));
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], name + ": line " + (i + 1) + " differs from tshark's");
        }
        assertEquals(e.length, a.length, name + ": tshark printed " + e.length + " lines");
    }

    @Test
    void bodiesAsTshark() {
        assertMatches("http-bodies");
    }

    @Test
    void hostileLengthsAsTshark() {
        assertMatches("http-hostile");
    }

    @Test
    void hostileSummaryLines() {
        // tshark -r http-hostile.pcap: the 2^63 Content-Length is no length; the huge chunk is malformed
        String summary = IpGolden.run("http-hostile.pcap");
        assertTrue(summary.contains("HTTP/1.1 200 OK  (text/plain)"), summary);
        assertTrue(summary.contains("HTTP/1.1 200 OK [Malformed Packet]"), summary);
    }

    @Test
    void fieldValuesAsTshark() {
        // tshark -r http-bodies.pcap -Y 'frame.number in {16 20 72 96 112}' -T fields -E occurrence=a
        //   -e http.request.uri.query.parameter -e http.cookie_pair -e http.file_data -e json.key
        //   -e urlencoded-form.value
        String out = IpGolden.run("http-bodies.pcap", "-T", "fields", "-E", "occurrence=a", "-e",
                "http.request.uri.query.parameter", "-e", "http.cookie_pair", "-e", "http.file_data", "-e", "json.key",
                "-e", "urlencoded-form.value");
        String[] lines = out.split("\n", -1);
        assertEquals("a=1,b=x%20y,c\ts=1,t=2\t\t\t", lines[15]);
        assertEquals("\t\t{\"name\": \"jcap\", \"n\": 1.5, \"ok\": true, \"no\": false, \"nil\": null, \"list\": [1, \"two\", "
                + "{\"k\": \"v\\u00e9\\\"q\"}, []], \"obj\": {}, \"esc\": \"a\\\\/b\"}\tname,n,ok,no,nil,k,list,obj,esc\t",
                lines[19]);
        assertEquals("\t\t\t\t", lines[71]);
        assertEquals("\t\tPK\u0003\u0004\t\t", lines[95]);
        // the form: keys and %-decoded values
        String form = IpGolden.run("http-bodies.pcap", "-T", "fields", "-E", "occurrence=a", "-e",
                "urlencoded-form.key", "-e", "urlencoded-form.value");
        assertEquals("user,pass,empty,flag\tj cap,a b,,", form.split("\n", -1)[127]);
    }
}
