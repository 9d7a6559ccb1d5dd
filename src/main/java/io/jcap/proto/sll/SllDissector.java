package io.jcap.proto.sll;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;
import io.jcap.frame.LinkType;
import io.jcap.proto.eth.EtherTypeDispatch;

/**
 * Linux cooked captures ({@code -i any}), v1 and v2 (see {@link SllFields}): the
 * packet type in Info ("Unicast to us"), the sender's link address as Source, then
 * the protocol as an EtherType.
 */
public final class SllDissector implements Dissector {
    private static final int LINUX_SLL_P_802_2 = 4;
    /** Protocol values up to here are Linux's own (ETH_P_802_2 ...), not EtherTypes. */
    private static final int MAX_LINUX_PROTOCOL = 1536;

    private final boolean v2;
    private final EtherTypeDispatch etherTypes;
    private final Dissector llc;
    private final Dissector data;

    private SllDissector(boolean v2, EtherTypeDispatch etherTypes, Dissector llc, Dissector data) {
        this.v2 = v2;
        this.etherTypes = etherTypes;
        this.llc = llc;
        this.data = data;
    }

    public static void register(EngineBuilder b, EtherTypeDispatch etherTypes, Dissector llc, Dissector data) {
        b.protocol(SllFields.PROTOCOL);
        b.table("wtap_encap", "Link-layer type", 1 << 16).add(LinkType.LINUX_SLL,
                new SllDissector(false, etherTypes, llc, data), "sll");
        b.table("wtap_encap", "Link-layer type", 1 << 16).add(LinkType.LINUX_SLL2,
                new SllDissector(true, etherTypes, llc, data), "sll");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(SllFields.PROTOCOL);
        d.setProtocol("SLL");
        d.info.clear();
        int pktType;
        int haType;
        int haLen;
        int addr;
        int protocol = 0;
        int header;
        if (v2) {
            protocol = buf.u16(offset);
            haType = buf.u16(offset + 8);
            pktType = buf.u8(offset + 10);
            haLen = buf.u8(offset + 11);
            addr = offset + 12;
            header = 20;
        } else {
            pktType = buf.u16(offset);
            haType = buf.u16(offset + 2);
            haLen = buf.u16(offset + 4);
            addr = offset + 6;
            header = 16;
        }
        // tshark 4.0 names the SLL2 packet type from the 16 bits of type and address length together
        int named = v2 ? (pktType << 8) | haLen : pktType;
        d.info.set(SllFields.PKTTYPE.values.name(named, "Unknown (" + named + ")"));
        int shown = Math.min(haLen, 8);
        if (d.columnsWritable()) {
            // the source shows by address length alone: 4 bytes IPv4, 6 bytes a MAC
            if (haLen == 6) {
                d.src.set(Address.Type.ETHER, buf, addr, 6);
            } else if (haLen == 4) {
                d.src.set(Address.Type.IPV4, buf, addr, 4);
            } else {
                d.src.clear();
            }
            d.dst.clear();
        }
        if (!v2) {
            protocol = buf.u16(offset + 14);
        }
        int row = -1;
        if (d.tree()) {
            row = tree(buf, offset, d, pktType, haType, haLen, addr, protocol, header);
        }
        buf.check(offset, header);
        int payload = offset + header;
        if (protocol > MAX_LINUX_PROTOCOL) {
            etherTypes.dispatch(protocol, buf, payload, d, row);
        } else if (protocol == LINUX_SLL_P_802_2) {
            d.call(llc, payload, buf.end());
        } else {
            d.call(data, payload, buf.end());
        }
        return buf.end() - offset;
    }

    /** tshark's item order: v1 type, hatype, length, address, protocol; v2 protocol first. */
    private int tree(PacketBuffer buf, int offset, Dissection d, int pktType, int haType, int haLen, int addr,
                     int protocol, int header) {
        int row = d.open(SllFields.PROTOCOL.field, offset, header);
        d.setText(row, v2 ? "Linux cooked capture v2" : "Linux cooked capture v1");
        int protoAt = v2 ? offset : offset + 14;
        if (v2) {
            protocolItem(d, protoAt, protocol);
            d.add(SllFields.IFINDEX, offset + 4, 4, buf.u32(offset + 4));
            d.add(SllFields.HATYPE, offset + 8, 2, haType);
            d.add(SllFields.PKTTYPE, offset + 10, 1, pktType);
            d.add(SllFields.HALEN, offset + 11, 1, haLen);
        } else {
            d.add(SllFields.PKTTYPE, offset, 2, pktType);
            d.add(SllFields.HATYPE, offset + 2, 2, haType);
            d.add(SllFields.HALEN, offset + 4, 2, haLen);
        }
        int shown = Math.min(haLen, 8);
        if (shown == 6) {
            d.add(SllFields.SRC_ETH, addr, 6, buf.u48(addr));
        } else if (shown == 4) {
            d.add(SllFields.SRC_IPV4, addr, 4, buf.i32(addr));
        } else if (shown > 0) {
            d.addBytes(SllFields.SRC_OTHER, addr, shown);
        }
        if (shown < 8) {
            d.addBytes(SllFields.UNUSED, addr + shown, 8 - shown);
        }
        if (!v2) {
            protocolItem(d, protoAt, protocol);
        }
        d.close();
        return row;
    }

    private static void protocolItem(Dissection d, int at, int protocol) {
        d.add(protocol <= MAX_LINUX_PROTOCOL ? SllFields.LTYPE : SllFields.ETYPE, at, 2, protocol);
    }
}
