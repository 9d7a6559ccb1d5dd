package io.jcap.proto.vxlan;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;

/** VXLAN (see {@link VxlanFields}): shows as "VXLAN" until the inner Ethernet frame takes over. */
public final class VxlanDissector implements Dissector {
    private static final int PORT = 4789;
    private static final int HEADER = 8;

    private final Dissector ethernet;

    public VxlanDissector(EngineBuilder b, Dissector ethernet) {
        this.ethernet = ethernet;
        b.protocol(VxlanFields.PROTOCOL);
        b.table("udp.port", "UDP port", 1 << 16).add(PORT, this, "vxlan");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(VxlanFields.PROTOCOL);
        d.setProtocol("VXLAN");
        d.info.clear();
        int flags = buf.u16(offset);
        int vni = buf.u24(offset + 4);
        if (d.tree()) {
            d.open(VxlanFields.PROTOCOL.field, offset, HEADER);
            d.add(VxlanFields.FLAGS, offset, 2, flags);
            d.add(VxlanFields.VNI, offset + 4, 3, vni);
            d.close();
        }
        buf.check(offset, HEADER);
        d.call(ethernet, offset + HEADER, buf.end());
        return buf.end() - offset;
    }
}
