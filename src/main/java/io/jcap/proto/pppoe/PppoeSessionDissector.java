package io.jcap.proto.pppoe;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.data.DataDissector;

/**
 * PPPoE session packets (see {@link PppoesFields}) and the PPP protocol field after
 * them: IPv4 (0x0021) and IPv6 (0x0057) go on to IP, anything else is data.
 */
public final class PppoeSessionDissector implements Dissector {
    private static final int ETHERTYPE = 0x8864;
    private static final int HEADER = 6;
    private static final int PPP_IPV4 = 0x0021;
    private static final int PPP_IPV6 = 0x0057;

    private final DissectorTable etherTypes;
    private final DataDissector data;

    public PppoeSessionDissector(EngineBuilder b, DataDissector data) {
        this.etherTypes = b.table("ethertype", "Ethertype", 1 << 16);
        this.data = data;
        b.protocol(PppoeFields.PROTOCOL);
        b.protocol(PppoesFields.PROTOCOL);
        b.protocol(PppFields.PROTOCOL);
        etherTypes.add(ETHERTYPE, this, "pppoes");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(PppoesFields.PROTOCOL);
        d.setProtocol("PPPoES");
        int verType = buf.u8(offset);
        int code = buf.u8(offset + 1);
        d.info.set(PppoeFields.CODE.values.name(code, "Unknown"));
        int session = buf.u16(offset + 2);
        int length = buf.u16(offset + 4);
        if (d.tree()) {
            d.open(PppoesFields.PROTOCOL.field, offset, HEADER);
            d.add(PppoeFields.VERSION, offset, 1, verType >> 4);
            d.add(PppoeFields.TYPE, offset, 1, verType & 0x0F);
            d.add(PppoeFields.CODE, offset + 1, 1, code);
            d.add(PppoeFields.SESSION_ID, offset + 2, 2, session);
            d.add(PppoeFields.PAYLOAD_LENGTH, offset + 4, 2, length);
            d.close();
        }
        int ppp = offset + HEADER;
        int end = Math.min(buf.end(), ppp + length);
        d.enter(PppFields.PROTOCOL);
        int protocol = buf.u16(ppp);
        if (d.tree()) {
            d.open(PppFields.PROTOCOL.field, ppp, 2);
            d.add(PppFields.PROTOCOL_FIELD, ppp, 2, protocol);
            d.close();
        }
        Dissector ip = protocol == PPP_IPV4 ? etherTypes.get(0x0800) : protocol == PPP_IPV6 ? etherTypes.get(0x86dd) : null;
        if (ip == null || d.call(ip, ppp + 2, end) == REJECT) {
            d.call(data, ppp + 2, end);
        }
        return Math.min(buf.end() - offset, HEADER + length);
    }
}
