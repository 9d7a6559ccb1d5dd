package io.jcap.proto.tcp;

import io.jcap.proto.ipv4.IpGolden;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TCP's -V tree against tshark 4.0's, on captures crafted by
 * src/test/resources/dissect/make-tcp.py: the handshake and teardown (completeness,
 * connection experts, closing initiator, ACK RTT, iRTT, bytes in flight), every option kind
 * tshark decodes and the bad lengths it flags, the sequence analysis flags with their expert
 * infos (retransmission with its RTO, fast and spurious retransmission, duplicate ACKs,
 * previous segment not captured, ACKed unseen segment, zero window and its probe, window
 * update and full, keep-alive and its ACK, port reuse), and an HTTP request and response
 * split over several segments (reassembled segments, segment data, a retransmitted segment).
 * The expected texts are tshark's output ({@code tshark -n -V -r}), cut to the TCP items.
 */
class TcpTreeTest {
    @Test
    void handshakeDataAndTeardownAsTshark() {
        TcpGolden.assertMatches("tcp-handshake");
    }

    @Test
    void optionsOfEveryKindAsTshark() {
        TcpGolden.assertMatches("tcp-options");
    }

    @Test
    void analysisFlagsAsTshark() {
        TcpGolden.assertMatches("tcp-analysis");
    }

    @Test
    void reassemblyAsTshark() {
        TcpGolden.assertMatches("tcp-reassembly");
    }

    @Test
    void analysisFieldsAsTshark() {
        // tshark -r tcp-handshake.pcap -T fields -e tcp.completeness -e tcp.time_relative -e tcp.time_delta
        //        -e tcp.analysis.acks_frame -e tcp.analysis.ack_rtt -e tcp.analysis.initial_rtt
        //        -e tcp.analysis.bytes_in_flight -e tcp.analysis.push_bytes_sent
        String expected = String.join("\n",
                "0\t0.000000000\t0.000000000\t\t\t\t\t",
                "1\t0.010000000\t0.010000000\t1\t0.010000000\t\t\t",
                "3\t0.010250000\t0.000250000\t2\t0.000250000\t0.010250000\t\t",
                "7\t0.011250000\t0.001000000\t\t\t0.010250000\t72\t72",
                "15\t0.031250000\t0.020000000\t4\t0.020000000\t0.010250000\t\t",
                "15\t0.032250000\t0.001000000\t\t\t0.010250000\t100\t100",
                "15\t0.032750000\t0.000500000\t\t\t0.010250000\t150\t150",
                "15\t0.034750000\t0.002000000\t7\t0.002000000\t0.010250000\t\t",
                "15\t0.035750000\t0.001000000\t\t\t\t\t",
                "31\t0.038750000\t0.003000000\t9\t0.003000000\t0.010250000\t\t",
                "31\t0.038850000\t0.000100000\t10\t0.000100000\t0.010250000\t\t",
                "0\t0.000000000\t0.000000000\t\t\t\t\t",
                "0\t0.000100000\t0.000100000\t12\t0.000100000\t\t\t",
                "4\t0.000200000\t0.000100000\t\t\t\t\t",
                "20\t0.000300000\t0.000100000\t14\t0.000100000\t\t\t") + "\n";
        assertEquals(expected, IpGolden.run("tcp-handshake.pcap", "-T", "fields", "-e", "tcp.completeness", "-e", "tcp.time_relative", "-e", "tcp.time_delta", "-e", "tcp.analysis.acks_frame", "-e", "tcp.analysis.ack_rtt", "-e", "tcp.analysis.initial_rtt", "-e", "tcp.analysis.bytes_in_flight", "-e", "tcp.analysis.push_bytes_sent"));
        expected = String.join("\n",
                "0\t0.000000000\t0.000000000\t\t\t\t\t",
                "1\t0.050000000\t0.050000000\t1\t0.050000000\t\t\t",
                "3\t0.051000000\t0.001000000\t2\t0.001000000\t0.051000000\t\t",
                "7\t0.052000000\t0.001000000\t\t\t0.051000000\t100\t100",
                "15\t0.252000000\t0.200000000\t\t\t0.051000000\t100\t100",
                "15\t0.262000000\t0.010000000\t4\t0.210000000\t0.051000000\t\t",
                "15\t0.263000000\t0.001000000\t\t\t0.051000000\t100\t100",
                "15\t0.264000000\t0.001000000\t\t\t0.051000000\t\t",
                "15\t0.265000000\t0.001000000\t7\t0.002000000\t0.051000000\t\t",
                "15\t0.266000000\t0.001000000\t\t\t0.051000000\t\t",
                "15\t0.267000000\t0.001000000\t\t\t0.051000000\t\t",
                "15\t0.268000000\t0.001000000\t\t\t0.051000000\t200\t200",
                "15\t0.268100000\t0.000100000\t\t\t0.051000000\t250\t210",
                "15\t0.278100000\t0.010000000\t8\t0.014100000\t0.051000000\t\t",
                "15\t0.288100000\t0.010000000\t\t\t0.051000000\t1\t211",
                "15\t0.298100000\t0.010000000\t\t\t0.051000000\t\t",
                "15\t0.308100000\t0.010000000\t\t\t0.051000000\t\t",
                "15\t0.318100000\t0.010000000\t\t\t0.051000000\t\t",
                "15\t0.328100000\t0.010000000\t\t\t0.051000000\t\t",
                "15\t0.338100000\t0.010000000\t\t\t0.051000000\t3000\t3211",
                "15\t0.348100000\t0.010000000\t\t\t0.051000000\t\t",
                "15\t0.358100000\t0.010000000\t\t\t\t\t",
                "1\t0.000000000\t0.000000000\t\t\t\t\t",
                "1\t0.010000000\t0.010000000\t23\t0.010000000\t\t\t",
                "3\t0.020000000\t0.010000000\t24\t0.010000000\t0.020000000\t\t") + "\n";
        assertEquals(expected, IpGolden.run("tcp-analysis.pcap", "-T", "fields", "-e", "tcp.completeness", "-e", "tcp.time_relative", "-e", "tcp.time_delta", "-e", "tcp.analysis.acks_frame", "-e", "tcp.analysis.ack_rtt", "-e", "tcp.analysis.initial_rtt", "-e", "tcp.analysis.bytes_in_flight", "-e", "tcp.analysis.push_bytes_sent"));
    }

    @Test
    void analysisFlagFieldsAsTshark() {
        // tshark -r tcp-analysis.pcap -T fields -e tcp.analysis.retransmission ... -e tcp.analysis.rto_frame
        String expected = String.join("\n",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "1\t\t\t\t\t\t\t\t\t\t\t\t\t0.200000000\t4",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t1\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t1\t9\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t2\t9\t\t\t\t\t\t\t\t\t\t",
                "1\t1\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "1\t\t1\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t1\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t1\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t1\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t1\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t1\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t1\t\t\t",
                "\t\t\t\t\t\t1\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t1\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t\t\t\t\t") + "\n";
        assertEquals(expected, IpGolden.run("tcp-analysis.pcap", "-T", "fields", "-e", "tcp.analysis.retransmission", "-e", "tcp.analysis.fast_retransmission", "-e", "tcp.analysis.spurious_retransmission", "-e", "tcp.analysis.duplicate_ack_num", "-e", "tcp.analysis.duplicate_ack_frame", "-e", "tcp.analysis.lost_segment", "-e", "tcp.analysis.ack_lost_segment", "-e", "tcp.analysis.zero_window", "-e", "tcp.analysis.zero_window_probe", "-e", "tcp.analysis.window_update", "-e", "tcp.analysis.keep_alive", "-e", "tcp.analysis.window_full", "-e", "tcp.analysis.reused_ports", "-e", "tcp.analysis.rto", "-e", "tcp.analysis.rto_frame"));
    }

    @Test
    void optionFieldsAsTshark() {
        // tshark -r tcp-options.pcap -T fields -e tcp.options.mss -e tcp.options.wscale -e tcp.options.sack
        //        -e tcp.options.sack_le -e tcp.options.sack_re -e tcp.options.timestamp.tsval -e tcp.options.eol
        //        -e tcp.options.unknown -e tcp.options.experimental -e tcp.options.nop -e tcp.option_kind
        String expected = String.join("\n",
                "020405b4\t03030e\t\t\t\t1\t00,00,00,00\t\t\t01\t2,1,3,4,8,0,0,0,0",
                "02040218\t03030f\t\t\t\t\t00,00,00\t\t\t\t2,3,4,0,0,0",
                "\t\t050a000003e90000044d\t101\t201\t\t\t\t\t01,01\t1,1,5",
                "\t\t051a000003e90000044d000004b10000051500000579000005dd\t101,301,501\t201,401,601\t\t00,00\t\t\t\t5,0,0",
                "\t\t050a0000035200000385\t4294967246\t1\t\t\t\t\t01,01\t1,1,5",
                "\t\t\t\t\t\t\t\t\t\t6,7",
                "\t\t\t\t\t\t00,00\t\t\t\t11,12,13,0,0",
                "\t\t\t\t\t\t\t\t\t01,01\t19,1,1",
                "\t\t\t\t\t\t\t\t\t\t28,28",
                "\t\t\t\t\t\t\t\t\t01,01\t34,1,1",
                "\t\t\t\t\t\t\t\t\t01,01\t34,1,1",
                "\t\t\t\t\t\t\t\tfe04f989\t\t254",
                "\t\t\t\t\t\t\t\tfd061234abcd\t01,01\t253,1,1",
                "\t\t\t\t\t\t\t630601020304\t\t01,01\t99,1,1",
                "\t\t\t\t\t\t\tc802\t\t01,01\t200,1,1",
                "\t\t\t\t\t\t\t\t\t\t27",
                "020404b0\t\t\t\t\t\t\t\t\t\t2",
                "\t\t\t\t\t\t00\t\t\t\t0",
                "\t\t\t\t\t5\t\t\t\t01,01,01,01,01,01\t1,1,1,1,8,1,1",
                "020600000000\t\t\t\t\t\t00,00\t\t\t\t2,0,0",
                "\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t\t",
                "\t\t\t\t\t\t\t\t\t01,01,01\t1,1,1",
                "\t\t\t\t\t\t\t\t\t\t",
                "020405b4\t\t\t\t\t\t\t\t\t\t2",
                "\t\t\t\t\t\t\t\t\t\t") + "\n";
        assertEquals(expected, IpGolden.run("tcp-options.pcap", "-T", "fields", "-e", "tcp.options.mss", "-e", "tcp.options.wscale", "-e", "tcp.options.sack", "-e", "tcp.options.sack_le", "-e", "tcp.options.sack_re", "-e", "tcp.options.timestamp.tsval", "-e", "tcp.options.eol", "-e", "tcp.options.unknown", "-e", "tcp.options.experimental", "-e", "tcp.options.nop", "-e", "tcp.option_kind"));
    }
}
