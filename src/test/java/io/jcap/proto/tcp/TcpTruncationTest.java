package io.jcap.proto.tcp;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.frame.Frame;
import io.jcap.proto.StandardProtocols;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real TCP frames cut at every length, both by the snaplen (bytes missing from the capture) and
 * by the reported length (a packet shorter than its headers say): nothing may escape the engine,
 * the only bracketed texts that appear are the bounds-error marks, and every TCP line is the one
 * tshark printed for the same cut.
 */
class TcpTruncationTest {
    private static final Pattern MARKS = Pattern.compile(
            "\\[(Malformed Packet|Packet size limited during capture|BoundErrorUnreassembled Packet"
                    + "|Malformed Packet: length of contained item exceeds length of containing item)]");

    @Test
    void everyCutMatchesTshark() {
        for (boolean fields : new boolean[] {false, true}) {
            DissectorEngine engine = StandardProtocols.engine();
            Dissection d = new Dissection();
            d.recordFields(fields);
            String last = "";
            long n = 0;
            for (String[] r : TcpCutVectors.ROWS) {
                String series = r[0] + "/" + r[1];
                if (!series.equals(last)) {
                    // each series was a capture file of its own
                    engine = StandardProtocols.engine();
                    last = series;
                    n = 0;
                }
                n++;
                int cap = Integer.parseInt(r[2]);
                int orig = Integer.parseInt(r[3]);
                Frame f = TcpTesting.frame(n, r[4], cap, orig, String.valueOf(n * 0.001));
                TcpTesting.dissect(engine, f, d);
                String info = d.info.toString();
                String where = series + " cut at " + cap + " of " + orig;
                String rest = info.replaceAll("\\[(SYN|ACK|PSH, ACK|<None>)]", "");
                rest = MARKS.matcher(rest).replaceAll("");
                assertTrue(rest.indexOf('[') < 0, where + ": unexpected mark in " + info);
                if (r[5].equals("TCP")) {
                    assertEquals("TCP", d.protocol, where);
                    assertEquals(r[6], info, where);
                    if (fields) {
                        int row = d.find(TcpFields.STREAM);
                        assertEquals(r[7], row < 0 ? "" : Long.toString(d.fieldValue(row)), where + " tcp.stream");
                    }
                }
            }
        }
    }

    @Test
    void noExceptionEscapesAnyCutOfAnyVector() {
        // every spec vector cut at every length, in both ways, through one engine
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(true);
        long n = 0;
        for (String[] r : TcpVectors.ROWS) {
            String hex = r[5];
            int len = hex.length() / 2;
            for (int cut = 0; cut <= len; cut++) {
                String h = hex.substring(0, cut * 2);
                TcpTesting.dissect(engine, TcpTesting.frame(++n, h, cut, len, "0"), d);
                TcpTesting.dissect(engine, TcpTesting.frame(++n, h, cut, cut, "0"), d);
                if (d.exception != null) {
                    assertTrue(MARKS.matcher(d.info).find(), () -> "exception without its mark: " + d.info);
                }
            }
        }
    }
}
