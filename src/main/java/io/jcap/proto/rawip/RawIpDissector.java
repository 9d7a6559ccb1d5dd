package io.jcap.proto.rawip;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.field.Protocol;
import io.jcap.frame.LinkType;

/**
 * Raw IP link types (DLT_RAW 12/14/101, LINKTYPE_IPV4 228): the version nibble picks
 * IPv4 or IPv6; anything else is "Raw packet data" and malformed. LINKTYPE_IPV6 (229)
 * goes to IPv6 directly.
 */
public final class RawIpDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("raw", "Raw packet data", "Raw");

    private final DissectorTable etherTypes;

    private RawIpDissector(DissectorTable etherTypes) {
        this.etherTypes = etherTypes;
    }

    public static void register(EngineBuilder b) {
        b.protocol(PROTOCOL);
        RawIpDissector raw = new RawIpDissector(b.table("ethertype", "Ethertype", 1 << 16));
        DissectorTable links = b.table("wtap_encap", "Link-layer type", 1 << 16);
        for (int linkType : new int[] {LinkType.RAW_BSD12, LinkType.RAW_BSD14, LinkType.RAW, LinkType.IPV4}) {
            links.add(linkType, raw, "raw");
        }
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(PROTOCOL);
        d.setProtocol("N/A");
        d.info.set("Raw packet data");
        d.setAddressText("N/A");
        int version = buf.capturedRemaining(offset) > 0 ? buf.u8(offset) >> 4 : -1;
        Dissector ip = version == 4 ? etherTypes.get(0x0800) : version == 6 ? etherTypes.get(0x86dd) : null;
        if (ip == null) {
            throw BoundsException.MALFORMED;
        }
        d.call(ip, offset, buf.end());
        return buf.end() - offset;
    }
}
