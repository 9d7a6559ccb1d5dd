package io.jcap.proto.frame;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.frame.Encapsulations;
import io.jcap.frame.Frame;
import io.jcap.proto.data.DataDissector;

/**
 * The root of every dissection: the frame's own items (lengths, times, interface) and
 * the hand-off to the link-layer dissector for its link type ("wtap_encap" table).
 * Link types nobody dissects are shown as data without touching the columns, as tshark
 * does.
 */
public final class FrameDissector implements Dissector {
    private final DissectorTable linkTypes;
    private final DataDissector data;
    private boolean started;
    private long firstNs;
    private long previousNs;
    /** Whether a frame other than one -2 -R dropped (dissected again only for state) was seen. */
    private boolean shownAny;

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
        if (f.linkType == Frame.CUSTOM_BLOCK) {
            return customBlock(buf, f, d);
        }
        long ns = f.seconds * 1_000_000_000L + f.nanos;
        if (!started) {
            started = true;
            firstNs = ns;
        }
        if (!d.replayOnly) {
            if (!shownAny) {
                previousNs = ns;
            }
            if (d.tree()) {
                fields(f, ns, d);
            }
            // after the first frame the next one's delta counts from the file's first frame:
            // the same in one pass, and what tshark's second pass of -2 -R shows
            previousNs = shownAny ? ns : firstNs;
            shownAny = true;
        }
        Dissector link = linkTypes.get(f.linkType);
        if (link == null || link.dissect(buf, 0, d) == REJECT) {
            data.dissect(buf, 0, d);
        }
        return buf.end();
    }

    private void fields(Frame f, long ns, Dissection d) {
        String iface = f.section > 0 ? (f.interfaceName != null ? f.interfaceName : "unknown") : null;
        int top = d.open(FrameFields.PROTOCOL.field, 0, f.capturedLength);
        if (d.labelled(top)) {
            StringBuilder sb = new StringBuilder(128).append("Frame ").append(f.number).append(": ");
            bytes(sb, f.originalLength).append(" on wire (").append(8L * f.originalLength).append(" bits), ");
            bytes(sb, f.capturedLength).append(" captured (").append(8L * f.capturedLength).append(" bits)");
            if (iface != null) {
                sb.append(" on interface ").append(iface).append(", id ").append(f.sectionInterfaceId);
            }
            d.setText(top, sb.toString());
        }
        if (iface != null) {
            d.add(FrameFields.SECTION_NUMBER, 0, 0, f.section);
            int id = d.add(FrameFields.INTERFACE_ID, 0, 0, f.sectionInterfaceId);
            if (d.labelled(id)) {
                d.setText(id, "Interface id: " + f.sectionInterfaceId + " (" + iface + ")");
            }
            d.openRow(id);
            d.addObject(FrameFields.INTERFACE_NAME, 0, 0, iface);
            if (f.interfaceDescription != null) {
                d.addObject(FrameFields.INTERFACE_DESCRIPTION, 0, 0, f.interfaceDescription);
            }
            d.close();
        }
        d.add(FrameFields.ENCAP_TYPE, 0, 0, Encapsulations.of(f.linkType));
        if (f.hasTime) {
            d.add(FrameFields.TIME, 0, 0, ns);
            d.flag(d.add(FrameFields.OFFSET_SHIFT, 0, 0, 0), Dissection.GENERATED);
            d.add(FrameFields.TIME_EPOCH, 0, 0, ns);
            d.flag(d.add(FrameFields.TIME_DELTA, 0, 0, ns - previousNs), Dissection.GENERATED);
            long shown = d.trackDisplayed ? d.lastDisplayedNs(ns) : previousNs;
            d.flag(d.add(FrameFields.TIME_DELTA_DISPLAYED, 0, 0, ns - shown), Dissection.GENERATED);
            d.flag(d.add(FrameFields.TIME_RELATIVE, 0, 0, ns - firstNs), Dissection.GENERATED);
        }
        d.add(FrameFields.NUMBER, 0, 0, f.number);
        lengthItems(f, d);
        d.close();
    }

    /** Frame Length, Capture Length and the marked and ignored flags: every frame item has them. */
    private static void lengthItems(Frame f, Dissection d) {
        int len = d.add(FrameFields.LEN, 0, 0, f.originalLength);
        if (d.labelled(len)) {
            d.setText(len, bytes(new StringBuilder("Frame Length: "), f.originalLength).append(" (")
                    .append(8L * f.originalLength).append(" bits)").toString());
        }
        int capLen = d.add(FrameFields.CAP_LEN, 0, 0, f.capturedLength);
        if (d.labelled(capLen)) {
            d.setText(capLen, bytes(new StringBuilder("Capture Length: "), f.capturedLength).append(" (")
                    .append(8L * f.capturedLength).append(" bits)").toString());
        }
        d.flag(d.add(FrameFields.MARKED, 0, 0, 0), Dissection.GENERATED);
        d.flag(d.add(FrameFields.IGNORED, 0, 0, 0), Dissection.GENERATED);
    }

    /**
     * A pcapng custom block, as tshark's frame dissector shows one: no time or interface
     * items, its Private Enterprise Number and copy permission, its bytes as data.
     */
    private int customBlock(PacketBuffer buf, Frame f, Dissection d) {
        String pen = Enterprises.name(f.customBlockPen) + " (" + f.customBlockPen + ")";
        d.setProtocol("PCAPNG");
        d.info.set("Custom Block: PEN = " + pen + ", will " + (f.customBlockCopy ? "" : "not ") + "be copied");
        if (d.tree()) {
            StringBuilder sb = new StringBuilder(128).append("PCAPNG Custom Block ").append(f.number).append(": ");
            bytes(sb, f.capturedLength).append(" (").append(8L * f.capturedLength)
                    .append(" bits) of custom data and options, PEN ").append(pen).append(", copying ")
                    .append(f.customBlockCopy ? "allowed" : "not allowed");
            d.setText(d.open(FrameFields.PROTOCOL.field, 0, f.capturedLength), sb.toString());
            d.add(FrameFields.SECTION_NUMBER, 0, 0, f.section);
            d.add(FrameFields.NUMBER, 0, 0, f.number);
            lengthItems(f, d);
            d.setText(d.add(FrameFields.CB_PEN, 0, 0, f.customBlockPen), "Private Enterprise Number: " + pen);
            d.add(FrameFields.CB_COPY, 0, 0, f.customBlockCopy ? 1 : 0);
            d.close();
        }
        if (f.capturedLength > 0) {
            data.dissect(buf, 0, d);
        }
        return buf.end();
    }

    private static StringBuilder bytes(StringBuilder sb, long n) {
        return sb.append(n).append(n == 1 ? " byte" : " bytes");
    }
}
