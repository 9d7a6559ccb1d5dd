package io.jcap.proto.tcp;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.proto.StandardProtocols;
import org.junit.jupiter.api.Test;

import static io.jcap.proto.tcp.TcpDissector.ACK;
import static io.jcap.proto.tcp.TcpDissector.FIN;
import static io.jcap.proto.tcp.TcpDissector.PSH;
import static io.jcap.proto.tcp.TcpDissector.SYN;
import static io.jcap.proto.tcp.TcpTesting.tcp4;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sequence analysis cases beyond the spec's examples, each checked against tshark 4.0.17's line
 * for the same frames (the expected strings were printed by tshark).
 */
class TcpAnalysisTest {
    private static final String C = "10.0.0.1";
    private static final String S = "10.0.0.2";

    private final DissectorEngine engine = StandardProtocols.engine();
    private final Dissection d = new Dissection();
    private long n;

    private String c2s(long seq, long ack, int flags, int win, int len, String t) {
        return line(tcp4(C, S, 40000, 50000, 1000 + seq, 5000 + ack, flags, win, "", "00".repeat(len)), t);
    }

    private String s2c(long seq, long ack, int flags, int win, int len, String t) {
        return line(tcp4(S, C, 50000, 40000, 5000 + seq, 1000 + ack, flags, win, "", "00".repeat(len)), t);
    }

    private String line(String hex, String t) {
        TcpTesting.dissect(engine, TcpTesting.frame(++n, hex, t), d);
        return d.info.toString();
    }

    @Test
    void ackedUnseenMovesTheBoundOnce() {
        // tshark: frame 13 has no mark (the bound moved to nextseq when frame 6 was flagged)
        c2s(0, -5000, SYN, 100, 0, "0");
        s2c(0, 1, SYN | ACK, 100, 0, "0.01");
        c2s(1, 1, ACK, 100, 0, "0.02");
        c2s(1, 1, PSH | ACK, 100, 10, "1");
        assertEquals("[TCP Previous segment not captured] 40000 \u2192 50000 [PSH, ACK] Seq=21 Ack=1 Win=100 Len=10",
                c2s(21, 1, PSH | ACK, 100, 10, "1.1"));
        assertEquals("[TCP ACKed unseen segment] 50000 \u2192 40000 [ACK] Seq=1 Ack=21 Win=100 Len=0",
                s2c(1, 21, ACK, 100, 0, "1.2"));
        assertEquals("50000 \u2192 40000 [ACK] Seq=1 Ack=31 Win=100 Len=0", s2c(1, 31, ACK, 100, 0, "1.3"));
        c2s(31, 1, PSH | ACK, 100, 10, "1.4");
        s2c(1, 41, ACK, 100, 0, "1.5");
        s2c(1, 41, PSH | ACK, 100, 5, "1.6");
        c2s(41, 6, ACK, 100, 0, "1.7");
        c2s(41, 6, PSH | ACK, 100, 10, "1.8");
        assertEquals("50000 \u2192 40000 [ACK] Seq=6 Ack=51 Win=100 Len=0", s2c(6, 51, ACK, 100, 0, "1.9"));
    }

    @Test
    void ackedUnseenMakesARetransmittedFinFast() {
        // zeek tcp/reassembly.pcap #8: the -1 left in the peer's dup-ACK counter compares as >= 2
        c2s(0, -5000, SYN, 16384, 0, "0");
        s2c(0, 1, SYN | ACK, 16430, 0, "0.009542");
        c2s(1, 1, ACK, 17520, 0, "0.039993");
        c2s(1, 1, PSH | ACK, 17520, 274, "0.060115");
        s2c(1, 275, ACK, 16156, 0, "0.060196");
        s2c(1, 275, FIN | ACK, 16430, 0, "0.060734");
        c2s(275, 1, ACK, 17520, 1440, "0.140242");
        assertEquals("[TCP ACKed unseen segment] [TCP Fast Retransmission] 50000 \u2192 40000 [FIN, ACK] Seq=1 "
                + "Ack=1723 Win=16430 Len=0", s2c(1, 1723, FIN | ACK, 16430, 0, "0.140445"));
    }

    @Test
    void dupAckOfFlaglessSegmentsCountsFromFrameZero() {
        // spec §4.5: the ack field (0) never changed, so lastnondupack is still 0
        c2s(0, -5000, SYN, 100, 0, "0");
        assertEquals("[TCP Dup ACK 0#1] 40000 \u2192 50000 [<None>] Seq=1 Win=100 Len=0",
                line(tcp4(C, S, 40000, 50000, 1001, 0, 0, 100, "", ""), "0.1"));
        assertEquals("[TCP Dup ACK 0#2] 40000 \u2192 50000 [<None>] Seq=1 Win=100 Len=0",
                line(tcp4(C, S, 40000, 50000, 1001, 0, 0, 100, "", ""), "0.2"));
    }
}
