package io.jcap.proto.ipv4;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.FragmentTable;
import io.jcap.field.Formats;
import io.jcap.proto.data.DataDissector;
import io.netty.buffer.ByteBuf;

/**
 * IPv4: header checks with tshark's messages, the "ip.proto" hand-off, and fragment
 * reassembly (on by default in tshark): fragments show as "Fragmented IP protocol
 * (...)" until the one that completes the datagram, which carries its payload.
 */
public final class Ipv4Dissector implements Dissector {
    private static final int MF = 0x2000;
    private static final int OFFSET_MASK = 0x1FFF;

    private final DissectorTable protocols;
    private final DissectorTable etherTypes;
    private final DataDissector data;
    private final FragmentTable<FragmentKey> fragments = new FragmentTable<>(4096);

    private record FragmentKey(int src, int dst, int id, int proto) {
    }

    public Ipv4Dissector(EngineBuilder b, DataDissector data) {
        this.protocols = b.table("ip.proto", "IP protocol", 256);
        this.data = data;
        b.protocol(Ipv4Fields.PROTOCOL);
        this.etherTypes = b.table("ethertype", "Ethertype", 1 << 16);
        etherTypes.add(0x0800, this, "ip");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(Ipv4Fields.PROTOCOL);
        d.setProtocol("IPv4");
        d.info.clear();
        int b0 = buf.u8(offset);
        int version = b0 >> 4;
        int hlen = (b0 & 0x0F) * 4;
        boolean tree = d.tree();
        if (tree) {
            d.open(Ipv4Fields.PROTOCOL.field, offset, Math.max(hlen, 1));
            d.add(Ipv4Fields.VERSION, offset, 1, version);
        }
        if (version != 4) {
            d.info.set(bogus("Bogus IPv4 version (", version, ", must be 4)"));
            d.close();
            Dissector v6 = version == 6 ? etherTypes.get(0x86dd) : null;
            if (v6 != null) {
                // tshark lets IPv6 have a go at it
                d.call(v6, offset, buf.end());
            }
            return buf.end() - offset;
        }
        if (hlen < 20) {
            d.info.set(bogus("Bogus IP header length (", hlen, ", must be at least 20)"));
            d.close();
            return buf.end() - offset;
        }
        int tos = buf.u8(offset + 1);
        int totalLength = buf.u16(offset + 2);
        if (totalLength == 0) {
            // TCP segmentation offload: the length was never filled in
            totalLength = buf.reportedRemaining(offset);
        } else if (totalLength < hlen) {
            d.info.set("Bogus IP length (" + totalLength + ", less than header length " + hlen + ")");
            d.close();
            return buf.end() - offset;
        }
        int id = buf.u16(offset + 4);
        int fragField = buf.u16(offset + 6);
        int ttl = buf.u8(offset + 8);
        int proto = buf.u8(offset + 9);
        int checksum = buf.u16(offset + 10);
        int src = buf.i32(offset + 12);
        if (d.columnsWritable()) {
            d.src.set(Address.Type.IPV4, buf, offset + 12, 4);
        }
        d.netSrc.set(Address.Type.IPV4, buf, offset + 12, 4);
        int dst = buf.i32(offset + 16);
        if (d.columnsWritable()) {
            d.dst.set(Address.Type.IPV4, buf, offset + 16, 4);
        }
        d.netDst.set(Address.Type.IPV4, buf, offset + 16, 4);
        int routedTo = hlen > 20 ? Ipv4Options.sourceRouteDestination(buf, offset + 20, offset + hlen) : -1;
        if (routedTo >= 0 && d.columnsWritable()) {
            // a source route's final hop is where the datagram is going
            d.dst.set(Address.Type.IPV4, buf, routedTo, 4);
        }
        // the addresses show even when the options that follow were not captured
        buf.check(offset, hlen);
        if (tree) {
            d.add(Ipv4Fields.HDR_LEN, offset, 1, hlen);
            int ds = d.add(Ipv4Fields.DSFIELD, offset + 1, 1, tos);
            d.openRow(ds);
            d.add(Ipv4Fields.DSFIELD_DSCP, offset + 1, 1, tos >> 2);
            d.add(Ipv4Fields.DSFIELD_ECN, offset + 1, 1, tos & 3);
            d.close();
            d.add(Ipv4Fields.LEN, offset + 2, 2, totalLength);
            d.add(Ipv4Fields.ID, offset + 4, 2, id);
            d.openRow(d.add(Ipv4Fields.FLAGS, offset + 6, 1, fragField >> 13));
            d.add(Ipv4Fields.FLAGS_RB, offset + 6, 1, fragField >> 8);
            d.add(Ipv4Fields.FLAGS_DF, offset + 6, 1, fragField >> 8);
            d.add(Ipv4Fields.FLAGS_MF, offset + 6, 1, fragField >> 8);
            d.close();
            d.add(Ipv4Fields.FRAG_OFFSET, offset + 6, 2, fragField & OFFSET_MASK);
            d.add(Ipv4Fields.TTL, offset + 8, 1, ttl);
            d.add(Ipv4Fields.PROTO, offset + 9, 1, proto);
            d.add(Ipv4Fields.CHECKSUM, offset + 10, 2, checksum);
            d.add(Ipv4Fields.SRC, offset + 12, 4, src);
            d.flag(d.add(Ipv4Fields.ADDR, offset + 12, 4, src), Dissection.HIDDEN);
            d.add(Ipv4Fields.DST, offset + 16, 4, dst);
            d.flag(d.add(Ipv4Fields.ADDR, offset + 16, 4, dst), Dissection.HIDDEN);
            if (hlen > 20) {
                Ipv4Options.fields(buf, offset + 20, offset + hlen, d);
            }
            d.close();
        }
        int end = Math.min(buf.end(), offset + totalLength);
        d.ipTtl = ttl;
        d.ipProto = proto;
        int payload = offset + hlen;
        int payloadLength = totalLength - hlen;
        boolean more = (fragField & MF) != 0;
        int fragOffset = (fragField & OFFSET_MASK) * 8;
        if (more || fragOffset != 0) {
            // a datagram quoted in an ICMP error is never put back together
            if (!d.inErrorPacket && buf.capturedRemaining(payload) >= payloadLength
                    && offset + totalLength <= buf.end()) {
                ByteBuf whole = fragments.add(new FragmentKey(src, dst, id, proto), buf, payload, payloadLength,
                        fragOffset, !more);
                if (whole == null) {
                    fragmentInfo(d, proto, fragOffset, id);
                    d.call(data, payload, end);
                    return totalLength;
                }
                PacketBuffer.Saved saved = buf.switchTo(whole, whole.readableBytes());
                try {
                    next(proto, buf, 0, whole.readableBytes(), d);
                } finally {
                    buf.switchBack(saved);
                }
                return totalLength;
            }
            if (fragOffset != 0) {
                fragmentInfo(d, proto, fragOffset, id);
                d.call(data, payload, end);
                return totalLength;
            }
            // a first fragment that cannot be reassembled: its payload is dissected as far as it goes
            d.fragmented = true;
        }
        next(proto, buf, payload, end, d);
        return totalLength;
    }

    private void next(int proto, PacketBuffer buf, int payload, int end, Dissection d) {
        if (buf.reportedRemaining(payload) == 0 || payload >= end) {
            return;
        }
        Dissector sub = protocols.get(proto);
        if (sub != null && d.call(sub, payload, end) != REJECT) {
            return;
        }
        d.info.set(protocolName(proto)).append(" (").append(proto).append(')');
        d.call(data, payload, end);
    }

    private static String protocolName(int proto) {
        return Ipv4Fields.PROTO.values.name(proto, "Unknown");
    }

    private static void fragmentInfo(Dissection d, int proto, int fragOffset, int id) {
        StringBuilder sb = d.info.clear().builder();
        sb.append("Fragmented IP protocol (proto=").append(protocolName(proto)).append(' ').append(proto)
                .append(", off=").append(fragOffset).append(", ID=");
        Formats.hex(sb, id, 4).append(')');
    }

    private static String bogus(String head, int value, String tail) {
        return head + value + tail;
    }
}
