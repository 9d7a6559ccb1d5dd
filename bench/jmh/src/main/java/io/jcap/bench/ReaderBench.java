package io.jcap.bench;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

import java.io.IOException;

/**
 * The capture readers alone: one operation opens the file, delivers every frame through
 * {@link FrameSource#next} (no dissection, no copy) and closes it, so ops/frame is the
 * file's frame count (ethernet.pcap 139, mixed.pcapng 164). On files this small opening
 * and closing are part of the cost; pass a big capture with -p capture=FILE to see the
 * per-record cost alone.
 */
public class ReaderBench extends JcapBenchmark {
    /** pcap (µs time stamps) and pcapng (two interfaces); run from the repository root. */
    @Param({"samples/ethernet.pcap", "samples/mixed.pcapng"})
    public String capture;

    /** Sums the lengths and the first byte of each frame, so that neither header nor data goes unread. */
    @Benchmark
    public long read() throws IOException {
        long n = 0;
        try (FrameSource source = CaptureFiles.open(capture)) {
            Frame f = new Frame();
            while (source.next(f)) {
                n += f.capturedLength + (f.capturedLength > 0 ? f.data.getByte(f.offset) : 0);
            }
        }
        return n;
    }
}
