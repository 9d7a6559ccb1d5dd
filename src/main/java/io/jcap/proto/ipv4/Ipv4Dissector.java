package io.jcap.proto.ipv4;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.field.Formats;
import io.jcap.field.Protocol;
import io.jcap.proto.data.DataDissector;

import static io.jcap.dissect.Expert.Group.PROTOCOL;
import static io.jcap.dissect.Expert.Group.SEQUENCE;
import static io.jcap.dissect.Expert.Severity.ERROR;
import static io.jcap.dissect.Expert.Severity.NOTE;

/**
 * IPv4: the header as tshark 4.0 shows it (bit patterns, DS field, flags, checksum not
 * verified, options), its checks with tshark's messages, the "ip.proto" hand-off, and
 * fragment reassembly (on by default in tshark): fragments show as "Fragmented IP
 * protocol (...)" until the one that completes the datagram, which carries the fragment
 * tree and its payload.
 */
public final class Ipv4Dissector implements Dissector {
    private static final int MF = 0x2000;
    private static final int OFFSET_MASK = 0x1FFF;

    /** Names of the fragment tree's items. */
    static final Reassembly.Items FRAGMENT_ITEMS = new Reassembly.Items(Ipv4Fields.FRAGMENTS, Ipv4Fields.FRAGMENT,
            Ipv4Fields.FRAGMENT_OVERLAP, Ipv4Fields.FRAGMENT_OVERLAP_CONFLICT, Ipv4Fields.FRAGMENT_MULTIPLETAILS,
            Ipv4Fields.FRAGMENT_TOOLONGFRAGMENT, Ipv4Fields.FRAGMENT_COUNT, Ipv4Fields.REASSEMBLED_LENGTH,
            Ipv4Fields.REASSEMBLED_DATA);

    private static final String[] DSCP_SHORT = new String[64];
    private static final String[] ECN_SHORT = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};

    static {
        String[] names = {"CS0", "LE", null, null, null, null, null, null, "CS1", null, "AF11", null, "AF12", null,
            "AF13", null, "CS2", null, "AF21", null, "AF22", null, "AF23", null, "CS3", null, "AF31", null, "AF32",
            null, "AF33", null, "CS4", null, "AF41", null, "AF42", null, "AF43", null, "CS5", null, null, null,
            "VOICE-ADMIT", null, "EF PHB", null, "CS6", null, null, null, null, null, null, null, "CS7"};
        System.arraycopy(names, 0, DSCP_SHORT, 0, names.length);
    }

    private final DissectorTable protocols;
    private final DissectorTable etherTypes;
    private final DataDissector data;
    private final Reassembly<FragmentKey> fragments;
    private final io.jcap.dissect.Hindsight hindsight;
    /** jcap's expert item for fragments dropped at the reassembly limits. */
    static final io.jcap.field.FieldDef REASSEMBLY_LIMIT = Ipv4Fields.PROTOCOL.label("ip.reassembly.limit",
            "Reassembly limit reached");

    private record FragmentKey(int src, int dst, int id, int proto) {
        // written out: a record's own equals and hashCode run through method handles, which
        // cost more to link, to compile and to run on every fragment
        @Override
        public boolean equals(Object o) {
            return o instanceof FragmentKey k && k.src == src && k.dst == dst && k.id == id && k.proto == proto;
        }

        @Override
        public int hashCode() {
            return ((src * 31 + dst) * 31 + id) * 31 + proto;
        }
    }

    public Ipv4Dissector(EngineBuilder b, DataDissector data) {
        this.protocols = b.table("ip.proto", "IP protocol", 256);
        this.data = data;
        this.fragments = new Reassembly<>(b.limits());
        this.hindsight = b.hindsight();
        b.protocol(Ipv4Fields.PROTOCOL);
        for (Protocol p : Ipv4Options.ALL) {
            b.protocol(p);
        }
        this.etherTypes = b.table("ethertype", "Ethertype", 1 << 16);
        etherTypes.add(0x0800, this, "ip");
    }

    /** "DSCP: CS0, ECN: Not-ECT": the short names the DS field's item shows (also IPv6's traffic class). */
    public static String dsText(int ds) {
        String dscp = DSCP_SHORT[ds >> 2];
        return "DSCP: " + (dscp != null ? dscp : "Unknown") + ", ECN: " + ECN_SHORT[ds & 3];
    }

    /**
     * What tshark's version-sniffing "ip" dissector shows for a version other than 4 and 6
     * (IP in IP, raw IP links): "Internet Protocol, bogus version (5)" with the version
     * and an expert note, the ip layer, Protocol "IP" and Info "Bogus IP version (5)".
     * Returns the bytes taken (all that is left).
     */
    public static int bogusVersion(PacketBuffer buf, int offset, Dissection d) {
        int b0 = buf.u8(offset);
        int version = b0 >> 4;
        d.enter(Ipv4Fields.PROTOCOL);
        d.setProtocol("IP");
        d.info.clear();
        d.info.set("Bogus IP version (" + version + ")");
        if (d.tree()) {
            int top = d.open(Ipv4Fields.PROTOCOL.field, offset, 1);
            d.setText(top, "Internet Protocol, bogus version (" + version + ")");
            int row = d.add(Ipv4Fields.VERSION, offset, 1, version);
            StringBuilder sb = new StringBuilder(24);
            IpTree.bits(sb, b0, 0xF0, 8).append("Version: ").append(version);
            d.setText(row, sb.toString());
            IpTree.expert(d, row, Ipv4Fields.BOGUS_IP_VERSION, ERROR, PROTOCOL, "Bogus IP version", offset, 1);
            d.close();
        }
        return buf.end() - offset;
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(Ipv4Fields.PROTOCOL);
        d.setProtocol("IPv4");
        d.info.clear();
        int b0 = buf.u8(offset);
        int hlen = (b0 & 0x0F) * 4;
        int top = d.open(Ipv4Fields.PROTOCOL.field, offset, hlen);
        try {
            return dissect(buf, offset, b0, top, d);
        } catch (BoundsException e) {
            IpTree.reopenParent(d, top);
            throw e;
        }
    }

    private int dissect(PacketBuffer buf, int offset, int b0, int top, Dissection d) {
        int version = b0 >> 4;
        int hlen = (b0 & 0x0F) * 4;
        boolean tree = d.tree();
        StringBuilder sb = tree ? new StringBuilder(96) : null;
        int versionRow = d.add(Ipv4Fields.VERSION, offset, 1, version);
        if (d.labelled(versionRow)) {
            IpTree.bits(sb, b0, 0xF0, 8).append("Version: ").append(version);
            d.setText(versionRow, sb.toString());
        }
        if (version != 4) {
            d.info.set("Bogus IPv4 version (" + version + ", must be 4)");
            IpTree.expert(d, versionRow, Ipv4Fields.BOGUS_IP_VERSION, ERROR, PROTOCOL, "Bogus IPv4 version", offset,
                    1);
            d.close();
            Dissector v6 = version == 6 ? etherTypes.get(0x86dd) : null;
            if (v6 != null) {
                // tshark lets IPv6 have a go at it
                d.call(v6, offset, buf.end());
            }
            return buf.end() - offset;
        }
        int hlenRow = d.add(Ipv4Fields.HDR_LEN, offset, 1, hlen);
        if (d.labelled(hlenRow)) {
            sb.setLength(0);
            IpTree.bits(sb, b0, 0x0F, 8).append("Header Length: ").append(hlen).append(" bytes (").append(hlen >> 2)
                    .append(')');
            d.setText(hlenRow, sb.toString());
        }
        if (hlen < 20) {
            String msg = "Bogus IP header length (" + hlen + ", must be at least 20)";
            d.info.set(msg);
            IpTree.expert(d, hlenRow, Ipv4Fields.BOGUS_HEADER_LENGTH, ERROR, PROTOCOL, msg, offset, 1);
            d.close();
            return buf.end() - offset;
        }
        int tos = buf.u8(offset + 1);
        if (tree) {
            int ds = d.add(Ipv4Fields.DSFIELD, offset + 1, 1, tos);
            if (d.labelled(ds)) {
                sb.setLength(0);
                sb.append("Differentiated Services Field: 0x");
                Formats.hex(sb, tos, 2).append(" (").append(dsText(tos)).append(')');
                d.setText(ds, sb.toString());
            }
            d.openRow(ds);
            d.addBits(Ipv4Fields.DSFIELD_DSCP, offset + 1, 1, tos);
            d.addBits(Ipv4Fields.DSFIELD_ECN, offset + 1, 1, tos);
            d.close();
        }
        int totalLength = buf.u16(offset + 2);
        int reported = buf.reportedRemaining(offset);
        if (totalLength < hlen) {
            if (totalLength == 0) {
                // TCP segmentation offload: the length was never filled in
                totalLength = reported;
                int row = d.add(Ipv4Fields.LEN, offset + 2, 2, totalLength);
                if (tree) {
                    d.setText(row, "Total Length: " + totalLength
                            + " bytes (reported as 0, presumed to be because of \"TCP segmentation offload\" (TSO))");
                    d.flag(row, Dissection.GENERATED);
                }
            } else {
                d.info.set("Bogus IP length (" + totalLength + ", less than header length " + hlen + ")");
                int row = d.add(Ipv4Fields.LEN, offset + 2, 2, totalLength);
                if (tree) {
                    d.setText(row, "Total Length: " + totalLength + " bytes (bogus, less than header length " + hlen
                            + ")");
                    IpTree.expert(d, row, Ipv4Fields.BOGUS_IP_LENGTH, ERROR, PROTOCOL, "Bogus IP length", offset + 2,
                            2);
                }
                d.close();
                return buf.end() - offset;
            }
        } else {
            int row = d.add(Ipv4Fields.LEN, offset + 2, 2, totalLength);
            if (totalLength > reported && !d.inErrorPacket) {
                IpTree.expert(d, row, Ipv4Fields.BOGUS_IP_LENGTH, ERROR, PROTOCOL,
                        "IPv4 total length exceeds packet length (" + reported + " bytes)", offset + 2, 2);
            }
        }
        // the datagram ends where its length says, when the packet has that much
        int end = totalLength <= reported ? offset + totalLength : buf.end();
        int saved = buf.narrow(end);
        try {
            return header(buf, offset, hlen, tos, totalLength, top, sb, d);
        } finally {
            buf.restore(saved);
        }
    }

    private int header(PacketBuffer buf, int offset, int hlen, int tos, int totalLength, int top, StringBuilder sb,
                       Dissection d) {
        boolean tree = d.tree();
        int id = buf.u16(offset + 4);
        d.add(Ipv4Fields.ID, offset + 4, 2, id);
        int fragField = buf.u16(offset + 6);
        if (tree) {
            int flags = d.addBits(Ipv4Fields.FLAGS, offset + 6, 1, fragField >> 8);
            if ((fragField & 0xE000) != 0 && d.labelled(flags)) {
                sb.setLength(0);
                IpTree.bits(sb, fragField >> 8, 0xE0, 8).append("Flags: 0x").append((fragField >> 13) & 7);
                if ((fragField & 0x8000) != 0) {
                    sb.append(", Reserved bit");
                }
                if ((fragField & 0x4000) != 0) {
                    sb.append(", Don't fragment");
                }
                if ((fragField & 0x2000) != 0) {
                    sb.append(", More fragments");
                }
                d.setText(flags, sb.toString());
            }
            d.openRow(flags);
            d.add(Ipv4Fields.FLAGS_RB, offset + 6, 1, fragField >> 8);
            d.add(Ipv4Fields.FLAGS_DF, offset + 6, 1, fragField >> 8);
            d.add(Ipv4Fields.FLAGS_MF, offset + 6, 1, fragField >> 8);
            d.close();
            int frag = d.add(Ipv4Fields.FRAG_OFFSET, offset + 6, 2, fragField & OFFSET_MASK);
            if (d.labelled(frag)) {
                sb.setLength(0);
                IpTree.bits(sb, fragField, OFFSET_MASK, 16).append("Fragment Offset: ")
                        .append((fragField & OFFSET_MASK) * 8);
                d.setText(frag, sb.toString());
            }
        }
        int ttl = buf.u8(offset + 8);
        int ttlRow = d.add(Ipv4Fields.TTL, offset + 8, 1, ttl);
        int proto = buf.u8(offset + 9);
        d.add(Ipv4Fields.PROTO, offset + 9, 1, proto);
        int checksum = buf.u16(offset + 10);
        if (tree) {
            int row = d.add(Ipv4Fields.CHECKSUM, offset + 10, 2, checksum);
            if (d.labelled(row)) {
                sb.setLength(0);
                sb.append("Header Checksum: 0x");
                Formats.hex(sb, checksum, 4).append(" [validation disabled]");
                d.setText(row, sb.toString());
            }
            row = d.add(Ipv4Fields.CHECKSUM_STATUS, offset + 10, 0, 2);
            d.setText(row, "Header checksum status: Unverified");
            d.flag(row, Dissection.GENERATED);
        }
        int src = buf.i32(offset + 12);
        d.netSrc.set(Address.Type.IPV4, buf, offset + 12, 4);
        if (d.columnsWritable()) {
            d.src.set(Address.Type.IPV4, buf, offset + 12, 4);
        }
        String srcText = null;
        if (tree) {
            srcText = IpTree.ipv4(src);
            sb.setLength(0);
            if (d.labelled(top)) {
                sb.append(Ipv4Fields.PROTOCOL.name).append(", Src: ").append(srcText);
                // the top line grows as the addresses are read: a cut header shows the source only
                d.setText(top, sb.toString());
            }
            d.add(Ipv4Fields.SRC, offset + 12, 4, src);
            d.flag(d.add(Ipv4Fields.ADDR, offset + 12, 4, src), Dissection.HIDDEN);
            hiddenHost(d, Ipv4Fields.SRC_HOST, offset + 12, srcText);
            hiddenHost(d, Ipv4Fields.HOST, offset + 12, srcText);
        }
        // a source route still under way names the final destination
        int routedTo = hlen > 20 ? Ipv4Options.sourceRouteDestination(buf, offset + 20, offset + hlen) : -1;
        int dstOff = routedTo >= 0 ? routedTo : offset + 16;
        int dst = buf.i32(dstOff);
        d.netDst.set(Address.Type.IPV4, buf, dstOff, 4);
        if (d.columnsWritable()) {
            d.dst.set(Address.Type.IPV4, buf, dstOff, 4);
        }
        ttlCheck(d, ttlRow, ttl, dst, proto, offset);
        if (tree) {
            String dstText = IpTree.ipv4(dst);
            sb.append(", Dst: ").append(dstText);
            if (routedTo >= 0) {
                int current = buf.i32(offset + 16);
                String currentText = IpTree.ipv4(current);
                sb.append(", Via: ").append(currentText);
                d.add(Ipv4Fields.CUR_RT, offset + 16, 4, current);
                hiddenHost(d, Ipv4Fields.CUR_RT_HOST, offset + 16, currentText);
            } else {
                d.add(Ipv4Fields.DST, offset + 16, 4, dst);
                d.flag(d.add(Ipv4Fields.ADDR, offset + 16, 4, dst), Dissection.HIDDEN);
                hiddenHost(d, Ipv4Fields.DST_HOST, offset + 16, dstText);
                hiddenHost(d, Ipv4Fields.HOST, offset + 16, dstText);
            }
            if (d.labelled(top)) {
                d.setText(top, sb.toString());
            }
        }
        if (hlen > 20) {
            // the "Options" item covers the options: when they were not all captured, it fails
            buf.check(offset + 20, hlen - 20);
            int options = -1;
            if (tree) {
                options = d.addText(IpTree.TEXT, offset + 20, hlen - 20, "Options: (" + (hlen - 20) + " bytes)");
                d.openRow(options);
            }
            Ipv4Options.tree(buf, offset, offset + 20, offset + hlen, ttl, d, options);
            if (tree) {
                d.close();
            }
        }
        d.ipTtl = ttl;
        d.ipProto = proto;
        return payload(buf, offset, hlen, totalLength, id, fragField, proto, src, dst, d);
    }

    private static void hiddenHost(Dissection d, io.jcap.field.FieldDef f, int off, String host) {
        d.flag(d.addObject(f, off, 4, host), (byte) (Dissection.GENERATED | Dissection.HIDDEN));
    }

    /**
     * tshark's TTL notes: a packet for the Local Network Control Block (224.0.0.0/24) should
     * have TTL 1 (255 for VRRP, GLBP, mDNS; any for LLMNR), a unicast one more than 4.
     */
    private static void ttlCheck(Dissection d, int ttlRow, int ttl, int dst, int proto, int offset) {
        if (!d.tree()) {
            return;
        }
        if ((dst & 0xFFFFFF00) == 0xE0000000) {
            int valid;
            if (proto == 2) {
                valid = 1;
            } else if (dst == 0xE0000012 || dst == 0xE0000066 || dst == 0xE00000FB) {
                valid = 255;
            } else if (dst == 0xE00000FC) {
                valid = 0x1000;
            } else {
                valid = 1;
            }
            if (ttl != valid && valid != 0x1000) {
                IpTree.expert(d, ttlRow, Ipv4Fields.TTL_LNCB, NOTE, SEQUENCE, "\"Time To Live\" != " + valid
                        + " for a packet sent to the Local Network Control Block (see RFC 3171)", offset + 8, 1);
            }
        } else if (ttl < 5 && (dst & 0xF0000000) != 0xE0000000 && proto != 103 && proto != 89) {
            IpTree.expert(d, ttlRow, Ipv4Fields.TTL_TOO_SMALL, NOTE, SEQUENCE, "\"Time To Live\" only " + ttl,
                    offset + 8, 1);
        }
    }

    /** Reassembly and the hand-off; the IP item is still open and closed here. */
    private int payload(PacketBuffer buf, int offset, int hlen, int totalLength, int id, int fragField, int proto,
                        int src, int dst, Dissection d) {
        int payload = offset + hlen;
        int payloadLength = totalLength - hlen;
        boolean more = (fragField & MF) != 0;
        int fragOffset = (fragField & OFFSET_MASK) * 8;
        boolean savedFragmented = d.fragmented;
        // (an exception leaves pinfo->fragmented as it is, as in tshark)
        if (more || fragOffset != 0) {
            // a datagram quoted in an ICMP error is never put back together
            if (!d.inErrorPacket && payloadLength > 0 && buf.capturedRemaining(payload) >= payloadLength
                    && offset + totalLength <= buf.end()) {
                Reassembly.Datagram whole = fragments.add(new FragmentKey(src, dst, id, proto), buf, payload,
                        payloadLength, fragOffset, more, d.frame.number);
                fragments.noteEvictions(d, REASSEMBLY_LIMIT, offset);
                if (whole == null) {
                    long in = Reassembly.reassembledIn(hindsight, d, Ipv4Fields.REASSEMBLED_IN, d.frame.number);
                    d.close();
                    fragmentInfo(d, proto, fragOffset, id);
                    if (in > 0) {
                        d.info.builder().append(" [Reassembled in #").append(in).append(']');
                    }
                    d.call(data, payload, buf.end());
                    d.fragmented = savedFragmented;
                    return totalLength;
                }
                Reassembly.noteReassembled(hindsight, whole, d.frame.number);
                d.fragmented = false;
                boolean columns = !Reassembly.illegal(whole);
                if (!columns) {
                    d.info.set("[Illegal fragments]");
                }
                d.dataSource("Reassembled IPv4", whole.whole, whole.length);
                PacketBuffer.Saved saved = buf.switchTo(whole.whole, whole.length);
                try {
                    // the fragment items count in the reassembled bytes, as tshark's do
                    Reassembly.tree(d, whole, FRAGMENT_ITEMS);
                    d.close();
                    next(proto, buf, 0, whole.length, columns, d);
                } finally {
                    buf.switchBack(saved);
                }
                d.fragmented = savedFragmented;
                return totalLength;
            }
            if (fragOffset != 0) {
                d.close();
                fragmentInfo(d, proto, fragOffset, id);
                d.call(data, payload, buf.end());
                d.fragmented = savedFragmented;
                return totalLength;
            }
            // a first fragment that cannot be reassembled: its payload is dissected as far as it goes
            d.fragmented = true;
        } else {
            d.fragmented = false;
        }
        d.close();
        next(proto, buf, payload, buf.end(), true, d);
        d.fragmented = savedFragmented;
        return totalLength;
    }

    private void next(int proto, PacketBuffer buf, int payload, int end, boolean columns, Dissection d) {
        if (buf.reportedRemaining(payload) == 0 || payload >= end) {
            return;
        }
        Dissector sub = protocols.get(proto);
        if (sub != null && d.call(sub, payload, end) != REJECT) {
            return;
        }
        if (columns) {
            d.info.set(protocolName(proto)).append(" (").append(proto).append(')');
        }
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
}
