package io.jcap.proto.icmp;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.field.Protocol;

/**
 * Dissects the datagram an ICMP or ICMPv6 error message quotes, as tshark does for a
 * packet "in error": with the columns locked and the in-error flag set, restoring the
 * packet-wide state the quoted headers change (network addresses, TTL/hop limit, ports,
 * IP protocol). A malformed-packet error inside the quote is ignored; a capture cut inside
 * it propagates ("Packet size limited during capture"), as tshark's call_dissector_work_error.
 *
 * <p>Nested errors (an error quoting an error) use one save slot per level; beyond
 * {@link IcmpDissector#MAX_NESTING} levels the quote is not dissected.
 */
public final class QuotedPacket {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;

    private final Protocol owner;
    private final Address[] savedSrc = new Address[IcmpDissector.MAX_NESTING];
    private final Address[] savedDst = new Address[IcmpDissector.MAX_NESTING];
    private int depth;

    public QuotedPacket(Protocol owner) {
        this.owner = owner;
        for (int i = 0; i < savedSrc.length; i++) {
            savedSrc[i] = new Address();
            savedDst[i] = new Address();
        }
    }

    /**
     * The IP datagram in [start, end): IPv6 when its version nibble is 6, else IPv4 (whose
     * dissector shows a bad version itself), as tshark's "ip" dissector chooses.
     */
    public void dissectIp(DissectorTable ethertypes, PacketBuffer buf, int start, int end, Dissection d) {
        if (start >= Math.min(end, buf.capturedEnd())) {
            // reading the version fails: ignored when nothing more was reported, but a
            // capture cut before the quote ends the message
            if (start < end) {
                throw BoundsException.TRUNCATED;
            }
            return;
        }
        int version = buf.u8(start) >> 4;
        dissect(ethertypes.get(version == 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4), buf, start, end, d);
    }

    /**
     * Runs {@code next} on [start, end) as a quoted packet; false when it stopped at a
     * malformed-packet error (which is not shown).
     */
    public boolean dissect(Dissector next, PacketBuffer buf, int start, int end, Dissection d) {
        if (next == null || depth >= savedSrc.length) {
            return true;
        }
        Address src = savedSrc[depth];
        Address dst = savedDst[depth];
        src.copyFrom(d.netSrc);
        dst.copyFrom(d.netDst);
        int ttl = d.ipTtl;
        int hopLimit = d.ipv6HopLimit;
        int ipProto = d.ipProto;
        int srcPort = d.srcPort;
        int dstPort = d.dstPort;
        boolean fragmented = d.fragmented;
        boolean inError = d.inErrorPacket;
        boolean writable = d.setColumnsWritable(false);
        d.inErrorPacket = true;
        depth++;
        int saved = buf.narrow(end);
        try {
            next.dissect(buf, start, d);
        } catch (BoundsException e) {
            // a quoted packet is cut short by nature: running past its reported end is not
            // shown, but running past the captured bytes ends the error message too
            if (!e.malformed()) {
                throw e;
            }
            return false;
        } finally {
            buf.restore(saved);
            depth--;
            d.inErrorPacket = inError;
            d.setColumnsWritable(writable);
            d.netSrc.copyFrom(src);
            d.netDst.copyFrom(dst);
            d.ipTtl = ttl;
            d.ipv6HopLimit = hopLimit;
            d.ipProto = ipProto;
            d.srcPort = srcPort;
            d.dstPort = dstPort;
            d.fragmented = fragmented;
            d.current = owner;
        }
        return true;
    }
}
