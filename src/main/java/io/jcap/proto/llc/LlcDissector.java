package io.jcap.proto.llc;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;
import io.jcap.field.Protocol;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.eth.EtherTypeDispatch;

/**
 * IEEE 802.2 LLC, only as far as SNAP with an EtherType (RFC 1042): enough to reach
 * IP behind 802.3 lengths. Other SAPs are shown as data under Protocol "LLC".
 */
public final class LlcDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("llc", "Logical-Link Control", "LLC");
    private static final int SNAP_SAP = 0xAA;
    private static final int UI = 0x03;

    private final EtherTypeDispatch etherTypes;
    private final DataDissector data;

    public LlcDissector(EngineBuilder b, EtherTypeDispatch etherTypes, DataDissector data) {
        this.etherTypes = etherTypes;
        this.data = data;
        b.protocol(PROTOCOL);
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(PROTOCOL);
        d.setProtocol("LLC");
        d.info.clear();
        int dsap = buf.u8(offset);
        int ssap = buf.u8(offset + 1);
        int control = buf.u8(offset + 2);
        if (dsap == SNAP_SAP && ssap == SNAP_SAP && control == UI) {
            int oui = buf.u24(offset + 3);
            int pid = buf.u16(offset + 6);
            if (oui == 0) {
                etherTypes.dispatch(pid, buf, offset + 8, d, -1);
                return buf.end() - offset;
            }
        }
        d.call(data, offset + 3, buf.end());
        return buf.end() - offset;
    }
}
