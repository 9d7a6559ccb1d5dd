package io.jcap.proto.loop;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.frame.LinkType;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.eth.EtherTypeDispatch;
import io.jcap.proto.rawip.RawIpDissector;

/**
 * BSD loopback: a 4-byte address family before the IP packet. DLT_NULL stores it in
 * the byte order of the capturing host (guessed: a value with bits in the upper half
 * is byte-swapped); DLT_LOOP always in network order. Until IP takes over, the
 * columns say "N/A" and Info "Null/Loopback", as tshark's do.
 */
public final class NullDissector implements Dissector {
    private static final int AF_INET = 2;
    private static final int MAX_802_3_LENGTH = 1500;

    private final boolean networkOrder;
    private final DissectorTable etherTypes;
    private final EtherTypeDispatch dispatch;
    private final Dissector ip;
    private final DataDissector data;

    private NullDissector(boolean networkOrder, EtherTypeDispatch dispatch, Dissector ip, DataDissector data) {
        this.networkOrder = networkOrder;
        this.etherTypes = dispatch.table();
        this.dispatch = dispatch;
        this.ip = ip;
        this.data = data;
    }

    public static void register(EngineBuilder b, EtherTypeDispatch dispatch, DataDissector data) {
        b.protocol(NullFields.PROTOCOL);
        Dissector ip = RawIpDissector.genericIp(b);
        DissectorTable links = b.table("wtap_encap", "Link-layer type", 1 << 16);
        links.add(LinkType.NULL, new NullDissector(false, dispatch, ip, data), "null");
        links.add(LinkType.LOOP, new NullDissector(true, dispatch, ip, data), "null");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(NullFields.PROTOCOL);
        d.setProtocol("N/A");
        d.info.set("Null/Loopback");
        d.setAddressText("N/A");
        long family;
        if (networkOrder) {
            family = buf.u32(offset);
        } else {
            family = buf.u32le(offset);
            if ((family & 0xFFFF0000L) != 0) {
                family = Long.reverseBytes(family) >>> 32;
            }
        }
        int row = -1;
        if (d.tree()) {
            row = d.open(NullFields.PROTOCOL.field, offset, 4);
            d.setText(row, "Null/Loopback");
        }
        int payload = offset + 4;
        if (!networkOrder && family > MAX_802_3_LENGTH) {
            // some systems put an EtherType there; like tshark, only its low 16 bits count
            int etherType = (int) (family & 0xFFFF);
            if (d.tree()) {
                d.add(NullFields.TYPE, offset, 4, etherType);
                d.close();
            }
            dispatch.dispatch(etherType, buf, payload, d, row);
            return buf.end() - offset;
        }
        if (d.tree()) {
            d.add(NullFields.FAMILY, offset, 4, family);
            d.close();
        }
        Dissector next = family == AF_INET ? ip : isInet6(family) ? etherTypes.get(0x86dd) : null;
        if (next == null || d.call(next, payload, buf.end()) == REJECT) {
            d.call(data, payload, buf.end());
        }
        return buf.end() - offset;
    }

    /** AF_INET6 differs between BSDs: 24 NetBSD/OpenBSD, 28 FreeBSD, 30 macOS. */
    private static boolean isInet6(long family) {
        return family == 24 || family == 28 || family == 30;
    }
}
