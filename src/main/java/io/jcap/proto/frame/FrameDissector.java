package io.jcap.proto.frame;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.frame.Frame;
import io.jcap.proto.data.DataDissector;

/**
 * The root of every dissection: records the frame's own fields and hands the bytes to
 * the link-layer dissector for its link type ("wtap_encap" table). Link types nobody
 * dissects are shown as data without touching the columns, as tshark does.
 */
public final class FrameDissector implements Dissector {
    private final DissectorTable linkTypes;
    private final DataDissector data;
    private long firstSec;
    private int firstNanos;
    private long prevSec;
    private int prevNanos;
    private boolean started;

    public FrameDissector(EngineBuilder b, DataDissector data) {
        this.linkTypes = b.table("wtap_encap", "Link-layer type", 1 << 16);
        this.data = data;
        b.protocol(FrameFields.PROTOCOL);
        b.root(this);
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        Frame f = d.frame;
        d.enter(FrameFields.PROTOCOL);
        if (d.tree()) {
            fields(f, d);
        }
        Dissector link = linkTypes.get(f.linkType);
        if (link == null || link.dissect(buf, 0, d) == REJECT) {
            data.dissect(buf, 0, d);
        }
        return buf.end();
    }

    private void fields(Frame f, Dissection d) {
        if (!started) {
            started = true;
            firstSec = prevSec = f.seconds;
            firstNanos = prevNanos = f.nanos;
        }
        d.open(FrameFields.PROTOCOL.field, 0, f.capturedLength);
        d.add(FrameFields.INTERFACE_ID, 0, 0, f.interfaceId);
        d.add(FrameFields.ENCAP_TYPE, 0, 0, f.linkType);
        long ns = f.seconds * 1_000_000_000L + f.nanos;
        d.add(FrameFields.TIME, 0, 0, ns);
        d.add(FrameFields.TIME_EPOCH, 0, 0, ns);
        d.add(FrameFields.TIME_DELTA, 0, 0, (f.seconds - prevSec) * 1_000_000_000L + (f.nanos - prevNanos));
        d.add(FrameFields.TIME_RELATIVE, 0, 0, (f.seconds - firstSec) * 1_000_000_000L + (f.nanos - firstNanos));
        d.add(FrameFields.NUMBER, 0, 0, f.number);
        d.add(FrameFields.LEN, 0, 0, f.originalLength);
        d.add(FrameFields.CAP_LEN, 0, 0, f.capturedLength);
        d.add(FrameFields.MARKED, 0, 0, 0);
        d.add(FrameFields.IGNORED, 0, 0, 0);
        d.close();
        prevSec = f.seconds;
        prevNanos = f.nanos;
    }
}
