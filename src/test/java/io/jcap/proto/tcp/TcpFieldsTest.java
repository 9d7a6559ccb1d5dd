package io.jcap.proto.tcp;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.proto.StandardProtocols;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.jcap.proto.tcp.TcpTesting.count;
import static io.jcap.proto.tcp.TcpTesting.has;
import static io.jcap.proto.tcp.TcpTesting.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Field values recorded for the spec's examples, as "tshark -T fields" shows them. */
class TcpFieldsTest {

    /** Runs an example up to frame {@code upTo} and leaves that frame's dissection in the result. */
    private static Dissection run(String example, int upTo) {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(true);
        List<String[]> rows = new ArrayList<>();
        for (String[] r : TcpVectors.ROWS) {
            if (r[0].equals(example)) {
                rows.add(r);
            }
        }
        for (String[] r : rows) {
            int n = Integer.parseInt(r[1]);
            TcpTesting.dissect(engine, TcpTesting.frame(n, r[5], Integer.parseInt(r[3]), Integer.parseInt(r[4]),
                    r[2]), d);
            if (n == upTo) {
                assertEquals(r[7], d.info.toString(), example + " #" + n);
                return d;
            }
        }
        throw new AssertionError("no frame " + upTo + " in " + example);
    }

    @Test
    void synWithOptions() {
        // e01#1: 40000 → 50000 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=100 TSecr=0 WS=128
        Dissection d = run("e01_handshake", 1);
        assertEquals("TCP", d.protocol);
        assertEquals(40000, value(d, TcpFields.SRCPORT));
        assertEquals(50000, value(d, TcpFields.DSTPORT));
        assertEquals(2, count(d, TcpFields.PORT));
        assertEquals(0, value(d, TcpFields.STREAM));
        assertEquals(0, value(d, TcpFields.SEQ));
        assertEquals(1000, value(d, TcpFields.SEQ_RAW));
        assertEquals(1, value(d, TcpFields.NXTSEQ));
        assertEquals(0, value(d, TcpFields.ACK));
        assertEquals(0, value(d, TcpFields.ACK_RAW));
        assertEquals(0, value(d, TcpFields.LEN));
        assertEquals(40, value(d, TcpFields.HDR_LEN));
        assertEquals(0x002, value(d, TcpFields.FLAGS));
        long flags = value(d, TcpFields.FLAGS_SYN);
        assertTrue((flags & TcpFields.FLAGS_SYN.mask) != 0);
        assertEquals(0, value(d, TcpFields.FLAGS_ACK) & TcpFields.FLAGS_ACK.mask);
        assertEquals("··········S·", d.fieldObject(d.find(TcpFields.FLAGS_STR)));
        assertEquals(64240, value(d, TcpFields.WINDOW_SIZE_VALUE));
        assertEquals(64240, value(d, TcpFields.WINDOW_SIZE));
        assertFalse(has(d, TcpFields.WINDOW_SIZE_SCALEFACTOR), "SYNs have no scale factor");
        assertEquals(0xd52f, value(d, TcpFields.CHECKSUM));
        assertEquals(0, value(d, TcpFields.URGENT_POINTER));
        assertTrue(has(d, TcpFields.OPTIONS));
        assertEquals(1460, value(d, TcpFields.OPTIONS_MSS_VAL));
        assertEquals(7, value(d, TcpFields.OPTIONS_WSCALE_SHIFT));
        assertEquals(128, value(d, TcpFields.OPTIONS_WSCALE_MULTIPLIER));
        assertEquals(100, value(d, TcpFields.OPTIONS_TIMESTAMP_TSVAL));
        assertEquals(0, value(d, TcpFields.OPTIONS_TIMESTAMP_TSECR));
        assertFalse(has(d, TcpFields.ANALYSIS_FLAGS));
        assertFalse(has(d, TcpFields.PAYLOAD));
        assertEquals(5, count(d, TcpFields.OPTION_KIND)); // MSS, SACK_PERM, TS, NOP, WS
    }

    @Test
    void scaledWindowAndPayload() {
        // e01#4: 40000 → 50000 [PSH, ACK] Seq=1 Ack=1 Win=64256 Len=5 TSval=102 TSecr=200
        Dissection d = run("e01_handshake", 4);
        assertEquals(1, value(d, TcpFields.SEQ));
        assertEquals(1001, value(d, TcpFields.SEQ_RAW));
        assertEquals(6, value(d, TcpFields.NXTSEQ));
        assertEquals(1, value(d, TcpFields.ACK));
        assertEquals(5001, value(d, TcpFields.ACK_RAW));
        assertEquals(5, value(d, TcpFields.LEN));
        assertEquals(502, value(d, TcpFields.WINDOW_SIZE_VALUE));
        assertEquals(64256, value(d, TcpFields.WINDOW_SIZE));
        assertEquals(128, value(d, TcpFields.WINDOW_SIZE_SCALEFACTOR));
        int payload = d.find(TcpFields.PAYLOAD);
        assertTrue(payload >= 0);
        assertEquals(5, d.fieldLength(payload));
        assertEquals(d.find(TcpFields.PROTOCOL.field), d.fieldParent(payload), "tcp.payload inside tcp");
        assertTrue(d.fieldParent(d.find(io.jcap.proto.data.DataFields.PROTOCOL.field)) < 0, "data is not inside tcp");
        assertEquals(0x018, value(d, TcpFields.FLAGS));
    }

    @Test
    void sackEdgesAreRelative() {
        // e01#6: [TCP Dup ACK 5#1] ... SLE=10 SRE=20 SLE=30 SRE=40
        Dissection d = run("e01_handshake", 6);
        assertEquals(2, count(d, TcpFields.OPTIONS_SACK_LE));
        assertEquals(10, value(d, TcpFields.OPTIONS_SACK_LE));
        assertEquals(20, value(d, TcpFields.OPTIONS_SACK_RE));
        assertEquals(2, value(d, TcpFields.OPTIONS_SACK_COUNT));
        assertTrue(has(d, TcpFields.ANALYSIS_DUPLICATE_ACK));
        assertEquals(1, value(d, TcpFields.ANALYSIS_DUPLICATE_ACK_NUM));
        assertEquals(5, value(d, TcpFields.ANALYSIS_DUPLICATE_ACK_FRAME));
    }

    @Test
    void scaleFactorUnknownAndNone() {
        // e23: WS only in the SYN -> -2 both ways; e25: the server never sent its SYN-ACK -> -1
        Dissection d = run("e23_ws_synonly", 3);
        assertEquals(-2, value(d, TcpFields.WINDOW_SIZE_SCALEFACTOR));
        assertEquals(502, value(d, TcpFields.WINDOW_SIZE));
        d = run("e25_ws_nosynack", 3);
        assertEquals(-1, value(d, TcpFields.WINDOW_SIZE_SCALEFACTOR));
        d = run("e25_ws_nosynack", 2);
        assertEquals(128, value(d, TcpFields.WINDOW_SIZE_SCALEFACTOR));
        assertEquals(64256, value(d, TcpFields.WINDOW_SIZE));
    }

    @Test
    void analysisFlagsArePresentOnTheirFrames() {
        assertTrue(has(run("e15_rtx", 6), TcpFields.ANALYSIS_RETRANSMISSION));
        assertTrue(has(run("e15_rtx", 8), TcpFields.ANALYSIS_LOST_SEGMENT));
        assertTrue(has(run("e15_rtx", 12), TcpFields.ANALYSIS_FAST_RETRANSMISSION));
        assertTrue(has(run("e15_rtx", 14), TcpFields.ANALYSIS_ACK_LOST_SEGMENT));
        assertTrue(has(run("e15_rtx", 15), TcpFields.ANALYSIS_SPURIOUS_RETRANSMISSION));
        assertTrue(has(run("e16_ooo", 6), TcpFields.ANALYSIS_OUT_OF_ORDER));
        assertTrue(has(run("e19_window", 6), TcpFields.ANALYSIS_WINDOW_UPDATE));
        assertTrue(has(run("e19_window", 7), TcpFields.ANALYSIS_KEEP_ALIVE));
        assertTrue(has(run("e19_window", 8), TcpFields.ANALYSIS_KEEP_ALIVE_ACK));
        assertTrue(has(run("e19_window", 10), TcpFields.ANALYSIS_ZERO_WINDOW));
        assertTrue(has(run("e19_window", 11), TcpFields.ANALYSIS_ZERO_WINDOW_PROBE));
        Dissection d = run("e19_window", 12);
        assertTrue(has(d, TcpFields.ANALYSIS_ZERO_WINDOW_PROBE_ACK));
        assertTrue(has(d, TcpFields.ANALYSIS_ZERO_WINDOW));
        assertTrue(has(run("e26_wfull", 4), TcpFields.ANALYSIS_WINDOW_FULL));
        d = run("e11_reuse_fin", 7);
        assertTrue(has(d, TcpFields.ANALYSIS_REUSED_PORTS));
        assertEquals(1, value(d, TcpFields.STREAM));
        d = run("e15_rtx", 13);
        assertFalse(has(d, TcpFields.ANALYSIS_FLAGS));
    }

    @Test
    void rawNumbersWhenTheSegmentLengthIsUnknown() {
        // e33#1: first fragment: raw Seq/Ack, no Len, no tcp.len/nxtseq
        Dissection d = run("e33_ipfrag_first", 1);
        assertEquals(1000, value(d, TcpFields.SEQ));
        assertEquals(2000, value(d, TcpFields.ACK));
        assertFalse(has(d, TcpFields.LEN));
        assertFalse(has(d, TcpFields.NXTSEQ));
    }

    @Test
    void aceFieldReplacesTheEcnBits() {
        Dissection d = run("e03_accecn", 4);
        assertEquals(3, value(d, TcpFields.FLAGS_ACE));
        assertFalse(has(d, TcpFields.FLAGS_CWR));
    }

    @Test
    void mptcpOption() {
        Dissection d = run("e35_mptcp_v6", 1);
        assertEquals("MPTCP", d.protocol);
        assertEquals(0, value(d, TcpFields.OPTIONS_MPTCP_SUBTYPE));
    }
}
