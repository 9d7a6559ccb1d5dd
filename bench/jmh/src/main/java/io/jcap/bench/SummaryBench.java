package io.jcap.bench;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFiles;
import io.jcap.print.AddressText;
import io.jcap.print.Output;
import io.jcap.print.SummaryPrinter;
import io.jcap.print.TimeColumn;
import io.jcap.print.TimeFormat;
import io.jcap.proto.StandardProtocols;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.time.ZoneId;

/**
 * The `-n -r FILE` path without the process around it: read the capture, dissect every
 * frame, print the summary lines into a sink that counts bytes. One operation is the
 * whole file with fresh per-run state (conversations, reassembly), as a run of jcap has.
 */
public class SummaryBench extends JcapBenchmark {
    /** Run from the repository root, or pass -p capture=/path/to/file. */
    @Param("samples/ethernet.pcap")
    public String capture;

    @Benchmark
    public long summary(Blackhole bh) throws IOException {
        return run(true, bh);
    }

    /** Reading and dissecting only: what the summary printer adds is the difference. */
    @Benchmark
    public long dissectOnly(Blackhole bh) throws IOException {
        return run(false, bh);
    }

    /**
     * Building the engine (dissector tables, per-run state), which every operation above
     * includes: on a small capture it dominates, so measure big ones (-p capture=...).
     */
    @Benchmark
    public DissectorEngine engine() {
        return StandardProtocols.engine();
    }

    /** Reading only: the floor under both. */
    @Benchmark
    public long readOnly() throws IOException {
        long n = 0;
        try (FrameSource source = CaptureFiles.open(capture)) {
            Frame f = new Frame();
            while (source.next(f)) {
                n += f.capturedLength;
            }
        }
        return n;
    }

    private long run(boolean print, Blackhole bh) throws IOException {
        CountingSink sink = new CountingSink();
        Output out = new Output(sink);
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        TimeColumn time = new TimeColumn(TimeFormat.RELATIVE, ZoneId.of("UTC"));
        SummaryPrinter printer = new SummaryPrinter(out, time, new AddressText(null));
        try (FrameSource source = CaptureFiles.open(capture)) {
            Frame f = new Frame();
            while (source.next(f)) {
                engine.dissect(f, d);
                time.captured(f);
                if (print) {
                    printer.print(d);
                } else {
                    bh.consume(d.info.length());
                }
                time.done(f, true);
            }
        }
        out.flush();
        return sink.bytes;
    }
}
