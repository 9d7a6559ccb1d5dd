package io.jcap.proto.ipv6;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Expert;
import io.jcap.proto.ipv4.IpTree;

import java.util.Arrays;

import static io.jcap.dissect.Expert.Group.DEPRECATED;
import static io.jcap.dissect.Expert.Group.MALFORMED;
import static io.jcap.dissect.Expert.Group.PROTOCOL;
import static io.jcap.dissect.Expert.Group.UNDECODED;
import static io.jcap.dissect.Expert.Severity.ERROR;
import static io.jcap.dissect.Expert.Severity.NOTE;
import static io.jcap.dissect.Expert.Severity.WARNING;
import static io.jcap.proto.ipv6.Ipv6ExtensionHeaders.*;

/**
 * The type-specific part of routing headers: type 0 (RFC 2460, deprecated), type 2
 * (Mobile IPv6, RFC 6275), type 3 (RPL, RFC 6554), type 4 (segment routing, RFC 8754).
 * A route with segments left names the final destination, which the columns show.
 */
final class Ipv6Routing {
    private Ipv6Routing() {
    }

    static void type(PacketBuffer buf, int off, int len, int type, int hdrLen, int left, int lenRow, int typeRow,
                     int leftRow, int item, Ipv6Dissector.Walk w, Dissection d) {
        switch (type) {
            case 0 -> sourceRoute(buf, off, hdrLen, left, lenRow, typeRow, leftRow, w, d);
            case 2 -> mobile(buf, off, hdrLen, left, lenRow, leftRow, w, d);
            case 3 -> rpl(buf, off, hdrLen, left, leftRow, item, w, d);
            case 4 -> segmentRouting(buf, off, left, leftRow, item, w, d);
            default -> {
                int row = Ipv6Options.bytes(d, buf, ROUTING_UNKNOWN_DATA, off, len);
                IpTree.expert(d, row, ROUTING_UNDECODED, NOTE, UNDECODED, "Undecoded IPv6 routing header field", off,
                        len);
            }
        }
    }

    private static void destination(PacketBuffer buf, int off, Ipv6Dissector.Walk w, Dissection d) {
        if (d.columnsWritable()) {
            d.dst.set(Address.Type.IPV6, buf, off, 16);
        }
        d.netDst.set(Address.Type.IPV6, buf, off, 16);
        buf.bytes(off, w.dst, 0, 16);
    }

    private static void destination(byte[] a, Ipv6Dissector.Walk w, Dissection d) {
        if (d.columnsWritable()) {
            d.dst.type = Address.Type.IPV6;
            d.dst.length = 16;
            System.arraycopy(a, 0, d.dst.bytes, 0, 16);
        }
        d.netDst.type = Address.Type.IPV6;
        d.netDst.length = 16;
        System.arraycopy(a, 0, d.netDst.bytes, 0, 16);
        System.arraycopy(a, 0, w.dst, 0, 16);
    }

    private static int vector(Dissection d, io.jcap.field.FieldDef f, int off, byte[] a, int idx) {
        int row = d.addObject(f, off, 16, a);
        if (row >= 0) {
            d.setText(row, "Address[" + idx + "]: " + IpTree.ipv6(a));
        }
        return row;
    }

    private static boolean multicast(byte[] a) {
        return (a[0] & 0xFF) == 0xFF;
    }

    private static void sourceRoute(PacketBuffer buf, int off, int hdrLen, int left, int lenRow, int typeRow,
                                    int leftRow, Ipv6Dissector.Walk w, Dissection d) {
        Ipv6Options.bytes(d, buf, ROUTING_SRC_RESERVED, off, 4);
        off += 4;
        if (hdrLen % 2 != 0) {
            IpTree.expert(d, lenRow, ROUTING_INVALID_LENGTH, ERROR, MALFORMED,
                    "IPv6 Routing Header extension header length must not be odd", off - 3, 1);
        }
        int count = hdrLen / 2;
        if (left > count) {
            IpTree.expert(d, leftRow, ROUTING_INVALID_SEGLEFT, WARNING, PROTOCOL,
                    "IPv6 Type 0 Routing Header segments left field must not exceed address count (" + count + ")",
                    off - 1, 1);
        }
        int last = -1;
        for (int i = 1; i <= count; i++) {
            byte[] a = Ipv6Dissector.address(buf, off);
            int row = vector(d, ROUTING_SRC_ADDR, off, a, i);
            if (multicast(a)) {
                IpTree.expert(d, row, SRC_ROUTE_LIST_MULTICAST_ADDR, WARNING, PROTOCOL,
                        "Multicast addresses must not appear in the source route list", off, 16);
            }
            last = off;
            off += 16;
        }
        if (last >= 0 && left > 0) {
            destination(buf, last, w, d);
        }
        IpTree.expert(d, typeRow, ROUTING_DEPRECATED, NOTE, DEPRECATED, "Routing header type is deprecated", off, 1);
    }

    private static void mobile(PacketBuffer buf, int off, int hdrLen, int left, int lenRow, int leftRow,
                               Ipv6Dissector.Walk w, Dissection d) {
        Ipv6Options.bytes(d, buf, ROUTING_MIPV6_RESERVED, off, 4);
        off += 4;
        if (hdrLen != 2) {
            IpTree.expert(d, lenRow, ROUTING_INVALID_LENGTH, ERROR, MALFORMED,
                    "IPv6 Type 2 Routing Header extension header length must equal 2", off - 7, 1);
        }
        if (left != 1) {
            IpTree.expert(d, leftRow, ROUTING_INVALID_SEGLEFT, WARNING, PROTOCOL,
                    "IPv6 Type 2 Routing Header segments left field must equal 1", off - 5, 1);
        }
        byte[] a = Ipv6Dissector.address(buf, off);
        int row = vector(d, ROUTING_MIPV6_HOME_ADDRESS, off, a, 1);
        if (multicast(a)) {
            IpTree.expert(d, row, SRC_ROUTE_LIST_MULTICAST_ADDR, WARNING, PROTOCOL,
                    "Multicast addresses must not appear in the source route list", off, 16);
        }
        if (left > 0) {
            destination(buf, off, w, d);
        }
    }

    private static void rpl(PacketBuffer buf, int off, int hdrLen, int left, int leftRow, int item,
                            Ipv6Dissector.Walk w, Dissection d) {
        if (multicast(w.dst)) {
            Expert.add(d, DST_ADDR_NOT_MULTICAST, WARNING, PROTOCOL,
                    "Destination address must not be a multicast address", off - 4, 4);
        }
        long word = buf.u32(off);
        d.addBits(ROUTING_RPL_CMPRI, off, 4, word);
        d.addBits(ROUTING_RPL_CMPRE, off, 4, word);
        int padRow = d.addBits(ROUTING_RPL_PAD, off, 4, word);
        int cmprI = (int) (word >>> 28) & 0xF;
        int cmprE = (int) (word >>> 24) & 0xF;
        int pad = (int) (word >>> 20) & 0xF;
        if (cmprI == 0 && cmprE == 0 && pad != 0) {
            IpTree.expert(d, padRow, ROUTING_RPL_CMPRI_CMPRE_PAD, WARNING, PROTOCOL,
                    "When cmprI equals 0 and cmprE equals 0, pad MUST equal 0 but instead was " + pad, off, 4);
        }
        int reservedRow = d.addBits(ROUTING_RPL_RESERVED, off, 4, word);
        int reserved = (int) (word & 0xFFFFF);
        if (reserved != 0) {
            IpTree.expert(d, reservedRow, ROUTING_RPL_RESERVED_NOT0, NOTE, PROTOCOL,
                    "Reserved field must equal 0 but instead was " + reserved, off, 4);
        }
        int count = 0;
        if (hdrLen > 0) {
            count = ((hdrLen * 8) - pad - (16 - cmprE)) / (16 - cmprI) + 1;
        }
        int countRow = d.add(ROUTING_RPL_ADDR_COUNT, off, 2, count);
        d.flag(countRow, Dissection.GENERATED);
        if (count < 0) {
            IpTree.expert(d, countRow, ROUTING_RPL_ADDR_COUNT_GE0, ERROR, MALFORMED,
                    "Calculated total address count must be greater than or equal to 0, instead was " + count, off, 2);
        } else if (left > count) {
            IpTree.expert(d, leftRow, ROUTING_INVALID_SEGLEFT, WARNING, PROTOCOL,
                    "IPv6 RPL Routing Header segments left field must not exceed address count (" + count + ")",
                    off - 1, 1);
        }
        if (count <= 0) {
            return;
        }
        off += 4;
        byte[] base = w.dst.clone();
        for (int i = 1; i <= count; i++) {
            int n = i == count ? 16 - cmprE : 16 - cmprI;
            Ipv6Options.bytes(d, buf, ROUTING_RPL_ADDRESS, off, n);
            byte[] full = base.clone();
            buf.bytes(off, full, 16 - n, n);
            int row = d.addObject(ROUTING_RPL_FULL_ADDRESS, off, n, full);
            if (row >= 0) {
                d.setText(row, "Address[" + i + "]: " + IpTree.ipv6(full));
            }
            d.flag(row, Dissection.GENERATED);
            off += n;
            if (Arrays.equals(full, w.src)) {
                IpTree.expert(d, row, SRC_ROUTE_LIST_SRC_ADDR, WARNING, PROTOCOL,
                        "Source address must not appear in the source route list", off - n, n);
            }
            if (Arrays.equals(full, base)) {
                IpTree.expert(d, row, SRC_ROUTE_LIST_DST_ADDR, WARNING, PROTOCOL,
                        "Destination address must not appear in the source route list", off - n, n);
            }
            if (multicast(full)) {
                IpTree.expert(d, row, SRC_ROUTE_LIST_MULTICAST_ADDR, WARNING, PROTOCOL,
                        "Multicast addresses must not appear in the source route list", off - n, n);
            }
            if (left > 0) {
                destination(full, w, d);
            }
        }
    }

    private static void segmentRouting(PacketBuffer buf, int off, int left, int leftRow, int item,
                                       Ipv6Dissector.Walk w, Dissection d) {
        int lastEntry = buf.u8(off);
        int row = d.add(ROUTING_SRH_LAST_ENTRY, off, 1, lastEntry);
        if (lastEntry == 255) {
            d.setText(row, "Last Entry: 255 [no SID list]");
        }
        d.add(ROUTING_SRH_FLAGS, off + 1, 1, buf.u8(off + 1));
        Ipv6Options.bytes(d, buf, ROUTING_SRH_TAG, off + 2, 2);
        off += 4;
        if (lastEntry == 255) {
            Expert.add(d, ROUTING_UNDECODED, NOTE, UNDECODED, "Routing Header without SID list", off, 0);
            return;
        }
        int count = lastEntry + 1;
        if (left > count) {
            IpTree.expert(d, leftRow, ROUTING_INVALID_SEGLEFT, WARNING, PROTOCOL,
                    "IPv6 Type 4 Routing Header segments left field must not exceed address count (" + count + ")",
                    off - 5, 1);
        }
        if (left > 0) {
            destination(buf, off, w, d);
        }
        for (int i = 0; i < count; i++) {
            vector(d, ROUTING_SRH_ADDR, off + i * 16, Ipv6Dissector.address(buf, off + i * 16), i);
        }
    }
}
