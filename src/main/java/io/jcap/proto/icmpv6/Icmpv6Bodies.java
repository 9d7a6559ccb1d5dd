package io.jcap.proto.icmpv6;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Expert;
import io.jcap.proto.icmp.TreeItems;

/**
 * The ICMPv6 message bodies that add nothing to Info but whose reads decide whether a
 * short message is malformed: router renumbering (RFC 2894), node information (RFC 4620),
 * MLDv2 reports (RFC 3810) and RPL control messages (RFC 6550). Each method requires the
 * bytes tshark 4.0's dissector requires, in the same order; offsets are absolute.
 */
final class Icmpv6Bodies {
    static final int RR_COMMAND = 0;
    static final int RR_RESULT = 1;
    static final int NI_SUBJECT_IPV6 = 0;
    static final int NI_SUBJECT_FQDN = 1;
    static final int NI_SUBJECT_IPV4 = 2;
    static final int NI_QTYPE_NODENAME = 2;
    static final int NI_QTYPE_NODEADDR = 3;
    static final int NI_QTYPE_IPV4ADDR = 4;
    static final int RPL_SECURE = 0x80;
    static final int RPL_DAO_FLAG_D = 0x40;
    static final int RPL_DAOACK_FLAG_D = 0x80;
    /** Longest name get_dns_name collects; label bytes beyond it are skipped unread. */
    static final int MAX_DNAME_LEN = 255;

    private Icmpv6Bodies() {
    }

    /** An item running to the end (length -1): at least one byte must be captured. */
    static void toEnd(PacketBuffer buf, int off) {
        if (buf.frameCaptured() == 0) {
            buf.check(off, 0);
            return;
        }
        if (off >= buf.capturedEnd()) {
            throw off >= buf.end() ? BoundsException.MALFORMED : BoundsException.TRUNCATED;
        }
    }

    static void routerRenumbering(PacketBuffer buf, int off, int code, Dissection d) {
        boolean tree = d.tree();
        buf.check(off, 4);
        if (tree) {
            d.add(Icmpv6Fields.RR_SEQUENCE_NUMBER, off, 4, buf.u32(off));
        }
        buf.check(off + 4, 1);
        if (tree) {
            d.add(Icmpv6Fields.RR_SEGMENT_NUMBER, off + 4, 1, buf.u8(off + 4));
        }
        TreeItems.bitmask(d, buf, Icmpv6Fields.RR_FLAG, off + 5, 1, Icmpv6Fields.RR_FLAG_T, Icmpv6Fields.RR_FLAG_R,
                Icmpv6Fields.RR_FLAG_A, Icmpv6Fields.RR_FLAG_S, Icmpv6Fields.RR_FLAG_P, Icmpv6Fields.RR_FLAG_RSV);
        buf.check(off + 6, 2);
        if (tree) {
            d.add(Icmpv6Fields.RR_MAXDELAY, off + 6, 2, buf.u16(off + 6));
        }
        Icmpv6Dissector.reserved(buf, d, off + 8, 4);
        int o = off + 12;
        int end = buf.end();
        if (end - o == 0) {
            return;
        }
        int saved = d.openRowIndex();
        try {
            if (code == RR_COMMAND) {
                // match-prefix part
                buf.check(o, 0);
                int mp = -1;
                if (tree) {
                    mp = d.addBytes(Icmpv6Fields.RR_PCO_MP, o, 24);
                    d.openRow(mp);
                }
                buf.check(o, 1);
                int opcode = buf.u8(o);
                int matchLen = 0;
                int minLen = 0;
                int maxLen = 0;
                if (tree) {
                    d.add(Icmpv6Fields.RR_PCO_MP_OPCODE, o, 1, opcode);
                    buf.check(o + 1, 1);
                    d.add(Icmpv6Fields.RR_PCO_MP_OPLENGTH, o + 1, 1, buf.u8(o + 1));
                    buf.check(o + 2, 1);
                    d.add(Icmpv6Fields.RR_PCO_MP_ORDINAL, o + 2, 1, buf.u8(o + 2));
                }
                for (int i = 1; i < 6; i++) {
                    buf.check(o + i, 1);
                    if (tree && i >= 3) {
                        int v = buf.u8(o + i);
                        if (i == 3) {
                            matchLen = v;
                            int row = d.add(Icmpv6Fields.RR_PCO_MP_MATCHLEN, o + 3, 1, v);
                            if (v > 128) {
                                d.openRow(row);
                                Expert.add(d, Icmpv6Fields.RR_PCO_MP_MATCHLEN_GT128, Expert.Severity.WARNING,
                                        Expert.Group.PROTOCOL, "MatchLen is greater than 128", o + 3, 1);
                                d.openRow(mp);
                            }
                        } else if (i == 4) {
                            minLen = v;
                            d.add(Icmpv6Fields.RR_PCO_MP_MINLEN, o + 4, 1, v);
                        } else {
                            maxLen = v;
                            d.add(Icmpv6Fields.RR_PCO_MP_MAXLEN, o + 5, 1, v);
                        }
                    }
                }
                Icmpv6Dissector.reserved(buf, d, o + 6, 2);
                buf.check(o + 8, 16);
                if (tree) {
                    TreeItems.ipv6(d, buf, Icmpv6Fields.RR_PCO_MP_MATCHPREFIX, o + 8);
                    String op = Icmpv6Fields.RR_PCO_MP_OPCODE.values.name(opcode);
                    d.setText(mp, Icmpv6Fields.RR_PCO_MP.name + ": " + (op != null ? op : "Unknown " + opcode) + " "
                            + ipv6Text(buf, o + 8) + "/" + matchLen + " (" + minLen + "-" + maxLen + ")");
                    d.openRow(saved);
                }
                o += 24;
                while (end > o) {
                    // use-prefix parts
                    buf.check(o, 0);
                    int up = -1;
                    if (tree) {
                        up = d.addBytes(Icmpv6Fields.RR_PCO_UP, o, 32);
                        d.openRow(up);
                    }
                    buf.check(o, 1);
                    int useLen = buf.u8(o);
                    if (tree) {
                        d.add(Icmpv6Fields.RR_PCO_UP_USELEN, o, 1, useLen);
                    }
                    buf.check(o + 1, 1);
                    int keepLen = buf.u8(o + 1);
                    if (tree) {
                        d.add(Icmpv6Fields.RR_PCO_UP_KEEPLEN, o + 1, 1, keepLen);
                    }
                    TreeItems.bitmask(d, buf, Icmpv6Fields.RR_PCO_UP_FLAGMASK, o + 2, 1,
                            Icmpv6Fields.RR_PCO_UP_FLAGMASK_L, Icmpv6Fields.RR_PCO_UP_FLAGMASK_A,
                            Icmpv6Fields.RR_PCO_UP_FLAGMASK_RESERVED);
                    TreeItems.bitmask(d, buf, Icmpv6Fields.RR_PCO_UP_RAFLAGS, o + 3, 1,
                            Icmpv6Fields.RR_PCO_UP_FLAGMASK_L, Icmpv6Fields.RR_PCO_UP_FLAGMASK_A,
                            Icmpv6Fields.RR_PCO_UP_FLAGMASK_RESERVED);
                    buf.check(o + 4, 4);
                    NdOptions.special(d, Icmpv6Fields.RR_PCO_UP_VALIDLIFETIME, o + 4, 4, buf.u32(o + 4));
                    buf.check(o + 8, 4);
                    NdOptions.special(d, Icmpv6Fields.RR_PCO_UP_PREFERREDLIFETIME, o + 8, 4, buf.u32(o + 8));
                    TreeItems.bitmask(d, buf, Icmpv6Fields.RR_PCO_UP_FLAG, o + 12, 4, Icmpv6Fields.RR_PCO_UP_FLAG_V,
                            Icmpv6Fields.RR_PCO_UP_FLAG_P, Icmpv6Fields.RR_PCO_UP_FLAG_RESERVED);
                    buf.check(o + 16, 16);
                    if (tree) {
                        TreeItems.ipv6(d, buf, Icmpv6Fields.RR_PCO_UP_USEPREFIX, o + 16);
                        d.setText(up, Icmpv6Fields.RR_PCO_UP.name + ": " + ipv6Text(buf, o + 16) + "/" + useLen
                                + " (keep " + keepLen + ")");
                        d.openRow(saved);
                    }
                    o += 32;
                }
            } else if (code == RR_RESULT) {
                while (end > o) {
                    buf.check(o, 0);
                    int rm = -1;
                    if (tree) {
                        rm = d.addBytes(Icmpv6Fields.RR_RM, o, 24);
                        d.openRow(rm);
                    }
                    TreeItems.bitmask(d, buf, Icmpv6Fields.RR_RM_FLAG, o, 2, Icmpv6Fields.RR_RM_FLAG_RESERVED,
                            Icmpv6Fields.RR_RM_FLAG_B, Icmpv6Fields.RR_RM_FLAG_F);
                    buf.check(o + 2, 1);
                    if (tree) {
                        d.add(Icmpv6Fields.RR_RM_ORDINAL, o + 2, 1, buf.u8(o + 2));
                    }
                    buf.check(o + 3, 1);
                    int matched = buf.u8(o + 3);
                    if (tree) {
                        int row = d.add(Icmpv6Fields.RR_RM_MATCHEDLEN, o + 3, 1, matched);
                        if (matched > 128) {
                            d.openRow(row);
                            Expert.add(d, Icmpv6Fields.RR_PCO_MP_MATCHEDLEN_GT128, Expert.Severity.WARNING,
                                    Expert.Group.PROTOCOL, "MatchedLen is greater than 128", o + 3, 1);
                            d.openRow(rm);
                        }
                    }
                    buf.check(o + 4, 4);
                    long index = buf.u32(o + 4);
                    if (tree) {
                        d.add(Icmpv6Fields.RR_RM_INTERFACEINDEX, o + 4, 4, index);
                    }
                    buf.check(o + 8, 16);
                    if (tree) {
                        TreeItems.ipv6(d, buf, Icmpv6Fields.RR_RM_MATCHEDPREFIX, o + 8);
                        d.setText(rm, Icmpv6Fields.RR_RM.name + ": " + ipv6Text(buf, o + 8) + "/" + matched
                                + " (interface " + index + ")");
                        d.openRow(saved);
                    }
                    o += 24;
                }
            }
        } finally {
            d.openRow(saved);
        }
    }

    static void nodeInformation(PacketBuffer buf, int off, int type, int code, Dissection d) {
        boolean tree = d.tree();
        buf.check(off, 2);
        int qtype = buf.u16(off);
        if (tree) {
            d.add(Icmpv6Fields.NI_QTYPE, off, 2, qtype);
        }
        TreeItems.bitmask(d, buf, Icmpv6Fields.NI_FLAG, off + 2, 2, Icmpv6Fields.NI_FLAG_G, Icmpv6Fields.NI_FLAG_S,
                Icmpv6Fields.NI_FLAG_L, Icmpv6Fields.NI_FLAG_C, Icmpv6Fields.NI_FLAG_A, Icmpv6Fields.NI_FLAG_T,
                Icmpv6Fields.NI_FLAG_RSV);
        buf.check(off + 4, 8);
        if (tree) {
            d.add(Icmpv6Fields.NI_NONCE, off + 4, 8, buf.i64(off + 4));
        }
        int o = off + 12;
        int end = buf.end();
        if (end - o == 0) {
            return;
        }
        if (type == Icmpv6Dissector.NI_QUERY) {
            switch (code) {
                case NI_SUBJECT_IPV6:
                    buf.check(o, 16);
                    TreeItems.ipv6(d, buf, Icmpv6Fields.NI_QUERY_SUBJECT_IPV6, o);
                    break;
                case NI_SUBJECT_FQDN: {
                    int used = dnsNameLength(buf, o);
                    if (tree) {
                        TreeItems.string(d, Icmpv6Fields.NI_QUERY_SUBJECT_FQDN, o, used, dnsName(buf, o));
                    }
                    break;
                }
                case NI_SUBJECT_IPV4:
                    buf.check(o, 4);
                    if (tree) {
                        d.add(Icmpv6Fields.NI_QUERY_SUBJECT_IPV4, o, 4, buf.u32(o));
                    }
                    break;
                default:
                    break;
            }
            return;
        }
        switch (qtype) {
            case NI_QTYPE_NODENAME:
                buf.check(o, 4);
                if (tree) {
                    d.add(Icmpv6Fields.NI_REPLY_NODE_TTL, o, 4, buf.u32(o));
                }
                o += 4;
                if (end - o == 0) {
                    return;
                }
                while (o < end) {
                    if (buf.u8(o) == 0) {
                        break;
                    }
                    int used = dnsNameLength(buf, o);
                    if (tree) {
                        TreeItems.string(d, Icmpv6Fields.NI_REPLY_NODE_NAME, o, used, dnsName(buf, o));
                    }
                    o += used;
                }
                break;
            case NI_QTYPE_NODEADDR:
                while (o < end) {
                    buf.check(o, 4);
                    if (tree) {
                        d.add(Icmpv6Fields.NI_REPLY_NODE_TTL, o, 4, buf.u32(o));
                    }
                    buf.check(o + 4, 16);
                    TreeItems.ipv6(d, buf, Icmpv6Fields.NI_REPLY_NODE_ADDRESS, o + 4);
                    o += 20;
                }
                break;
            case NI_QTYPE_IPV4ADDR:
                while (o < end) {
                    buf.check(o, 4);
                    if (tree) {
                        d.add(Icmpv6Fields.NI_REPLY_NODE_TTL, o, 4, buf.u32(o));
                    }
                    buf.check(o + 4, 4);
                    if (tree) {
                        d.add(Icmpv6Fields.NI_REPLY_IPV4_ADDRESS, o + 4, 4, buf.u32(o + 4));
                    }
                    o += 8;
                }
                break;
            default:
                break;
        }
    }

    /** MLDv2 report: the records run to the end of the message whatever their count says. */
    static void mldv2Report(PacketBuffer buf, int off, Dissection d) {
        boolean tree = d.tree();
        Icmpv6Dissector.reserved(buf, d, off, 2);
        buf.check(off + 2, 2);
        if (tree) {
            d.add(Icmpv6Fields.MLDR_NB_MCAST_RECORDS, off + 2, 2, buf.u16(off + 2));
        }
        int o = off + 4;
        int end = buf.end();
        int saved = d.openRowIndex();
        try {
            while (o < end) {
                toEnd(buf, o);
                int mar = -1;
                if (tree) {
                    mar = d.addBytes(Icmpv6Fields.MLDR_MAR, o, buf.capturedEnd() - o);
                    d.openRow(mar);
                }
                int start = o;
                buf.check(o, 1);
                int recordType = buf.u8(o);
                if (tree) {
                    d.add(Icmpv6Fields.MLDR_MAR_RECORD_TYPE, o, 1, recordType);
                }
                int aux = buf.u8(o + 1);
                if (tree) {
                    d.add(Icmpv6Fields.MLDR_MAR_AUX_DATA_LEN, o + 1, 1, aux);
                }
                int sources = buf.u16(o + 2);
                if (tree) {
                    d.add(Icmpv6Fields.MLDR_MAR_NB_SOURCES, o + 2, 2, sources);
                }
                buf.check(o + 4, 16);
                if (tree) {
                    TreeItems.ipv6(d, buf, Icmpv6Fields.MLDR_MAR_MULTICAST_ADDRESS, o + 4);
                    String rt = Icmpv6Fields.MLDR_MAR_RECORD_TYPE.values.name(recordType);
                    d.setText(mar, Icmpv6Fields.MLDR_MAR.name + " "
                            + (rt != null ? rt : "Unknown Record Type (" + recordType + ")") + ": "
                            + ipv6Text(buf, o + 4));
                }
                o += 20;
                for (int i = 0; i < sources; i++) {
                    buf.check(o, 16);
                    TreeItems.ipv6(d, buf, Icmpv6Fields.MLDR_MAR_SOURCE_ADDRESS, o);
                    o += 16;
                }
                if (aux != 0) {
                    buf.check(o, aux * 4);
                    if (tree) {
                        TreeItems.bytes(d, buf, Icmpv6Fields.MLDR_MAR_AUXILIARY_DATA, o, aux * 4);
                    }
                    o += aux * 4;
                }
                if (tree) {
                    d.setLength(mar, o - start);
                    d.openRow(saved);
                }
            }
        } finally {
            d.openRow(saved);
        }
    }

    static void rplControl(PacketBuffer buf, int off, int code, Dissection d) {
        int o = off;
        if ((code & RPL_SECURE) != 0) {
            buf.check(o + 1, 1);
            int b = buf.u8(o + 2);
            // tshark masks with (KIM >> 6) by operator precedence
            int kim = b & 3;
            int lvl = b & 7;
            buf.check(o + 3, 1);
            buf.check(o + 4, 4);
            o += 8;
            if (kim == 0) {
                buf.check(o, 1);
                o += 1;
            } else if (kim == 2 || (kim == 3 && (lvl == 1 || lvl == 3))) {
                buf.check(o, 8);
                buf.check(o + 8, 1);
                o += 9;
            }
        }
        switch (code) {
            case 0:
            case 128:
                buf.check(o, 1);
                buf.check(o + 1, 1);
                rplOptions(buf, o + 2);
                break;
            case 1:
            case 129:
                buf.check(o, 1);
                buf.check(o + 1, 1);
                buf.check(o + 2, 2);
                buf.check(o + 5, 1);
                buf.check(o + 6, 1);
                buf.check(o + 7, 1);
                buf.check(o + 8, 16);
                rplOptions(buf, o + 24);
                break;
            case 2:
            case 130: {
                buf.check(o, 1);
                int flags = buf.u8(o + 1);
                buf.check(o + 2, 1);
                buf.check(o + 3, 1);
                o += 4;
                if ((flags & RPL_DAO_FLAG_D) != 0) {
                    buf.check(o, 16);
                    o += 16;
                }
                rplOptions(buf, o);
                break;
            }
            case 3:
            case 131: {
                buf.check(o, 1);
                int flags = buf.u8(o + 1);
                buf.check(o + 2, 1);
                buf.check(o + 3, 1);
                o += 4;
                if ((flags & RPL_DAOACK_FLAG_D) != 0) {
                    buf.check(o, 16);
                    o += 16;
                }
                rplOptions(buf, o);
                break;
            }
            case 138:
                buf.check(o, 1);
                buf.check(o + 2, 2);
                buf.check(o + 4, 16);
                buf.check(o + 20, 4);
                rplOptions(buf, o + 24);
                break;
            case 4:
            case 132:
                buf.check(o, 1);
                buf.u8(o + 1);
                buf.check(o + 4, 16);
                rplOptions(buf, o + 20);
                break;
            case 5:
            case 133:
                buf.check(o, 1);
                buf.u8(o + 1);
                buf.check(o + 4, 16);
                break;
            default:
                break;
        }
    }

    /** RPL options: type, length (except Pad1), then the option's bytes. */
    private static void rplOptions(PacketBuffer buf, int o) {
        int end = buf.end();
        while (end > o) {
            buf.check(o, 0);
            int type = buf.u8(o);
            if (type == 0) {
                o += 1;
                continue;
            }
            int len = buf.u8(o + 1);
            if (type == 1) {
                buf.check(o + 2, 0);
            } else {
                buf.check(o + 2, len);
            }
            o += len + 2;
        }
    }

    /** Seed ID lengths by the S field of an MPL seed-info. */
    private static final int[] MPL_SEED_ID_LENGTH = {0, 2, 8, 16};

    /**
     * MPL control (RFC 7731), code 0: the seed-info walk over the captured bytes. Returns
     * the offset tshark's dissector returns, which is message-relative garbage on some
     * errors: the message start means tshark returned 0 (the message is then not taken).
     */
    static int mplControl(PacketBuffer buf, int off, Dissection d) {
        boolean tree = d.tree();
        int base = off - 4;
        int body = off;
        int remaining = buf.capturedRemaining(body);
        int index = 0;
        int saved = d.openRowIndex();
        try {
            while (remaining >= 2) {
                index++;
                int seed = -1;
                if (tree) {
                    seed = TreeItems.subtree(d, buf, body, 2, "MPL Seed Info: [" + index + "]");
                }
                int minSeq = buf.u8(body);
                if (tree) {
                    d.add(Icmpv6Fields.MPL_SEED_INFO_MIN_SEQUENCE, body, 1, minSeq);
                }
                int b = buf.u8(body + 1);
                if (tree) {
                    d.addBits(Icmpv6Fields.MPL_SEED_INFO_BM_LEN, body + 1, 1, b);
                    d.addBits(Icmpv6Fields.MPL_SEED_INFO_S, body + 1, 1, b);
                }
                int bmLength = b >> 2;
                int s = b & 3;
                int idLength = MPL_SEED_ID_LENGTH[s];
                body += 2;
                if (remaining - 2 < idLength) {
                    buf.check(body, remaining - 2);
                    unknownData(d, buf, body, remaining - 2, "Remaining data, " + (remaining - 2)
                            + " bytes, is too short for Seed ID of " + idLength + " bytes");
                    return base + remaining - 2;
                }
                buf.check(body, idLength);
                if (tree) {
                    String id;
                    switch (s) {
                        case 0:
                            id = d.netSrc.length == 16 ? TreeItems.ipv6Text(java.util.Arrays.copyOf(d.netSrc.bytes, 16))
                                    : io.jcap.field.Formats.ipv4(new StringBuilder(), d.netSrc.bytes, 0).toString();
                            break;
                        case 1:
                            id = TreeItems.hex(buf.u16(body), 4);
                            break;
                        case 2:
                            id = TreeItems.eui64Text(buf.i64(body));
                            break;
                        default:
                            id = ipv6Text(buf, body);
                            break;
                    }
                    d.addObject(Icmpv6Fields.MPL_SEED_INFO_SEED_ID, body, idLength, id);
                }
                body += idLength;
                if (remaining - 2 - idLength < bmLength) {
                    buf.check(body, remaining - 2 - idLength);
                    unknownData(d, buf, body, remaining - 2 - idLength, "Remaining data, " + (remaining - 2 - idLength)
                            + " bytes, is too short for Buffered Messages of " + bmLength + " bytes");
                    return base + (body - base) - 2 - idLength;
                }
                buf.check(body, bmLength);
                if (tree && bmLength > 0) {
                    TreeItems.subtree(d, buf, body, bmLength, "Buffered Messages");
                    for (int i = 0; i < bmLength; i++) {
                        int bits = buf.u8(body + i);
                        for (int j = 0; j < 8; j++) {
                            if ((bits & (0x80 >> j)) != 0) {
                                d.add(Icmpv6Fields.MPL_SEED_INFO_SEQUENCE, body + i, 1, (minSeq + 8 * i + j) % 0x100);
                            }
                        }
                    }
                    d.openRow(seed);
                }
                body += bmLength;
                remaining = buf.capturedRemaining(body);
                d.openRow(saved);
            }
            if (remaining != 0) {
                buf.check(body, body - off);
                unknownData(d, buf, body, body - off, remaining + " bytes data is left after dissecting MPL Control"
                        + " Message");
            }
        } finally {
            d.openRow(saved);
        }
        return body;
    }

    /** icmpv6.unknown_data with an expert of its own message (ei_icmpv6_unknown_data). */
    static void unknownData(Dissection d, PacketBuffer buf, int off, int len, String message) {
        if (!d.tree()) {
            return;
        }
        int row = TreeItems.bytes(d, buf, Icmpv6Fields.UNKNOWN_DATA, off, len);
        d.openRow(row);
        Expert.add(d, Icmpv6Fields.UNKNOWN_DATA_EXPERT, Expert.Severity.ERROR, Expert.Group.MALFORMED, message, off,
                len);
        d.openRow(d.fieldParent(row));
    }

    static String ipv6Text(PacketBuffer buf, int off) {
        byte[] b = new byte[16];
        buf.bytes(off, b, 0, 16);
        return TreeItems.ipv6Text(b);
    }

    /**
     * The name get_dns_name builds at {@code off} (pointers relative to the name itself),
     * after {@link #dnsNameLength} has checked its bytes: labels joined by dots, "<Root>"
     * for the empty name.
     */
    static String dnsName(PacketBuffer buf, int off) {
        StringBuilder sb = new StringBuilder(64);
        int o = off;
        int pointers = 0;
        int collected = 0;
        for (;;) {
            int len = buf.u8(o);
            o++;
            if (len == 0) {
                break;
            }
            int kind = len & 0xc0;
            if (kind == 0x00) {
                if (sb.length() > 0 && collected < MAX_DNAME_LEN) {
                    sb.append('.');
                    collected++;
                }
                for (int i = 0; i < len; i++) {
                    if (collected < MAX_DNAME_LEN) {
                        int c = buf.u8(o);
                        sb.append(c < 0x80 ? (char) c : '\uFFFD');
                        collected++;
                    }
                    o++;
                }
            } else if (kind == 0xc0) {
                int target = off + (((len & 0x3f) << 8) | buf.u8(o));
                o++;
                if (target == o + 2 || pointers > MAX_DNAME_LEN) {
                    return "<Name contains a pointer that loops>";
                }
                pointers++;
                o = target;
            } else if (kind == 0x40) {
                return "<Unknown extended label>";
            } else {
                break;
            }
        }
        return sb.length() == 0 ? "<Root>" : sb.toString();
    }

    /** The bytes get_dns_name uses for the name at {@code off} (following no pointer). */
    static int dnsNameLength(PacketBuffer buf, int off) {
        int o = off;
        int used = -1;
        int pointers = 0;
        int collected = 0;
        for (;;) {
            int len = buf.u8(o);
            o++;
            if (len == 0) {
                break;
            }
            switch (len & 0xc0) {
                case 0x00:
                    // read byte by byte while the name is collected
                    for (int i = 0; i < len; i++) {
                        if (collected < MAX_DNAME_LEN) {
                            buf.u8(o);
                            collected++;
                        }
                        o++;
                    }
                    break;
                case 0x40:
                    // extended labels (RFC 2673): tshark fails on a bitstring label, and on an
                    // unknown one that leaves the name shorter than two bytes
                    if ((len & 0x3f) == 0x01) {
                        int bits = buf.u8(o);
                        o++;
                        int labelLength = (bits - 1) / 8 + 1;
                        for (int i = 0; i < labelLength; i++) {
                            buf.u8(o + i);
                        }
                        throw BoundsException.MALFORMED;
                    }
                    if (used < 0 && o - off < 2) {
                        throw BoundsException.MALFORMED;
                    }
                    return used >= 0 ? used : o - off;
                case 0x80:
                    throw BoundsException.MALFORMED;
                default: {
                    int target = off + (((len & 0x3f) << 8) | buf.u8(o));
                    o++;
                    if (used < 0) {
                        used = o - off;
                    }
                    if (target == o + 2 || pointers > MAX_DNAME_LEN) {
                        return used;
                    }
                    pointers++;
                    o = target;
                    break;
                }
            }
        }
        return used >= 0 ? used : o - off;
    }
}
