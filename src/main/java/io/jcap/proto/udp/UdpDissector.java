package io.jcap.proto.udp;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.Expert;
import io.jcap.dissect.FlowKey;
import io.jcap.dissect.FlowTable;
import io.jcap.dissect.InfoColumn;
import io.jcap.field.FieldDef;
import io.jcap.field.Formats;
import io.jcap.field.Protocol;
import io.jcap.proto.data.DataDissector;


import static io.jcap.dissect.Expert.Group.CHECKSUM;
import static io.jcap.dissect.Expert.Group.MALFORMED;
import static io.jcap.dissect.Expert.Group.PROTOCOL;
import static io.jcap.dissect.Expert.Group.SEQUENCE;
import static io.jcap.dissect.Expert.Severity.CHAT;
import static io.jcap.dissect.Expert.Severity.ERROR;
import static io.jcap.dissect.Expert.Severity.WARNING;

/**
 * UDP: "SPORT → DPORT Len=N" with tshark's length checks, the tree tshark 4.0 prints
 * (checksum not verified, stream index, conversation timestamps, payload), udp.stream
 * numbering, and the hand-off to the lower port's dissector, then the higher port's,
 * then data.
 */
public final class UdpDissector implements Dissector {
    private static final FieldDef TEXT = new Protocol("", "", "").field;

    /** The conversations, and per slot the udp.stream number and the times its timestamps count from. */
    private final FlowTable streams;
    private int[] streamIndex = new int[0];
    private long[] streamFirst = new long[0];
    private long[] streamPrevious = new long[0];

    private final DissectorTable ports;
    private final DataDissector data;
    private final FlowKey lookup = new FlowKey();
    private int nextStream;

    /** Wireshark's "udp" heuristic list (enabled entries), tried after the port tables. */
    private final java.util.List<Dissector> heuristics = new java.util.ArrayList<>();

    /** The UDP dissector of the engine being built. */
    public static UdpDissector of(EngineBuilder b) {
        return (UdpDissector) b.table("ip.proto", "IP protocol", 256).get(17);
    }

    /** Adds a heuristic subdissector: it rejects (returns 0) a payload it does not recognise. */
    public void addHeuristic(Dissector heuristic) {
        heuristics.add(heuristic);
    }

    public UdpDissector(EngineBuilder b, DataDissector data) {
        this.ports = b.table("udp.port", "UDP port", 1 << 16);
        this.data = data;
        this.streams = new FlowTable(b.limits().getInt(io.jcap.dissect.Limits.UDP_STREAMS));
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
        info.append(srcPort).append(InfoColumn.ARROW).append(dstPort);
        d.srcPort = srcPort;
        d.dstPort = dstPort;
        boolean tree = d.tree();
        // as TCP's: the item shows the header, its value (udp contains ...) is the datagram
        int top = d.open(UdpFields.PROTOCOL.field, offset, buf.capturedRemaining(offset));
        d.shrinkItem(top, 8);
        try {
            return dissect(buf, offset, srcPort, dstPort, top, tree, d);
        } catch (BoundsException e) {
            if (top >= 0) {
                int parent = d.fieldParent(top);
                if (parent >= 0) {
                    d.openRow(parent);
                } else {
                    d.closeAll();
                }
            }
            throw e;
        }
    }

    private int dissect(PacketBuffer buf, int offset, int srcPort, int dstPort, int top, boolean tree,
                        Dissection d) {
        int reported = buf.reportedRemaining(offset);
        if (d.labelled(top)) {
            d.setText(top, "User Datagram Protocol, Src Port: " + srcPort + ", Dst Port: " + dstPort);
        }
        if (tree) {
            int src = d.add(UdpFields.SRCPORT, offset, 2, srcPort);
            traceroute(d, src, srcPort, offset);
            int dst = d.add(UdpFields.DSTPORT, offset + 2, 2, dstPort);
            traceroute(d, dst, dstPort, offset + 2);
            d.flag(d.add(UdpFields.PORT, offset, 2, srcPort), Dissection.HIDDEN);
            d.flag(d.add(UdpFields.PORT, offset + 2, 2, dstPort), Dissection.HIDDEN);
        }
        int length = buf.u16(offset + 4);
        boolean jumbo = false;
        int lengthRow = d.add(UdpFields.LENGTH, offset + 4, 2, length);
        if (length == 0 && d.netSrc.type == Address.Type.IPV6) {
            // RFC 2675 jumbograms: the length is the IPv6 payload's
            length = reported;
            jumbo = true;
        }
        if (length < 8) {
            d.info.builder().append(" [BAD UDP LENGTH ").append(length).append(" < 8]");
            if (tree) {
                d.setText(lengthRow, "Length: " + length + " (bogus, must be >= 8)");
                expert(d, lengthRow, UdpFields.LENGTH_BAD, ERROR, MALFORMED, "Bad length value " + length + " < 8",
                        offset + 4);
            }
            d.close();
            return reported;
        }
        if (length > reported && !d.fragmented && !d.inErrorPacket) {
            d.info.builder().append(" [BAD UDP LENGTH ").append(length).append(" > IP PAYLOAD LENGTH]");
            if (tree) {
                d.setText(lengthRow, "Length: " + length + " (bogus, payload length " + reported + ")");
                expert(d, lengthRow, UdpFields.LENGTH_BAD, ERROR, MALFORMED,
                        "Bad length value " + length + " > IP payload length", offset + 4);
            }
        }
        if (jumbo && length < 65536) {
            expert(d, lengthRow, UdpFields.LENGTH_BAD_ZERO, WARNING, PROTOCOL, "Length is zero but payload < 65536",
                    offset + 4);
        }
        d.info.builder().append(" Len=").append(length - 8);
        if (jumbo) {
            d.info.append(" [Jumbogram]");
        }
        int checksum = buf.u16(offset + 6);
        if (checksum == 0) {
            boolean ignored = d.netSrc.type == Address.Type.IPV4 || d.inErrorPacket;
            if (!ignored) {
                d.info.append(" [ILLEGAL CHECKSUM (0)]");
            }
            if (tree) {
                int row = d.add(UdpFields.CHECKSUM, offset + 6, 2, 0);
                d.setText(row, ignored ? "Checksum: 0x0000 [zero-value ignored]"
                        : "Checksum: 0x0000 [zero-value illegal]");
                d.openRow(row);
                if (!ignored) {
                    Expert.add(d, UdpFields.CHECKSUM_ZERO, ERROR, CHECKSUM, "Illegal checksum value (0)", offset + 6,
                            2);
                }
                int status = d.add(UdpFields.CHECKSUM_STATUS, offset + 6, 0, ignored ? 3 : 4);
                d.setText(status, ignored ? "Checksum Status: Not present" : "Checksum Status: Illegal");
                d.flag(status, Dissection.GENERATED);
                d.close();
            }
        } else if (tree) {
            int row = d.add(UdpFields.CHECKSUM, offset + 6, 2, checksum);
            if (d.labelled(row)) {
                StringBuilder sb = new StringBuilder(40).append("Checksum: 0x");
                Formats.hex(sb, checksum, 4).append(" [unverified]");
                d.setText(row, sb.toString());
            }
            int status = d.add(UdpFields.CHECKSUM_STATUS, offset + 6, 0, 2);
            d.setText(status, "Checksum Status: Unverified");
            d.flag(status, Dissection.GENERATED);
        }
        int s = stream(d, srcPort, dstPort);
        d.flag(d.add(UdpFields.STREAM, offset + 8, 0, streamIndex[s]), Dissection.GENERATED);
        if (length == 8) {
            d.close();
            return 8;
        }
        if (!d.inErrorPacket) {
            long now = now(d);
            long delta = now - streamPrevious[s];
            streamPrevious[s] = now;
            if (tree) {
                int ts = d.addText(TEXT, 0, 0, "Timestamps");
                d.flag(ts, Dissection.GENERATED);
                d.openRow(ts);
                d.flag(d.add(UdpFields.TIME_RELATIVE, 0, 0, now - streamFirst[s]), Dissection.GENERATED);
                d.flag(d.add(UdpFields.TIME_DELTA, 0, 0, delta), Dissection.GENERATED);
                d.close();
            }
        }
        int payload = offset + 8;
        if (d.inErrorPacket && buf.capturedRemaining(payload) == 0) {
            // a quoted datagram's payload is looked at only when some of it was captured
            d.close();
            return Math.min(length, reported);
        }
        // the payload ends where the UDP length says, when the packet has that much
        int end = Math.min(buf.end(), offset + length);
        if (tree) {
            if (buf.capturedRemaining(payload) == 0 && end > payload) {
                // the payload item runs to the end of what was captured: nothing there is an error
                buf.check(payload, 1);
            }
            int n = Math.min(buf.capturedRemaining(payload), end - payload);
            int row = d.addBytes(UdpFields.PAYLOAD, payload, Math.max(n, 0));
            if (d.labelled(row)) {
                d.setText(row, "UDP payload (" + n + (n == 1 ? " byte)" : " bytes)"));
            }
        }
        d.close();
        // tshark's UDP gives its payload the root of the tree: in a datagram an ICMP error
        // quotes, the payload (data, DNS) is a top-level layer, not an item of the error
        int parent = d.openRowIndex();
        d.closeAll();
        try {
            handOff(buf, payload, end, length - 8, srcPort, dstPort, d);
        } finally {
            d.reopen(parent);
        }
        return Math.min(length, reported);
    }

    private static long now(Dissection d) {
        return d.frame.seconds * 1_000_000_000L + d.frame.nanos;
    }

    /** LBL traceroute's ports, 33435 and up, three probes per hop. */
    private static void traceroute(Dissection d, int row, int port, int off) {
        if (port > 32768 + 666 && port <= 32768 + 666 + 30) {
            int n = port - 32768 - 666 - 1;
            expert(d, row, UdpFields.POSSIBLE_TRACEROUTE, CHAT, SEQUENCE,
                    "Possible traceroute: hop #" + (n / 3 + 1) + ", attempt #" + (n % 3 + 1), off);
        }
    }

    private static void expert(Dissection d, int row, FieldDef f, Expert.Severity severity, Expert.Group group,
                               String message, int off) {
        if (row < 0) {
            return;
        }
        d.openRow(row);
        Expert.add(d, f, severity, group, message, off, 2);
        d.close();
    }

    /** The slot of the packet's conversation, made when new (the oldest goes at -o udp.max_streams). */
    private int stream(Dissection d, int srcPort, int dstPort) {
        lookup.set(d.netSrc, srcPort, d.netDst, dstPort);
        int s = streams.find(lookup);
        if (s < 0) {
            s = streams.add(lookup);
            int n = streams.capacity();
            if (streamIndex.length < n) {
                streamIndex = java.util.Arrays.copyOf(streamIndex, n);
                streamFirst = java.util.Arrays.copyOf(streamFirst, n);
                streamPrevious = java.util.Arrays.copyOf(streamPrevious, n);
            }
            long now = now(d);
            streamIndex[s] = nextStream++;
            streamFirst[s] = now;
            streamPrevious[s] = now;
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
        for (Dissector h : heuristics) {
            if (d.call(h, payload, end) != REJECT) {
                return;
            }
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
