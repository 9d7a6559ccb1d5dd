package io.jcap.proto.rawip;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.field.Protocol;
import io.jcap.frame.LinkType;
import io.jcap.proto.data.DataDissector;

/**
 * Raw IP link types. DLT_RAW (12, 14, 101) first shows "N/A" addresses and "Raw packet
 * data", then: fewer than 8 bytes is malformed; ten leading zero bytes are skipped; the
 * version nibble picks IPv4 or IPv6; anything else stays data. LINKTYPE_IPV4 (228) is
 * "some IP" by version; LINKTYPE_IPV6 (229) is IPv6 only.
 */
public final class RawIpDissector implements Dissector {
    public static final Protocol PROTOCOL = new Protocol("raw", "Raw packet data", "Raw");
    private static final int MIN_LENGTH = 8;
    private static final int ZERO_PREFIX = 10;

    private final DissectorTable etherTypes;
    private final GenericIpDissector ip;
    private final DataDissector data;

    private RawIpDissector(DissectorTable etherTypes, DataDissector data) {
        this.etherTypes = etherTypes;
        this.ip = new GenericIpDissector(etherTypes);
        this.data = data;
    }

    public static void register(EngineBuilder b, DataDissector data) {
        b.protocol(PROTOCOL);
        DissectorTable etherTypes = b.table("ethertype", "Ethertype", 1 << 16);
        RawIpDissector raw = new RawIpDissector(etherTypes, data);
        DissectorTable links = b.table("wtap_encap", "Link-layer type", 1 << 16);
        for (int linkType : new int[] {LinkType.RAW_BSD12, LinkType.RAW_BSD14, LinkType.RAW}) {
            links.add(linkType, raw, "raw");
        }
        links.add(LinkType.IPV4, raw.ip, "ip");
        // IP in IP (protocol 4) is "some IP" too
        b.table("ip.proto", "IP protocol", 256).add(4, raw.ip, "ip");
        links.add(LinkType.IPV6, (buf, off, d) -> {
            Dissector v6 = etherTypes.get(0x86dd);
            return v6 == null ? REJECT : v6.dissect(buf, off, d);
        }, "ipv6");
    }

    /** The "some version of IP" dissector, for other link layers (loopback). */
    public static Dissector genericIp(EngineBuilder b) {
        return new GenericIpDissector(b.table("ethertype", "Ethertype", 1 << 16));
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(PROTOCOL);
        d.setProtocol("N/A");
        d.info.set("Raw packet data");
        d.setAddressText("N/A");
        if (d.tree()) {
            d.addBytes(PROTOCOL.field, offset, buf.capturedRemaining(offset));
        }
        if (buf.reportedRemaining(offset) < MIN_LENGTH) {
            throw BoundsException.MALFORMED;
        }
        int start = offset;
        if (zeros(buf, offset)) {
            start = offset + ZERO_PREFIX;
            d.call(ip, start, buf.end());
            return buf.end() - offset;
        }
        int version = buf.u8(offset) >> 4;
        if (version == 4 || version == 6) {
            d.call(ip, offset, buf.end());
        } else {
            d.call(data, offset, buf.end());
        }
        return buf.end() - offset;
    }

    private static boolean zeros(PacketBuffer buf, int offset) {
        if (buf.capturedRemaining(offset) < ZERO_PREFIX) {
            return false;
        }
        for (int i = 0; i < ZERO_PREFIX; i++) {
            if (buf.byteAt(offset + i) != 0) {
                return false;
            }
        }
        return true;
    }
}
