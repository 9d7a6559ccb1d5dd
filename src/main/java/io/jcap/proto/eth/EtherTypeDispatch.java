package io.jcap.proto.eth;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.field.Formats;
import io.jcap.field.Protocol;
import io.jcap.proto.data.DataDissector;

/**
 * The "ethertype" hand-off shared by Ethernet, VLAN and Linux cooked captures. A type
 * nobody dissects (or whose dissector rejects the bytes) shows as Protocol "0x88b5"
 * and, when the type has a name, that name in Info.
 */
public final class EtherTypeDispatch {
    /** tshark's "ethertype" layer, which frame.protocols lists between a link layer and its payload. */
    public static final Protocol PROTOCOL = new Protocol("ethertype", "Ethertype", "Ethertype");

    private final DissectorTable table;
    private final DataDissector data;

    public EtherTypeDispatch(EngineBuilder b, DataDissector data) {
        this.table = b.table("ethertype", "Ethertype", 1 << 16);
        this.data = data;
        b.protocol(PROTOCOL);
    }

    public DissectorTable table() {
        return table;
    }

    /**
     * Dissects [offset, end) as EtherType {@code type}, then what the payload left over as
     * padding or trailer under {@code linkRow} (the link layer's item), as tshark's
     * ethertype dissector does. Returns the bytes used, trailer included.
     */
    public int dispatch(int type, PacketBuffer buf, int offset, Dissection d, int linkRow) {
        return dispatch(type, buf, offset, d, linkRow, EthFields.TRAILER, true);
    }

    /** As above, with the trailer shown as {@code trailerField}, and an FCS only where {@code fcsAllowed}. */
    public int dispatch(int type, PacketBuffer buf, int offset, Dissection d, int linkRow,
                        io.jcap.field.FieldDef trailerField, boolean fcsAllowed) {
        d.enter(PROTOCOL);
        Dissector next = table.get(type);
        int used = Dissector.REJECT;
        if (next != null) {
            used = d.call(next, offset, buf.end());
        }
        if (used == Dissector.REJECT) {
            StringBuilder sb = new StringBuilder(6).append("0x");
            d.setProtocol(Formats.hex(sb, type, 4).toString());
            String name = EthFields.TYPE.values.name(type);
            if (name != null) {
                d.info.set(name);
            }
            used = data.dissect(buf, offset, d);
        }
        Trailer.add(buf, offset + used, d, linkRow, trailerField, fcsAllowed);
        return buf.end() - offset;
    }
}
