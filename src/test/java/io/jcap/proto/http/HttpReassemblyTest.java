package io.jcap.proto.http;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.frame.Frame;
import io.jcap.proto.DissectorTestKit;
import io.jcap.proto.StandardProtocols;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TCP desegmentation driven by HTTP, against tshark 4.0.17's summary lines. Each capture
 * was crafted (Ethernet/IPv4/TCP, client 10.0.0.1:40000, server 10.0.0.2:80 unless said)
 * and read with {@code tshark -n -r}; the lines below are its output, the frames the
 * capture's records as "time-offset hex".
 */
class HttpReassemblyTest {
    static final long T0 = 1_700_000_000L;

    /** Frames "seconds hex" from {@code T0}. */
    static Frame[] frames(String[] records) {
        Frame[] out = new Frame[records.length];
        for (int i = 0; i < records.length; i++) {
            String[] p = records[i].split(" ");
            byte[] b = HexFormat.of().parseHex(p[1]);
            Frame f = new Frame();
            f.data = Unpooled.wrappedBuffer(b);
            f.capturedLength = b.length;
            f.originalLength = b.length;
            f.linkType = 1;
            f.number = i + 1;
            long micros = Math.round(Double.parseDouble(p[0]) * 1_000_000);
            f.seconds = T0 + micros / 1_000_000;
            f.nanos = (int) (micros % 1_000_000) * 1000;
            f.precision = 6;
            out[i] = f;
        }
        return out;
    }

    static void check(String[] records, String[] lines) {
        assertEquals(String.join("\n", lines).stripTrailing(),
                DissectorTestKit.lines(StandardProtocols.engine(), frames(records)));
    }

    /** A request split over 3 segments: marks on the first two, the request on the third. */
    @Test
    void requestOverThreeSegments() {
        check(SPLIT3, SPLIT3_LINES);
    }

    /** Two requests in one segment share the Info (fenced); a third is split in two. */
    @Test
    void twoRequestsInOneSegment() {
        check(TWO, TWO_LINES);
    }

    /** A chunked response over four segments: each asks for one more, the last completes it. */
    @Test
    void chunkedResponse() {
        check(CHUNKED, CHUNKED_LINES);
    }

    /** A Content-Length JSON body over three segments; the next response starts inside the third. */
    @Test
    void contentLengthBodyAndNextResponseMidSegment() {
        check(LENGTH, LENGTH_LINES);
    }

    /** A retransmission inside a pending PDU is skipped; data overlapping a finished PDU is a reassembly error. */
    @Test
    void retransmissionInsidePendingPdu() {
        check(RETRANS, RETRANS_LINES);
    }

    /** A response without a length runs to the FIN, which completes it. */
    @Test
    void bodyUntilFin() {
        check(FIN, FIN_LINES);
    }

    /** HTTP on port 8000 through the heuristic; the connection stays HTTP ("Continuation"). */
    @Test
    void heuristicBindsTheConnection() {
        check(HEUR, HEUR_LINES);
    }

    /** Fields of a request reassembled from three segments, and of its response. */
    @Test
    void fieldsOfReassembledRequest() {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(true);
        Frame[] f = frames(SPLIT3);
        for (int i = 0; i < 6; i++) {
            engine.dissect(f[i], d);
        }
        assertEquals("GET", object(d, HttpFields.REQUEST_METHOD));
        assertEquals("/index.html", object(d, HttpFields.REQUEST_URI));
        assertEquals("HTTP/1.1", object(d, HttpFields.REQUEST_VERSION));
        assertEquals("example.com", object(d, HttpFields.HOST));
        assertEquals("jcap-test", object(d, HttpFields.USER_AGENT));
        assertEquals("http://example.com/index.html", object(d, HttpFields.REQUEST_FULL_URI));
        assertEquals(1, DissectorTestKit.value(d, HttpFields.REQUEST_NUMBER));
        engine.dissect(f[6], d);
        assertEquals(204, DissectorTestKit.value(d, HttpFields.RESPONSE_CODE));
        assertEquals("No Content", object(d, HttpFields.RESPONSE_PHRASE));
        assertEquals("No Content", object(d, HttpFields.RESPONSE_CODE_DESC));
        assertEquals("t", object(d, HttpFields.SERVER));
        assertEquals(6, DissectorTestKit.value(d, HttpFields.REQUEST_IN));
        assertEquals(10_000_000L, DissectorTestKit.value(d, HttpFields.TIME));
        assertEquals("http://example.com/index.html", object(d, HttpFields.RESPONSE_FOR_URI));
    }

    static Object object(Dissection d, io.jcap.field.FieldDef f) {
        int row = d.find(f);
        if (row < 0) {
            throw new AssertionError(f.abbrev + " missing");
        }
        return d.fieldObject(row);
    }

    private static final String[] SPLIT3 = {
        "0.010000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e800000000500201f6f9710000",
        "0.020000 0011223344550066778899aa08004500002800010000400666cd0a0000020a00000100509c4000001388000003e9501201f6e5d80000",
        "0.030000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e900001389501001f6e5d90000",
        "0.040000 0011223344550066778899aa08004500003c00010000400666b90a0000010a0000029c400050000003e900001389501801f69b770000474554202f696e6465782e68746d6c2048545450",
        "0.050000 0011223344550066778899aa08004500004100010000400666b40a0000010a0000029c400050000003fd00001389501801f60e3700002f312e310d0a486f73743a206578616d706c652e636f6d0d0a",
        "0.060000 0011223344550066778899aa08004500004100010000400666b40a0000010a0000029c4000500000041600001389501801f606950000557365722d4167656e743a206a6361702d746573740d0a0d0a",
        "0.070000 0011223344550066778899aa08004500004e00010000400666a70a0000020a00000100509c40000013890000042f501801f6ed3c0000485454502f312e3120323034204e6f20436f6e74656e740d0a5365727665723a20740d0a0d0a",
    };
    private static final String[] SPLIT3_LINES = {
        "    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [SYN] Seq=0 Win=502 Len=0",
        "    2   0.010000     10.0.0.2 → 10.0.0.1     TCP 54 80 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=502 Len=0",
        "    3   0.020000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=1 Ack=1 Win=502 Len=0",
        "    4   0.030000     10.0.0.1 → 10.0.0.2     TCP 74 40000 → 80 [PSH, ACK] Seq=1 Ack=1 Win=502 Len=20 [TCP segment of a reassembled PDU]",
        "    5   0.040000     10.0.0.1 → 10.0.0.2     TCP 79 GET /index.html HTTP/1.1  [TCP segment of a reassembled PDU]",
        "    6   0.050000     10.0.0.1 → 10.0.0.2     HTTP 79 GET /index.html HTTP/1.1 ",
        "    7   0.060000     10.0.0.2 → 10.0.0.1     HTTP 92 HTTP/1.1 204 No Content ",
    };

    private static final String[] TWO = {
        "0.010000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e800000000500201f6f9710000",
        "0.020000 0011223344550066778899aa08004500002800010000400666cd0a0000020a00000100509c4000001388000003e9501201f6e5d80000",
        "0.030000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e900001389501001f6e5d90000",
        "0.040000 0011223344550066778899aa08004500006000010000400666950a0000010a0000029c400050000003e900001389501801f6b1180000474554202f6120485454502f312e310d0a486f73743a20680d0a0d0a474554202f6220485454502f312e310d0a486f73743a20680d0a0d0a",
        "0.050000 0011223344550066778899aa08004500003b00010000400666ba0a0000010a0000029c4000500000042100001389501801f67a6e0000474554202f6320485454502f312e310d0a486f",
        "0.060000 0011223344550066778899aa08004500003100010000400666c40a0000010a0000029c4000500000043400001389501801f6bbce000073743a20680d0a0d0a",
    };
    private static final String[] TWO_LINES = {
        "    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [SYN] Seq=0 Win=502 Len=0",
        "    2   0.010000     10.0.0.2 → 10.0.0.1     TCP 54 80 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=502 Len=0",
        "    3   0.020000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=1 Ack=1 Win=502 Len=0",
        "    4   0.030000     10.0.0.1 → 10.0.0.2     HTTP 110 GET /a HTTP/1.1 GET /b HTTP/1.1 ",
        "    5   0.040000     10.0.0.1 → 10.0.0.2     TCP 73 GET /c HTTP/1.1  [TCP segment of a reassembled PDU]",
        "    6   0.050000     10.0.0.1 → 10.0.0.2     HTTP 63 GET /c HTTP/1.1 ",
    };

    private static final String[] CHUNKED = {
        "0.010000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e800000000500201f6f9710000",
        "0.020000 0011223344550066778899aa08004500002800010000400666cd0a0000020a00000100509c4000001388000003e9501201f6e5d80000",
        "0.030000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e900001389501001f6e5d90000",
        "0.040000 0011223344550066778899aa08004500004300010000400666b20a0000010a0000029c400050000003e900001389501801f6a2010000474554202f20485454502f312e310d0a486f73743a20680d0a0d0a",
        "0.050000 0011223344550066778899aa08004500007000010000400666850a0000020a00000100509c400000138900000404501801f608ec0000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a20746578742f68746d6c0d0a5472616e736665722d456e636f64696e673a206368756e6b65640d0a0d0a",
        "0.060000 0011223344550066778899aa08004500003e00010000400666b70a0000020a00000100509c40000013d100000404501801f677f6000031300d0a3c68746d6c3e303132333435363738390d0a",
        "0.070000 0011223344550066778899aa08004500003200010000400666c30a0000020a00000100509c40000013e700000404501801f6f5250000350d0a3c2f68746d0d0a",
        "0.080000 0011223344550066778899aa08004500003300010000400666c20a0000020a00000100509c40000013f100000404501801f658d40000310d0a3e0d0a300d0a0d0a",
    };
    private static final String[] CHUNKED_LINES = {
        "    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [SYN] Seq=0 Win=502 Len=0",
        "    2   0.010000     10.0.0.2 → 10.0.0.1     TCP 54 80 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=502 Len=0",
        "    3   0.020000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=1 Ack=1 Win=502 Len=0",
        "    4   0.030000     10.0.0.1 → 10.0.0.2     HTTP 81 GET / HTTP/1.1 ",
        "    5   0.040000     10.0.0.2 → 10.0.0.1     TCP 126 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]",
        "    6   0.050000     10.0.0.2 → 10.0.0.1     TCP 76 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]",
        "    7   0.060000     10.0.0.2 → 10.0.0.1     TCP 64 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]",
        "    8   0.070000     10.0.0.2 → 10.0.0.1     HTTP 65 HTTP/1.1 200 OK  (text/html)",
    };

    private static final String[] LENGTH = {
        "0.010000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e800000000500201f6f9710000",
        "0.020000 0011223344550066778899aa08004500002800010000400666cd0a0000020a00000100509c4000001388000003e9501201f6e5d80000",
        "0.030000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e900001389501001f6e5d90000",
        "0.040000 0011223344550066778899aa08004500004400010000400666b10a0000010a0000029c400050000003e900001389501801f6cb6c0000474554202f6a20485454502f312e310d0a486f73743a20680d0a0d0a",
        "0.050000 0011223344550066778899aa080045000079000100004006667c0a0000020a00000100509c400000138900000405501801f692d60000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a206170706c69636174696f6e2f6a736f6e0d0a436f6e74656e742d4c656e6774683a2036350d0a0d0a7b2261223a205b312c20",
        "0.060000 0011223344550066778899aa08004500003c00010000400666b90a0000020a00000100509c40000013da00000405501801f6ed7e0000322c20335d2c202262223a202278787878787878",
        "0.070000 0011223344550066778899aa080045000057000100004006669e0a0000020a00000100509c40000013ee00000405501801f6ff2c0000787878787878787878787878787878787878787878787878787878787878787878227d485454502f312e3120323030",
        "0.080000 0011223344550066778899aa08004500006100010000400666940a0000020a00000100509c400000141d00000405501801f699f20000204f4b0d0a436f6e74656e742d547970653a20746578742f706c61696e0d0a436f6e74656e742d4c656e6774683a20350d0a0d0a68656c6c6f",
    };
    private static final String[] LENGTH_LINES = {
        "    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [SYN] Seq=0 Win=502 Len=0",
        "    2   0.010000     10.0.0.2 → 10.0.0.1     TCP 54 80 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=502 Len=0",
        "    3   0.020000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=1 Ack=1 Win=502 Len=0",
        "    4   0.030000     10.0.0.1 → 10.0.0.2     HTTP 82 GET /j HTTP/1.1 ",
        "    5   0.040000     10.0.0.2 → 10.0.0.1     TCP 135 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]",
        "    6   0.050000     10.0.0.2 → 10.0.0.1     TCP 74 80 → 40000 [PSH, ACK] Seq=82 Ack=29 Win=502 Len=20 [TCP segment of a reassembled PDU]",
        "    7   0.060000     10.0.0.2 → 10.0.0.1     HTTP/JSON 101 HTTP/1.1 200 OK , JavaScript Object Notation (application/json)",
        "    8   0.070000     10.0.0.2 → 10.0.0.1     HTTP 111 HTTP/1.1 200 OK  (text/plain)",
    };

    private static final String[] RETRANS = {
        "0.010000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e800000000500201f6f9710000",
        "0.020000 0011223344550066778899aa08004500002800010000400666cd0a0000020a00000100509c4000001388000003e9501201f6e5d80000",
        "0.030000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e900001389501001f6e5d90000",
        "0.040000 0011223344550066778899aa08004500004400010000400666b10a0000010a0000029c400050000003e900001389501801f6cb640000474554202f7220485454502f312e310d0a486f73743a20680d0a0d0a",
        "0.050000 0011223344550066778899aa08004500007d00010000400666780a0000020a00000100509c400000138900000405501801f6dd3f0000485454502f312e3120323030204f4b0d0a436f6e74656e742d547970653a20746578742f706c61696e0d0a436f6e74656e742d4c656e6774683a2036300d0a0d0a4141414141414141414141414141414141414141",
        "0.060000 0011223344550066778899aa08004500003c00010000400666b90a0000020a00000100509c40000013de00000405501801f658c000004141414141414141414141414141414141414141",
        "0.070000 0011223344550066778899aa08004500003c00010000400666b90a0000020a00000100509c40000013de00000405501801f658c000004141414141414141414141414141414141414141",
        "0.080000 0011223344550066778899aa08004500003c00010000400666b90a0000020a00000100509c40000013f200000405501801f658ac00004141414141414141414141414141414141414141",
        "0.090000 0011223344550066778899aa08004500003c00010000400666b90a0000020a00000100509c40000013e800000405501801f658b600004141414141414141414141414141414141414141",
    };
    private static final String[] RETRANS_LINES = {
        "    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [SYN] Seq=0 Win=502 Len=0",
        "    2   0.010000     10.0.0.2 → 10.0.0.1     TCP 54 80 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=502 Len=0",
        "    3   0.020000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=1 Ack=1 Win=502 Len=0",
        "    4   0.030000     10.0.0.1 → 10.0.0.2     HTTP 82 GET /r HTTP/1.1 ",
        "    5   0.040000     10.0.0.2 → 10.0.0.1     TCP 139 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]",
        "    6   0.050000     10.0.0.2 → 10.0.0.1     TCP 74 80 → 40000 [PSH, ACK] Seq=86 Ack=29 Win=502 Len=20 [TCP segment of a reassembled PDU]",
        "    7   0.060000     10.0.0.2 → 10.0.0.1     TCP 74 [TCP Retransmission] 80 → 40000 [PSH, ACK] Seq=86 Ack=29 Win=502 Len=20",
        "    8   0.070000     10.0.0.2 → 10.0.0.1     HTTP 74 HTTP/1.1 200 OK  (text/plain)",
        "    9   0.080000     10.0.0.2 → 10.0.0.1     TCP 74 [TCP Out-Of-Order] 80 → 40000 [PSH, ACK] Seq=96 Ack=29 Win=502 Len=20[Reassembly error, protocol TCP: New fragment overlaps old data (retransmission?)]",
    };

    private static final String[] FIN = {
        "0.010000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e800000000500201f6f9710000",
        "0.020000 0011223344550066778899aa08004500002800010000400666cd0a0000020a00000100509c4000001388000003e9501201f6e5d80000",
        "0.030000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c400050000003e900001389501001f6e5d90000",
        "0.040000 0011223344550066778899aa08004500003b00010000400666ba0a0000010a0000029c400050000003e900001389501801f6e0de0000474554202f6620485454502f312e300d0a0d0a",
        "0.050000 0011223344550066778899aa08004500005a000100004006669b0a0000020a00000100509c4000001389000003fc501801f6c0180000485454502f312e3020323030204f4b0d0a436f6e74656e742d547970653a20746578742f68746d6c0d0a0d0a3c68746d6c3e",
        "0.060000 0011223344550066778899aa08004500003700010000400666be0a0000020a00000100509c40000013bb000003fc501801f616f700003c626f64793e68693c2f626f64793e",
        "0.070000 0011223344550066778899aa08004500002f00010000400666c60a0000020a00000100509c40000013ca000003fc501901f6956500003c2f68746d6c3e",
    };
    private static final String[] FIN_LINES = {
        "    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [SYN] Seq=0 Win=502 Len=0",
        "    2   0.010000     10.0.0.2 → 10.0.0.1     TCP 54 80 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=502 Len=0",
        "    3   0.020000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 80 [ACK] Seq=1 Ack=1 Win=502 Len=0",
        "    4   0.030000     10.0.0.1 → 10.0.0.2     HTTP 73 GET /f HTTP/1.0 ",
        "    5   0.040000     10.0.0.2 → 10.0.0.1     TCP 104 HTTP/1.0 200 OK  [TCP segment of a reassembled PDU]",
        "    6   0.050000     10.0.0.2 → 10.0.0.1     TCP 69 80 → 40000 [PSH, ACK] Seq=51 Ack=20 Win=502 Len=15 [TCP segment of a reassembled PDU]",
        "    7   0.060000     10.0.0.2 → 10.0.0.1     HTTP 61 HTTP/1.0 200 OK  (text/html)",
    };

    private static final String[] HEUR = {
        "0.010000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c401f40000003e800000000500201f6da810000",
        "0.020000 0011223344550066778899aa08004500002800010000400666cd0a0000020a0000011f409c4000001388000003e9501201f6c6e80000",
        "0.030000 0011223344550066778899aa08004500002800010000400666cd0a0000010a0000029c401f40000003e900001389501001f6c6e90000",
        "0.040000 0011223344550066778899aa08004500004400010000400666b10a0000010a0000029c401f40000003e900001389501801f6ac7e0000474554202f6820485454502f312e310d0a486f73743a20680d0a0d0a",
        "0.050000 0011223344550066778899aa08004500005000010000400666a50a0000020a0000011f409c400000138900000405501801f6b6390000485454502f312e3120323030204f4b0d0a436f6e74656e742d4c656e6774683a20330d0a0d0a6162",
        "0.060000 0011223344550066778899aa08004500002900010000400666cc0a0000020a0000011f409c40000013b100000405501801f6639c000063",
        "0.070000 0011223344550066778899aa08004500003000010000400666c50a0000020a0000011f409c40000013b200000405501801f6834f0000000162696e617279",
    };
    private static final String[] HEUR_LINES = {
        "    1   0.000000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 8000 [SYN] Seq=0 Win=502 Len=0",
        "    2   0.010000     10.0.0.2 → 10.0.0.1     TCP 54 8000 → 40000 [SYN, ACK] Seq=0 Ack=1 Win=502 Len=0",
        "    3   0.020000     10.0.0.1 → 10.0.0.2     TCP 54 40000 → 8000 [ACK] Seq=1 Ack=1 Win=502 Len=0",
        "    4   0.030000     10.0.0.1 → 10.0.0.2     HTTP 82 GET /h HTTP/1.1 ",
        "    5   0.040000     10.0.0.2 → 10.0.0.1     TCP 94 HTTP/1.1 200 OK  [TCP segment of a reassembled PDU]",
        "    6   0.050000     10.0.0.2 → 10.0.0.1     HTTP 55 HTTP/1.1 200 OK ",
        "    7   0.060000     10.0.0.2 → 10.0.0.1     HTTP 62 Continuation",
    };

}
