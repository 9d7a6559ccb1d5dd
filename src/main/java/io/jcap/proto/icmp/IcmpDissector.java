package io.jcap.proto.icmp;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.data.DataDissector;
import io.jcap.field.Formats;

/**
 * ICMP for IPv4 (RFC 792 and friends) as tshark 4.0 shows it: the type name padded to 20
 * columns, the code name for the types that have a code table, identifier/sequence and
 * TTL for the query types, "(request in N)" on matched echo replies.
 *
 * <p>Bytes are checked in the order tshark's dissector reads them (including the checks
 * that adding a tree item makes even without a tree), so that short and cut messages
 * end with the same text and mark. The datagram quoted in an error message is dissected
 * by the IP dissectors with the columns locked; its bounds errors are ignored.
 */
public final class IcmpDissector implements Dissector {
    static final int ECHO_REPLY = 0;
    static final int UNREACH = 3;
    static final int SOURCE_QUENCH = 4;
    static final int REDIRECT = 5;
    static final int ALT_HOST = 6;
    static final int ECHO = 8;
    static final int ROUTER_ADVERT = 9;
    static final int TIME_EXCEEDED = 11;
    static final int PARAM_PROBLEM = 12;
    static final int TIMESTAMP = 13;
    static final int TIMESTAMP_REPLY = 14;
    static final int INFO_REQUEST = 15;
    static final int INFO_REPLY = 16;
    static final int MASK_REQUEST = 17;
    static final int MASK_REPLY = 18;
    static final int PHOTURIS = 40;
    static final int EXT_ECHO = 42;
    static final int EXT_ECHO_REPLY = 43;
    static final int FRAG_NEEDED = 4;

    /** Beyond this many nested error messages the quoted datagram is not dissected. */
    static final int MAX_NESTING = 8;

    static final String UNKNOWN_TYPE = "Unknown ICMP (obsolete or malformed?)";
    private static final String[] TYPE_NAMES = new String[256];
    private static final String[] UNREACH_CODES = {
        "Network unreachable", "Host unreachable", "Protocol unreachable", "Port unreachable",
        "Fragmentation needed", "Source route failed", "Destination network unknown",
        "Destination host unknown", "Source host isolated", "Network administratively prohibited",
        "Host administratively prohibited", "Network unreachable for TOS", "Host unreachable for TOS",
        "Communication administratively filtered", "Host precedence violation", "Precedence cutoff in effect",
    };
    private static final String[] REDIRECT_CODES = {
        "Redirect for network", "Redirect for host", "Redirect for TOS and network", "Redirect for TOS and host",
    };
    private static final String[] ALT_HOST_CODES = {"Alternate address for host"};
    private static final String[] TTL_CODES = {"Time to live exceeded in transit", "Fragment reassembly time exceeded"};
    private static final String[] PARAM_CODES = {
        "Pointer indicates the error", "Required option missing", "Bad length",
    };
    private static final String[] PHOTURIS_CODES = {
        "Bad SPI", "Authentication Failed", "Decompression Failed", "Decryption Failed", "Need Authentication",
        "Need Authorization",
    };
    private static final String[] EXT_ECHO_CODES = {"No error"};
    private static final String[] EXT_ECHO_REPLY_CODES = {
        "No error", "Malformed Query", "No Such Interface", "No Such Table Entry", "Multiple Interfaces Satisfy Query",
    };

    static {
        String[] names = {
            "Echo (ping) reply", "Reserved", "Reserved", "Destination unreachable", "Source quench (flow control)",
            "Redirect", "Alternate host address", null, "Echo (ping) request", "Router advertisement",
            "Router solicitation", "Time-to-live exceeded", "Parameter problem", "Timestamp request",
            "Timestamp reply", "Information request", "Information reply", "Address mask request",
            "Address mask reply", "Reserved (for security)",
        };
        for (int i = 0; i < 256; i++) {
            TYPE_NAMES[i] = UNKNOWN_TYPE;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                TYPE_NAMES[i] = names[i];
            }
        }
        String[] high = {
            "Traceroute", "Datagram Conversion Error", "Mobile Host Redirect", "IPv6 Where-Are-You",
            "IPv6 I-Am-Here", "Mobile Registration Request", "Mobile Registration Reply", "Domain Name Request",
            "Domain Name Reply", "SKIP", "Photuris", "Experimental mobility protocols", "Extended Echo request",
            "Extended Echo reply",
        };
        for (int i = 0; i < high.length; i++) {
            TYPE_NAMES[30 + i] = high[i];
        }
    }

    private final DissectorTable ethertypes;
    private final EchoTracker echoes = new EchoTracker();
    private final io.jcap.dissect.Hindsight hindsight;
    private final QuotedPacket quoted;
    /** The echo payload is a "data" layer of its own (frame.protocols icmp:data). */
    private final DataDissector data;

    public IcmpDissector(EngineBuilder b) {
        this.hindsight = b.hindsight();
        b.protocol(IcmpFields.PROTOCOL);
        this.data = new DataDissector(b);
        this.ethertypes = b.table("ethertype", "Ethertype", 1 << 16);
        this.quoted = new QuotedPacket(IcmpFields.PROTOCOL);
        b.table("ip.proto", "IP protocol", 256).add(1, this, "icmp");
    }

    /** The name Info shows for a type (before padding). */
    static String typeName(int type, int code) {
        if (type == ROUTER_ADVERT && (code == 0 || code == 16)) {
            return "Mobile IP Advertisement";
        }
        return TYPE_NAMES[type];
    }

    /** Appends the code name of types that have a code table and returns true; false for the others. */
    static boolean appendCode(StringBuilder sb, int type, int code) {
        String[] table;
        switch (type) {
            case UNREACH:
                table = UNREACH_CODES;
                break;
            case REDIRECT:
                table = REDIRECT_CODES;
                break;
            case ALT_HOST:
                table = ALT_HOST_CODES;
                break;
            case ROUTER_ADVERT:
                if (code == 0) {
                    sb.append("Normal router advertisement");
                } else if (code == 16) {
                    sb.append("Does not route common traffic");
                } else {
                    sb.append("Unknown code: ").append(code);
                }
                return true;
            case TIME_EXCEEDED:
                table = TTL_CODES;
                break;
            case PARAM_PROBLEM:
                table = PARAM_CODES;
                break;
            case PHOTURIS:
                table = PHOTURIS_CODES;
                break;
            case EXT_ECHO:
                table = EXT_ECHO_CODES;
                break;
            case EXT_ECHO_REPLY:
                table = EXT_ECHO_REPLY_CODES;
                break;
            default:
                return false;
        }
        if (code < table.length) {
            sb.append(table[code]);
        } else {
            sb.append("Unknown code: ").append(code);
        }
        return true;
    }

    private static boolean hasCodeTable(int type) {
        switch (type) {
            case UNREACH:
            case REDIRECT:
            case ALT_HOST:
            case ROUTER_ADVERT:
            case TIME_EXCEEDED:
            case PARAM_PROBLEM:
            case PHOTURIS:
            case EXT_ECHO:
            case EXT_ECHO_REPLY:
                return true;
            default:
                return false;
        }
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(IcmpFields.PROTOCOL);
        d.setProtocol("ICMP");
        d.info.clear();
        int type = buf.u8(offset);
        int code = buf.u8(offset + 1);
        // RFC 4884: length of the original datagram, in 32-bit words
        int origLength = buf.u8(offset + 5);
        if (type == ALT_HOST) {
            origLength = 0;
        }
        String typeName = typeName(type, code);

        StringBuilder sb = d.info.builder();
        sb.append(typeName);
        for (int i = typeName.length(); i < 20; i++) {
            sb.append(' ');
        }
        if (hasCodeTable(type)) {
            sb.append(" (");
            appendCode(sb, type, code);
            sb.append(')');
        }

        int end = buf.end();
        int reported = end - offset;
        boolean tree = d.tree();
        if (tree) {
            d.open(IcmpFields.PROTOCOL.field, offset, Math.min(reported, buf.capturedRemaining(offset)));
            d.setText(d.add(IcmpFields.TYPE, offset, 1, type), "Type: " + type + " (" + typeName + ")");
            int codeRow = d.add(IcmpFields.CODE, offset + 1, 1, code);
            if (hasCodeTable(type)) {
                StringBuilder cb = new StringBuilder(48).append("Code: ").append(code).append(" (");
                appendCode(cb, type, code);
                d.setText(codeRow, cb.append(')').toString());
            }
            int ck = buf.u16(offset + 2);
            if (!d.fragmented && buf.capturedRemaining(offset) >= reported && !d.inErrorPacket) {
                TreeItems.checksumVerified(d, IcmpFields.CHECKSUM, IcmpFields.CHECKSUM_STATUS,
                        IcmpFields.CHECKSUM_BAD, offset + 2, ck, TreeItems.internetChecksum(buf, offset, reported, 0));
            } else {
                TreeItems.checksumUnverified(d, IcmpFields.CHECKSUM, IcmpFields.CHECKSUM_STATUS, offset + 2, ck,
                        d.inErrorPacket ? "[in ICMP error packet]" : "[fragmented datagram]");
            }
        }
        try {
            body(buf, offset, d, type, code, origLength, reported, tree);
        } finally {
            if (tree) {
                d.close();
            }
        }
        return reported;
    }

    private void body(PacketBuffer buf, int offset, Dissection d, int type, int code, int origLength, int reported,
                      boolean tree) {
        // the second word: each item requires its bytes as it is added
        switch (type) {
            case ECHO_REPLY:
            case ECHO:
            case TIMESTAMP:
            case TIMESTAMP_REPLY:
            case INFO_REQUEST:
            case INFO_REPLY:
            case MASK_REQUEST:
            case MASK_REPLY: {
                buf.check(offset + 4, 2);
                int id = buf.u16(offset + 4);
                if (tree) {
                    d.add(IcmpFields.IDENT, offset + 4, 2, id);
                    d.add(IcmpFields.IDENT_LE, offset + 4, 2, buf.u16le(offset + 4));
                }
                buf.check(offset + 6, 2);
                int seq = buf.u16(offset + 6);
                int seqLe = buf.u16le(offset + 6);
                if (tree) {
                    d.add(IcmpFields.SEQ, offset + 6, 2, seq);
                    d.add(IcmpFields.SEQ_LE, offset + 6, 2, seqLe);
                }
                StringBuilder sb = d.info.builder();
                Formats.hex(sb.append(" id=0x"), id, 4).append(", seq=").append(seq).append('/').append(seqLe);
                if (d.netSrc.type == Address.Type.IPV4 && d.ipTtl >= 0) {
                    sb.append(", ttl=").append(d.ipTtl);
                }
                break;
            }
            case UNREACH:
                if (origLength > 0) {
                    unused(buf, d, offset + 4, 1);
                    originalLength(buf, d, offset, origLength);
                    if (code == FRAG_NEEDED) {
                        buf.check(offset + 6, 2);
                        if (tree) {
                            d.add(IcmpFields.MTU, offset + 6, 2, buf.u16(offset + 6));
                        }
                    } else {
                        unused(buf, d, offset + 6, 2);
                    }
                } else if (code == FRAG_NEEDED) {
                    unused(buf, d, offset + 4, 2);
                    buf.check(offset + 6, 2);
                    if (tree) {
                        d.add(IcmpFields.MTU, offset + 6, 2, buf.u16(offset + 6));
                    }
                } else {
                    unused(buf, d, offset + 4, 4);
                }
                break;
            case ROUTER_ADVERT: {
                int num = buf.u8(offset + 4);
                int size = buf.u8(offset + 5);
                int lifetime = buf.u16(offset + 6);
                if (tree) {
                    d.add(IcmpFields.NUM_ADDRS, offset + 4, 1, num);
                    d.add(IcmpFields.ADDR_ENTRY_SIZE, offset + 5, 1, size);
                    d.setText(d.add(IcmpFields.LIFETIME, offset + 6, 2, lifetime),
                            "Lifetime: " + lifetime + " (" + TreeItems.timeSecs(lifetime) + ")");
                }
                break;
            }
            case PARAM_PROBLEM:
                buf.check(offset + 4, 1);
                if (tree) {
                    d.add(IcmpFields.POINTER, offset + 4, 1, buf.u8(offset + 4));
                }
                if (origLength > 0) {
                    originalLength(buf, d, offset, origLength);
                    unused(buf, d, offset + 6, 2);
                } else {
                    unused(buf, d, offset + 5, 3);
                }
                break;
            case REDIRECT:
                buf.check(offset + 4, 4);
                if (tree) {
                    d.add(IcmpFields.REDIR_GW, offset + 4, 4, buf.u32(offset + 4));
                }
                break;
            case TIME_EXCEEDED:
                if (origLength > 0) {
                    unused(buf, d, offset + 4, 1);
                    originalLength(buf, d, offset, origLength);
                    unused(buf, d, offset + 6, 2);
                } else {
                    unused(buf, d, offset + 4, 4);
                }
                break;
            case EXT_ECHO:
            case EXT_ECHO_REPLY: {
                buf.check(offset + 4, 2);
                if (tree) {
                    d.add(IcmpFields.IDENT, offset + 4, 2, buf.u16(offset + 4));
                    d.add(IcmpFields.IDENT_LE, offset + 4, 2, buf.u16le(offset + 4));
                }
                buf.check(offset + 6, 1);
                if (tree) {
                    d.add(IcmpFields.EXT_ECHO_SEQ, offset + 6, 1, buf.u8(offset + 6));
                }
                buf.check(offset + 7, 1);
                int flags = buf.u8(offset + 7);
                if (type == EXT_ECHO) {
                    if (tree) {
                        d.addBits(IcmpFields.EXT_ECHO_REQ_RES, offset + 7, 1, flags);
                        d.add(IcmpFields.EXT_ECHO_REQ_LOCAL, offset + 7, 1, flags);
                    }
                } else if (tree) {
                    d.addBits(IcmpFields.EXT_ECHO_RSP_STATE, offset + 7, 1, flags);
                    d.addBits(IcmpFields.EXT_ECHO_RSP_RES, offset + 7, 1, flags);
                    d.add(IcmpFields.EXT_ECHO_RSP_ACTIVE, offset + 7, 1, flags);
                    d.add(IcmpFields.EXT_ECHO_RSP_IPV4, offset + 7, 1, flags);
                    d.add(IcmpFields.EXT_ECHO_RSP_IPV6, offset + 7, 1, flags);
                }
                break;
            }
            default:
                break;
        }

        // the rest of the message
        switch (type) {
            case UNREACH:
            case TIME_EXCEEDED:
            case PARAM_PROBLEM:
            case SOURCE_QUENCH:
            case REDIRECT:
                error(buf, offset, d, type, origLength, reported, tree);
                break;
            case ECHO_REPLY:
            case ECHO:
                echo(buf, offset, d, type);
                echoData(buf, offset, d, tree);
                break;
            case ROUTER_ADVERT: {
                int num = buf.u8(offset + 4);
                int size = buf.u8(offset + 5);
                if (size == 2) {
                    for (int i = 0; i < num; i++) {
                        int at = offset + 8 + i * 8;
                        buf.check(at, 4);
                        buf.check(at + 4, 4);
                        if (tree) {
                            d.add(IcmpFields.ROUTER_ADDRESS, at, 4, buf.u32(at));
                            d.add(IcmpFields.PREF_LEVEL, at + 4, 4, buf.i32(at + 4));
                        }
                    }
                    if (tree && (code == 0 || code == 16)) {
                        mipExtensions(buf, offset + 8 + num * 8, d);
                    }
                } else {
                    d.call(data, offset + 8, buf.end());
                }
                break;
            }
            case TIMESTAMP:
            case TIMESTAMP_REPLY:
                long frameTs = (d.frame.seconds * 1000 + d.frame.nanos / 1_000_000) % 86_400_000L;
                for (int at = offset + 8; at <= offset + 16; at += 4) {
                    buf.check(at, 4);
                    if (tree) {
                        timestamp(buf, d, at == offset + 8 ? IcmpFields.ORIGINATE_TIMESTAMP
                                : at == offset + 12 ? IcmpFields.RECEIVE_TIMESTAMP : IcmpFields.TRANSMIT_TIMESTAMP,
                                at, frameTs);
                    }
                }
                break;
            case MASK_REQUEST:
            case MASK_REPLY:
                buf.check(offset + 8, 4);
                if (tree) {
                    d.add(IcmpFields.ADDRESS_MASK, offset + 8, 4, buf.u32(offset + 8));
                }
                break;
            case EXT_ECHO:
                if (reported > 8) {
                    IcmpExtension.dissect(buf, offset + 8, d);
                }
                break;
            default:
                break;
        }
    }

    private static void unused(PacketBuffer buf, Dissection d, int off, int length) {
        buf.check(off, length);
        if (d.tree()) {
            d.addBytes(IcmpFields.UNUSED, off, length);
        }
    }

    /** RFC 4884 length (32-bit words) and the generated length in bytes (a number the 8-bit field cannot hold). */
    private static void originalLength(PacketBuffer buf, Dissection d, int offset, int words) {
        buf.check(offset + 5, 1);
        if (d.tree()) {
            d.add(IcmpFields.LENGTH, offset + 5, 1, words);
            int row = d.add(IcmpFields.LENGTH_ORIGINAL_DATAGRAM, offset + 5, 1, words * 4);
            d.setText(row, IcmpFields.LENGTH_ORIGINAL_DATAGRAM.name + ": " + words * 4);
            d.flag(row, Dissection.GENERATED);
        }
    }

    private void echo(PacketBuffer buf, int offset, Dissection d, int type) {
        if (d.inErrorPacket) {
            return;
        }
        int ck = buf.u16(offset + 2);
        int id = buf.u16(offset + 4);
        int seq = buf.u16(offset + 6);
        if (type == ECHO_REPLY) {
            long request = echoes.reply(d.netSrc, d.netDst, ck == 0xffff ? 0 : ck, id, seq, d.frame.number);
            if (request != 0) {
                hindsight.note(io.jcap.dissect.Hindsight.Fact.ECHO_REPLY_IN, request, d.frame.number);
                d.info.builder().append(" (request in ").append(request).append(')');
                if (d.tree()) {
                    responseItems(d, IcmpFields.RESP_TO, IcmpFields.RESPTIME, request, echoes);
                }
            }
        } else {
            echoes.request(d.netSrc, d.netDst, EchoTracker.expectedChecksum(ck, 0x0800), id, seq, d.frame.number,
                    d.frame.seconds, d.frame.nanos);
            replyOutcome(d, hindsight, IcmpFields.RESP_IN, IcmpFields.NO_RESP, "No response seen to ICMP request");
        }
    }

    /**
     * On an echo request in the second pass of -2: the reply the first pass matched to it
     * ("(reply in N)" and [Response frame: N]) or tshark's note that none came.
     */
    public static void replyOutcome(Dissection d, io.jcap.dissect.Hindsight hindsight, io.jcap.field.FieldDef respIn,
                                    io.jcap.field.FieldDef noResp, String noResponse) {
        if (!hindsight.recalling()) {
            return;
        }
        long reply = hindsight.recall(io.jcap.dissect.Hindsight.Fact.ECHO_REPLY_IN, d.frame.number, 0);
        if (reply != 0) {
            d.info.builder().append(" (reply in ").append(reply).append(')');
            if (d.tree()) {
                d.flag(d.add(respIn, 0, 0, reply), Dissection.GENERATED);
            }
            return;
        }
        d.info.builder().append(" (no response found!)");
        if (d.tree()) {
            int row = d.add(noResp, 0, 0, 0);
            d.flag(row, Dissection.GENERATED);
            int open = d.openRowIndex();
            d.openRow(row);
            io.jcap.dissect.Expert.add(d, noResp, io.jcap.dissect.Expert.Severity.WARNING,
                    io.jcap.dissect.Expert.Group.SEQUENCE, noResponse, 0, 0);
            d.openRow(open);
        }
    }

    /** "[Request frame: N]" and "[Response time: x.xxx ms]" of a matched reply. */
    public static void responseItems(Dissection d, io.jcap.field.FieldDef requestField,
                                     io.jcap.field.FieldDef timeField, long request, EchoTracker echoes) {
        d.flag(d.add(requestField, 0, 0, request), Dissection.GENERATED);
        long secs = d.frame.seconds - echoes.requestSeconds;
        long nanos = d.frame.nanos - echoes.requestNanos;
        if (nanos < 0) {
            nanos += 1_000_000_000L;
            secs--;
        }
        double ms = (double) secs * 1000 + (double) nanos / 1000000;
        int row = d.addObject(timeField, 0, 0, ms);
        d.setText(row, timeField.name + ": " + TreeItems.fixed3(ms) + " ms");
        d.flag(row, Dissection.GENERATED);
    }

    /**
     * The echo payload: when its first 8 bytes look like a timestamp near the frame's time
     * (seconds and microseconds, big- or little-endian) they are shown as one, the rest as data.
     */
    private void echoData(PacketBuffer buf, int offset, Dissection d, boolean tree) {
        int captured = buf.capturedRemaining(offset + 8);
        if (captured < 8) {
            if (captured > 0) {
                d.call(data, offset + 8, buf.end());
            }
            return;
        }
        long secs = buf.u32(offset + 8);
        int usecs = buf.i32(offset + 12);
        long frameSecs = d.frame.seconds;
        if (Math.abs((int) (secs - frameSecs)) >= 86400 || usecs >= 1000000) {
            secs = buf.u32le(offset + 8);
            usecs = (int) buf.u32le(offset + 12);
        }
        if (Math.abs((int) (secs - frameSecs)) < 86400 && usecs < 1000000) {
            if (tree) {
                long ns = secs * 1_000_000_000L + usecs * 1000L;
                d.add(IcmpFields.DATA_TIME, offset + 8, 8, ns);
                long frameNs = frameSecs * 1_000_000_000L + d.frame.nanos;
                d.flag(d.add(IcmpFields.DATA_TIME_RELATIVE, offset + 8, 8, frameNs - ns), Dissection.GENERATED);
            }
            d.call(data, offset + 16, buf.end());
        } else {
            d.call(data, offset + 8, buf.end());
        }
    }

    /** An originate/receive/transmit timestamp: ms after midnight, best guess of its byte order. */
    private static void timestamp(PacketBuffer buf, Dissection d, io.jcap.field.FieldDef f, int off, long frameTs) {
        long v = buf.u32(off);
        int row = d.add(f, off, 4, v);
        d.setText(row, f.name + ": " + v + " (" + TreeItems.timeMsecs(bestGuessMsOfDay(buf, off, frameTs))
                + " after midnight UTC)");
    }

    static final long MS_PER_DAY = 86_400_000L;

    /** get_best_guess_mstimeofday. */
    static long bestGuessMsOfDay(PacketBuffer buf, int off, long comp) {
        long be = buf.u32(off) & 0x7fffffffL;
        long le = buf.u32le(off) & 0x7fffffffL;
        if (be < MS_PER_DAY && le >= MS_PER_DAY) {
            return be;
        }
        if (le < MS_PER_DAY && be >= MS_PER_DAY) {
            return le;
        }
        if (be < MS_PER_DAY && le < MS_PER_DAY) {
            long savedBe = be;
            long savedLe = le;
            if (be < comp && be <= MS_PER_DAY / 4 && comp >= MS_PER_DAY - MS_PER_DAY / 4) {
                be += MS_PER_DAY;
            }
            if (le < comp && le <= MS_PER_DAY / 4 && comp >= MS_PER_DAY - MS_PER_DAY / 4) {
                le += MS_PER_DAY;
            }
            // unsigned 32-bit differences, as in C
            if (((be - comp) & 0xffffffffL) < ((le - comp) & 0xffffffffL)) {
                return savedBe;
            }
            return savedLe;
        }
        if (((be - comp) & 0xffffffffL) < ((le - comp) & 0xffffffffL)) {
            return be;
        }
        return le;
    }

    /** Mobile IP advertisement extensions (RFC 5944) after the router addresses. */
    private static void mipExtensions(PacketBuffer buf, int off, Dissection d) {
        int end = buf.end();
        while (end - off > 0) {
            int type = buf.u8(off);
            int length = type != 0 ? buf.u8(off + 1) : 0;
            String name = IcmpFields.MIP_TYPE.values.name(type);
            int ext = TreeItems.subtree(d, buf, off, 1, "Ext: " + (name != null ? name : "Unknown ext " + type));
            d.add(IcmpFields.MIP_TYPE, off, 1, type);
            off++;
            if (type != 0) {
                d.setLength(ext, length + 2);
                buf.check(off, 1);
                d.add(IcmpFields.MIP_LENGTH, off, 1, length);
                off++;
            }
            switch (type) {
                case 0:
                    break;
                case 16: {
                    buf.check(off, 2);
                    d.add(IcmpFields.MIP_SEQ, off, 2, buf.u16(off));
                    off += 2;
                    buf.check(off, 2);
                    d.add(IcmpFields.MIP_LIFE, off, 2, buf.u16(off));
                    off += 2;
                    buf.check(off, 2);
                    TreeItems.bitmask(d, IcmpFields.MIP_FLAGS, off, 2, buf.u16(off), IcmpFields.MIP_R,
                            IcmpFields.MIP_B, IcmpFields.MIP_H, IcmpFields.MIP_F, IcmpFields.MIP_M, IcmpFields.MIP_G,
                            IcmpFields.MIP_V, IcmpFields.MIP_RT, IcmpFields.MIP_U, IcmpFields.MIP_X,
                            IcmpFields.MIP_RESERVED);
                    off += 2;
                    int coas = (length - 6) / 4;
                    for (int i = 0; i < coas; i++) {
                        buf.check(off, 4);
                        d.add(IcmpFields.MIP_COA, off, 4, buf.u32(off));
                        off += 4;
                    }
                    break;
                }
                case 19:
                    for (int i = 0; i < length; i++) {
                        buf.check(off, 1);
                        d.add(IcmpFields.MIP_PREFIXLENGTH, off, 1, buf.u8(off));
                        off++;
                    }
                    break;
                case 24:
                    buf.check(off, length);
                    d.addBytes(IcmpFields.MIP_CHALLENGE, off, length);
                    off += length;
                    break;
                default:
                    if (length != 0) {
                        int n = length - 4;
                        if (n == -1) {
                            n = Math.max(0, buf.capturedEnd() - off);
                        } else if (n < 0) {
                            throw io.jcap.buffer.BoundsException.MALFORMED;
                        }
                        buf.check(off, n);
                        d.addBytes(IcmpFields.MIP_CONTENT, off, n);
                        off += length;
                    }
                    break;
            }
            d.close();
        }
    }

    private void error(PacketBuffer buf, int offset, Dissection d, int type, int origLength, int reported,
                       boolean tree) {
        int start = offset + 8;
        // tvb_new_subset_remaining(tvb, 8)
        buf.check(start, 0);
        int end = buf.end();
        int quotedEnd = end;
        if (type == REDIRECT) {
            // at most the IP header and 64 bits of its payload
            int len = (buf.u8(start) & 0x0f) * 4 + 8;
            quotedEnd = Math.min(end, start + len);
        } else if (origLength != 0 && reported > 8 + origLength * 4 && buf.u16(start + 2) > origLength * 4) {
            int len = ((buf.u8(start) & 0x0f) + origLength) * 4;
            quotedEnd = Math.min(end, start + len);
        }
        quoted.dissectIp(ethertypes, buf, start, quotedEnd, d);

        // multi-part extensions (RFC 4884) after the first 128 bytes of the original datagram
        if (reported > 8 + 128 && buf.u16(start + 2) <= 128) {
            int ext = start + (origLength != 0 ? origLength * 4 : 128);
            buf.check(ext, 0);
            IcmpExtension.dissect(buf, ext, d);
        }
    }

    private static boolean checksumOk(PacketBuffer buf, int offset, int length) {
        long sum = 0;
        int i = 0;
        for (; i + 1 < length; i += 2) {
            sum += buf.u16(offset + i);
        }
        if (i < length) {
            sum += buf.u8(offset + i) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum == 0xffff;
    }
}
