package io.jcap.proto.ipv6;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.Expert;
import io.jcap.field.Formats;
import io.jcap.field.Protocol;
import io.jcap.frame.LinkType;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.ipv4.IpTree;
import io.jcap.proto.ipv4.Ipv4Dissector;
import io.jcap.proto.ipv4.Ipv4Fields;
import io.jcap.proto.ipv4.Reassembly;

import static io.jcap.dissect.Expert.Group.DEPRECATED;
import static io.jcap.dissect.Expert.Group.MALFORMED;
import static io.jcap.dissect.Expert.Group.PROTOCOL;
import static io.jcap.dissect.Expert.Group.UNDECODED;
import static io.jcap.dissect.Expert.Severity.CHAT;
import static io.jcap.dissect.Expert.Severity.ERROR;
import static io.jcap.dissect.Expert.Severity.NOTE;
import static io.jcap.dissect.Expert.Severity.WARNING;
import static io.jcap.proto.ipv6.Ipv6ExtensionHeaders.*;

/**
 * IPv6 and its extension headers (hop-by-hop, routing, fragment, destination options,
 * AH) as tshark 4.0 shows them: the extension headers inside the IPv6 item until the
 * upper layer, fragment reassembly as tshark does by default, the upper layer found in
 * the shared "ip.proto" table.
 */
public final class Ipv6Dissector implements Dissector {
    private static final int HEADER = 40;

    static final Reassembly.Items FRAGMENT_ITEMS = new Reassembly.Items(Ipv6Fields.FRAGMENTS, Ipv6Fields.FRAGMENT,
            Ipv6Fields.FRAGMENT_OVERLAP, Ipv6Fields.FRAGMENT_OVERLAP_CONFLICT, Ipv6Fields.FRAGMENT_MULTIPLETAILS,
            Ipv6Fields.FRAGMENT_TOOLONGFRAGMENT, Ipv6Fields.FRAGMENT_COUNT, Ipv6Fields.REASSEMBLED_LENGTH,
            Ipv6Fields.REASSEMBLED_DATA);

    private final DissectorTable protocols;
    private final DataDissector data;
    private final Reassembly<FragmentKey> fragments;
    private final io.jcap.dissect.Hindsight hindsight;
    /** jcap's expert item for fragments dropped at the reassembly limits. */
    static final io.jcap.field.FieldDef REASSEMBLY_LIMIT = Ipv6Fields.PROTOCOL.label("ipv6.reassembly.limit",
            "Reassembly limit reached");

    private record FragmentKey(long srcHigh, long srcLow, long dstHigh, long dstLow, long ident) {
        // written out: a record's own equals and hashCode run through method handles, which
        // cost more to link, to compile and to run on every fragment
        @Override
        public boolean equals(Object o) {
            return o instanceof FragmentKey k && k.srcLow == srcLow && k.dstLow == dstLow && k.ident == ident
                    && k.srcHigh == srcHigh && k.dstHigh == dstHigh;
        }

        @Override
        public int hashCode() {
            long h = (((srcHigh * 31 + srcLow) * 31 + dstHigh) * 31 + dstLow) * 31 + ident;
            return (int) (h ^ h >>> 32);
        }
    }

    /**
     * What the IPv6 header shares with its extension headers (Wireshark's ipv6_pinfo):
     * the open IPv6 item they go under until the upper layer, the lengths.
     */
    static final class Walk {
        /** The IPv6 item, open while extension headers follow; -1 once the upper layer is reached. */
        int root = -1;
        int plen;
        long jumbo;
        /** The payload length left for the fragmentable part (extension headers subtracted). */
        int fragPlen;
        int hopLimit;
        /** Where the IPv6 item ends in the frame: after the extension headers walked there. */
        int end;
        /** Where the captured bytes of the frame end: the item never runs past them. */
        int capturedEnd;
        /** The walk continues in reassembled bytes: the item's end is no longer moved. */
        boolean reassembled;
        /** The destination as routing headers update it (pinfo->dst), for RPL's elided bytes. */
        final byte[] dst = new byte[16];
        final byte[] src = new byte[16];

        Walk reset() {
            root = -1;
            plen = 0;
            jumbo = 0;
            fragPlen = 0;
            hopLimit = 0;
            end = 0;
            capturedEnd = 0;
            reassembled = false;
            return this;
        }
    }

    /** One walk per nesting level (IPv6 in IPv6, in ICMPv6 errors), reused frame after frame. */
    private Walk[] walks = new Walk[4];
    private int depth;

    public Ipv6Dissector(EngineBuilder b, DataDissector data) {
        this.protocols = b.table("ip.proto", "IP protocol", 256);
        this.data = data;
        this.fragments = new Reassembly<>(b.limits());
        this.hindsight = b.hindsight();
        b.protocol(Ipv6Fields.PROTOCOL);
        b.protocol(HOP_BY_HOP);
        b.protocol(ROUTING);
        b.protocol(FRAGMENT);
        b.protocol(DESTINATION);
        b.protocol(AUTHENTICATION);
        b.table("ethertype", "Ethertype", 1 << 16).add(0x86dd, this, "ipv6");
        DissectorTable ipProto = b.table("ip.proto", "IP protocol", 256);
        ipProto.add(41, this, "ipv6");
        // the extension headers can follow IPv4 too: then they are items of their own
        for (int nh : new int[] {HOP_BY_HOP_NH, ROUTING_NH, FRAGMENT_NH, DESTINATION_NH, AUTHENTICATION_NH}) {
            ipProto.add(nh, (buf, off, d) -> {
                Walk w = new Walk();
                w.plen = buf.reportedRemaining(off);
                w.fragPlen = w.plen;
                w.hopLimit = d.ipTtl;
                if (d.dst.type == Address.Type.IPV6) {
                    System.arraycopy(d.dst.bytes, 0, w.dst, 0, 16);
                }
                headers(buf, off, nh, d, w);
                return buf.end() - off;
            }, nh == AUTHENTICATION_NH ? "ah" : "ipv6");
        }
        b.table("wtap_encap", "Link-layer type", 1 << 16).add(LinkType.IPV6, this, "ipv6");
    }

    static byte[] address(PacketBuffer buf, int off) {
        byte[] a = new byte[16];
        buf.bytes(off, a, 0, 16);
        return a;
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(Ipv6Fields.PROTOCOL);
        d.setProtocol("IPv6");
        d.info.clear();
        // a protocol item runs at most to the end of what was captured
        int top = d.open(Ipv6Fields.PROTOCOL.field, offset, Math.min(HEADER, Math.max(0, buf.capturedRemaining(offset))));
        try {
            return dissect(buf, offset, top, d);
        } catch (BoundsException e) {
            IpTree.reopenParent(d, top);
            throw e;
        }
    }

    private int dissect(PacketBuffer buf, int offset, int top, Dissection d) {
        boolean tree = d.tree();
        int b0 = buf.u8(offset);
        int version = b0 >> 4;
        int versionRow = d.add(Ipv6Fields.VERSION, offset, 1, version);
        if (tree) {
            // tshark also files the version under ip.version, hidden: a field of IPv6's own
            int ipVersion = d.add(Ipv6Fields.IP_VERSION, offset, 1, version);
            d.flag(ipVersion, Dissection.HIDDEN);
            if (d.labelled(versionRow)) {
                StringBuilder sb = new StringBuilder(24);
                IpTree.bits(sb, b0, 0xF0, 8).append("Version: ").append(version);
                d.setText(versionRow, sb.toString());
                d.setText(ipVersion, sb + " [This field makes the filter match on \"ip.version == 6\" possible]");
            }
        }
        if (version != 6) {
            // the EtherType hand-off then shows the frame as an unknown type
            d.info.set("Bogus IPv6 version (" + version + ", must be 6)");
            IpTree.expert(d, versionRow, Ipv6Fields.BOGUS_IPV6_VERSION, ERROR, MALFORMED, "Bogus IPv6 version",
                    offset, 1);
            d.close();
            return REJECT;
        }
        int reported = buf.reportedRemaining(offset);
        if (reported < HEADER) {
            d.info.set("Invalid IPv6 header (" + reported + " bytes, need exactly 40)");
            Expert.add(d, Ipv6Fields.INVALID_HEADER, ERROR, MALFORMED, "IPv6 header must be exactly 40 bytes", offset,
                    HEADER);
        }
        long first = buf.u32(offset);
        int tclass = (int) (first >>> 20) & 0xFF;
        if (tree) {
            int row = d.addBits(Ipv6Fields.TCLASS, offset, 4, first);
            if (d.labelled(row)) {
                StringBuilder sb = new StringBuilder(96);
                IpTree.bits(sb, first, Ipv6Fields.TCLASS.mask, 32).append("Traffic Class: 0x");
                Formats.hex(sb, tclass, 2).append(" (").append(Ipv4Dissector.dsText(tclass)).append(')');
                d.setText(row, sb.toString());
            }
            d.openRow(row);
            d.addBits(Ipv6Fields.TCLASS_DSCP, offset, 4, first);
            d.addBits(Ipv6Fields.TCLASS_ECN, offset, 4, first);
            d.close();
            d.add(Ipv6Fields.FLOW, offset + 1, 3, first & 0xFFFFF);
        }
        int plen = buf.u16(offset + 4);
        int next = buf.u8(offset + 6);
        int plenRow = d.add(Ipv6Fields.PLEN, offset + 4, 2, plen);
        if (plen == 0 && next != HOP_BY_HOP_NH && next != NO_NEXT_NH) {
            IpTree.expert(d, plenRow, Ipv6Fields.PLEN_ZERO, CHAT, PROTOCOL,
                    "IPv6 payload length equals 0 (maybe because of \"TCP segmentation offload\" (TSO))", offset + 4, 2);
        }
        d.add(Ipv6Fields.NXT, offset + 6, 1, next);
        int hopLimit = buf.u8(offset + 7);
        d.add(Ipv6Fields.HLIM, offset + 7, 1, hopLimit);
        address(buf, offset + 8, Ipv6Fields.SRC, Ipv6Fields.SRC_HOST, d);
        if (d.columnsWritable()) {
            d.src.set(Address.Type.IPV6, buf, offset + 8, 16);
        }
        d.netSrc.set(Address.Type.IPV6, buf, offset + 8, 16);
        address(buf, offset + 24, Ipv6Fields.DST, Ipv6Fields.DST_HOST, d);
        if (d.columnsWritable()) {
            d.dst.set(Address.Type.IPV6, buf, offset + 24, 16);
        }
        d.netDst.set(Address.Type.IPV6, buf, offset + 24, 16);
        if (depth == walks.length) {
            walks = java.util.Arrays.copyOf(walks, depth * 2);
        }
        Walk w = walks[depth] == null ? (walks[depth] = new Walk()) : walks[depth].reset();
        buf.bytes(offset + 8, w.src, 0, 16);
        buf.bytes(offset + 24, w.dst, 0, 16);
        if (d.labelled(top)) {
            d.setText(top, Ipv6Fields.PROTOCOL.name + ", Src: " + IpTree.ipv6(w.src) + ", Dst: " + IpTree.ipv6(w.dst));
        }
        if (tree) {
            Ipv6Addresses.details(buf, offset + 8, offset + 24, d);
        }
        long length = plen;
        if (plen == 0 && next == HOP_BY_HOP_NH) {
            long jumbo = Ipv6Options.jumboLength(buf, offset + HEADER);
            if (jumbo != 0) {
                d.setText(plenRow, "Payload Length: 0 (Jumbogram)");
                length = jumbo;
                w.jumbo = jumbo;
            } else {
                d.info.set("Invalid IPv6 payload length");
                IpTree.expert(d, plenRow, Ipv6Fields.OPT_JUMBO_MISSING, ERROR, MALFORMED,
                        "IPv6 payload length equals 0 and Hop-By-Hop present and Jumbo Payload option missing",
                        offset + 4, 2);
            }
        }
        int reportedPlen = reported - HEADER;
        if (!d.inErrorPacket && length > reportedPlen) {
            IpTree.expert(d, plenRow, Ipv6Fields.PLEN_EXCEEDS_FRAMING, WARNING, PROTOCOL,
                    "IPv6 payload length exceeds framing length (" + reportedPlen + " bytes)", offset + 4, 2);
        }
        d.ipv6HopLimit = hopLimit;
        w.root = top;
        w.end = offset + HEADER;
        w.capturedEnd = offset + buf.capturedRemaining(offset);
        w.plen = plen;
        w.fragPlen = plen;
        w.hopLimit = hopLimit;
        // the datagram ends where its payload length says, when the packet has that much
        long end = offset + HEADER + length;
        int used = (int) Math.min(buf.end() - offset, HEADER + length);
        boolean fragmented = d.fragmented;
        int saved = buf.narrow((int) Math.min(end, Integer.MAX_VALUE));
        depth++;
        try {
            headers(buf, offset + HEADER, next, d, w);
        } finally {
            depth--;
            buf.restore(saved);
        }
        d.fragmented = fragmented;
        return used;
    }

    /** An address item with the hidden ipv6.addr and host items tshark adds with it. */
    private static void address(PacketBuffer buf, int off, io.jcap.field.FieldDef f, io.jcap.field.FieldDef host,
                                Dissection d) {
        buf.check(off, 16);
        if (!d.tree()) {
            return;
        }
        byte[] a = address(buf, off);
        d.addObject(f, off, 16, a);
        d.flag(d.addObject(Ipv6Fields.ADDR, off, 16, a), Dissection.HIDDEN);
        String name = IpTree.ipv6(a);
        d.flag(d.addObject(host, off, 16, name), (byte) (Dissection.GENERATED | Dissection.HIDDEN));
        d.flag(d.addObject(Ipv6Fields.HOST, off, 16, name), (byte) (Dissection.GENERATED | Dissection.HIDDEN));
    }

    /** Leaves the IPv6 item: what follows is a layer of its own. */
    private static void leave(Dissection d, Walk w) {
        if (w.root >= 0) {
            // tshark's IPv6 item spans the extension headers before the upper layer
            d.setLength(w.root, Math.min(w.end, w.capturedEnd) - d.fieldOffset(w.root));
            d.close();
            w.root = -1;
        }
    }

    private static void extended(Walk w, int end) {
        if (!w.reassembled) {
            w.end = end;
        }
    }

    /** Walks the extension headers from {@code off} (next header {@code next}) to the upper layer. */
    private void headers(PacketBuffer buf, int off, int next, Dissection d, Walk w) {
        while (true) {
            switch (next) {
                case HOP_BY_HOP_NH, DESTINATION_NH -> {
                    next = options(buf, off, next == HOP_BY_HOP_NH, d, w);
                    off += (buf.u8(off + 1) + 1) * 8;
                    extended(w, off);
                }
                case ROUTING_NH -> {
                    next = routing(buf, off, d, w);
                    off += (buf.u8(off + 1) + 1) * 8;
                    extended(w, off);
                }
                case AUTHENTICATION_NH -> {
                    next = authentication(buf, off, d, w);
                    off += (buf.u8(off + 1) + 2) * 4;
                    extended(w, off);
                }
                case FRAGMENT_NH -> {
                    fragment(buf, off, d, w);
                    return;
                }
                case NO_NEXT_NH -> {
                    leave(d, w);
                    d.info.set("IPv6 no next header");
                    d.call(data, off, buf.end());
                    return;
                }
                default -> {
                    leave(d, w);
                    upper(buf, off, next, d);
                    return;
                }
            }
        }
    }

    /** Where an extension header goes: into the IPv6 item, or on its own after IPv4. */
    private static int open(Dissection d, Walk w, Protocol p, int off, int len) {
        return d.open(p.field, off, len);
    }

    private int options(PacketBuffer buf, int off, boolean hop, Dissection d, Walk w) {
        boolean afterIpv6 = d.layerCount() > 0 && d.layer(d.layerCount() - 1) == Ipv6Fields.PROTOCOL;
        d.enter(hop ? HOP_BY_HOP : DESTINATION);
        // visible only when something below fails: the upper layer replaces Info
        d.info.appendSep(" , ", hop ? "IPv6 hop-by-hop options" : "IPv6 destination options");
        int nh = buf.u8(off);
        int len = (buf.u8(off + 1) + 1) * 8;
        w.fragPlen -= len;
        int item = open(d, w, hop ? HOP_BY_HOP : DESTINATION, off, len);
        if (hop && !afterIpv6) {
            Expert.add(d, HOPOPTS_NOT_FIRST, ERROR, PROTOCOL,
                    "IPv6 Hop-by-Hop extension header must appear immediately after IPv6 header", off, len);
        }
        d.add(hop ? HOPOPTS_NXT : DSTOPTS_NXT, off, 1, nh);
        d.add(hop ? HOPOPTS_LEN : DSTOPTS_LEN, off + 1, 1, buf.u8(off + 1));
        d.flag(d.add(hop ? HOPOPTS_LEN_OCT : DSTOPTS_LEN_OCT, off + 1, 1, len), Dissection.GENERATED);
        // the options are read even without a tree: running past the packet is an error either way
        Ipv6Options.tree(buf, off + 2, off + len, hop, w, d);
        if (item >= 0) {
            d.close();
        }
        return nh;
    }

    private int routing(PacketBuffer buf, int off, Dissection d, Walk w) {
        d.enter(ROUTING);
        d.info.appendSep(" , ", "IPv6 routing");
        // tshark adds the item first and reads field by field: a cut header shows what was there
        int item = open(d, w, ROUTING, off, Math.max(0, buf.reportedRemaining(off)));
        int nh = buf.u8(off);
        d.add(ROUTING_NXT, off, 1, nh);
        int hdrLen = buf.u8(off + 1);
        int len = (hdrLen + 1) * 8;
        d.setLength(item, len);
        int lenRow = d.add(ROUTING_LEN, off + 1, 1, hdrLen);
        d.flag(d.add(ROUTING_LEN_OCT, off + 1, 1, len), Dissection.GENERATED);
        w.fragPlen -= len;
        int type = buf.u8(off + 2);
        int typeRow = d.add(ROUTING_TYPE, off + 2, 1, type);
        if (item >= 0) {
            d.setText(item, ROUTING.name + " (" + ROUTING_TYPE.values.name(type, "Unknown type " + type) + ")");
        }
        int left = buf.u8(off + 3);
        int leftRow = d.add(ROUTING_SEGLEFT, off + 3, 1, left);
        int saved = buf.narrow(off + len);
        try {
            Ipv6Routing.type(buf, off + 4, len - 4, type, hdrLen, left, lenRow, typeRow, leftRow, item, w, d);
        } finally {
            buf.restore(saved);
        }
        if (item >= 0) {
            d.close();
        }
        return nh;
    }

    private int authentication(PacketBuffer buf, int off, Dissection d, Walk w) {
        d.enter(AUTHENTICATION);
        d.setProtocol("AH");
        int nh = buf.u8(off);
        int ahLen = buf.u8(off + 1);
        int len = (ahLen + 2) * 4;
        int icv = ahLen > 0 ? (ahLen - 1) * 4 : 0;
        w.fragPlen -= len;
        int item = open(d, w, AUTHENTICATION, off, len);
        d.add(AH_NEXT_HEADER, off, 1, nh);
        int lenRow = d.add(AH_LENGTH, off + 1, 1, ahLen);
        d.setText(lenRow, "Length: " + ahLen + " (" + len + " bytes)");
        buf.check(off + 2, 2);
        d.addBytes(AH_RESERVED, off + 2, 2);
        long spi = buf.u32(off + 4);
        d.add(AH_SPI, off + 4, 4, spi);
        StringBuilder sb = d.info.clear().builder().append("AH (SPI=0x");
        Formats.hex(sb, spi, 8).append(')');
        d.add(AH_SEQUENCE, off + 8, 4, buf.u32(off + 8));
        Ipv6Options.bytes(d, buf, AH_ICV, off + 12, icv);
        if (item >= 0) {
            d.close();
        }
        return nh;
    }

    private void fragment(PacketBuffer buf, int off, Dissection d, Walk w) {
        d.enter(FRAGMENT);
        int nh = buf.u8(off);
        int field = buf.u16(off + 2);
        long ident = buf.u32(off + 4);
        int fragOffset = field & 0xFFF8;
        boolean more = (field & 1) != 0;
        StringBuilder sb = d.info.clear().builder();
        sb.append("IPv6 fragment (off=").append(fragOffset).append(" more=").append(more ? 'y' : 'n')
                .append(" ident=0x");
        Formats.hex(sb, ident, 8).append(" nxt=").append(nh).append(')');
        w.fragPlen -= 8;
        int item = open(d, w, FRAGMENT, off, 8);
        if (w.jumbo != 0) {
            Expert.add(d, Ipv6Fields.OPT_JUMBO_FRAGMENT, WARNING, PROTOCOL,
                    "Jumbo Payload option cannot be used with a fragment header", off, 8);
        }
        d.add(FRAGHDR_NXT, off, 1, nh);
        d.add(FRAGHDR_RESERVED_OCTET, off + 1, 1, buf.u8(off + 1));
        int offRow = d.addBits(FRAGHDR_OFFSET, off + 2, 2, field);
        if (offRow >= 0) {
            StringBuilder t = new StringBuilder(64);
            IpTree.bits(t, field, 0xFFF8, 16).append("Offset: ").append(fragOffset >> 3).append(" (")
                    .append(fragOffset).append(" bytes)");
            d.setText(offRow, t.toString());
        }
        d.addBits(FRAGHDR_RESERVED_BITS, off + 2, 2, field);
        d.add(FRAGHDR_MORE, off + 2, 2, field);
        d.add(FRAGHDR_IDENT, off + 4, 4, ident);
        if (item >= 0) {
            d.close();
        }
        int payload = off + 8;
        int length = w.fragPlen;
        if (length > 0 && (fragOffset != 0 || more)) {
            d.fragmented = true;
            if (!d.inErrorPacket && buf.capturedRemaining(payload) >= length && payload + length <= buf.end()) {
                FragmentKey key = new FragmentKey(d.netSrc.high64(), d.netSrc.low64(), d.netDst.high64(),
                        d.netDst.low64(), ident);
                Reassembly.Datagram whole = fragments.add(key, buf, payload, length, fragOffset, more,
                        d.frame.number);
                fragments.noteEvictions(d, REASSEMBLY_LIMIT, off);
                if (whole != null) {
                    // the fragment tree goes in the IPv6 item
                    Reassembly.noteReassembled(hindsight, whole, d.frame.number);
                    d.fragmented = false;
                    w.fragPlen = 0;
                    // a reassembling fragment's header belongs to the IPv6 item
                    extended(w, payload);
                    w.reassembled = true;
                    if (Reassembly.illegal(whole)) {
                        d.info.set("[Illegal fragments]");
                    }
                    d.dataSource("Reassembled IPv6", whole.whole, whole.length);
                    PacketBuffer.Saved saved = buf.switchTo(whole.whole, whole.length);
                    try {
                        // the fragment items count in the reassembled bytes, as tshark's do
                        Reassembly.tree(d, whole, FRAGMENT_ITEMS);
                        headers(buf, 0, nh, d, w);
                    } finally {
                        buf.switchBack(saved);
                    }
                    return;
                }
            }
            Reassembly.reassembledIn(hindsight, d, Ipv6Fields.REASSEMBLED_IN, d.frame.number);
            leave(d, w);
            d.call(data, payload, buf.end());
            return;
        }
        headers(buf, payload, nh, d, w);
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
