package io.jcap.proto.udp;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.FlowKey;
import io.jcap.proto.data.DataDissector;

import java.util.HashMap;
import java.util.Map;

/**
 * UDP: "SPORT → DPORT Len=N" with tshark's length checks, udp.stream numbering, and
 * the hand-off to the lower port's dissector, then the higher port's, then data.
 */
public final class UdpDissector implements Dissector {
    private static final int MAX_STREAMS = 1_000_000;

    private final DissectorTable ports;
    private final DataDissector data;
    private final FlowKey lookup = new FlowKey();
    private final Map<FlowKey, Integer> streams = new HashMap<>();
    private int nextStream;

    public UdpDissector(EngineBuilder b, DataDissector data) {
        this.ports = b.table("udp.port", "UDP port", 1 << 16);
        this.data = data;
        b.protocol(UdpFields.PROTOCOL);
        b.table("ip.proto", "IP protocol", 256).add(17, this, "udp");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(UdpFields.PROTOCOL);
        int srcPort = buf.u16(offset);
        int dstPort = buf.u16(offset + 2);
        d.setProtocol("UDP");
        StringBuilder info = d.info.clear().builder();
        info.append(srcPort).append(" \u2192 ").append(dstPort);
        d.srcPort = srcPort;
        d.dstPort = dstPort;
        boolean tree = d.tree();
        if (tree) {
            d.open(UdpFields.PROTOCOL.field, offset, 8);
            d.add(UdpFields.SRCPORT, offset, 2, srcPort);
            d.add(UdpFields.DSTPORT, offset + 2, 2, dstPort);
            d.flag(d.add(UdpFields.PORT, offset, 2, srcPort), Dissection.HIDDEN);
            d.flag(d.add(UdpFields.PORT, offset + 2, 2, dstPort), Dissection.HIDDEN);
        }
        int length = buf.u16(offset + 4);
        int reported = buf.reportedRemaining(offset);
        boolean jumbo = false;
        if (length == 0 && d.netSrc.type == Address.Type.IPV6) {
            length = reported;
            jumbo = true;
        }
        if (tree) {
            d.add(UdpFields.LENGTH, offset + 4, 2, length);
        }
        if (length < 8) {
            d.info.builder().append(" [BAD UDP LENGTH ").append(length).append(" < 8]");
            d.close();
            return reported;
        }
        if (length > reported && !d.fragmented && !d.inErrorPacket) {
            d.info.builder().append(" [BAD UDP LENGTH ").append(length).append(" > IP PAYLOAD LENGTH]");
        }
        d.info.builder().append(" Len=").append(length - 8);
        if (jumbo) {
            d.info.append(" [Jumbogram]");
        }
        int checksum = buf.u16(offset + 6);
        if (checksum == 0 && d.netSrc.type == Address.Type.IPV6 && !d.inErrorPacket) {
            d.info.append(" [ILLEGAL CHECKSUM (0)]");
        }
        if (tree) {
            d.add(UdpFields.CHECKSUM, offset + 6, 2, checksum);
            d.add(UdpFields.STREAM, offset, 0, stream(d, srcPort, dstPort));
            d.close();
        } else {
            stream(d, srcPort, dstPort);
        }
        if (length == 8) {
            return 8;
        }
        int payload = offset + 8;
        int end = Math.min(buf.end(), offset + length);
        if (d.inErrorPacket && buf.capturedRemaining(payload) == 0) {
            // a quoted datagram's payload is looked at only when some of it was captured
            return Math.min(length, reported);
        }
        handOff(buf, payload, end, length - 8, srcPort, dstPort, d);
        return Math.min(length, reported);
    }

    private int stream(Dissection d, int srcPort, int dstPort) {
        lookup.set(d.netSrc, srcPort, d.netDst, dstPort);
        Integer s = streams.get(lookup);
        if (s == null) {
            if (streams.size() >= MAX_STREAMS) {
                streams.clear();
            }
            s = nextStream++;
            streams.put(lookup.copy(), s);
        }
        return s;
    }

    private void handOff(PacketBuffer buf, int payload, int end, int claimed, int srcPort, int dstPort,
                         Dissection d) {
        int low = Math.min(srcPort, dstPort);
        int high = Math.max(srcPort, dstPort);
        if (tryPort(low, buf, payload, end, d) || (high != low && tryPort(high, buf, payload, end, d))) {
            return;
        }
        // tshark's WireGuard heuristic (on by default) reads the first 4 bytes of every
        // unclaimed payload the UDP length says has 4 or more: when they are not in the
        // packet it is malformed, when they were not captured, truncated
        if (claimed >= 4) {
            if (payload + 4 > buf.end()) {
                throw BoundsException.MALFORMED;
            }
            buf.check(payload, 4);
        }
        d.call(data, payload, end);
    }

    private boolean tryPort(int port, PacketBuffer buf, int payload, int end, Dissection d) {
        if (port == 0) {
            return false;
        }
        Dissector sub = ports.get(port);
        return sub != null && d.call(sub, payload, end) != REJECT;
    }
}
