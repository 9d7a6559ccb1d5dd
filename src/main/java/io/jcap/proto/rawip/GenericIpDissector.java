package io.jcap.proto.rawip;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;

/**
 * "Some version of IP" (tshark's ip handle for raw and loopback links): the version
 * nibble picks IPv4 or IPv6; any other version is "Bogus IP version (n)".
 */
final class GenericIpDissector implements Dissector {
    private final DissectorTable etherTypes;

    GenericIpDissector(DissectorTable etherTypes) {
        this.etherTypes = etherTypes;
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        int version = buf.u8(offset) >> 4;
        Dissector ip = version == 4 ? etherTypes.get(0x0800) : version == 6 ? etherTypes.get(0x86dd) : null;
        if (ip != null) {
            return d.call(ip, offset, buf.end());
        }
        // tshark's "ip" dissector shows the bogus version in an ip layer of its own
        return io.jcap.proto.ipv4.Ipv4Dissector.bogusVersion(buf, offset, d);
    }
}
