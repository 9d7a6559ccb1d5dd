package io.jcap.proto.dns;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.Exceptions;
import io.jcap.field.FieldDef;
import io.jcap.field.Protocol;

import static io.jcap.proto.dns.DnsTables.OPCODE_DSO;
import static io.jcap.proto.dns.DnsTables.OPCODE_UPDATE;

/**
 * DNS, mDNS and LLMNR as tshark 4.0 shows them with default preferences.
 *
 * <p>Info: {@code OPCODE[ response] 0xID[ RCODE]}, then {@code " TYPE NAME"} per question
 * (mDNS adds {@code , "QU" question} or {@code , "QM" question}) and {@code " TYPE"} per
 * record of every section (mDNS adds {@code , cache flush}) followed by what that type
 * shows: the address, name or values of A, AAAA, NS, CNAME, PTR, SOA, MX, SRV, NAPTR, KX,
 * A6, DNAME, NSEC, NXT, WKS, HINFO and WINS-R, the owner name for MD, MF, MB, MG, MR, NULL,
 * MINFO, RP, AFSDB, X25, ISDN, RT, NSAP, NSAP-PTR, PX, GPOS, APL, DHCID, NSEC3PARAM, TLSA
 * and HIP, and nothing for the others (TXT, OPT, DS, RRSIG, DNSKEY, NSEC3, SVCB, CAA ...).
 * A record with no data shows its type only. The column holds 4095 bytes, as tshark's.
 *
 * <p>Tree (-V): "Domain Name System (query|response)"; the Flags line names opcode and reply
 * code, and its bits differ for queries, responses and LLMNR (AD bit, conflict); questions and
 * records sit in "Queries"/"Answers"/"Authoritative nameservers"/"Additional records" (for
 * UPDATE: "Zone"/"Prerequisites"/"Updates"), each under a header such as "name: type A, class
 * IN, addr 10.0.0.1" that the record's data completes ({@link DnsRdata#head}); then request
 * and response links, retransmission warnings under the transaction ID, and extraneous data.
 *
 * <p>Transports: UDP port 53 (DNS), 5353 (mDNS), 5355 (LLMNR); TCP ports 53 and 5353 (DNS,
 * each message after a 2-byte length, several per segment, a message that continues in
 * later segments handed back to TCP through the desegmentation fields); and the UDP
 * heuristic {@link #heuristic}, in UDP's heuristic list.
 */
public final class DnsDissector {
    public static final int PORT = 53;
    public static final int MDNS_PORT = 5353;
    public static final int LLMNR_PORT = 5355;
    /** Wireshark's COL_MAX_INFO_LEN - 1. */
    static final int MAX_INFO_BYTES = 4095;

    private static final int DNS = 0;
    private static final int MDNS = 1;
    private static final int LLMNR = 2;

    private final DnsNames names = new DnsNames();
    private final DnsRdata rdata = new DnsRdata(names);
    private final DnsTransactions transactions;
    /** jcap's expert item for transaction state dropped at the dns.max_* limits. */
    static final io.jcap.field.FieldDef TRANSACTIONS_LIMIT = DnsFields.PROTOCOL.label("dns.transactions.limit",
            "Transaction limit reached");
    /** For "[PDU Size: N]" under TCP, once per message (tcp_dissect_pdus). */
    private final io.jcap.proto.tcp.TcpDissector tcpLayer;
    /** Set while reading the questions: an AXFR or IXFR question expects several responses. */
    private boolean multipleResponses;

    /** DNS over UDP (and the heuristic's hand-off). */
    public final Dissector udp = (buf, offset, d) -> udp(buf, offset, d, DNS);
    public final Dissector mdns = (buf, offset, d) -> udp(buf, offset, d, MDNS);
    public final Dissector llmnr = (buf, offset, d) -> udp(buf, offset, d, LLMNR);
    /** DNS over TCP: length-prefixed messages. */
    public final Dissector tcp = this::tcp;
    /**
     * tshark's UDP heuristic "dns" (enabled by default): a payload longer than a header,
     * opcode 0, a query with exactly one question and no answer or authority records, or
     * a response with at most one question, 100 answers and 10 authority records, and at
     * most 10 additional records. Returns {@link Dissector#REJECT} otherwise. For UDP's
     * heuristic list, tried after the port tables.
     */
    public final Dissector heuristic = this::heuristic;

    private final io.jcap.dissect.Hindsight hindsight;

    public DnsDissector(EngineBuilder b) {
        this.hindsight = b.hindsight();
        this.tcpLayer = io.jcap.proto.tcp.TcpDissector.of(b);
        this.transactions = new DnsTransactions(b.limits().getInt(io.jcap.dissect.Limits.DNS_CONVERSATIONS),
                b.limits().getInt(io.jcap.dissect.Limits.DNS_TRANSACTIONS));
        b.protocol(DnsFields.PROTOCOL);
        b.protocol(MdnsFields.PROTOCOL);
        b.protocol(LlmnrFields.PROTOCOL);
        b.protocol(DnsTree.STRING);
        DissectorTable udpPorts = b.table("udp.port", "UDP port", 1 << 16);
        udpPorts.add(PORT, udp, "dns");
        io.jcap.proto.udp.UdpDissector udpLayer = io.jcap.proto.udp.UdpDissector.of(b);
        if (udpLayer != null) {
            udpLayer.addHeuristic(heuristic);
        }
        udpPorts.add(MDNS_PORT, mdns, "mdns");
        udpPorts.add(LLMNR_PORT, llmnr, "llmnr");
        DissectorTable tcpPorts = b.table("tcp.port", "TCP port", 1 << 16);
        tcpPorts.add(PORT, tcp, "dns");
        tcpPorts.add(MDNS_PORT, tcp, "dns");
    }

    private static Protocol protocol(int kind) {
        return kind == MDNS ? MdnsFields.PROTOCOL : kind == LLMNR ? LlmnrFields.PROTOCOL : DnsFields.PROTOCOL;
    }

    private static String columnName(int kind) {
        return kind == MDNS ? "MDNS" : kind == LLMNR ? "LLMNR" : "DNS";
    }

    // ------------------------------------------------------------------------------------------
    // transports

    private int udp(PacketBuffer buf, int offset, Dissection d, int kind) {
        if (buf.capturedRemaining(offset) == 0) {
            // tshark dissects no payload of which nothing was captured: UDP's line stays,
            // cut short when the payload exists on the wire
            if (buf.reportedRemaining(offset) > 0) {
                throw BoundsException.TRUNCATED;
            }
            return Dissector.REJECT;
        }
        d.enter(protocol(kind));
        d.setProtocol(columnName(kind));
        try {
            message(buf, offset, -1, buf.end(), d, kind);
        } catch (BoundsException e) {
            failed(e, d);
        } finally {
            cap(d);
        }
        return Math.max(buf.capturedRemaining(offset), 1);
    }

    private int heuristic(PacketBuffer buf, int offset, Dissection d) {
        if (buf.reportedRemaining(offset) <= 12) {
            return Dissector.REJECT;
        }
        int flags = Tvb.u16(buf, offset + 2);
        if ((flags & 0x7800) != 0) {
            return Dissector.REJECT;
        }
        int questions = Tvb.u16(buf, offset + 4);
        int answers = Tvb.u16(buf, offset + 6);
        int authority = Tvb.u16(buf, offset + 8);
        if ((flags & 0x8000) == 0) {
            if (questions != 1 || answers != 0 || authority != 0) {
                return Dissector.REJECT;
            }
        } else if (questions > 1 || answers > 100 || authority > 10) {
            return Dissector.REJECT;
        }
        if (Tvb.u16(buf, offset + 10) > 10) {
            return Dissector.REJECT;
        }
        return udp(buf, offset, d, DNS);
    }

    /**
     * Wireshark's tcp_dissect_pdus with a 2-byte length: each message on its own (a
     * malformed one shows its mark and the next is still dissected, a truncated one stops
     * the frame), and a message cut by the segment end asks TCP for the rest when it can.
     */
    private int tcp(PacketBuffer buf, int offset, Dissection d) {
        // the layer joins frame.protocols once a message is dissected (or fails): a segment
        // that only asks TCP for more bytes shows as TCP alone, as in tshark
        Protocol saved = d.current;
        d.current = DnsFields.PROTOCOL;
        boolean entered = false;
        int end = buf.end();
        int off = offset;
        try {
            while (buf.reportedRemaining(off) > 0) {
                int captured = buf.capturedRemaining(off);
                if (captured == 0) {
                    buf.check(off, 1);
                }
                if (d.canDesegment && captured < 2) {
                    d.desegmentOffset = off;
                    d.desegmentLength = Dissection.DESEGMENT_ONE_MORE_SEGMENT;
                    break;
                }
                int plen = Tvb.u16(buf, off) + 2;
                if (d.canDesegment && captured < plen) {
                    d.desegmentOffset = off;
                    d.desegmentLength = plen - captured;
                    break;
                }
                if (!entered) {
                    d.enter(DnsFields.PROTOCOL);
                    entered = true;
                }
                if (tcpLayer != null) {
                    tcpLayer.pduSize(d, off, plen);
                }
                pdu(buf, off, plen, d);
                off += plen;
            }
        } catch (BoundsException e) {
            if (!entered) {
                d.enter(DnsFields.PROTOCOL);
            }
            throw e;
        }
        if (!entered) {
            d.current = saved;
        }
        return end - offset;
    }

    private void pdu(PacketBuffer buf, int off, int plen, Dissection d) {
        int saved = buf.narrow(off + plen);
        int openRow = d.openRowIndex();
        try {
            d.setProtocol("DNS");
            message(buf, off + 2, off, off + plen, d, DNS);
        } catch (BoundsException e) {
            if (!e.malformed()) {
                failed(e, d);
            } else {
                // tcp_dissect_pdus shows it and goes on with the next message
                d.openRow(openRow);
                d.markException(e);
                d.info.append(Exceptions.mark(e, d));
                exceptionItem(d, e);
            }
        } finally {
            buf.restore(saved);
            cap(d);
        }
    }

    /**
     * An exception leaving DNS: rethrown for the frame to show, unless the Info column is
     * too full for the mark, which tshark then cuts or drops.
     */
    private static void failed(BoundsException e, Dissection d) {
        String mark = Exceptions.mark(e, d);
        if (utf8Length(d.info) + mark.length() <= MAX_INFO_BYTES) {
            throw e;
        }
        d.markException(e);
        d.info.append(mark);
        cap(d);
        exceptionItem(d, e);
    }

    /**
     * show_exception's top-level item, for an exception DNS shows itself (a message of a
     * TCP segment, or an Info column too full for the mark) instead of the frame.
     */
    private static void exceptionItem(Dissection d, BoundsException e) {
        if (!d.tree()) {
            return;
        }
        String proto = d.current != null ? d.current.shortName : "DNS";
        d.closeAll();
        if (!e.malformed()) {
            int row = d.addBytes(io.jcap.dissect.ShortFields.PROTOCOL.field, 0, 0);
            d.setText(row, "Packet size limited during capture: " + proto + " truncated");
            d.flag(row, Dissection.GENERATED);
            return;
        }
        int row = d.addBytes(io.jcap.dissect.MalformedFields.PROTOCOL.field, 0, 0);
        d.setText(row, "Malformed Packet: " + proto);
        d.flag(row, Dissection.GENERATED);
        d.openRow(row);
        io.jcap.dissect.Expert.add(d, io.jcap.dissect.MalformedFields.EXPERT, io.jcap.dissect.Expert.Severity.ERROR,
                io.jcap.dissect.Expert.Group.MALFORMED, "Malformed Packet (Exception occurred)", 0, 0);
        d.close();
    }

    /** Cuts the Info column to the 4095 bytes tshark keeps. */
    static void cap(Dissection d) {
        CharSequence s = d.info;
        if (s.length() * 3 <= MAX_INFO_BYTES) {
            return;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            int n = utf8Length(s.charAt(i));
            if (bytes + n > MAX_INFO_BYTES) {
                d.info.builder().setLength(i);
                return;
            }
            bytes += n;
        }
    }

    private static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            bytes += utf8Length(s.charAt(i));
        }
        return bytes;
    }

    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        if (Character.isHighSurrogate(c)) {
            return 4;
        }
        return Character.isLowSurrogate(c) ? 0 : 3;
    }

    // ------------------------------------------------------------------------------------------
    // the message (dissect_dns_common)

    /**
     * One DNS message whose header is at {@code hdr} (compression pointers count from it),
     * after a TCP length at {@code prefix} (-1 over UDP); the message ends at {@code end}.
     */
    private void message(PacketBuffer buf, int hdr, int prefix, int end, Dissection d, int kind) {
        final boolean tree = d.tree();
        final boolean mdns = kind == MDNS;
        d.info.clear();
        int id = Tvb.u16(buf, hdr);
        int flags = Tvb.u16(buf, hdr + 2);
        int opcode = (flags >> 11) & 0xF;
        int rcode = flags & 0xF;
        boolean response = (flags & 0x8000) != 0;
        StringBuilder sb = d.info.builder();
        DnsTables.appendOpcode(sb, opcode);
        if (response) {
            sb.append(" response");
        }
        sb.append(" 0x");
        hex4(sb, id);
        if (response && rcode != 0) {
            DnsTables.appendRcode(sb.append(' '), rcode);
        }
        boolean update = opcode == OPCODE_UPDATE;
        int start = prefix >= 0 ? prefix : hdr;
        if (tree) {
            int top = d.open(protocol(kind).field, start, buf.capturedRemaining(start));
            d.setText(top, protocol(kind).name + (response ? " (response)" : " (query)"));
        }

        long now = d.frame != null ? d.frame.seconds * 1_000_000_000L + d.frame.nanos : 0;
        if (!d.inErrorPacket) {
            transactions.track(prefix >= 0, d.netSrc, d.srcPort, d.netDst, d.dstPort, id, response,
                    d.frame != null ? d.frame.number : 0, now);
            if (transactions.takeDropped() > 0 && tree) {
                io.jcap.dissect.Expert.add(d, TRANSACTIONS_LIMIT, io.jcap.dissect.Expert.Severity.NOTE,
                        io.jcap.dissect.Expert.Group.SEQUENCE,
                        "Transaction limit reached: earlier queries and responses forgotten", start, 0);
            }
        } else {
            transactions.fake(now);
        }
        final boolean retransmission = transactions.retransmission;
        final long requestFrame = transactions.requestFrame;
        final long frameNo = d.frame != null ? d.frame.number : 0;
        if (response && !retransmission && requestFrame != 0 && !d.inErrorPacket) {
            hindsight.note(io.jcap.dissect.Hindsight.Fact.DNS_RESPONSE_IN, requestFrame, frameNo);
        }
        // a second pass of -2 knows a query's response from the first
        final long responseFrame = transactions.responseFrame != 0 || response ? transactions.responseFrame
                : hindsight.recall(io.jcap.dissect.Hindsight.Fact.DNS_RESPONSE_IN, frameNo, 0);
        final long requestTime = transactions.requestTime;

        int idRow = -1;
        if (tree) {
            if (prefix >= 0) {
                d.add(DnsFields.LENGTH, prefix, 2, buf.u16(prefix));
            }
            idRow = d.add(DnsFields.ID, hdr, 2, id);
            flagFields(d, hdr + 2, flags, kind);
        }
        int questions = Tvb.u16(buf, hdr + 4);
        count(d, update ? DnsFields.COUNT_ZONES : DnsFields.COUNT_QUERIES, hdr + 4, questions);
        int answers = Tvb.u16(buf, hdr + 6);
        count(d, update ? DnsFields.COUNT_PREREQUISITES : DnsFields.COUNT_ANSWERS, hdr + 6, answers);
        int authority = Tvb.u16(buf, hdr + 8);
        count(d, update ? DnsFields.COUNT_UPDATES : DnsFields.COUNT_AUTH_RR, hdr + 8, authority);
        int additional = Tvb.u16(buf, hdr + 10);
        count(d, DnsFields.COUNT_ADD_RR, hdr + 10, additional);

        int cur = hdr + 12;
        if (opcode == OPCODE_DSO && questions == 0 && answers == 0 && authority == 0 && additional == 0) {
            cur += dso(buf, cur, end, d);
        }
        if (questions > 0) {
            multipleResponses = false;
            int section = section(buf, d, cur, update ? "Zone" : "Queries");
            int first = cur;
            for (int i = 0; i < questions; i++) {
                cur += question(buf, cur, hdr, d, mdns);
            }
            endSection(d, section, cur - first);
            transactions.setMultipleResponses(multipleResponses);
        }
        cur = records(buf, cur, hdr, d, mdns, answers, update ? "Prerequisites" : "Answers");
        cur = records(buf, cur, hdr, d, mdns, authority, update ? "Updates" : "Authoritative nameservers");
        cur = records(buf, cur, hdr, d, mdns, additional, "Additional records");

        if (tree) {
            stateFields(d, response, retransmission, requestFrame, responseFrame, requestTime, now, idRow);
        }

        // trailing bytes: shown as extraneous data (and so they must have been captured)
        int extraneous = end - cur;
        if (extraneous > 0) {
            buf.check(cur, extraneous);
            if (tree) {
                d.openRow(d.addText(DnsTree.TEXT, cur, extraneous, "Extraneous Data (" + extraneous + " bytes)"));
                DnsRdata.bytesItem(d, buf, DnsFields.EXTRANEOUS_DATA, cur, extraneous);
                d.flag(d.add(DnsFields.EXTRANEOUS_LENGTH, 0, 0, extraneous), Dissection.GENERATED);
                d.close();
            }
        }
        if (tree) {
            d.close();
        }
    }

    /** A text subtree ("Queries", "Answers" ...) that the following items go under. */
    private static int section(PacketBuffer buf, Dissection d, int off, String title) {
        if (!d.tree()) {
            return -1;
        }
        // added "to the end of the message": its first byte must be there
        DnsRdata.item(buf, off, -1);
        int row = d.addText(DnsTree.TEXT, off, 0, title);
        d.openRow(row);
        return row;
    }

    private static void endSection(Dissection d, int row, int length) {
        if (row >= 0) {
            d.setLength(row, length);
            d.close();
        }
    }

    private int records(PacketBuffer buf, int cur, int hdr, Dissection d, boolean mdns, int count, String title) {
        if (count == 0) {
            return cur;
        }
        int section = section(buf, d, cur, title);
        int first = cur;
        for (int i = 0; i < count; i++) {
            cur += record(buf, cur, hdr, d, mdns);
        }
        endSection(d, section, cur - first);
        return cur;
    }

    private static void hex4(StringBuilder sb, int v) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((v >> shift) & 0xF, 16));
        }
    }

    private static void count(Dissection d, FieldDef f, int off, int v) {
        d.add(f, off, 2, v);
    }

    private static void flagFields(Dissection d, int off, int flags, int kind) {
        boolean response = (flags & 0x8000) != 0;
        int row = d.add(DnsFields.FLAGS, off, 2, flags);
        StringBuilder sb = new StringBuilder(64).append("Flags: 0x");
        hex4(sb, flags);
        sb.append(' ').append(DnsTables.opcodeText((flags >> 11) & 0xF));
        if (response) {
            sb.append(" response, ").append(DnsTables.rcodeText(flags & 0xF));
        }
        d.setText(row, sb.toString());
        d.openRow(row);
        d.add(DnsFields.FLAGS_RESPONSE, off, 2, flags);
        d.add(DnsFields.FLAGS_OPCODE, off, 2, (flags >> 11) & 0xF);
        if (kind == LLMNR) {
            int c = d.add(DnsFields.FLAGS_CONFLICT, off, 2, flags);
            if (!response) {
                d.setText(c, DnsTree.bitText(flags, 0x400, 16, "Conflict",
                        (flags & 0x400) != 0 ? "The sender received multiple responses" : "None"));
            }
            d.add(DnsFields.FLAGS_TRUNCATED, off, 2, flags);
            d.add(DnsFields.FLAGS_TENTATIVE, off, 2, flags);
            if (response) {
                d.add(DnsFields.FLAGS_RCODE, off, 2, flags & 0xF);
            }
        } else {
            if (response) {
                d.add(DnsFields.FLAGS_AUTHORITATIVE, off, 2, flags);
            }
            d.add(DnsFields.FLAGS_TRUNCATED, off, 2, flags);
            d.add(DnsFields.FLAGS_RECDESIRED, off, 2, flags);
            if (response) {
                d.add(DnsFields.FLAGS_RECAVAIL, off, 2, flags);
            }
            d.add(DnsFields.FLAGS_Z, off, 2, flags);
            if (response) {
                int a = d.add(DnsFields.FLAGS_AUTHENTICATED, off, 2, flags);
                d.setText(a, DnsTree.bitText(flags, 0x20, 16, "Answer authenticated", (flags & 0x20) != 0
                        ? "Answer/authority portion was authenticated by the server"
                        : "Answer/authority portion was not authenticated by the server"));
            } else if ((flags & 0x20) != 0) {
                int a = d.add(DnsFields.FLAGS_AUTHENTICATED, off, 2, flags);
                d.setText(a, DnsTree.bitText(flags, 0x20, 16, "AD bit", "Set"));
            }
            d.add(DnsFields.FLAGS_CHECKDISABLE, off, 2, flags);
            if (response) {
                d.add(DnsFields.FLAGS_RCODE, off, 2, flags & 0xF);
            }
        }
        d.close();
    }

    private static void stateFields(Dissection d, boolean response, boolean retransmission, long requestFrame,
                                    long responseFrame, long requestTime, long now, int idRow) {
        if (!response) {
            if (retransmission && requestFrame != 0 && !d.inErrorPacket) {
                d.flag(d.add(DnsFields.RETRANSMIT_REQUEST_IN, 0, 0, requestFrame), Dissection.GENERATED);
                d.flag(d.add(DnsFields.RETRANSMISSION, 0, 0, 1), Dissection.GENERATED);
                expert(d, idRow, DnsFields.RETRANSMIT_REQUEST,
                        "DNS query retransmission. Original request in frame " + requestFrame);
            } else if (responseFrame != 0) {
                d.flag(d.add(DnsFields.RESPONSE_IN, 0, 0, responseFrame), Dissection.GENERATED);
            }
        } else if (requestFrame != 0) {
            if (retransmission && responseFrame != 0 && !d.inErrorPacket) {
                d.flag(d.add(DnsFields.RETRANSMIT_RESPONSE_IN, 0, 0, responseFrame), Dissection.GENERATED);
                d.flag(d.add(DnsFields.RETRANSMISSION, 0, 0, 1), Dissection.GENERATED);
                expert(d, idRow, DnsFields.RETRANSMIT_RESPONSE,
                        "DNS response retransmission. Original response in frame " + responseFrame);
            } else {
                d.flag(d.add(DnsFields.RESPONSE_TO, 0, 0, requestFrame), Dissection.GENERATED);
                d.flag(d.add(DnsFields.TIME, 0, 0, now - requestTime), Dissection.GENERATED);
            }
        } else if (!retransmission) {
            d.flag(d.add(DnsFields.UNSOLICITED, 0, 0, 1), Dissection.GENERATED);
        }
    }

    /** An expert item under the transaction ID, as tshark attaches it. */
    private static void expert(Dissection d, int idRow, io.jcap.field.FieldDef f, String message) {
        if (idRow < 0) {
            return;
        }
        int open = d.openRowIndex();
        d.openRow(idRow);
        io.jcap.dissect.Expert.add(d, f, io.jcap.dissect.Expert.Severity.WARNING, io.jcap.dissect.Expert.Group.PROTOCOL,
                message, d.fieldOffset(idRow), d.fieldLength(idRow));
        d.openRow(open);
    }

    /** DNS Stateful Operations TLVs (a DSO message has no records). */
    private static int dso(PacketBuffer buf, int off, int end, Dissection d) {
        int start = off;
        DnsRdata.item(buf, off, -1);
        int dsoRow = d.tree() ? d.open(DnsFields.DSO, off, end - off) : -1;
        while (end - off >= 4) {
            int len = Tvb.u16(buf, off + 2);
            int type = buf.u16(off);
            int tlvRow = -1;
            if (d.tree()) {
                tlvRow = d.open(DnsFields.DSO_TLV, off, len + 4);
                String n = DnsFields.DSO_TLV_TYPE.values.name(type);
                d.setText(tlvRow, "DSO TLV: " + (n != null ? n : "Unknown"));
                d.add(DnsFields.DSO_TLV_TYPE, off, 2, type);
                d.add(DnsFields.DSO_TLV_LENGTH, off + 2, 2, len);
            }
            off += 4;
            switch (type) {
                case 1 -> {
                    d.add(DnsFields.DSO_TLV_KEEPALIVE_INACTIVITY, off, 4, buf.u32(off));
                    d.add(DnsFields.DSO_TLV_KEEPALIVE_INTERVAL, off + 4, 4, buf.u32(off + 4));
                    off += 8;
                }
                case 2 -> {
                    long delay = buf.u32(off);
                    d.add(DnsFields.DSO_TLV_RETRYDELAY_RETRYDELAY, off, 4, delay);
                    off += 4;
                }
                default -> {
                    if (len > 0) {
                        buf.check(off, len);
                        if (d.tree()) {
                            DnsRdata.bytesItem(d, buf, type == 3 ? DnsFields.DSO_TLV_ENCPAD_PADDING
                                    : DnsFields.DSO_TLV_DATA, off, len);
                        }
                        off += len;
                    }
                }
            }
            if (tlvRow >= 0) {
                d.close();
            }
        }
        if (dsoRow >= 0) {
            d.close();
        }
        return off - start;
    }

    /** One question: " TYPE NAME" in the Info column. */
    private int question(PacketBuffer buf, int off, int base, Dissection d, boolean mdns) {
        int nameLen = names.read(buf, off, base);
        int type = Tvb.u16(buf, off + nameLen);
        int cls = Tvb.u16(buf, off + nameLen + 2);
        boolean qu = false;
        if (mdns) {
            qu = (cls & 0x8000) != 0;
            cls &= 0x7fff;
        }
        if (type == DnsTables.T_AXFR || type == DnsTables.T_IXFR) {
            multipleResponses = true;
        }
        StringBuilder sb = d.info.builder().append(' ');
        DnsTables.appendType(sb, type).append(' ');
        names.formatted(sb);
        if (mdns) {
            sb.append(qu ? ", \"QU\" question" : ", \"QM\" question");
        }
        if (d.tree()) {
            String name = names.formattedString();
            StringBuilder head = new StringBuilder(name.length() + 32).append(name).append(": type ");
            DnsTables.appendType(head, type).append(", class ").append(DnsTables.className(cls));
            if (mdns) {
                head.append(qu ? ", \"QU\" question" : ", \"QM\" question");
            }
            int row = d.addText(DnsTree.TEXT, off, nameLen + 4, head.toString());
            d.openRow(row);
            int n = names.length();
            d.addObject(DnsFields.QRY_NAME, off, nameLen, name);
            d.flag(d.add(DnsFields.QRY_NAME_LEN, off, nameLen, n > 1 ? n : 0), Dissection.GENERATED);
            d.flag(d.add(DnsFields.COUNT_LABELS, off, nameLen, labels()), Dissection.GENERATED);
            d.add(DnsFields.QRY_TYPE, off + nameLen, 2, type);
            int c = d.add(DnsFields.QRY_CLASS, off + nameLen + 2, 2, cls);
            if (mdns) {
                d.setText(c, classBits(cls));
                d.add(DnsFields.QRY_QU, off + nameLen + 2, 2, qu ? 0x8000 : 0);
            }
            d.close();
        }
        return nameLen + 4;
    }

    /** qname_labels_count: dots plus one, for names longer than one character. */
    private int labels() {
        int n = names.length();
        if (n <= 1) {
            return 0;
        }
        int labels = 1;
        for (int i = 0; i < n; i++) {
            if (names.byteAt(i) == '.') {
                labels++;
            }
        }
        return labels;
    }

    /** One resource record of any section: " TYPE" and what the type shows. */
    private int record(PacketBuffer buf, int off, int base, Dissection d, boolean mdns) {
        int nameLen = names.read(buf, off, base);
        int type = Tvb.u16(buf, off + nameLen);
        int cls = Tvb.u16(buf, off + nameLen + 2);
        boolean flush = false;
        if (mdns) {
            flush = (cls & 0x8000) != 0;
            cls &= 0x7fff;
        }
        int ttlOff = off + nameLen + 4;
        int dataOff = ttlOff + 4;
        int dataLen = Tvb.u16(buf, dataOff);
        dataOff += 2;
        StringBuilder sb = d.info.builder().append(' ');
        DnsTables.appendType(sb, type);
        if (flush) {
            sb.append(", cache flush");
        }
        int row = -1;
        if (d.tree()) {
            // with a tree, tshark's item for the whole record must fit in the message: a data
            // length that overruns it fails here (a plain summary run reads on instead)
            buf.check(off, dataOff + dataLen - off);
            String name = names.formattedString();
            StringBuilder head = rdata.head;
            head.setLength(0);
            head.append(name).append(": type ");
            DnsTables.appendType(head, type);
            if (type != DnsTables.T_OPT) {
                head.append(", class ").append(DnsTables.className(cls));
            }
            if (flush) {
                head.append(", cache flush");
            }
            row = d.addText(DnsTree.TEXT, off, dataOff + dataLen - off, null);
            d.openRow(row);
            ownerFields(buf, off, nameLen, name, type, cls, flush, mdns, ttlOff, d);
            // the header so far: what shows if the data turns out malformed
            d.setText(row, head.toString());
        }
        if (dataLen > 0) {
            try {
                rdata.dissect(buf, dataOff, dataLen, type, cls, base, d, mdns);
            } catch (BoundsException e) {
                if (row >= 0) {
                    // what the data appended before it failed stays in the header
                    d.setText(row, rdata.head.toString());
                }
                throw e;
            }
        }
        if (row >= 0) {
            // the data appended what its type shows ("addr 10.0.0.1", "mname ns1.example.com" ...)
            d.setText(row, rdata.head.toString());
            d.close();
        }
        return dataOff + dataLen - off;
    }

    /** The mDNS class under its 15-bit mask: ".000 0000 0000 0001 = Class: IN (0x0001)". */
    private static String classBits(int cls) {
        StringBuilder sb = new StringBuilder(64);
        io.jcap.field.Formats.bits(sb, cls, 0x7fff, 16).append("Class: ");
        String n = DnsTables.className(cls);
        if (!"Unknown".equals(n)) {
            sb.append(n).append(" (0x");
        } else {
            sb.append("Unknown (0x");
        }
        hex4(sb, cls);
        return sb.append(')').toString();
    }

    private static void ownerFields(PacketBuffer buf, int off, int nameLen, String name, int type, int cls,
                                    boolean flush, boolean mdns, int ttlOff, Dissection d) {
        int typeOff = off + nameLen;
        if (type == DnsTables.T_OPT) {
            d.addObject(DnsFields.RESP_NAME, off, nameLen, name);
            d.add(DnsFields.RESP_TYPE, typeOff, 2, type);
            if (mdns) {
                d.add(DnsFields.RR_UDP_PAYLOAD_SIZE, typeOff + 2, 2, cls);
                d.add(DnsFields.RESP_CACHE_FLUSH, typeOff + 2, 2, flush ? 0x8000 : 0);
            } else {
                // without the mDNS split, the whole 16 bits: tshark's second, decimal field of the name
                d.add(DnsFields.RR_UDP_PAYLOAD_SIZE_2, typeOff + 2, 2, cls);
            }
            d.add(DnsFields.RESP_EXT_RCODE, ttlOff, 1, buf.u8(ttlOff));
            d.add(DnsFields.RESP_EDNS0_VERSION, ttlOff + 1, 1, buf.u8(ttlOff + 1));
            int z = buf.u16(ttlOff + 2);
            d.openRow(d.add(DnsFields.RESP_Z, ttlOff + 2, 2, z));
            d.add(DnsFields.RESP_Z_DO, ttlOff + 2, 2, z);
            d.add(DnsFields.RESP_Z_RESERVED, ttlOff + 2, 2, z & 0x7fff);
            d.close();
        } else {
            if (type == DnsTables.T_SRV && !name.isEmpty()) {
                int dot1 = name.indexOf('.');
                d.addObject(DnsFields.SRV_SERVICE, off, nameLen, dot1 < 0 ? name : name.substring(0, dot1));
                if (dot1 >= 0) {
                    int dot2 = name.indexOf('.', dot1 + 1);
                    d.addObject(DnsFields.SRV_PROTO, off, nameLen,
                            dot2 < 0 ? name.substring(dot1 + 1) : name.substring(dot1 + 1, dot2));
                    if (dot2 >= 0) {
                        d.addObject(DnsFields.SRV_NAME, off, nameLen, name.substring(dot2 + 1));
                    }
                }
            } else {
                d.addObject(DnsFields.RESP_NAME, off, nameLen, name);
            }
            d.add(DnsFields.RESP_TYPE, typeOff, 2, type);
            int c = d.add(DnsFields.RESP_CLASS, typeOff + 2, 2, cls);
            if (mdns) {
                d.setText(c, classBits(cls));
                d.add(DnsFields.RESP_CACHE_FLUSH, typeOff + 2, 2, flush ? 0x8000 : 0);
            }
            long ttl = buf.u32(ttlOff);
            int ttlRow = d.add(DnsFields.RESP_TTL, ttlOff, 4, ttl);
            d.setText(ttlRow, DnsTree.seconds("Time to live", ttl));
            if ((ttl & 0x80000000L) != 0) {
                d.openRow(ttlRow);
                io.jcap.dissect.Expert.add(d, DnsFields.TTL_HIGH_BIT_SET, io.jcap.dissect.Expert.Severity.WARNING,
                        io.jcap.dissect.Expert.Group.PROTOCOL,
                        "The uppermost bit of the TTL is set (RFC 2181, section 8)", ttlOff, 4);
                d.close();
            }
        }
        d.add(DnsFields.RESP_LEN, ttlOff + 4, 2, buf.u16(ttlOff + 4));
    }
}
