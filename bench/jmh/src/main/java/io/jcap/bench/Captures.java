package io.jcap.bench;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldRegistry;
import io.jcap.filter.DisplayFilter;
import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFiles;
import io.jcap.print.RecordedLayers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Frames and dissections held in memory, so that a benchmark measures one stage alone
 * (reading, dissecting, filtering or printing) and not the stages before it.
 */
final class Captures {
    private Captures() {
    }

    /** Every frame of the file, each owning its bytes (readers reuse one buffer). */
    static List<Frame> read(String path) throws IOException {
        List<Frame> frames = new ArrayList<>();
        try (FrameSource source = CaptureFiles.open(path)) {
            Frame f = new Frame();
            while (source.next(f)) {
                frames.add(f.copy());
            }
        }
        return frames;
    }

    /**
     * Sets what the dissectors record, as jcap's read loop does: the layers of
     * {@code fields} only (what -Y or -T fields -e reads), or every layer when
     * {@code fields} is null (-V, -T json). Columns are always filled.
     */
    static void record(Dissection d, FieldRegistry registry, List<FieldDef> fields) {
        d.recordFields(true);
        if (fields == null) {
            d.recordOnly(null);
            return;
        }
        List<FieldDef> wanted = new ArrayList<>();
        for (FieldDef f : fields) {
            // protocols that only tshark dissects are in no packet: nothing to record
            if (DisplayFilter.inPackets(f, registry)) {
                wanted.add(f);
            }
        }
        d.recordOnly(wanted.isEmpty() ? Set.of() : RecordedLayers.of(wanted, registry));
    }

    /** What {@link #dissect} records in each dissection. */
    interface Recording {
        void set(Dissection d, FieldRegistry registry);
    }

    /**
     * Each frame dissected once, in file order, into a dissection of its own: one engine,
     * so conversations, reassembly and request/response matching are as in a run over the
     * whole file. Printers and filters then read them as often as a benchmark likes.
     */
    static List<Dissection> dissect(List<Frame> frames, DissectorEngine engine, Recording recording) {
        List<Dissection> all = new ArrayList<>(frames.size());
        for (Frame f : frames) {
            Dissection d = new Dissection();
            recording.set(d, engine.registry());
            engine.dissect(f, d);
            all.add(d);
        }
        return all;
    }

    /** The frames that {@code filter} passes, dissected in file order by {@code engine}. */
    static List<Frame> select(List<Frame> frames, DissectorEngine engine, DisplayFilter filter) {
        List<Frame> kept = new ArrayList<>();
        Dissection d = new Dissection();
        record(d, engine.registry(), filter.fields());
        for (Frame f : frames) {
            engine.dissect(f, d);
            if (filter.matches(d)) {
                kept.add(f);
            }
        }
        return kept;
    }

    /**
     * {@code frames} repeated until there are at least {@code atLeast}, numbered anew.
     * Each repetition is shifted in time past the one before, and on Ethernet its IPv4
     * and IPv6 addresses get their own bits, so that every repetition is new traffic
     * (new conversations, fragment and DNS/ICMP transaction ids in new flows) rather than
     * retransmissions of the first. Checksums stay as they were: not verified by default.
     */
    static List<Frame> repeated(List<Frame> frames, int atLeast) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to repeat");
        }
        int copies = Math.min(0xffff, (atLeast + frames.size() - 1) / frames.size());
        long span = frames.get(frames.size() - 1).seconds - frames.get(0).seconds + 1;
        List<Frame> out = new ArrayList<>(copies * frames.size());
        long number = 0;
        for (int c = 0; c < copies; c++) {
            for (Frame f : frames) {
                Frame g = f.copy();
                g.number = ++number;
                g.seconds += c * span;
                if (g.linkType == 1) {
                    retag(g, c);
                }
                out.add(g);
            }
        }
        return out;
    }

    /**
     * XORs the copy number into the second and third bytes of both IPv4 addresses
     * (10.0.0.x becomes 10.h.l.x) or the third and fourth bytes of both IPv6 addresses
     * (fd00::1 becomes fd00:hhll::1, and fe80:: or ff02:: keep their scope): copy 0 is
     * the original, and hosts stay apart within a copy. Untagged Ethernet only.
     */
    private static void retag(Frame g, int copy) {
        if (g.capturedLength < 14) {
            return;
        }
        int type = g.data.getUnsignedShort(g.offset + 12);
        int first;
        int second;
        if (type == 0x0800 && g.capturedLength >= 14 + 20) {
            first = 14 + 12 + 1;
            second = 14 + 16 + 1;
        } else if (type == 0x86dd && g.capturedLength >= 14 + 40) {
            first = 14 + 8 + 2;
            second = 14 + 24 + 2;
        } else {
            return;
        }
        for (int at : new int[] {first, second}) {
            int i = g.offset + at;
            g.data.setByte(i, g.data.getByte(i) ^ (copy >>> 8));
            g.data.setByte(i + 1, g.data.getByte(i + 1) ^ copy);
        }
    }
}
