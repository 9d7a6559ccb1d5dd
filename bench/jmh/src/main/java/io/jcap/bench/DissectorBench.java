package io.jcap.bench;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.filter.DisplayFilter;
import io.jcap.filter.FilterException;
import io.jcap.frame.Frame;
import io.jcap.proto.StandardProtocols;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Dissection per protocol family. Set-up picks the capture's frames of one family with
 * a display filter (whole conversations, so that TCP reassembly, IP fragments and
 * request/response matching see what they see in a full run) and repeats them as new
 * traffic ({@link Captures#repeated}) to about {@link #frames} frames, held in memory.
 * <p>
 * One operation dissects all of them, in order, with a fresh engine: per-run state
 * (TCP/UDP streams, reassembly, DNS and ICMP transactions, IP fragments) starts empty as
 * in a run of jcap, and is dropped after the operation; nothing is kept from one
 * operation to the next. The engine's construction (~0.3 ms, ~2.6 MB: see
 * SummaryBench.engine) is in each operation, which is why an operation holds thousands
 * of frames; subtract it for the cost per frame. Each family includes the layers under
 * it (Ethernet, IP): the differences between families are the dissectors above.
 */
public class DissectorBench extends JcapBenchmark {
    /** The frames of each family: filters checked against tshark's counts on the samples. */
    static final Map<String, String> FAMILIES = Map.of(
            "arp", "arp",
            // ICMP and ICMPv6, with the fragments of the large pings and the errors' quoted packets
            "icmp", "ip.proto == 1 || icmpv6 || ipv6.fraghdr.nxt == 58",
            // DNS over UDP and TCP (with the TCP connection's handshake)
            "dns", "udp.port == 53 || tcp.port == 53",
            // every TCP frame, HTTP and DNS over TCP included
            "tcp", "tcp",
            // the HTTP connections whole: handshakes, requests, responses and their segments
            "http", "tcp.port == 80",
            "all", "");

    @Param({"arp", "icmp", "dns", "tcp", "http", "all"})
    public String family;

    /** false: the summary view's dissection (columns only); true: -V's, every field recorded. */
    @Param({"false", "true"})
    public boolean tree;

    /** Run from the repository root, or pass -p capture=/path/to/file (Ethernet, for new addresses per copy). */
    @Param("samples/ethernet.pcap")
    public String capture;

    /** At least this many frames per operation, in whole repetitions of the family's frames. */
    @Param("20000")
    public int frames;

    private List<Frame> list;

    @Setup
    public void setUp() throws IOException, FilterException {
        DissectorEngine engine = StandardProtocols.engine();
        DisplayFilter filter = DisplayFilter.compile(FAMILIES.get(family), engine.registry(), ZoneOffset.UTC);
        List<Frame> picked = Captures.select(Captures.read(capture), engine, filter);
        list = Captures.repeated(picked, frames);
        // frames per operation, for the table (JMH shows the forked VM's output)
        System.out.println("# " + family + ": " + picked.size() + " frames x " + list.size() / picked.size()
                + " = " + list.size() + " frames per op");
    }

    @Benchmark
    public long dissect() {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(tree);
        long n = 0;
        for (Frame f : list) {
            engine.dissect(f, d);
            // reads the result, so that no part of it is dead code
            n += d.info.length() + d.fieldCount();
        }
        return n;
    }
}
