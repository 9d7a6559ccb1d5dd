package io.jcap.proto.ipv6;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.FragmentTable;
import io.jcap.field.Formats;
import io.jcap.frame.LinkType;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.ipv4.Ipv4Fields;
import io.netty.buffer.ByteBuf;

import static io.jcap.proto.ipv6.Ipv6ExtensionHeaders.*;

/**
 * IPv6 and its extension headers (hop-by-hop, routing, fragment, destination
 * options), with fragment reassembly as tshark does by default; the upper layer is
 * found in the shared "ip.proto" table.
 */
public final class Ipv6Dissector implements Dissector {
    private static final int HEADER = 40;

    private final DissectorTable protocols;
    private final DataDissector data;
    private final FragmentTable<FragmentKey> fragments = new FragmentTable<>(4096);

    private record FragmentKey(long srcHigh, long srcLow, long dstHigh, long dstLow, long ident) {
    }

    public Ipv6Dissector(EngineBuilder b, DataDissector data) {
        this.protocols = b.table("ip.proto", "IP protocol", 256);
        this.data = data;
        b.protocol(Ipv6Fields.PROTOCOL);
        b.protocol(HOP_BY_HOP);
        b.protocol(ROUTING);
        b.protocol(FRAGMENT);
        b.protocol(DESTINATION);
        b.protocol(AUTHENTICATION);
        b.table("ethertype", "Ethertype", 1 << 16).add(0x86dd, this, "ipv6");
        DissectorTable ipProto = b.table("ip.proto", "IP protocol", 256);
        ipProto.add(41, this, "ipv6");
        // the extension headers can follow IPv4 too
        for (int nh : new int[] {HOP_BY_HOP_NH, ROUTING_NH, FRAGMENT_NH, DESTINATION_NH}) {
            ipProto.add(nh, (buf, off, d) -> {
                headers(buf, off, nh, d);
                return buf.end() - off;
            }, "ipv6");
        }
        b.table("wtap_encap", "Link-layer type", 1 << 16).add(LinkType.IPV6, this, "ipv6");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(Ipv6Fields.PROTOCOL);
        d.setProtocol("IPv6");
        d.info.clear();
        int version = buf.u8(offset) >> 4;
        if (version != 6) {
            // the EtherType hand-off then shows the frame as an unknown type
            d.info.set("Bogus IPv6 version (" + version + ", must be 6)");
            return REJECT;
        }
        int reported = buf.reportedRemaining(offset);
        if (reported < HEADER) {
            if (buf.capturedRemaining(offset) >= 24 && d.columnsWritable()) {
                d.src.set(Address.Type.IPV6, buf, offset + 8, 16);
            }
            d.info.set("Invalid IPv6 header (" + reported + " bytes, need exactly 40)");
            throw BoundsException.MALFORMED;
        }
        long first = buf.u32(offset);
        int payloadLength = buf.u16(offset + 4);
        int next = buf.u8(offset + 6);
        int hopLimit = buf.u8(offset + 7);
        buf.check(offset + 8, 32);
        boolean tree = d.tree();
        if (tree) {
            d.open(Ipv6Fields.PROTOCOL.field, offset, HEADER);
            d.add(Ipv6Fields.VERSION, offset, 1, 6);
            // tshark also files the version under ip.version, hidden
            d.flag(d.add(Ipv4Fields.VERSION, offset, 1, 6), Dissection.HIDDEN);
            d.add(Ipv6Fields.TCLASS, offset, 4, (first >>> 20) & 0xFF);
            d.add(Ipv6Fields.FLOW, offset + 1, 3, first & 0xFFFFF);
            d.add(Ipv6Fields.PLEN, offset + 4, 2, payloadLength);
            d.add(Ipv6Fields.NXT, offset + 6, 1, next);
            d.add(Ipv6Fields.HLIM, offset + 7, 1, hopLimit);
            d.addObject(Ipv6Fields.SRC, offset + 8, 16, address(buf, offset + 8));
            d.flag(d.addObject(Ipv6Fields.ADDR, offset + 8, 16, address(buf, offset + 8)), Dissection.HIDDEN);
            d.addObject(Ipv6Fields.DST, offset + 24, 16, address(buf, offset + 24));
            d.flag(d.addObject(Ipv6Fields.ADDR, offset + 24, 16, address(buf, offset + 24)), Dissection.HIDDEN);
            d.close();
        }
        d.setAddresses(Address.Type.IPV6, offset + 8, offset + 24, 16);
        d.netSrc.set(Address.Type.IPV6, buf, offset + 8, 16);
        d.netDst.set(Address.Type.IPV6, buf, offset + 24, 16);
        d.ipv6HopLimit = hopLimit;
        // a payload length of 0 means an empty payload (jumbograms aside), whatever follows
        int end = Math.min(buf.end(), offset + HEADER + payloadLength);
        int used = Math.min(buf.end() - offset, HEADER + payloadLength);
        int saved = buf.narrow(end);
        try {
            headers(buf, offset + HEADER, next, d);
        } finally {
            buf.restore(saved);
        }
        return used;
    }

    private static byte[] address(PacketBuffer buf, int off) {
        byte[] a = new byte[16];
        buf.bytes(off, a, 0, 16);
        return a;
    }

    /** Walks the extension headers from {@code off} (next header {@code next}) to the upper layer. */
    private void headers(PacketBuffer buf, int off, int next, Dissection d) {
        while (true) {
            switch (next) {
                case HOP_BY_HOP_NH, DESTINATION_NH -> {
                    boolean hop = next == HOP_BY_HOP_NH;
                    d.enter(hop ? HOP_BY_HOP : DESTINATION);
                    // visible only when something below fails: the upper layer replaces Info
                    d.info.appendSep(" , ", hop ? "IPv6 hop-by-hop options" : "IPv6 destination options");
                    int nh = buf.u8(off);
                    int len = (buf.u8(off + 1) + 1) * 8;
                    buf.check(off, len);
                    next = nh;
                    off += len;
                }
                case ROUTING_NH -> {
                    d.enter(ROUTING);
                    d.info.appendSep(" , ", "IPv6 routing");
                    int nh = buf.u8(off);
                    int len = (buf.u8(off + 1) + 1) * 8;
                    int type = buf.u8(off + 2);
                    int left = buf.u8(off + 3);
                    buf.check(off, len);
                    routingDestination(buf, off, len, type, left, d);
                    next = nh;
                    off += len;
                }
                case AUTHENTICATION_NH -> {
                    d.enter(AUTHENTICATION);
                    d.setProtocol("AH");
                    int nh = buf.u8(off);
                    int len = (buf.u8(off + 1) + 2) * 4;
                    buf.check(off, len);
                    next = nh;
                    off += len;
                }
                case FRAGMENT_NH -> {
                    fragment(buf, off, d);
                    return;
                }
                case NO_NEXT_NH -> {
                    d.info.set("IPv6 no next header");
                    return;
                }
                default -> {
                    upper(buf, off, next, d);
                    return;
                }
            }
        }
    }

    /**
     * A routing header with segments left names the final destination, which the
     * columns show: the last address of type 0 and 2, the first segment of type 4 (SRH).
     */
    private static void routingDestination(PacketBuffer buf, int off, int len, int type, int left, Dissection d) {
        int last = (type == 0 || type == 2) ? off + len - 16 : type == 4 ? off + 8 : -1;
        if (last >= off + 8 && left > 0 && len >= 24) {
            if (d.columnsWritable()) {
                d.dst.set(Address.Type.IPV6, buf, last, 16);
            }
            d.netDst.set(Address.Type.IPV6, buf, last, 16);
        }
    }

    private void fragment(PacketBuffer buf, int off, Dissection d) {
        d.enter(FRAGMENT);
        int nh = buf.u8(off);
        int field = buf.u16(off + 2);
        long ident = buf.u32(off + 4);
        int fragOffset = field & 0xFFF8;
        boolean more = (field & 1) != 0;
        int payload = off + 8;
        int length = buf.end() - payload;
        if (fragOffset == 0 && !more) {
            // an atomic fragment: nothing to reassemble
            headers(buf, payload, nh, d);
            return;
        }
        if (length >= 0 && buf.capturedRemaining(payload) >= length) {
            FragmentKey key = new FragmentKey(d.netSrc.high64(), d.netSrc.low64(), d.netDst.high64(),
                    d.netDst.low64(), ident);
            ByteBuf whole = fragments.add(key, buf, payload, length, fragOffset, !more);
            if (whole != null) {
                PacketBuffer.Saved saved = buf.switchTo(whole, whole.readableBytes());
                try {
                    headers(buf, 0, nh, d);
                } finally {
                    buf.switchBack(saved);
                }
                return;
            }
        }
        StringBuilder sb = d.info.clear().builder();
        sb.append("IPv6 fragment (off=").append(fragOffset).append(" more=").append(more ? 'y' : 'n')
                .append(" ident=0x");
        Formats.hex(sb, ident, 8).append(" nxt=").append(nh).append(')');
        d.call(data, payload, buf.end());
    }

    private void upper(PacketBuffer buf, int off, int next, Dissection d) {
        d.ipProto = next;
        Dissector sub = protocols.get(next);
        if (sub != null && d.call(sub, off, buf.end()) != REJECT) {
            return;
        }
        d.info.set("Unknown IP Protocol: ").append(Ipv4Fields.PROTO.values.name(next, "Unknown"))
                .append(" (").append(next).append(')');
        d.call(data, off, buf.end());
    }
}
