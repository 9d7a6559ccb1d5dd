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
    private final QuotedPacket quoted;
    /** The echo payload is a "data" layer of its own (frame.protocols icmp:data). */
    private final DataDissector data;

    public IcmpDissector(EngineBuilder b) {
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
            d.add(IcmpFields.TYPE, offset, 1, type);
            d.add(IcmpFields.CODE, offset + 1, 1, code);
            int ck = buf.u16(offset + 2);
            d.add(IcmpFields.CHECKSUM, offset + 2, 2, ck);
            if (!d.fragmented && buf.capturedRemaining(offset) >= reported && !d.inErrorPacket) {
                d.add(IcmpFields.CHECKSUM_STATUS, offset + 2, 0, checksumOk(buf, offset, reported) ? 1 : 0);
            } else {
                d.add(IcmpFields.CHECKSUM_STATUS, offset + 2, 0, 2);
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
        // the second word
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
                buf.check(offset + 6, 2);
                int id = buf.u16(offset + 4);
                int seq = buf.u16(offset + 6);
                int seqLe = buf.u16le(offset + 6);
                if (tree) {
                    d.add(IcmpFields.IDENT, offset + 4, 2, id);
                    d.add(IcmpFields.IDENT_LE, offset + 4, 2, buf.u16le(offset + 4));
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
                    buf.check(offset + 4, 1);
                    buf.check(offset + 5, 1);
                    buf.check(offset + 6, 2);
                    if (tree) {
                        d.addBytes(IcmpFields.UNUSED, offset + 4, 1);
                        d.add(IcmpFields.LENGTH, offset + 5, 1, origLength);
                        d.flag(d.add(IcmpFields.LENGTH_ORIGINAL_DATAGRAM, offset + 5, 1, origLength * 4),
                                Dissection.GENERATED);
                        if (code == FRAG_NEEDED) {
                            d.add(IcmpFields.MTU, offset + 6, 2, buf.u16(offset + 6));
                        } else {
                            d.addBytes(IcmpFields.UNUSED, offset + 6, 2);
                        }
                    }
                } else if (code == FRAG_NEEDED) {
                    buf.check(offset + 4, 2);
                    buf.check(offset + 6, 2);
                    if (tree) {
                        d.addBytes(IcmpFields.UNUSED, offset + 4, 2);
                        d.add(IcmpFields.MTU, offset + 6, 2, buf.u16(offset + 6));
                    }
                } else {
                    buf.check(offset + 4, 4);
                    if (tree) {
                        d.addBytes(IcmpFields.UNUSED, offset + 4, 4);
                    }
                }
                break;
            case ROUTER_ADVERT: {
                int num = buf.u8(offset + 4);
                int size = buf.u8(offset + 5);
                int lifetime = buf.u16(offset + 6);
                if (tree) {
                    d.add(IcmpFields.NUM_ADDRS, offset + 4, 1, num);
                    d.add(IcmpFields.ADDR_ENTRY_SIZE, offset + 5, 1, size);
                    d.add(IcmpFields.LIFETIME, offset + 6, 2, lifetime);
                }
                break;
            }
            case PARAM_PROBLEM:
                buf.check(offset + 4, 1);
                if (tree) {
                    d.add(IcmpFields.POINTER, offset + 4, 1, buf.u8(offset + 4));
                }
                if (origLength > 0) {
                    buf.check(offset + 5, 1);
                    buf.check(offset + 6, 2);
                    if (tree) {
                        d.add(IcmpFields.LENGTH, offset + 5, 1, origLength);
                        d.flag(d.add(IcmpFields.LENGTH_ORIGINAL_DATAGRAM, offset + 5, 1, origLength * 4),
                                Dissection.GENERATED);
                        d.addBytes(IcmpFields.UNUSED, offset + 6, 2);
                    }
                } else {
                    buf.check(offset + 5, 3);
                    if (tree) {
                        d.addBytes(IcmpFields.UNUSED, offset + 5, 3);
                    }
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
                    buf.check(offset + 4, 1);
                    buf.check(offset + 5, 1);
                    buf.check(offset + 6, 2);
                    if (tree) {
                        d.addBytes(IcmpFields.UNUSED, offset + 4, 1);
                        d.add(IcmpFields.LENGTH, offset + 5, 1, origLength);
                        d.flag(d.add(IcmpFields.LENGTH_ORIGINAL_DATAGRAM, offset + 5, 1, origLength * 4),
                                Dissection.GENERATED);
                        d.addBytes(IcmpFields.UNUSED, offset + 6, 2);
                    }
                } else {
                    buf.check(offset + 4, 4);
                    if (tree) {
                        d.addBytes(IcmpFields.UNUSED, offset + 4, 4);
                    }
                }
                break;
            case EXT_ECHO:
            case EXT_ECHO_REPLY: {
                buf.check(offset + 4, 2);
                buf.check(offset + 4, 2);
                buf.check(offset + 6, 1);
                buf.check(offset + 7, 1);
                if (tree) {
                    d.add(IcmpFields.IDENT, offset + 4, 2, buf.u16(offset + 4));
                    d.add(IcmpFields.IDENT_LE, offset + 4, 2, buf.u16le(offset + 4));
                    d.add(IcmpFields.EXT_ECHO_SEQ, offset + 6, 1, buf.u8(offset + 6));
                }
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
                d.call(data, offset + 8, buf.end());
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
                }
                break;
            }
            case TIMESTAMP:
            case TIMESTAMP_REPLY:
                buf.check(offset + 8, 4);
                buf.check(offset + 12, 4);
                buf.check(offset + 16, 4);
                if (tree) {
                    d.add(IcmpFields.ORIGINATE_TIMESTAMP, offset + 8, 4, buf.u32(offset + 8));
                    d.add(IcmpFields.RECEIVE_TIMESTAMP, offset + 12, 4, buf.u32(offset + 12));
                    d.add(IcmpFields.TRANSMIT_TIMESTAMP, offset + 16, 4, buf.u32(offset + 16));
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
                d.info.builder().append(" (request in ").append(request).append(')');
                if (d.tree()) {
                    d.flag(d.add(IcmpFields.RESP_TO, 0, 0, request), Dissection.GENERATED);
                }
            }
        } else {
            echoes.request(d.netSrc, d.netDst, EchoTracker.expectedChecksum(ck, 0x0800), id, seq, d.frame.number);
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
