package io.jcap.proto.icmpv6;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.Expert;
import io.jcap.proto.data.DataDissector;
import io.jcap.field.Formats;
import io.jcap.proto.icmp.EchoTracker;
import io.jcap.proto.icmp.IcmpDissector;
import io.jcap.proto.icmp.IcmpExtension;
import io.jcap.proto.icmp.QuotedPacket;
import io.jcap.proto.icmp.TreeItems;

/**
 * ICMPv6 (RFC 4443) with neighbour discovery (RFC 4861), MLD (RFC 2710, 3810) and the
 * other message types tshark 4.0 decodes, as its summary line shows them: the type name,
 * the code name for the types that have a code table, then per type the echo
 * identifier/sequence/hop limit, the ND target and flags, and " from"/" is at" for every
 * link-layer address option.
 *
 * <p>Bytes are checked in the order tshark's dissector reads them, including the checks
 * that adding a tree item makes even without a tree (items without a value, such as
 * option headers and padding, only need their start), so that short and cut messages end
 * with the same text and mark.
 */
public final class Icmpv6Dissector implements Dissector {
    static final int DST_UNREACH = 1;
    static final int PACKET_TOO_BIG = 2;
    static final int TIME_EXCEEDED = 3;
    static final int PARAM_PROB = 4;
    static final int ECHO_REQUEST = 128;
    static final int ECHO_REPLY = 129;
    static final int MLD_QUERY = 130;
    static final int MLD_REPORT = 131;
    static final int MLD_DONE = 132;
    static final int ROUTER_SOLICIT = 133;
    static final int ROUTER_ADVERT = 134;
    static final int NEIGHBOR_SOLICIT = 135;
    static final int NEIGHBOR_ADVERT = 136;
    static final int REDIRECT = 137;
    static final int ROUTER_RENUMBERING = 138;
    static final int NI_QUERY = 139;
    static final int NI_REPLY = 140;
    static final int IND_SOLICIT = 141;
    static final int IND_ADVERT = 142;
    static final int MLDV2_REPORT = 143;
    static final int DHAAD_REQUEST = 144;
    static final int DHAAD_REPLY = 145;
    static final int MOBILE_PREFIX_SOLICIT = 146;
    static final int MOBILE_PREFIX_ADVERT = 147;
    static final int CERT_PATH_SOLICIT = 148;
    static final int CERT_PATH_ADVERT = 149;
    static final int EXPERIMENTAL_MOBILITY = 150;
    static final int MCAST_ROUTER_ADVERT = 151;
    static final int MCAST_ROUTER_SOLICIT = 152;
    static final int MCAST_ROUTER_TERM = 153;
    static final int FMIPV6 = 154;
    static final int RPL_CONTROL = 155;
    static final int ILNPV6 = 156;
    static final int DAR = 157;
    static final int DAC = 158;
    static final int MPL_CONTROL = 159;
    static final int EXT_ECHO = 160;
    static final int EXT_ECHO_REPLY = 161;

    static final int TEREDO_PORT = 3544;
    /** The quoted packet is found through the ethertype table (IPv6). */
    static final int ETHERTYPE_IPV6 = 0x86dd;
    /** MLDv2 queries are at least this long (RFC 3810). */
    static final int MLDV2_MIN_LENGTH = 28;

    static final int NA_FLAG_R = 0x80000000;
    static final int NA_FLAG_S = 0x40000000;
    static final int NA_FLAG_O = 0x20000000;

    private static final String[] UNREACH_CODES = {
        "no route to destination", "Administratively prohibited", "Beyond scope of source address",
        "Address unreachable", "Port unreachable", "Source address failed ingress/egress policy",
        "Reject route to destination", "Error in Source Routing Header",
    };
    private static final String[] TIME_EXCEEDED_CODES = {
        "hop limit exceeded in transit", "fragment reassembly time exceeded",
    };
    private static final String[] PARAM_PROB_CODES = {
        "erroneous header field encountered", "unrecognized Next Header type encountered",
        "unrecognized IPv6 option encountered", "IPv6 First Fragment has incomplete IPv6 Header Chain",
    };
    private static final String[] NI_QUERY_CODES = {
        "Query subject = IPv6 addresses", "Query subject = DNS name or empty", "Query subject = IPv4 addresses",
    };
    private static final String[] NI_REPLY_CODES = {"Successful", "Refused", "Unknown query type"};
    private static final String[] RPL_CODES = new String[256];
    private static final String[] EXT_ECHO_CODES = {"No error"};
    private static final String[] EXT_ECHO_REPLY_CODES = {
        "No error", "Malformed Query", "No Such Interface", "No Such Table Entry", "Multiple Interfaces Satisfy Query",
    };
    private static final String[] SUBTYPES = {
        null, null, "Router Solicitation for Proxy Advertisement", "Proxy Router Advertisement", "Handover Initiate",
        "Handover Acknowledge",
    };

    static {
        String[] low = {
            "DODAG Information Solicitation", "DODAG Information Object", "Destination Advertisement Object",
            "Destination Advertisement Object Acknowledgment", "P2P Discovery Reply Object",
            "P2P Discovery Reply Object Acknowledgement",
        };
        System.arraycopy(low, 0, RPL_CODES, 0, low.length);
        String[] secure = {
            "Secure DODAG Information Solicitation", "Secure DODAG Information Object",
            "Secure Destination Advertisement Object", "Secure Destination Advertisement Object Acknowledgment",
            "P2P Secure Discovery Reply Object", "P2P Secure Discovery Reply Object Acknowledgement",
        };
        System.arraycopy(secure, 0, RPL_CODES, 128, secure.length);
        RPL_CODES[138] = "Consistency Check";
    }

    private final DissectorTable ethertypes;
    private final EchoTracker echoes = new EchoTracker();
    private final io.jcap.dissect.Hindsight hindsight;
    private final QuotedPacket quoted = new QuotedPacket(Icmpv6Fields.PROTOCOL);
    private final NdOptions options;
    private final byte[] address = new byte[16];
    /** The echo payload is a "data" layer of its own (frame.protocols icmpv6:data). */
    private final DataDissector data;

    public Icmpv6Dissector(EngineBuilder b) {
        this.hindsight = b.hindsight();
        b.protocol(Icmpv6Fields.PROTOCOL);
        this.data = new DataDissector(b);
        this.ethertypes = b.table("ethertype", "Ethertype", 1 << 16);
        this.options = new NdOptions(this);
        b.table("ip.proto", "IP protocol", 256).add(58, this, "icmpv6");
    }

    /** Appends the code name in " (...)" for the types that have a code table. */
    static void appendCode(StringBuilder sb, int type, int code) {
        String[] table;
        switch (type) {
            case DST_UNREACH:
                sb.append(" (").append(code < UNREACH_CODES.length ? UNREACH_CODES[code] : "Unknown").append(')');
                return;
            case TIME_EXCEEDED:
                table = TIME_EXCEEDED_CODES;
                break;
            case PARAM_PROB:
                table = PARAM_PROB_CODES;
                break;
            case ROUTER_RENUMBERING:
                sb.append(" (");
                if (code == 0) {
                    sb.append("Command");
                } else if (code == 1) {
                    sb.append("Result");
                } else if (code == 255) {
                    sb.append("Sequence number reset");
                } else {
                    sb.append("Unknown (").append(code).append(')');
                }
                sb.append(')');
                return;
            case NI_QUERY:
                table = NI_QUERY_CODES;
                break;
            case NI_REPLY:
                table = NI_REPLY_CODES;
                break;
            case RPL_CONTROL:
                table = RPL_CODES;
                break;
            case EXT_ECHO:
                table = EXT_ECHO_CODES;
                break;
            case EXT_ECHO_REPLY:
                table = EXT_ECHO_REPLY_CODES;
                break;
            default:
                return;
        }
        sb.append(" (");
        if (code < table.length && table[code] != null) {
            sb.append(table[code]);
        } else {
            sb.append("Unknown (").append(code).append(')');
        }
        sb.append(')');
    }

    static void appendType(StringBuilder sb, int type) {
        String name = Icmpv6Fields.TYPE.values.name(type);
        if (name != null) {
            sb.append(name);
        } else {
            sb.append("Unknown (").append(type).append(')');
        }
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(Icmpv6Fields.PROTOCOL);
        d.setProtocol("ICMPv6");
        d.info.clear();
        int end = buf.end();
        boolean tree = d.tree();
        if (tree) {
            d.open(Icmpv6Fields.PROTOCOL.field, offset, Math.min(end, buf.capturedEnd()) - offset);
        }
        try {
            if (!body(buf, offset, d, tree)) {
                return REJECT;
            }
        } finally {
            if (tree) {
                d.close();
            }
        }
        return end - offset;
    }

    /** False when the message is handed back as not dissected (tshark's dissector returned 0). */
    private boolean body(PacketBuffer buf, int offset, Dissection d, boolean tree) {
        if (tree) {
            buf.check(offset, 1);
        }
        int type = buf.u8(offset);
        appendType(d.info.builder(), type);
        int codeRow = -1;
        if (tree) {
            d.add(Icmpv6Fields.TYPE, offset, 1, type);
            buf.check(offset + 1, 1);
            codeRow = d.add(Icmpv6Fields.CODE, offset + 1, 1, buf.u8(offset + 1));
        }
        int code = buf.u8(offset + 1);
        appendCode(d.info.builder(), type, code);
        boolean teredo = type == ECHO_REQUEST && d.dstPort == TEREDO_PORT;
        if (teredo) {
            d.setProtocol("Teredo");
            d.info.set("Direct IPv6 Connectivity Test");
        }
        if (tree && hasCodeTable(type)) {
            StringBuilder cb = new StringBuilder(48).append("Code: ").append(code);
            appendCode(cb, type, code);
            d.setText(codeRow, cb.toString());
        }
        int checksum = buf.u16(offset + 2);
        if (tree) {
            int reported = buf.end() - offset;
            if (!d.fragmented && buf.capturedRemaining(offset) >= reported && !d.inErrorPacket) {
                TreeItems.checksumVerified(d, Icmpv6Fields.CHECKSUM, Icmpv6Fields.CHECKSUM_STATUS,
                        Icmpv6Fields.CHECKSUM_BAD_EXPERT, offset + 2, checksum, checksum(buf, offset, reported, d));
            } else {
                TreeItems.checksumUnverified(d, Icmpv6Fields.CHECKSUM, Icmpv6Fields.CHECKSUM_STATUS, offset + 2,
                        checksum, d.inErrorPacket ? "[in ICMP error packet]" : "[fragmented datagram]");
            }
        }
        int off = offset + 4;
        switch (type) {
            case ECHO_REQUEST:
            case ECHO_REPLY:
                echo(buf, offset, d, type, checksum, teredo, tree);
                if (!teredo) {
                    d.call(data, offset + 8, buf.end());
                }
                break;
            case DST_UNREACH:
            case TIME_EXCEEDED: {
                // RFC 4884: length of the original datagram in 64-bit words (a signed char in tshark)
                int origLength = (byte) buf.u8(off);
                if (origLength != 0) {
                    buf.check(off, 1);
                    if (tree) {
                        d.add(Icmpv6Fields.LENGTH, off, 1, origLength & 0xff);
                    }
                    reserved(buf, d, off + 1, 3);
                } else {
                    reserved(buf, d, off, 4);
                }
                off += 4;
                contained(buf, off, buf.end(), d);
                if (origLength != 0) {
                    int ext = subsetStart(buf, offset, off - offset + 8 * origLength);
                    IcmpExtension.dissect(buf, ext, d);
                }
                break;
            }
            case PACKET_TOO_BIG:
                buf.check(off, 4);
                if (tree) {
                    d.add(Icmpv6Fields.MTU, off, 4, buf.u32(off));
                }
                contained(buf, off + 4, buf.end(), d);
                break;
            case PARAM_PROB:
                buf.check(off, 4);
                if (tree) {
                    d.add(Icmpv6Fields.POINTER, off, 4, buf.u32(off));
                }
                contained(buf, off + 4, buf.end(), d);
                break;
            case MLD_QUERY:
            case MLD_REPORT:
            case MLD_DONE:
                mld(buf, offset, d, type, tree);
                break;
            case ROUTER_SOLICIT:
                reserved(buf, d, off, 4);
                options.dissect(buf, offset, off + 4, d);
                break;
            case ROUTER_ADVERT:
                buf.check(off, 1);
                if (tree) {
                    d.add(Icmpv6Fields.ND_RA_CUR_HOP_LIMIT, off, 1, buf.u8(off));
                }
                // (the flags are a bitmask item: not read without a tree)
                TreeItems.bitmask(d, buf, Icmpv6Fields.ND_RA_FLAG, off + 1, 1, Icmpv6Fields.ND_RA_FLAG_M,
                        Icmpv6Fields.ND_RA_FLAG_O, Icmpv6Fields.ND_RA_FLAG_H, Icmpv6Fields.ND_RA_FLAG_PRF,
                        Icmpv6Fields.ND_RA_FLAG_P, Icmpv6Fields.ND_RA_FLAG_RSV);
                buf.check(off + 2, 2);
                if (tree) {
                    d.add(Icmpv6Fields.ND_RA_ROUTER_LIFETIME, off + 2, 2, buf.u16(off + 2));
                }
                buf.check(off + 4, 4);
                if (tree) {
                    d.add(Icmpv6Fields.ND_RA_REACHABLE_TIME, off + 4, 4, buf.u32(off + 4));
                }
                buf.check(off + 8, 4);
                if (tree) {
                    d.add(Icmpv6Fields.ND_RA_RETRANS_TIMER, off + 8, 4, buf.u32(off + 8));
                }
                options.dissect(buf, offset, off + 12, d);
                break;
            case NEIGHBOR_SOLICIT: {
                reserved(buf, d, off, 4);
                buf.check(off + 4, 16);
                TreeItems.ipv6(d, buf, Icmpv6Fields.ND_NS_TARGET_ADDRESS, off + 4);
                StringBuilder sb = d.info.builder().append(" for ");
                buf.bytes(off + 4, address, 0, 16);
                Formats.ipv6(sb, address, 0);
                options.dissect(buf, offset, off + 20, d);
                break;
            }
            case NEIGHBOR_ADVERT: {
                TreeItems.bitmask(d, buf, Icmpv6Fields.ND_NA_FLAG, off, 4, Icmpv6Fields.ND_NA_FLAG_R,
                        Icmpv6Fields.ND_NA_FLAG_S, Icmpv6Fields.ND_NA_FLAG_O, Icmpv6Fields.ND_NA_FLAG_RSV);
                int flags = buf.i32(off);
                buf.check(off + 4, 16);
                TreeItems.ipv6(d, buf, Icmpv6Fields.ND_NA_TARGET_ADDRESS, off + 4);
                StringBuilder sb = d.info.builder().append(' ');
                buf.bytes(off + 4, address, 0, 16);
                Formats.ipv6(sb, address, 0).append(" (");
                int before = sb.length();
                if ((flags & NA_FLAG_R) != 0) {
                    sb.append("rtr, ");
                }
                if ((flags & NA_FLAG_S) != 0) {
                    sb.append("sol, ");
                }
                if ((flags & NA_FLAG_O) != 0) {
                    sb.append("ovr, ");
                }
                if (sb.length() > before) {
                    sb.setLength(sb.length() - 2);
                } else {
                    sb.append("none");
                }
                sb.append(')');
                options.dissect(buf, offset, off + 20, d);
                break;
            }
            case REDIRECT:
                reserved(buf, d, off, 4);
                buf.check(off + 4, 16);
                TreeItems.ipv6(d, buf, Icmpv6Fields.ND_RD_TARGET_ADDRESS, off + 4);
                buf.check(off + 20, 16);
                TreeItems.ipv6(d, buf, Icmpv6Fields.RD_NA_DESTINATION_ADDRESS, off + 20);
                options.dissect(buf, offset, off + 36, d);
                break;
            case ROUTER_RENUMBERING:
                Icmpv6Bodies.routerRenumbering(buf, off, code, d);
                break;
            case NI_QUERY:
            case NI_REPLY:
                Icmpv6Bodies.nodeInformation(buf, off, type, code, d);
                break;
            case IND_SOLICIT:
            case IND_ADVERT:
                reserved(buf, d, off, 4);
                options.dissect(buf, offset, off + 4, d);
                break;
            case MLDV2_REPORT:
                Icmpv6Bodies.mldv2Report(buf, off, d);
                break;
            case DHAAD_REQUEST:
            case MOBILE_PREFIX_SOLICIT:
                buf.check(off, 2);
                if (tree) {
                    d.add(Icmpv6Fields.MIP6_IDENTIFIER, off, 2, buf.u16(off));
                }
                reserved(buf, d, off + 2, 2);
                break;
            case DHAAD_REPLY: {
                buf.check(off, 2);
                if (tree) {
                    d.add(Icmpv6Fields.MIP6_IDENTIFIER, off, 2, buf.u16(off));
                }
                reserved(buf, d, off + 2, 2);
                int captured = buf.capturedEnd();
                for (int o = off + 4; captured > o; o += 16) {
                    buf.check(o, 16);
                    TreeItems.ipv6(d, buf, Icmpv6Fields.MIP6_HOME_AGENT_ADDRESS, o);
                }
                break;
            }
            case MOBILE_PREFIX_ADVERT:
                buf.check(off, 2);
                if (tree) {
                    d.add(Icmpv6Fields.MIP6_IDENTIFIER, off, 2, buf.u16(off));
                }
                // (the flags are a bitmask item: not read without a tree)
                TreeItems.bitmask(d, buf, Icmpv6Fields.MIP6_FLAG, off + 2, 2, Icmpv6Fields.MIP6_FLAG_M,
                        Icmpv6Fields.MIP6_FLAG_O, Icmpv6Fields.MIP6_FLAG_RSV);
                options.dissect(buf, offset, off + 4, d);
                break;
            case CERT_PATH_SOLICIT:
                buf.check(off, 2);
                if (tree) {
                    d.add(Icmpv6Fields.SEND_IDENTIFIER, off, 2, buf.u16(off));
                }
                buf.check(off + 2, 2);
                if (tree) {
                    d.add(Icmpv6Fields.SEND_COMPONENT, off + 2, 2, buf.u16(off + 2));
                }
                options.dissect(buf, offset, off + 4, d);
                break;
            case CERT_PATH_ADVERT:
                buf.check(off, 2);
                if (tree) {
                    d.add(Icmpv6Fields.SEND_IDENTIFIER, off, 2, buf.u16(off));
                }
                buf.check(off + 2, 2);
                if (tree) {
                    d.add(Icmpv6Fields.SEND_ALL_COMPONENTS, off + 2, 2, buf.u16(off + 2));
                }
                buf.check(off + 4, 2);
                if (tree) {
                    d.add(Icmpv6Fields.SEND_COMPONENT, off + 4, 2, buf.u16(off + 4));
                }
                reserved(buf, d, off + 6, 2);
                options.dissect(buf, offset, off + 8, d);
                break;
            case EXPERIMENTAL_MOBILITY:
            case FMIPV6: {
                int subtype = buf.u8(off);
                StringBuilder sb = d.info.builder().append(" (");
                if (subtype < SUBTYPES.length && SUBTYPES[subtype] != null) {
                    sb.append(SUBTYPES[subtype]);
                } else {
                    sb.append("Unknown (").append(subtype).append(')');
                }
                sb.append(')');
                if (tree) {
                    d.add(Icmpv6Fields.FMIP6_SUBTYPE, off, 1, subtype);
                }
                String[] codes = subtype == 3 ? PRRTADV_CODES : subtype == 4 ? HI_CODES : subtype == 5 ? HACK_CODES
                        : null;
                if (tree && codes != null) {
                    String name = code < codes.length ? codes[code] : null;
                    d.setText(codeRow, d.fieldLabel(codeRow) == null ? "Code: " + code + " ("
                            + (name != null ? name : "Unknown " + code) + ")"
                            : d.fieldLabel(codeRow) + " (" + (name != null ? name : "Unknown " + code) + ")");
                }
                if (subtype == 2 || subtype == 3 || subtype == 5) {
                    reserved(buf, d, off + 1, 1);
                } else if (subtype == 4) {
                    TreeItems.bitmask(d, buf, Icmpv6Fields.FMIP6_HI_FLAG, off + 1, 1, Icmpv6Fields.FMIP6_HI_FLAG_S,
                            Icmpv6Fields.FMIP6_HI_FLAG_A, Icmpv6Fields.FMIP6_HI_FLAG_RESERVED);
                }
                buf.check(off + 2, 2);
                if (tree) {
                    d.add(Icmpv6Fields.FMIP6_IDENTIFIER, off + 2, 2, buf.u16(off + 2));
                }
                options.dissect(buf, offset, off + 4, d);
                break;
            }
            case MCAST_ROUTER_ADVERT:
                buf.check(off, 2);
                if (tree) {
                    d.add(Icmpv6Fields.MCAST_RA_QUERY_INTERVAL, off, 2, buf.u16(off));
                }
                buf.check(off + 2, 2);
                if (tree) {
                    d.add(Icmpv6Fields.MCAST_RA_ROBUSTNESS_VARIABLE, off + 2, 2, buf.u16(off + 2));
                }
                break;
            case MCAST_ROUTER_SOLICIT:
            case MCAST_ROUTER_TERM:
                break;
            case RPL_CONTROL:
                Icmpv6Bodies.rplControl(buf, off, code, d);
                break;
            case ILNPV6: {
                int locators = buf.u8(off);
                if (tree) {
                    d.add(Icmpv6Fields.ILNP_NB_LOCS, off, 1, locators);
                }
                reserved(buf, d, off + 1, 1);
                reserved(buf, d, off + 2, 2);
                int o = off + 4;
                for (int i = 0; i < locators; i++) {
                    buf.check(o, 8);
                    if (tree) {
                        d.add(Icmpv6Fields.ILNP_NB_LOCATOR, o, 8, buf.i64(o));
                    }
                    buf.check(o + 8, 2);
                    if (tree) {
                        d.add(Icmpv6Fields.ILNP_NB_PREFERENCE, o + 8, 2, buf.u16(o + 8));
                    }
                    buf.check(o + 10, 2);
                    if (tree) {
                        d.add(Icmpv6Fields.ILNP_NB_LIFETIME, o + 10, 2, buf.u16(o + 10));
                    }
                    o += 12;
                }
                break;
            }
            case DAR:
            case DAC:
                buf.check(off, 1);
                if (tree) {
                    d.add(Icmpv6Fields._6LOWPANND_DA_STATUS, off, 1, buf.u8(off));
                }
                buf.check(off + 1, 1);
                if (tree) {
                    d.add(Icmpv6Fields._6LOWPANND_DA_RSV, off + 1, 1, buf.u8(off + 1));
                }
                buf.check(off + 2, 2);
                if (tree) {
                    d.add(Icmpv6Fields._6LOWPANND_DA_LIFETIME, off + 2, 2, buf.u16(off + 2));
                }
                buf.check(off + 4, 8);
                TreeItems.eui64(d, buf, Icmpv6Fields._6LOWPANND_DA_EUI64, off + 4);
                buf.check(off + 12, 16);
                TreeItems.ipv6(d, buf, Icmpv6Fields._6LOWPANND_DA_REG_ADDR, off + 12);
                break;
            case MPL_CONTROL:
                if (code != 0) {
                    buf.check(off, 1);
                    Icmpv6Bodies.unknownData(d, buf, off, 1, "Code must be 0");
                } else if (Icmpv6Bodies.mplControl(buf, off, d) == offset) {
                    return false;
                }
                break;
            case EXT_ECHO:
                buf.check(off, 2);
                if (tree) {
                    d.add(Icmpv6Fields.ECHO_IDENTIFIER, off, 2, buf.u16(off));
                }
                buf.check(off + 2, 1);
                if (tree) {
                    d.add(Icmpv6Fields.EXT_ECHO_SEQ, off + 2, 1, buf.u8(off + 2));
                }
                buf.check(off + 3, 1);
                if (tree) {
                    d.addBits(Icmpv6Fields.EXT_ECHO_REQ_RES, off + 3, 1, buf.u8(off + 3));
                    d.add(Icmpv6Fields.EXT_ECHO_REQ_LOCAL, off + 3, 1, buf.u8(off + 3));
                }
                buf.check(off + 4, 0);
                IcmpExtension.dissect(buf, off + 4, d);
                break;
            case EXT_ECHO_REPLY:
                buf.check(off, 2);
                if (tree) {
                    d.add(Icmpv6Fields.ECHO_IDENTIFIER, off, 2, buf.u16(off));
                }
                buf.check(off + 2, 1);
                if (tree) {
                    d.add(Icmpv6Fields.EXT_ECHO_SEQ, off + 2, 1, buf.u8(off + 2));
                }
                buf.check(off + 3, 1);
                if (tree) {
                    int b = buf.u8(off + 3);
                    d.addBits(Icmpv6Fields.EXT_ECHO_RSP_STATE, off + 3, 1, b);
                    d.addBits(Icmpv6Fields.EXT_ECHO_RSP_RES, off + 3, 1, b);
                    d.add(Icmpv6Fields.EXT_ECHO_RSP_ACTIVE, off + 3, 1, b);
                    d.add(Icmpv6Fields.EXT_ECHO_RSP_IPV4, off + 3, 1, b);
                    d.add(Icmpv6Fields.EXT_ECHO_RSP_IPV6, off + 3, 1, b);
                }
                break;
            default:
                if (tree) {
                    d.openRow(d.fieldParent(codeRow));
                    Expert.add(d, Icmpv6Fields.UNDECODED_TYPE, Expert.Severity.NOTE, Expert.Group.UNDECODED,
                            "Dissector for ICMPv6 Type (" + type + ") code not implemented, Contact Wireshark"
                                    + " developers if you want this supported", offset, 0);
                }
                // the undecoded rest as data: at least one byte must be there
                Icmpv6Bodies.toEnd(buf, off);
                if (tree) {
                    TreeItems.bytes(d, buf, Icmpv6Fields.DATA, off, buf.capturedEnd() - off);
                }
                break;
        }
        return true;
    }

    /** Types whose code has a name (in Info and in the Code item). */
    private static boolean hasCodeTable(int type) {
        switch (type) {
            case DST_UNREACH:
            case TIME_EXCEEDED:
            case PARAM_PROB:
            case ROUTER_RENUMBERING:
            case NI_QUERY:
            case NI_REPLY:
            case RPL_CONTROL:
            case EXT_ECHO:
            case EXT_ECHO_REPLY:
                return true;
            default:
                return false;
        }
    }

    private static final String[] PRRTADV_CODES = {
        "MN should use AP-ID, AR-info tuple", "Network Initiated Handover trigger", "No new router information",
        "Limited new router information", "Unsolicited",
    };
    private static final String[] HI_CODES = {"FBU sent from previous link", "FBU sent from new link"};
    private static final String[] HACK_CODES = new String[131];

    static {
        String[] low = {
            "Handover Accepted, NCoA valid", "Handover Accepted, NCoA not valid", "Handover Accepted, NCoA in use",
            "Handover Accepted, NCoA assigned", "Handover Accepted, NCoA not assigned",
        };
        System.arraycopy(low, 0, HACK_CODES, 0, low.length);
        HACK_CODES[128] = "Handover Not Accepted, reason unspecified";
        HACK_CODES[129] = "Administratively prohibited";
        HACK_CODES[130] = "Insufficient resources";
    }

    /** A "Reserved" byte-string item (icmpv6.reserved) of {@code length} bytes. */
    static void reserved(PacketBuffer buf, Dissection d, int off, int length) {
        buf.check(off, length);
        if (d.tree()) {
            d.addBytes(Icmpv6Fields.RESERVED, off, length);
        }
    }

    private void echo(PacketBuffer buf, int offset, Dissection d, int type, int checksum, boolean teredo,
                      boolean tree) {
        int off = offset + 4;
        buf.check(off, 2);
        int id = buf.u16(off);
        if (tree) {
            d.add(Icmpv6Fields.ECHO_IDENTIFIER, off, 2, id);
            buf.check(off + 2, 2);
        }
        int seq = buf.u16(off + 2);
        if (tree) {
            d.add(Icmpv6Fields.ECHO_SEQUENCE_NUMBER, off + 2, 2, seq);
        }
        StringBuilder sb = d.info.builder();
        Formats.hex(sb.append(" id=0x"), id, 4).append(", seq=").append(seq);
        if (d.netSrc.type == Address.Type.IPV6 && d.ipv6HopLimit >= 0) {
            sb.append(", hop limit=").append(d.ipv6HopLimit);
        }
        if (teredo) {
            buf.check(off + 4, 4);
            if (tree) {
                d.addBytes(Icmpv6Fields.NONCE, off + 4, 4);
            }
            return;
        }
        if (d.inErrorPacket) {
            return;
        }
        if (type == ECHO_REQUEST) {
            echoes.request(d.netSrc, d.netDst, checksum == 0xffff ? 0 : checksum, id, seq, d.frame.number,
                    d.frame.seconds, d.frame.nanos);
            IcmpDissector.replyOutcome(d, hindsight, Icmpv6Fields.RESP_IN, Icmpv6Fields.NO_RESP,
                    "No response seen to ICMPv6 request in frame " + d.frame.number);
        } else {
            long request = echoes.reply(d.netSrc, d.netDst, EchoTracker.expectedChecksum(checksum, 0x0100), id, seq,
                    d.frame.number);
            if (request != 0) {
                hindsight.note(io.jcap.dissect.Hindsight.Fact.ECHO_REPLY_IN, request, d.frame.number);
                d.info.builder().append(" (request in ").append(request).append(')');
                if (tree) {
                    IcmpDissector.responseItems(d, Icmpv6Fields.RESP_TO, Icmpv6Fields.RESPTIME, request, echoes);
                }
            }
        }
    }

    private void mld(PacketBuffer buf, int offset, Dissection d, int type, boolean tree) {
        int off = offset + 4;
        int captured = Math.min(buf.end(), buf.capturedEnd()) - offset;
        if (type == MLD_QUERY && captured >= MLDV2_MIN_LENGTH) {
            int mrc = buf.u16(off);
            if (mrc >= 32768) {
                mrc = ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3);
            }
            if (tree) {
                d.add(Icmpv6Fields.MLD_MAXIMUM_RESPONSE_CODE, off, 2, mrc);
                if (mrc > 0xffff) {
                    d.setText(d.fieldCount() - 1, Icmpv6Fields.MLD_MAXIMUM_RESPONSE_CODE.name + ": " + mrc);
                }
            }
            reserved(buf, d, off + 2, 2);
            buf.check(off + 4, 16);
            TreeItems.ipv6(d, buf, Icmpv6Fields.MLD_MULTICAST_ADDRESS, off + 4);
            TreeItems.bitmask(d, buf, Icmpv6Fields.MLD_FLAG, off + 20, 1, Icmpv6Fields.MLD_FLAG_S,
                    Icmpv6Fields.MLD_FLAG_QRV, Icmpv6Fields.MLD_FLAG_RESERVED);
            int qqi = buf.u8(off + 21);
            if (qqi >= 128) {
                qqi = ((qqi & 0x0f) | 0x10) << (((qqi & 0x70) >> 4) + 3);
            }
            if (tree) {
                int row = d.add(Icmpv6Fields.MLD_QQI, off + 21, 1, qqi);
                if (qqi > 0xff) {
                    d.setText(row, Icmpv6Fields.MLD_QQI.name + ": " + qqi);
                }
            }
            buf.check(off + 22, 2);
            int sources = buf.u16(off + 22);
            if (tree) {
                d.add(Icmpv6Fields.MLD_NB_SOURCES, off + 22, 2, sources);
            }
            int o = off + 24;
            for (int i = 0; i < sources; i++) {
                buf.check(o, 16);
                TreeItems.ipv6(d, buf, Icmpv6Fields.MLD_SOURCE_ADDRESS, o);
                o += 16;
            }
        } else {
            buf.check(off, 2);
            if (tree) {
                d.add(Icmpv6Fields.MLD_MAXIMUM_RESPONSE_DELAY, off, 2, buf.u16(off));
            }
            reserved(buf, d, off + 2, 2);
            buf.check(off + 4, 16);
            TreeItems.ipv6(d, buf, Icmpv6Fields.MLD_MULTICAST_ADDRESS, off + 4);
        }
    }

    /**
     * The packet quoted from {@code start}: reading its first byte may fail (no quote at all
     * is malformed); then IPv6 when it starts with version 6, else data.
     */
    void contained(PacketBuffer buf, int start, int end, Dissection d) {
        buf.check(start, 0);
        int version = buf.u8(start) >> 4;
        if (version == 6) {
            quoted.dissect(ethertypes.get(ETHERTYPE_IPV6), buf, start, end, d);
        } else {
            quotedData(buf, start, end, d);
        }
    }

    /**
     * A quote that is not IPv6, shown as data (which reads nothing that could fail); one
     * that claims more than the message holds stops unseen: false in that case.
     */
    boolean quotedData(PacketBuffer buf, int start, int end, Dissection d) {
        if (end > buf.end()) {
            return false;
        }
        boolean inError = d.inErrorPacket;
        d.inErrorPacket = true;
        try {
            d.call(data, start, end);
        } finally {
            d.inErrorPacket = inError;
        }
        return true;
    }

    /** tvb_new_subset_remaining(tvb, relative): the absolute start, failing as tshark does. */
    static int subsetStart(PacketBuffer buf, int base, int relative) {
        int reported = buf.end() - base;
        int abs;
        if (relative < 0) {
            if (-relative > reported) {
                throw BoundsException.MALFORMED;
            }
            abs = base + reported + relative;
        } else {
            abs = base + relative;
        }
        buf.check(abs, 0);
        return abs;
    }

    /**
     * The folded one's-complement remainder over the pseudo-header (the network addresses,
     * whatever their length, the message length and 58) and the message: 0 when correct.
     */
    private static int checksum(PacketBuffer buf, int offset, int length, Dissection d) {
        long sum = 0;
        sum += sum(d.netSrc.bytes, d.netSrc.length);
        sum += sum(d.netDst.bytes, d.netDst.length);
        sum += (length >>> 16) + (length & 0xffff) + 58;
        return TreeItems.internetChecksum(buf, offset, length, sum);
    }

    private static long sum(byte[] b, int length) {
        long s = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            s += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }
        if ((length & 1) != 0) {
            s += (b[length - 1] & 0xff) << 8;
        }
        return s;
    }

    static byte[] ipv6(PacketBuffer buf, int off) {
        byte[] b = new byte[16];
        buf.bytes(off, b, 0, 16);
        return b;
    }

    /** Where quoted packets and Redirected Header options go. */
    QuotedPacket quoted() {
        return quoted;
    }

    DissectorTable ethertypes() {
        return ethertypes;
    }
}
