package io.jcap.proto.ipv4;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Expert;
import io.jcap.field.FieldDef;
import io.jcap.field.Protocol;

import static io.jcap.dissect.Expert.Group.PROTOCOL;
import static io.jcap.dissect.Expert.Group.SEQUENCE;
import static io.jcap.dissect.Expert.Severity.ERROR;
import static io.jcap.dissect.Expert.Severity.WARNING;

/**
 * IPv4 options (RFC 791 §3.1 and the IANA registry) as tshark 4.0 shows them: each a
 * "IP Option - ..." item with its type byte split into copy/class/number, its length
 * and values, under "Options: (N bytes), name, ...". Also the source-route rule that
 * makes the route's final hop the destination.
 */
final class Ipv4Options {
    static final int EOL = 0;
    static final int NOP = 1;
    static final int RR = 7;
    static final int MTUP = 11;
    static final int MTUR = 12;
    static final int QS = 25;
    static final int TS = 68;
    static final int TR = 82;
    static final int SEC = 130;
    static final int LSR = 131;
    static final int ESEC = 133;
    static final int CIPSO = 134;
    static final int SID = 136;
    static final int SSR = 137;
    static final int RA = 148;
    static final int SDB = 149;

    // the options are protocols of their own in Wireshark (proto_register_protocol_in_name_only)
    static final Protocol P_EOL = option("eol", "End of Options List (EOL)", "End of Options List (EOL)");
    static final Protocol P_NOP = option("nop", "No-Operation (NOP)", "No Operation (NOP)");
    static final Protocol P_SEC = option("security", "Security", "Security");
    static final Protocol P_LSR = option("route", "Loose Source Route", "Loose Source Route");
    static final Protocol P_TS = option("timestamp", "Time Stamp", "Time Stamp");
    static final Protocol P_ESEC = option("ext_security", "Extended Security", "Extended Security");
    static final Protocol P_CIPSO = option("cipso", "Commercial Security", "Commercial Security");
    static final Protocol P_RR = option("record_route", "Record Route", "Record Route");
    static final Protocol P_SID = option("sid", "Stream ID", "Stream ID");
    static final Protocol P_SSR = option("source_route", "Strict Source Route", "Strict Source Route");
    static final Protocol P_MTUP = option("mtu_probe", "MTU Probe", "MTU Probe");
    static final Protocol P_MTUR = option("mtu_reply", "MTU Reply", "MTU Reply");
    static final Protocol P_TR = option("traceroute", "Traceroute", "Traceroute");
    static final Protocol P_RA = option("routeralert", "Router Alert", "Router Alert");
    static final Protocol P_SDB = option("sdb", "Selective Directed Broadcast", "Selective Directed Broadcast");
    static final Protocol P_QS = option("qs", "Quick-Start", "Quick-Start");

    static final Protocol[] ALL = {P_EOL, P_NOP, P_SEC, P_LSR, P_TS, P_ESEC, P_CIPSO, P_RR, P_SID, P_SSR, P_MTUP,
        P_MTUR, P_TR, P_RA, P_SDB, P_QS};

    private static final String[] QS_RATES = {"0 bit/s", "80 Kbit/s", "160 Kbit/s", "320 Kbit/s", "640 Kbit/s",
        "1.28 Mbit/s", "2.56 Mbit/s", "5.12 Mbit/s", "10.24 Mbit/s", "20.48 Mbit/s", "40.96 Mbit/s",
        "81.92 Mbit/s", "163.84 Mbit/s", "327.68 Mbit/s", "655.36 Mbit/s", "1.31072 Gbit/s"};

    private static Protocol option(String filter, String name, String shortName) {
        return new Protocol("ip.options." + filter, "IP Option - " + name, shortName);
    }

    private Ipv4Options() {
    }

    private static Protocol protocol(int type) {
        return switch (type) {
            case SEC -> P_SEC;
            case LSR -> P_LSR;
            case TS -> P_TS;
            case ESEC -> P_ESEC;
            case CIPSO -> P_CIPSO;
            case RR -> P_RR;
            case SID -> P_SID;
            case SSR -> P_SSR;
            case MTUP -> P_MTUP;
            case MTUR -> P_MTUR;
            case TR -> P_TR;
            case RA -> P_RA;
            case SDB -> P_SDB;
            case QS -> P_QS;
            default -> null;
        };
    }

    /**
     * Offset of the final hop of the first loose or strict source route whose pointer
     * still points into the route (tshark shows it as Destination), or -1. Stops at EOL
     * and at any option whose length is below 2 or runs past the header.
     */
    static int sourceRouteDestination(PacketBuffer buf, int start, int end) {
        int o = start;
        while (o < end) {
            int type = buf.u8(o);
            if (type == EOL) {
                return -1;
            }
            if (type == NOP) {
                o++;
                continue;
            }
            if (o + 1 >= end) {
                return -1;
            }
            int len = buf.u8(o + 1);
            if (len < 2 || o + len > end) {
                return -1;
            }
            if (type == LSR || type == SSR) {
                int ptr = buf.u8(o + 2);
                return ptr < 4 || (ptr & 3) != 0 || ptr > len ? -1 : o + len - 4;
            }
            o += len;
        }
        return -1;
    }

    /**
     * Adds the options between {@code start} and {@code end} (the IP header's start is
     * {@code ip}) under the open "Options" item; returns its text ("Options: (N bytes),
     * Router Alert").
     */
    static String tree(PacketBuffer buf, int ip, int start, int end, int ttl, Dissection d, int optionsRow) {
        StringBuilder text = new StringBuilder(48).append("Options: (").append(end - start).append(" bytes)");
        int o = start;
        int length = end - start;
        int nops = 0;
        while (length > 0) {
            int type = buf.u8(o);
            length--;
            if (type == EOL || type == NOP) {
                if (type == NOP) {
                    if (nops == 0 || (o - ip) % 4 != 0) {
                        nops++;
                        if (nops == 4) {
                            Expert.add(d, Ipv4Fields.NOP, WARNING, PROTOCOL,
                                    "4 NOP in a row - a router may have removed some options", start, end - start);
                        }
                    } else {
                        nops = 0;
                    }
                }
                d.openRow(d.addBytes((type == EOL ? P_EOL : P_NOP).field, o, 1));
                type(d, buf, o);
                d.close();
                o++;
            } else {
                Protocol p = protocol(type);
                String name = p != null ? p.shortName : "Unknown (0x" + hex2(type) + ")";
                if (length == 0) {
                    IpTree.expertItem(d, Ipv4Fields.OPT_LEN_INVALID, WARNING, PROTOCOL,
                            name + " (length byte past end of options)", o, 1);
                    return text.toString();
                }
                int optlen = buf.u8(o + 1);
                length--;
                if (optlen < 2) {
                    IpTree.expertItem(d, Ipv4Fields.OPT_LEN_INVALID, WARNING, PROTOCOL,
                            name + " (with too-short option length = " + IpTree.bytes(optlen) + ")", o, 2);
                    return text.toString();
                } else if (optlen - 2 > length) {
                    IpTree.expertItem(d, Ipv4Fields.OPT_LEN_INVALID, WARNING, PROTOCOL, name + " (option length = "
                            + IpTree.bytes(optlen) + " says option goes past end of options)", o, length);
                    return text.toString();
                }
                if (p == null) {
                    d.addText(IpTree.TEXT, o, optlen, name + " (" + IpTree.bytes(optlen) + ")");
                } else {
                    // an option's dissector sees only the option's bytes
                    int saved = buf.narrow(o + optlen);
                    try {
                        option(buf, o, optlen, type, p, ttl, d);
                    } finally {
                        buf.restore(saved);
                    }
                    text.append(", ").append(name);
                    d.setText(optionsRow, text.toString());
                }
                o += optlen;
                length -= optlen - 2;
            }
            if (type == EOL) {
                break;
            }
        }
        return text.toString();
    }

    private static String hex2(int v) {
        return (v < 16 ? "0" : "") + Integer.toHexString(v);
    }

    /** The type byte and its copy, class and number bits. */
    private static void type(Dissection d, PacketBuffer buf, int o) {
        int t = buf.u8(o);
        d.openRow(d.add(Ipv4Fields.OPT_TYPE, o, 1, t));
        d.add(Ipv4Fields.OPT_TYPE_COPY, o, 1, t);
        d.addBits(Ipv4Fields.OPT_TYPE_CLASS, o, 1, t);
        d.addBits(Ipv4Fields.OPT_TYPE_NUMBER, o, 1, t);
        d.close();
    }

    /** ip_fixed_option_header: the item says the option's fixed length; a different one is flagged. */
    private static int fixedHeader(Dissection d, PacketBuffer buf, int o, int optlen, Protocol p, int len) {
        int item = d.open(p.field, o, optlen);
        d.setText(item, p.name + " (" + len + " bytes)");
        type(d, buf, o);
        int lenRow = d.add(Ipv4Fields.OPT_LEN, o + 1, 1, buf.u8(o + 1));
        if (len != optlen) {
            IpTree.expert(d, lenRow, Ipv4Fields.OPT_LEN_INVALID, WARNING, PROTOCOL, p.shortName
                    + " (with option length = " + IpTree.bytes(optlen) + "; should be " + len + ")", o + 1, 1);
        }
        return item;
    }

    /** ip_var_option_header. */
    private static int varHeader(Dissection d, PacketBuffer buf, int o, int optlen, Protocol p) {
        int item = d.open(p.field, o, optlen);
        d.setText(item, p.name + " (" + optlen + " bytes)");
        type(d, buf, o);
        int lenRow = d.add(Ipv4Fields.OPT_LEN, o + 1, 1, buf.u8(o + 1));
        if (optlen > 40) {
            IpTree.expert(d, lenRow, Ipv4Fields.OPT_LEN_INVALID, WARNING, PROTOCOL, "Invalid length for option",
                    o + 1, 1);
        }
        return item;
    }

    private static void option(PacketBuffer buf, int o, int optlen, int type, Protocol p, int ttl, Dissection d) {
        switch (type) {
            case SEC -> security(buf, o, optlen, p, d);
            case LSR, SSR -> route(buf, o, optlen, p, d, true);
            case RR -> route(buf, o, optlen, p, d, false);
            case TS -> timestamp(buf, o, optlen, p, d);
            case ESEC -> {
                varHeader(d, buf, o, optlen, p);
                d.add(Ipv4Fields.OPT_EXT_SEC_ADD_SEC_INFO_FORMAT_CODE, o + 2, 1, buf.u8(o + 2));
                if (optlen > 3) {
                    buf.check(o + 3, optlen - 3);
                    d.addBytes(Ipv4Fields.OPT_EXT_SEC_ADD_SEC_INFO, o + 3, optlen - 3);
                }
            }
            case CIPSO -> cipso(buf, o, optlen, p, d);
            case SID -> {
                fixedHeader(d, buf, o, optlen, p, 4);
                d.add(Ipv4Fields.OPT_SID, o + 2, 2, buf.u16(o + 2));
            }
            case MTUP, MTUR -> {
                fixedHeader(d, buf, o, optlen, p, 4);
                d.add(Ipv4Fields.OPT_MTU, o + 2, 2, buf.u16(o + 2));
            }
            case TR -> {
                fixedHeader(d, buf, o, optlen, p, 12);
                d.add(Ipv4Fields.OPT_ID_NUMBER, o + 2, 2, buf.u16(o + 2));
                d.add(Ipv4Fields.OPT_OHC, o + 4, 2, buf.u16(o + 4));
                d.add(Ipv4Fields.OPT_RHC, o + 6, 2, buf.u16(o + 6));
                d.add(Ipv4Fields.OPT_ORIGINATOR, o + 8, 4, buf.i32(o + 8));
            }
            case RA -> {
                int item = fixedHeader(d, buf, o, optlen, p, 4);
                int v = buf.u16(o + 2);
                d.add(Ipv4Fields.OPT_RA, o + 2, 2, v);
                d.setText(item, p.name + " (4 bytes): " + Ipv4Fields.OPT_RA.values.name(v, "Unknown (" + v + ")")
                        + " (" + v + ")");
            }
            case SDB -> {
                varHeader(d, buf, o, optlen, p);
                int a = o + 2;
                int left = optlen - 2;
                for (; left >= 4; a += 4, left -= 4) {
                    d.add(Ipv4Fields.OPT_ADDR, a, 4, buf.i32(a));
                }
                if (left > 0) {
                    buf.check(a, left);
                    d.addBytes(Ipv4Fields.OPT_PADDING, a, left);
                }
            }
            case QS -> quickStart(buf, o, optlen, p, ttl, d);
            default -> {
            }
        }
        d.close();
    }

    private static void security(PacketBuffer buf, int o, int optlen, Protocol p, Dissection d) {
        varHeader(d, buf, o, optlen, p);
        int cur = 2;
        if (optlen == 11) {
            int v = buf.u16(o + cur);
            if (Ipv4Fields.OPT_SEC_RFC791_SEC.values.name(v) != null) {
                d.add(Ipv4Fields.OPT_SEC_RFC791_SEC, o + 2, 2, v);
                d.add(Ipv4Fields.OPT_SEC_RFC791_COMP, o + 4, 2, buf.u16(o + 4));
                d.addObject(Ipv4Fields.OPT_SEC_RFC791_HR, o + 6, 2, ascii(buf, o + 6, 2));
                d.addObject(Ipv4Fields.OPT_SEC_RFC791_TCC, o + 8, 3, ascii(buf, o + 8, 3));
                return;
            }
        }
        d.add(Ipv4Fields.OPT_SEC_CL, o + cur, 1, buf.u8(o + cur));
        cur++;
        if (cur >= optlen) {
            return;
        }
        int v = buf.u8(o + cur);
        authorityFlags(d, o + cur, v, true);
        cur++;
        while ((v & 1) != 0) {
            if (cur == optlen) {
                Expert.add(d, Ipv4Fields.OPT_LEN_INVALID, WARNING, PROTOCOL,
                        "Field Termination Indicator set to 1 for last byte of option", o, optlen);
                break;
            }
            v = buf.u8(o + cur);
            authorityFlags(d, o + cur, v, false);
            cur++;
        }
        if (cur < optlen) {
            Expert.add(d, Ipv4Fields.OPT_LEN_INVALID, WARNING, PROTOCOL, "Extraneous data in option", o, optlen);
        }
    }

    private static void authorityFlags(Dissection d, int off, int v, boolean first) {
        FieldDef[] flags = first
            ? new FieldDef[] {Ipv4Fields.OPT_SEC_PROT_AUTH_GENSER, Ipv4Fields.OPT_SEC_PROT_AUTH_SIOP_ESI,
                Ipv4Fields.OPT_SEC_PROT_AUTH_SCI, Ipv4Fields.OPT_SEC_PROT_AUTH_NSA, Ipv4Fields.OPT_SEC_PROT_AUTH_DOE}
            : new FieldDef[0];
        int row = d.add(Ipv4Fields.OPT_SEC_PROT_AUTH_FLAGS, off, 1, v);
        StringBuilder sb = new StringBuilder("Protection Authority Flags: 0x").append(hex2(v));
        for (FieldDef f : flags) {
            if ((v & f.mask) != 0) {
                sb.append(", ").append(f.name);
            }
        }
        if ((v & 1) != 0) {
            sb.append(", ").append(Ipv4Fields.OPT_SEC_PROT_AUTH_FTI.name);
        }
        d.setText(row, sb.toString());
        d.openRow(row);
        for (FieldDef f : flags) {
            d.add(f, off, 1, v);
        }
        d.addBits(Ipv4Fields.OPT_SEC_PROT_AUTH_UNASSIGNED, off, 1, v);
        d.add(Ipv4Fields.OPT_SEC_PROT_AUTH_FTI, off, 1, v);
        d.close();
    }

    private static String ascii(PacketBuffer buf, int off, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int c = buf.u8(off + i);
            if (c == 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    /** Loose and strict source routes ({@code source}) and the record route. */
    private static void route(PacketBuffer buf, int o, int optlen, Protocol p, Dissection d, boolean source) {
        varHeader(d, buf, o, optlen, p);
        int ptr = buf.u8(o + 2);
        int ptrRow = d.add(Ipv4Fields.OPT_PTR, o + 2, 1, ptr);
        if (ptr < 4 || (ptr & 3) != 0) {
            boolean before = ptr < 4;
            IpTree.expert(d, ptrRow, before ? Ipv4Fields.OPT_PTR_BEFORE_ADDRESS : Ipv4Fields.OPT_PTR_MIDDLE_ADDRESS,
                    WARNING, PROTOCOL, before ? "Pointer points before first address"
                        : "Pointer points to middle of address", o + 2, 1);
            return;
        }
        int len = optlen;
        int off = 3;
        for (int left = optlen - 3; left > 0; left -= 4, off += 4) {
            if (left < 4) {
                IpTree.expert(d, ptrRow, Ipv4Fields.SUBOPT_TOO_LONG, WARNING, PROTOCOL,
                        "Suboption would go past end of option", o + 2, 1);
                break;
            }
            int a = o + off;
            int addr = buf.i32(a);
            if (ptr > len) {
                route(d, Ipv4Fields.REC_RT, Ipv4Fields.REC_RT_HOST, a, addr, false);
            } else if (source && off == len - 4) {
                // the final destination
                d.add(Ipv4Fields.DST, a, 4, addr);
                d.flag(d.add(Ipv4Fields.ADDR, a, 4, addr), Dissection.HIDDEN);
                String host = IpTree.ipv4(addr);
                d.flag(d.addObject(Ipv4Fields.DST_HOST, a, 4, host), (byte) (Dissection.GENERATED | Dissection.HIDDEN));
                d.flag(d.addObject(Ipv4Fields.HOST, a, 4, host), (byte) (Dissection.GENERATED | Dissection.HIDDEN));
            } else if (off + 1 < ptr) {
                route(d, Ipv4Fields.REC_RT, Ipv4Fields.REC_RT_HOST, a, addr, false);
            } else if (off + 1 == ptr) {
                route(d, source ? Ipv4Fields.SRC_RT : Ipv4Fields.EMPTY_RT,
                        source ? Ipv4Fields.SRC_RT_HOST : Ipv4Fields.EMPTY_RT_HOST, a, addr, true);
            } else {
                route(d, source ? Ipv4Fields.SRC_RT : Ipv4Fields.EMPTY_RT,
                        source ? Ipv4Fields.SRC_RT_HOST : Ipv4Fields.EMPTY_RT_HOST, a, addr, false);
            }
        }
    }

    private static void route(Dissection d, FieldDef f, FieldDef host, int a, int addr, boolean next) {
        int row = d.add(f, a, 4, addr);
        if (next) {
            d.setText(row, f.name + ": " + IpTree.ipv4(addr) + " <- (next)");
        }
        d.flag(d.addObject(host, a, 4, IpTree.ipv4(addr)), (byte) (Dissection.GENERATED | Dissection.HIDDEN));
    }

    private static void timestamp(PacketBuffer buf, int o, int optlen, Protocol p, Dissection d) {
        varHeader(d, buf, o, optlen, p);
        int ptr = buf.u8(o + 2);
        int ptrRow = d.add(Ipv4Fields.OPT_PTR, o + 2, 1, ptr);
        String note = ptr == 1 ? " (header is full)" : ptr < 5 ? " (points before first address)"
                : ((ptr - 1) & 3) != 0 ? " (points to middle of field)" : "";
        if (!note.isEmpty()) {
            d.setText(ptrRow, "Pointer: " + ptr + note);
        }
        int flg = buf.u8(o + 3);
        d.addBits(Ipv4Fields.OPT_OVERFLOW, o + 3, 1, flg);
        d.addBits(Ipv4Fields.OPT_FLAG, o + 3, 1, flg);
        flg &= 0xF;
        int off = o + 4;
        int left = optlen - 4;
        while (left > 0) {
            if (flg == 1 || flg == 3) {
                if (left < 8) {
                    IpTree.expertItem(d, Ipv4Fields.SUBOPT_TOO_LONG, WARNING, PROTOCOL,
                            "Suboption would go past end of option", off, left);
                    break;
                }
                int addr = buf.i32(off);
                int row = d.add(Ipv4Fields.OPT_TIME_STAMP_ADDR, off, 4, addr);
                if (addr == 0) {
                    d.setText(row, Ipv4Fields.OPT_TIME_STAMP_ADDR.name + ": -");
                }
                off += 4;
                left -= 4;
            } else if (left < 4) {
                IpTree.expertItem(d, Ipv4Fields.SUBOPT_TOO_LONG, WARNING, PROTOCOL,
                        "Suboption would go past end of option", off, left);
                break;
            }
            d.add(Ipv4Fields.OPT_TIME_STAMP, off, 4, buf.u32(off));
            off += 4;
            left -= 4;
        }
    }

    private static void quickStart(PacketBuffer buf, int o, int optlen, Protocol p, int ttl, Dissection d) {
        int command = buf.u8(o + 2);
        int function = command >> 4;
        int rate = command & 0x0F;
        int item = fixedHeader(d, buf, o, optlen, p, 8);
        StringBuilder text = new StringBuilder(p.name).append(" (8 bytes): ")
                .append(Ipv4Fields.OPT_QS_FUNC.values.name(function, "Unknown (" + function + ")"))
                .append(" (").append(function).append(')');
        d.addBits(Ipv4Fields.OPT_QS_FUNC, o + 2, 1, command);
        if (function == 0) {
            d.addBits(Ipv4Fields.OPT_QS_RATE, o + 2, 1, command);
            int qsTtl = buf.u8(o + 3);
            d.add(Ipv4Fields.OPT_QS_TTL, o + 3, 1, qsTtl);
            int diff = (ttl - qsTtl) & 0xFF;
            d.flag(d.add(Ipv4Fields.OPT_QS_TTL_DIFF, o + 3, 1, diff), Dissection.GENERATED);
            text.append(", ").append(QS_RATES[rate]).append(", QS TTL ").append(qsTtl).append(", QS TTL diff ")
                    .append(diff);
            long nonce = buf.u32(o + 4);
            d.addBits(Ipv4Fields.OPT_QS_NONCE, o + 4, 4, nonce);
            d.addBits(Ipv4Fields.OPT_QS_RESERVED, o + 4, 4, nonce);
        } else if (function == 8) {
            d.addBits(Ipv4Fields.OPT_QS_RATE, o + 2, 1, command);
            text.append(", ").append(QS_RATES[rate]);
            d.add(Ipv4Fields.OPT_QS_UNUSED, o + 3, 1, buf.u8(o + 3));
            long nonce = buf.u32(o + 4);
            d.addBits(Ipv4Fields.OPT_QS_NONCE, o + 4, 4, nonce);
            d.addBits(Ipv4Fields.OPT_QS_RESERVED, o + 4, 4, nonce);
        }
        d.setText(item, text.toString());
    }

    /** The Commercial IP Security Option (draft-ietf-cipso-ipsecurity-01, FIPS 188). */
    private static void cipso(PacketBuffer buf, int o, int optlen, Protocol p, Dissection d) {
        varHeader(d, buf, o, optlen, p);
        d.add(Ipv4Fields.CIPSO_DOI, o + 2, 4, buf.u32(o + 2));
        int off = 6;
        while (off < optlen) {
            int tagType = buf.u8(o + off);
            int tagRow = d.add(Ipv4Fields.CIPSO_TAG_TYPE, o + off, 1, tagType);
            int tagLen = off + 1 < optlen ? buf.u8(o + off + 1) : 1;
            switch (tagType) {
                case 0 -> {
                    off += 1;
                    continue;
                }
                case 1, 2, 5 -> {
                    if (tagLen < 4 || tagLen > 34 || off + tagLen - 1 > optlen) {
                        IpTree.expert(d, tagRow, Ipv4Fields.CIPSO_MALFORMED, ERROR, SEQUENCE, "Malformed CIPSO tag",
                                o + off, 1);
                        return;
                    }
                    off += 3;
                    d.add(Ipv4Fields.CIPSO_SENSITIVITY_LEVEL, o + off, 1, buf.u8(o + off));
                    off += 1;
                    if (tagLen > 4) {
                        int n = tagLen - 4;
                        String cats = categories(buf, o + off, n, tagType);
                        d.addObject(Ipv4Fields.CIPSO_CATEGORIES, o + off, n, cats);
                        // the enumerations and ranges step in whole 16-bit values
                        off += tagType == 1 ? n : n - n % 2;
                    }
                }
                case 6, 7 -> {
                    int min = tagType == 6 ? 4 : 2;
                    if (tagLen < min || tagLen > 34 || off + tagLen - 1 > optlen) {
                        IpTree.expert(d, tagRow, Ipv4Fields.CIPSO_MALFORMED, ERROR, SEQUENCE, "Malformed CIPSO tag",
                                o + off, 1);
                        return;
                    }
                    buf.check(o + off + 2, tagLen - 2);
                    d.addBytes(Ipv4Fields.CIPSO_TAG_DATA, o + off + 2, tagLen - 2);
                    off += tagLen;
                }
                default -> {
                    if (off + 1 <= optlen) {
                        int l = buf.u8(o + off + 1);
                        d.setText(tagRow, "Tag Type: Unknown (" + tagType + ") (" + l + " bytes)");
                    }
                    return;
                }
            }
        }
    }

    private static String categories(PacketBuffer buf, int off, int n, int tagType) {
        StringBuilder sb = new StringBuilder();
        if (tagType == 1) {
            for (int i = 0; i < n; i++) {
                int b = buf.u8(off + i);
                for (int bit = 0; bit < 8; bit++) {
                    if ((b & (0x80 >> bit)) != 0) {
                        if (sb.length() > 0) {
                            sb.append(',');
                        }
                        sb.append(i * 8 + bit);
                    }
                }
            }
        } else if (tagType == 2) {
            for (int i = 0; i + 2 <= n; i += 2) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(buf.u16(off + i));
            }
        } else {
            int i = 0;
            while (i + 2 <= n) {
                int high = buf.u16(off + i);
                int low;
                if (i + 4 <= n) {
                    low = buf.u16(off + i + 2);
                    i += 4;
                } else {
                    low = 0;
                    i += 2;
                }
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(high);
                if (low != high) {
                    sb.append('-').append(low);
                }
            }
        }
        return sb.toString();
    }
}
