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
