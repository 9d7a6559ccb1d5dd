package io.jcap.proto.vntag;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.eth.EtherTypeDispatch;

/**
 * A VN-Tag (EtherType 0x8926): direction, pointer and destination VIF, looped,
 * reserved, version and source VIF in 32 bits, then the inner EtherType, handed on as
 * an 802.1Q tag hands on its own.
 */
public final class VntagDissector implements Dissector {
    private final EtherTypeDispatch etherTypes;

    private VntagDissector(EtherTypeDispatch etherTypes) {
        this.etherTypes = etherTypes;
    }

    public static void register(EngineBuilder b, EtherTypeDispatch etherTypes) {
        b.protocol(VntagFields.PROTOCOL);
        etherTypes.table().add(0x8926, new VntagDissector(etherTypes), "vntag");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(VntagFields.PROTOCOL);
        d.setProtocol("VNTAG");
        long tag = buf.u32(offset);
        int type = buf.u16(offset + 4);
        int row = -1;
        if (d.tree()) {
            row = d.open(VntagFields.PROTOCOL.field, offset, 6);
            d.addBits(VntagFields.DIR, offset, 4, tag);
            d.addBits(VntagFields.PTR, offset, 4, tag);
            d.addBits(VntagFields.DST, offset, 4, tag);
            d.addBits(VntagFields.LOOPED, offset, 4, tag);
            d.addBits(VntagFields.R, offset, 4, tag);
            d.addBits(VntagFields.VERSION, offset, 4, tag);
            d.addBits(VntagFields.SRC, offset, 4, tag);
            d.add(VntagFields.ETYPE, offset + 4, 2, type);
            d.close();
        }
        return 6 + etherTypes.dispatch(type, buf, offset + 6, d, row, VntagFields.TRAILER, false);
    }
}
