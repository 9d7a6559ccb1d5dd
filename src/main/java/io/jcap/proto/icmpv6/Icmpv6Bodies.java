package io.jcap.proto.icmpv6;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;

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

    static void routerRenumbering(PacketBuffer buf, int off, int code) {
        buf.check(off, 4);
        buf.check(off + 4, 1);
        buf.check(off + 6, 2);
        buf.check(off + 8, 4);
        int o = off + 12;
        int end = buf.end();
        if (end - o == 0) {
            return;
        }
        if (code == RR_COMMAND) {
            // match-prefix part
            buf.check(o, 0);
            for (int i = 0; i < 6; i++) {
                buf.check(o + i, 1);
            }
            buf.check(o + 6, 2);
            buf.check(o + 8, 16);
            o += 24;
            while (end > o) {
                // use-prefix parts
                buf.check(o, 0);
                buf.check(o, 1);
                buf.check(o + 1, 1);
                buf.check(o + 4, 4);
                buf.check(o + 8, 4);
                buf.check(o + 16, 16);
                o += 32;
            }
        } else if (code == RR_RESULT) {
            while (end > o) {
                buf.check(o, 0);
                buf.check(o + 2, 1);
                buf.check(o + 3, 1);
                buf.check(o + 4, 4);
                buf.check(o + 8, 16);
                o += 24;
            }
        }
    }

    static void nodeInformation(PacketBuffer buf, int off, int type, int code) {
        int qtype = buf.u16(off);
        buf.check(off + 4, 8);
        int o = off + 12;
        int end = buf.end();
        if (end - o == 0) {
            return;
        }
        if (type == Icmpv6Dissector.NI_QUERY) {
            switch (code) {
                case NI_SUBJECT_IPV6:
                    buf.check(o, 16);
                    break;
                case NI_SUBJECT_FQDN:
                    dnsNameLength(buf, o);
                    break;
                case NI_SUBJECT_IPV4:
                    buf.check(o, 4);
                    break;
                default:
                    break;
            }
            return;
        }
        switch (qtype) {
            case NI_QTYPE_NODENAME:
                buf.check(o, 4);
                o += 4;
                if (end - o == 0) {
                    return;
                }
                while (o < end) {
                    if (buf.u8(o) == 0) {
                        break;
                    }
                    o += dnsNameLength(buf, o);
                }
                break;
            case NI_QTYPE_NODEADDR:
                while (o < end) {
                    buf.check(o, 4);
                    buf.check(o + 4, 16);
                    o += 20;
                }
                break;
            case NI_QTYPE_IPV4ADDR:
                while (o < end) {
                    buf.check(o, 4);
                    buf.check(o + 4, 4);
                    o += 8;
                }
                break;
            default:
                break;
        }
    }

    /** MLDv2 report: the records run to the end of the message whatever their count says. */
    static void mldv2Report(PacketBuffer buf, int off) {
        buf.check(off, 2);
        buf.check(off + 2, 2);
        int o = off + 4;
        int end = buf.end();
        while (o < end) {
            toEnd(buf, o);
            buf.check(o, 1);
            int aux = buf.u8(o + 1);
            int sources = buf.u16(o + 2);
            buf.check(o + 4, 16);
            o += 20;
            for (int i = 0; i < sources; i++) {
                buf.check(o, 16);
                o += 16;
            }
            if (aux != 0) {
                buf.check(o, aux * 4);
                o += aux * 4;
            }
        }
    }

    static void rplControl(PacketBuffer buf, int off, int code) {
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
    static int mplControl(PacketBuffer buf, int off) {
        int base = off - 4;
        int body = off;
        int remaining = buf.capturedRemaining(body);
        while (remaining >= 2) {
            int b = buf.u8(body + 1);
            int bmLength = b >> 2;
            int idLength = MPL_SEED_ID_LENGTH[b & 3];
            body += 2;
            if (remaining - 2 < idLength) {
                buf.check(body, remaining - 2);
                return base + remaining - 2;
            }
            buf.check(body, idLength);
            body += idLength;
            if (remaining - 2 - idLength < bmLength) {
                buf.check(body, remaining - 2 - idLength);
                return base + (body - base) - 2 - idLength;
            }
            buf.check(body, bmLength);
            body += bmLength;
            remaining = buf.capturedRemaining(body);
        }
        if (remaining != 0) {
            buf.check(body, body - off);
        }
        return body;
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
