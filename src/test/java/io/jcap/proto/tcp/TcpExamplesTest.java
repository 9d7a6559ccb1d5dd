package io.jcap.proto.tcp;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.frame.Frame;
import io.jcap.proto.StandardProtocols;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The spec's examples (tshark 4.0.17's own lines): each capture through a fresh engine, every
 * TCP line compared with tshark's Protocol and Info, once with fields recorded and once without
 * (the two paths must print the same), and tcp.stream where the example lists it.
 */
class TcpExamplesTest {
    /** Examples whose lines depend on dissectors outside TCP (UDP, ICMP) are left to their owners. */
    private static final Set<String> SKIPPED = Set.of("e29_udp", "e30_udp_snaplen", "e31_udp_heur",
            "e32_udplite", "e34_icmp_stream");
    /** Protocols whose lines TCP decides, with HTTP's (e28) now that its requests for more data drive TCP. */
    private static final Set<String> CHECKED = Set.of("TCP", "MPTCP", "IPv4", "IPv6", "HTTP");

    @TestFactory
    List<DynamicTest> examples() {
        Map<String, List<String[]>> byExample = new LinkedHashMap<>();
        for (String[] row : TcpVectors.ROWS) {
            byExample.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : byExample.entrySet()) {
            if (SKIPPED.contains(e.getKey())) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(e.getKey() + " (fields)", () -> run(e.getValue(), true)));
            tests.add(DynamicTest.dynamicTest(e.getKey() + " (summary only)", () -> run(e.getValue(), false)));
        }
        return tests;
    }

    private static void run(List<String[]> rows, boolean fields) {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(fields);
        for (String[] r : rows) {
            long n = Long.parseLong(r[1]);
            Frame f = TcpTesting.frame(n, r[5], Integer.parseInt(r[3]), Integer.parseInt(r[4]), r[2]);
            TcpTesting.dissect(engine, f, d);
            if (!CHECKED.contains(r[6])) {
                continue;
            }
            String where = r[0] + " #" + n;
            assertEquals(r[6], d.protocol, where + " Protocol");
            assertEquals(r[7], d.info.toString(), where + " Info");
            if (fields && r[8].startsWith("tcp.stream=")) {
                String want = r[8].substring("tcp.stream=".length());
                int row = d.find(TcpFields.STREAM);
                assertEquals(want, row < 0 ? "" : Long.toString(d.fieldValue(row)), where + " tcp.stream");
            }
        }
    }
}
