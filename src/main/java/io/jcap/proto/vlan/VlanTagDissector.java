package io.jcap.proto.vlan;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;
import io.jcap.field.FieldDef;
import io.jcap.field.Protocol;
import io.jcap.field.Formats;
import io.jcap.proto.eth.EtherTypeDispatch;
import io.jcap.proto.eth.Trailer;

/**
 * An IEEE 802.1Q tag (EtherTypes 0x8100 and 0x9100: "PRI: p  DEI: d  ID: v") or an
 * 802.1ad service tag (0x88a8: "PRI: p  DROP: d ID: v"), then the inner EtherType, or
 * an 802.3 length followed by LLC.
 */
public final class VlanTagDissector implements Dissector {
    private static final int MAX_802_3_LENGTH = 1500;
    private static final String[] PRIORITIES_2004 = {"Best Effort (default)", "Background", "Excellent Effort",
        "Critical Applications", "Video, < 100ms latency and jitter", "Voice, < 10ms latency and jitter",
        "Internetwork Control", "Network Control"};

    private final Protocol protocol;
    private final String column;
    /** "  DEI: " for 802.1Q, "  DROP: " for 802.1ad, whose ID follows after one space only. */
    private final String dropLabel;
    private final String idLabel;
    private final FieldDef priority;
    private final FieldDef dei;
    private final FieldDef id;
    private final FieldDef etype;
    private final FieldDef length;
    private final EtherTypeDispatch etherTypes;
    private final Dissector llc;

    private VlanTagDissector(Protocol protocol, String column, String dropLabel, String idLabel, FieldDef priority, FieldDef dei, FieldDef id,
                             FieldDef etype, FieldDef length, EtherTypeDispatch etherTypes, Dissector llc) {
        this.protocol = protocol;
        this.column = column;
        this.dropLabel = dropLabel;
        this.idLabel = idLabel;
        this.priority = priority;
        this.dei = dei;
        this.id = id;
        this.etype = etype;
        this.length = length;
        this.etherTypes = etherTypes;
        this.llc = llc;
    }

    /** Registers the 802.1Q and 802.1ad tag dissectors. */
    public static void register(EngineBuilder b, EtherTypeDispatch etherTypes, Dissector llc) {
        VlanTagDissector q = new VlanTagDissector(VlanFields.PROTOCOL, "VLAN", "  DEI: ", "  ID: ", VlanFields.PRIORITY, VlanFields.DEI,
                VlanFields.ID, VlanFields.ETYPE, VlanFields.LEN, etherTypes, llc);
        VlanTagDissector ad = new VlanTagDissector(Ieee8021adFields.PROTOCOL, "802.1ad", "  DROP: ", " ID: ",
                Ieee8021adFields.PRIORITY, Ieee8021adFields.DEI, Ieee8021adFields.ID, VlanFields.ETYPE,
                VlanFields.LEN, etherTypes, llc);
        b.protocol(VlanFields.PROTOCOL);
        b.protocol(Ieee8021adFields.PROTOCOL);
        etherTypes.table().add(0x8100, q, "vlan");
        etherTypes.table().add(0x9100, q, "vlan");
        etherTypes.table().add(0x88a8, ad, "ieee8021ad");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(protocol);
        d.setProtocol(column);
        d.info.clear();
        int tci = buf.u16(offset);
        int pri = tci >> 13;
        int drop = (tci >> 12) & 1;
        int vid = tci & 0x0FFF;
        d.info.builder().append("PRI: ").append(pri).append(dropLabel).append(drop).append(idLabel).append(vid);
        int type = buf.u16(offset + 2);
        int row = -1;
        if (d.tree()) {
            row = d.open(protocol.field, offset, 4);
            d.setText(row, protocol.name + ", PRI: " + pri + (protocol == VlanFields.PROTOCOL ? ", DEI: " : ", DROP: ")
                    + drop + ", ID: " + vid);
            int p = d.addBits(priority, offset, 2, tci);
            if (protocol == VlanFields.PROTOCOL) {
                // tshark names priorities by IEEE 802.1D-2004 by default, not the field's own table
                d.setText(p, Formats.bits(new StringBuilder(64), tci, 0xE000, 16).append("Priority: ")
                        .append(PRIORITIES_2004[pri]).append(" (").append(pri).append(')').toString());
            }
            d.addBits(dei, offset, 2, tci);
            d.addBits(id, offset, 2, tci);
            d.add(type <= MAX_802_3_LENGTH ? length : etype, offset + 2, 2, type);
            d.close();
        }
        int payload = offset + 4;
        if (type <= MAX_802_3_LENGTH) {
            int end = Math.min(buf.end(), payload + type);
            d.call(llc, payload, end);
            Trailer.add(buf, end, d, row, VlanFields.TRAILER, false);
            return buf.end() - offset;
        }
        return 4 + etherTypes.dispatch(type, buf, payload, d, row, VlanFields.TRAILER, false);
    }
}
