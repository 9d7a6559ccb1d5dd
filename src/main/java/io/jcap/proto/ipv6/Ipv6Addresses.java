package io.jcap.proto.ipv6;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;

/**
 * What tshark reads out of special IPv6 addresses: 6to4 gateways (RFC 3056), Teredo
 * servers and clients (RFC 4380), SLAAC MACs (RFC 4291), ISATAP (RFC 5214) and the
 * well-known IPv4-embedding prefix (RFC 6052). Each is a generated item for the source
 * or destination, with a hidden direction-less copy (visible for embedded IPv4).
 */
final class Ipv6Addresses {
    private static final byte GENERATED = Dissection.GENERATED;
    private static final byte HIDDEN = (byte) (Dissection.GENERATED | Dissection.HIDDEN);

    private Ipv6Addresses() {
    }

    static void details(PacketBuffer buf, int src, int dst, Dissection d) {
        sixToFour(buf, src, Ipv6Fields.SRC_6TO4_GW_IPV4, Ipv6Fields.SRC_6TO4_SLA_ID, d);
        sixToFour(buf, dst, Ipv6Fields.DST_6TO4_GW_IPV4, Ipv6Fields.DST_6TO4_SLA_ID, d);
        teredo(buf, src, Ipv6Fields.SRC_TS_IPV4, Ipv6Fields.SRC_TC_PORT, Ipv6Fields.SRC_TC_IPV4, d);
        teredo(buf, dst, Ipv6Fields.DST_TS_IPV4, Ipv6Fields.DST_TC_PORT, Ipv6Fields.DST_TC_IPV4, d);
        slaac(buf, src, Ipv6Fields.SRC_SLAAC_MAC, d);
        slaac(buf, dst, Ipv6Fields.DST_SLAAC_MAC, d);
        isatap(buf, src, Ipv6Fields.SRC_ISATAP_IPV4, d);
        isatap(buf, dst, Ipv6Fields.DST_ISATAP_IPV4, d);
        embedded(buf, src, Ipv6Fields.SRC_EMBED_IPV4, d);
        embedded(buf, dst, Ipv6Fields.DST_EMBED_IPV4, d);
    }

    private static void sixToFour(PacketBuffer buf, int off, FieldDef gateway, FieldDef sla, Dissection d) {
        if (buf.u16(off) != 0x2002) {
            return;
        }
        int gw = buf.i32(off + 2);
        int id = buf.u16(off + 6);
        d.flag(d.add(gateway, off + 2, 4, gw), GENERATED);
        d.flag(d.add(sla, off + 6, 2, id), GENERATED);
        d.flag(d.add(Ipv6Fields._6TO4_GW_IPV4, off + 2, 4, gw), HIDDEN);
        d.flag(d.add(Ipv6Fields._6TO4_SLA_ID, off + 6, 2, id), HIDDEN);
    }

    private static void teredo(PacketBuffer buf, int off, FieldDef server, FieldDef port, FieldDef client,
                               Dissection d) {
        if (buf.u32(off) != 0x20010000L) {
            return;
        }
        int s = buf.i32(off + 4);
        int p = buf.u16(off + 10) ^ 0xFFFF;
        int c = ~buf.i32(off + 12);
        d.flag(d.add(server, off + 4, 4, s), GENERATED);
        d.flag(d.add(port, off + 10, 2, p), GENERATED);
        d.flag(d.add(client, off + 12, 4, c), GENERATED);
        d.flag(d.add(Ipv6Fields.TS_IPV4, off + 4, 4, s), HIDDEN);
        d.flag(d.add(Ipv6Fields.TC_PORT, off + 10, 2, p), HIDDEN);
        d.flag(d.add(Ipv6Fields.TC_IPV4, off + 12, 4, c), HIDDEN);
    }

    private static void slaac(PacketBuffer buf, int off, FieldDef mac, Dissection d) {
        if ((buf.u8(off + 8) & 0x02) == 0 || buf.u16(off + 11) != 0xFFFE) {
            return;
        }
        long m = ((long) (buf.u8(off + 8) & ~0x02) << 40) | ((long) buf.u8(off + 9) << 32)
                | ((long) buf.u8(off + 10) << 24) | ((long) buf.u8(off + 13) << 16) | ((long) buf.u8(off + 14) << 8)
                | buf.u8(off + 15);
        d.flag(d.add(mac, off + 8, 8, m), GENERATED);
        d.flag(d.add(Ipv6Fields.SLAAC_MAC, off + 8, 8, m), HIDDEN);
    }

    private static void isatap(PacketBuffer buf, int off, FieldDef ipv4, Dissection d) {
        if ((buf.u32(off + 8) & 0xFCFFFFFFL) != 0x00005EFEL) {
            return;
        }
        int a = buf.i32(off + 12);
        d.flag(d.add(ipv4, off + 12, 4, a), GENERATED);
        d.flag(d.add(Ipv6Fields.ISATAP_IPV4, off + 12, 4, a), HIDDEN);
    }

    /** 64:ff9b::/96. */
    private static void embedded(PacketBuffer buf, int off, FieldDef ipv4, Dissection d) {
        if (buf.u32(off) != 0x0064FF9BL || buf.u32(off + 4) != 0 || buf.u32(off + 8) != 0) {
            return;
        }
        int a = buf.i32(off + 12);
        d.flag(d.addBytes(Ipv6Fields.EMBED_IPV4_PREFIX, off, 12), GENERATED);
        d.flag(d.add(ipv4, off + 12, 4, a), GENERATED);
        d.flag(d.add(Ipv6Fields.EMBED_IPV4, off + 12, 4, a), GENERATED);
    }
}
