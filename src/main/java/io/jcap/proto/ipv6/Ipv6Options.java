package io.jcap.proto.ipv6;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Expert;
import io.jcap.field.FieldDef;
import io.jcap.proto.ipv4.IpTree;
import io.jcap.proto.ipv4.Reassembly;

import static io.jcap.dissect.Expert.Group.DEPRECATED;
import static io.jcap.dissect.Expert.Group.MALFORMED;
import static io.jcap.dissect.Expert.Group.PROTOCOL;
import static io.jcap.dissect.Expert.Group.UNDECODED;
import static io.jcap.dissect.Expert.Severity.ERROR;
import static io.jcap.dissect.Expert.Severity.NOTE;
import static io.jcap.dissect.Expert.Severity.WARNING;

/**
 * The options of the hop-by-hop and destination options headers (RFC 8200 §4.2 and the
 * IANA registry), as tshark 4.0 shows them: each option an item named by its type, with
 * the type's action/change/number bits, its length and its values.
 */
final class Ipv6Options {
    static final int PAD1 = 0x00;
    static final int PADN = 0x01;
    static final int TEL = 0x04;
    static final int RTALERT = 0x05;
    static final int CALIPSO = 0x07;
    static final int SMF_DPD = 0x08;
    static final int PDM = 0x0F;
    static final int QUICKSTART = 0x26;
    static final int PMTU = 0x30;
    static final int TPF = 0x41;
    static final int RPL = 0x63;
    static final int MPL = 0x6D;
    static final int ENDI = 0x8A;
    static final int ILNP_NONCE = 0x8B;
    static final int LIO = 0x8C;
    static final int JUMBO = 0xC2;
    static final int HOME_ADDRESS = 0xC9;
    static final int IP_DFF = 0xEE;

    private static final String[] QS_RATES = {"0 bit/s", "80 Kbit/s", "160 Kbit/s", "320 Kbit/s", "640 Kbit/s",
        "1.28 Mbit/s", "2.56 Mbit/s", "5.12 Mbit/s", "10.24 Mbit/s", "20.48 Mbit/s", "40.96 Mbit/s",
        "81.92 Mbit/s", "163.84 Mbit/s", "327.68 Mbit/s", "655.36 Mbit/s", "1.31072 Gbit/s"};

    private Ipv6Options() {
    }

    /** The header an option belongs in: 1 hop-by-hop, 2 destination, 0 either. */
    private static int header(int type) {
        return switch (type) {
            case TEL, PDM, TPF, ILNP_NONCE, LIO, HOME_ADDRESS -> 2;
            case RTALERT, PMTU, CALIPSO, SMF_DPD, QUICKSTART, 0x31, RPL, MPL, JUMBO, IP_DFF -> 1;
            default -> 0;
        };
    }

    private static boolean experimental(int type) {
        return (type & 0x1F) == 0x1E;
    }

    /**
     * Adds the options in [off, end) under the open header item. {@code hop}: a
     * hop-by-hop header (else destination options).
     */
    static void tree(PacketBuffer buf, int off, int end, boolean hop, Ipv6Dissector.Walk w, Dissection d) {
        while (off < end) {
            int type = buf.u8(off);
            int len = buf.u8(off + 1);
            String name = Ipv6Fields.OPT_TYPE.values.name(type);
            if (name == null) {
                name = "Unknown IPv6 Option (" + type + ")";
            }
            int item = d.open(Ipv6Fields.OPT, off, 2 + len);
            d.setText(item, name);
            int typeRow = d.add(Ipv6Fields.OPT_TYPE, off, 1, type);
            if (type == PAD1) {
                d.addBytes(Ipv6Fields.OPT_PAD1, off, 1);
                d.close();
                off += 1;
                continue;
            }
            d.openRow(typeRow);
            int belongs = header(type);
            if (hop && belongs == 2) {
                Expert.add(d, Ipv6Fields.OPT_HEADER_MISMATCH, WARNING, PROTOCOL,
                        name + " must use a destination options header", off, 1);
            } else if (!hop && belongs == 1) {
                Expert.add(d, Ipv6Fields.OPT_HEADER_MISMATCH, WARNING, PROTOCOL,
                        name + " must use a hop-by-hop options header", off, 1);
            }
            d.addBits(Ipv6Fields.OPT_TYPE_ACTION, off, 1, type);
            d.add(Ipv6Fields.OPT_TYPE_CHANGE, off, 1, type);
            d.addBits(Ipv6Fields.OPT_TYPE_REST, off, 1, type);
            d.close();
            int lenRow = d.add(Ipv6Fields.OPT_LENGTH, off + 1, 1, len);
            off += 2;
            if (type == PADN) {
                bytes(d, buf, Ipv6Fields.OPT_PADN, off, len);
                d.close();
                off += len;
                continue;
            }
            int start = off;
            off = option(buf, off, type, len, name, item, typeRow, lenRow, w, d);
            if (off < start + len) {
                int row = bytes(d, buf, Ipv6Fields.OPT_UNKNOWN_DATA, off, start + len - off);
                IpTree.expert(d, row, Ipv6Fields.OPT_UNKNOWN_DATA_EXPERT, NOTE, UNDECODED,
                        "Unknown Data (not interpreted)", off, start + len - off);
                off = start + len;
            }
            d.close();
        }
    }

    /** A bytes item with tshark's text: "<none>" when empty, cut after 36 bytes. */
    static int bytes(Dissection d, PacketBuffer buf, FieldDef f, int off, int len) {
        buf.check(off, len);
        int row = d.addBytes(f, off, len);
        if (row >= 0) {
            byte[] b = new byte[len];
            buf.bytes(off, b, 0, len);
            // PadN allows zero bytes (BASE_ALLOW_ZERO); other empty byte fields are "missing"
            d.setText(row, f.name + ": " + (len > 0 ? Reassembly.shortHex(b)
                    : f == Ipv6Fields.OPT_PADN ? "<none>" : "<MISSING>"));
        }
        return row;
    }

    private static void invalidLength(Dissection d, int lenRow, String what, int len, int off) {
        IpTree.expert(d, lenRow, Ipv6Fields.OPT_INVALID_LEN, ERROR, MALFORMED,
                what + " (" + len + " bytes)", off - 1, 1);
    }

    private static int option(PacketBuffer buf, int off, int type, int len, String name, int item, int typeRow,
                              int lenRow, Ipv6Dissector.Walk w, Dissection d) {
        switch (type) {
            case JUMBO -> {
                if (len != 4) {
                    invalidLength(d, lenRow, "Jumbo Payload: Invalid length", len, off);
                }
                long jumbo = buf.u32(off);
                int row = d.add(Ipv6Fields.OPT_JUMBO, off, 4, jumbo);
                if (w.plen != 0) {
                    Expert.add(d, Ipv6Fields.OPT_JUMBO_PROHIBITED, WARNING, PROTOCOL,
                            "When IPv6 payload length does not equal 0 a Jumbo Payload option must not be present", off, 4);
                }
                if (jumbo < 65536) {
                    IpTree.expert(d, row, Ipv6Fields.OPT_JUMBO_TRUNCATED, WARNING, PROTOCOL,
                            "Jumbo Payload option present and jumbo length < 65536", off, 4);
                }
                return off + 4;
            }
            case RPL -> {
                if (len < 4) {
                    invalidLength(d, lenRow, "RPL Option: Invalid length", len, off);
                }
                IpTree.bitmask(d, Ipv6Fields.OPT_RPL_FLAG, off, 1, buf.u8(off), 2, Ipv6Fields.OPT_RPL_FLAG_O,
                        Ipv6Fields.OPT_RPL_FLAG_R, Ipv6Fields.OPT_RPL_FLAG_F, Ipv6Fields.OPT_RPL_FLAG_RSV);
                d.add(Ipv6Fields.OPT_RPL_INSTANCE_ID, off + 1, 1, buf.u8(off + 1));
                d.add(Ipv6Fields.OPT_RPL_SENDER_RANK, off + 2, 2, buf.u16(off + 2));
                return off + 4;
            }
            case TEL -> {
                if (len != 1) {
                    invalidLength(d, lenRow, "Tunnel Encapsulation Limit: Invalid length", len, off);
                }
                d.add(Ipv6Fields.OPT_TEL, off, 1, buf.u8(off));
                return off + 1;
            }
            case RTALERT -> {
                if (len != 2) {
                    invalidLength(d, lenRow, "Router alert: Invalid Length", len, off);
                }
                d.add(Ipv6Fields.OPT_ROUTER_ALERT, off, 2, buf.u16(off));
                return off + 2;
            }
            case PMTU -> {
                if (len != 4) {
                    invalidLength(d, lenRow, "PMTU Option: Invalid Length", len, off);
                }
                d.add(Ipv6Fields.OPT_PMTU_MIN, off, 2, buf.u16(off));
                int v = buf.u16(off + 2);
                d.add(Ipv6Fields.OPT_PMTU_RTN, off + 2, 2, v & 0xFFFE);
                d.add(Ipv6Fields.OPT_PMTU_R_FLAG, off + 3, 1, v & 1);
                return off + 4;
            }
            case QUICKSTART -> {
                return quickStart(buf, off, len, name, item, lenRow, w, d);
            }
            case TPF -> {
                if (len != 4) {
                    invalidLength(d, lenRow, "TPF Information: Invalid Length", len, off);
                }
                d.add(Ipv6Fields.OPT_TPF_INFORMATION, off, 4, buf.u32(off));
                return off + 4;
            }
            case CALIPSO -> {
                if (len < 8) {
                    invalidLength(d, lenRow, "CALIPSO: Invalid Length", len, off);
                }
                d.add(Ipv6Fields.OPT_CALIPSO_DOI, off, 4, buf.u32(off));
                int cmpt = buf.u8(off + 4);
                d.add(Ipv6Fields.OPT_CALIPSO_CMPT_LENGTH, off + 4, 1, cmpt);
                d.add(Ipv6Fields.OPT_CALIPSO_SENS_LEVEL, off + 5, 1, buf.u8(off + 5));
                d.add(Ipv6Fields.OPT_CALIPSO_CHECKSUM, off + 6, 2, buf.u16(off + 6));
                bytes(d, buf, Ipv6Fields.OPT_CALIPSO_CMPT_BITMAP, off + 8, cmpt * 4);
                return off + 8 + cmpt * 4;
            }
            case SMF_DPD -> {
                int b = buf.u8(off);
                d.add(Ipv6Fields.OPT_SMF_DPD_HASH_BIT, off, 1, b);
                if ((b & 0x80) != 0) {
                    bytes(d, buf, Ipv6Fields.OPT_SMF_DPD_HAV, off, len);
                    return off + len;
                }
                d.addBits(Ipv6Fields.OPT_SMF_DPD_TID_TYPE, off, 1, b);
                d.addBits(Ipv6Fields.OPT_SMF_DPD_TID_LEN, off, 1, b);
                int tid = (b & 0x70) != 0 ? (b & 0x0F) + 1 : 0;
                if (tid > 0) {
                    bytes(d, buf, Ipv6Fields.OPT_SMF_DPD_TAGGER_ID, off + 1, tid);
                }
                bytes(d, buf, Ipv6Fields.OPT_SMF_DPD_IDENT, off + 1 + tid, len - 1 - tid);
                return off + len;
            }
            case PDM -> {
                if (len != 10) {
                    invalidLength(d, lenRow, "PDM: Invalid length", len, off);
                }
                d.add(Ipv6Fields.OPT_PDM_SCALE_DTLR, off, 1, buf.u8(off));
                d.add(Ipv6Fields.OPT_PDM_SCALE_DTLS, off + 1, 1, buf.u8(off + 1));
                d.add(Ipv6Fields.OPT_PDM_PSN_THIS_PKT, off + 2, 2, buf.u16(off + 2));
                d.add(Ipv6Fields.OPT_PDM_PSN_LAST_RECV, off + 4, 2, buf.u16(off + 4));
                d.add(Ipv6Fields.OPT_PDM_DELTA_LAST_RECV, off + 6, 2, buf.u16(off + 6));
                d.add(Ipv6Fields.OPT_PDM_DELTA_LAST_SENT, off + 8, 2, buf.u16(off + 8));
                return off + 10;
            }
            case HOME_ADDRESS -> {
                if (len != 16) {
                    invalidLength(d, lenRow, "Home Address: Invalid length", len, off);
                }
                buf.check(off, 16);
                d.addObject(Ipv6Fields.OPT_MIPV6_HOME_ADDRESS, off, 16, Ipv6Dissector.address(buf, off));
                // the home address is the source tshark shows and files conversations under
                if (d.columnsWritable()) {
                    d.src.set(Address.Type.IPV6, buf, off, 16);
                }
                d.netSrc.set(Address.Type.IPV6, buf, off, 16);
                return off + 16;
            }
            case ILNP_NONCE -> {
                bytes(d, buf, Ipv6Fields.OPT_ILNP_NONCE, off, len);
                return off + len;
            }
            case LIO -> {
                int idLen = buf.u8(off);
                d.add(Ipv6Fields.OPT_LIO_LENGTH, off, 1, idLen);
                if (idLen + 1 > len) {
                    idLen = len - 1;
                }
                buf.check(off + 1, idLen);
                StringBuilder sb = new StringBuilder(idLen);
                for (int i = 0; i < idLen; i++) {
                    sb.append((char) buf.u8(off + 1 + i));
                }
                d.addObject(Ipv6Fields.OPT_LIO_LINE_ID, off + 1, idLen, sb.toString());
                return off + 1 + idLen;
            }
            case MPL -> {
                int b = buf.u8(off);
                IpTree.bitmask(d, Ipv6Fields.OPT_MPL_FLAG, off, 1, b, 2, Ipv6Fields.OPT_MPL_FLAG_S,
                        Ipv6Fields.OPT_MPL_FLAG_M, Ipv6Fields.OPT_MPL_FLAG_V, Ipv6Fields.OPT_MPL_FLAG_RSV);
                d.add(Ipv6Fields.OPT_MPL_SEQUENCE, off + 1, 1, buf.u8(off + 1));
                int seed = new int[] {0, 2, 8, 16}[b >> 6];
                if (seed > 0) {
                    bytes(d, buf, Ipv6Fields.OPT_MPL_SEED_ID, off + 2, seed);
                } else {
                    IpTree.expert(d, typeRow, Ipv6Fields.OPT_MPL_IPV6_SRC_SEED_ID, Expert.Severity.COMMENT, PROTOCOL,
                            "Seed ID is the IPv6 Source Address", off - 2, 1);
                }
                return off + 2 + seed;
            }
            case IP_DFF -> {
                if (len != 3) {
                    invalidLength(d, lenRow, "IPv6 DFF: Invalid length", len, off);
                }
                IpTree.bitmask(d, Ipv6Fields.OPT_DFF_FLAGS, off, 1, buf.u8(off), 2, Ipv6Fields.OPT_DFF_FLAG_VER,
                        Ipv6Fields.OPT_DFF_FLAG_DUP, Ipv6Fields.OPT_DFF_FLAG_RET, Ipv6Fields.OPT_DFF_FLAG_RSV);
                d.add(Ipv6Fields.OPT_DFF_SEQUENCE_NUMBER, off + 1, 2, buf.u16(off + 1));
                return off + 3;
            }
            case ENDI -> {
                int row = bytes(d, buf, Ipv6Fields.OPT_UNKNOWN, off, len);
                IpTree.expert(d, row, Ipv6Fields.OPT_UNKNOWN_DATA_EXPERT, NOTE, UNDECODED,
                        "Unknown Data (not interpreted)", off, len);
                IpTree.expert(d, typeRow, Ipv6Fields.OPT_DEPRECATED, NOTE, DEPRECATED, "Option type is deprecated",
                        off - 2, 1);
                return off + len;
            }
            default -> {
                if (experimental(type)) {
                    bytes(d, buf, Ipv6Fields.OPT_EXPERIMENTAL, off, len);
                    return off + len;
                }
                int row = bytes(d, buf, Ipv6Fields.OPT_UNKNOWN, off, len);
                IpTree.expert(d, row, Ipv6Fields.OPT_UNKNOWN_DATA_EXPERT, NOTE, UNDECODED,
                        "Unknown Data (not interpreted)", off, len);
                return off + len;
            }
        }
    }

    private static int quickStart(PacketBuffer buf, int off, int len, String name, int item, int lenRow,
                                  Ipv6Dissector.Walk w, Dissection d) {
        if (len != 6) {
            invalidLength(d, lenRow, "Quick-Start: Invalid Length", len, off);
        }
        int command = buf.u8(off);
        int function = command >> 4;
        int rate = command & 0x0F;
        d.addBits(Ipv6Fields.OPT_QS_FUNC, off, 1, command);
        StringBuilder text = new StringBuilder(name);
        if (function == 0) {
            d.addBits(Ipv6Fields.OPT_QS_RATE, off, 1, command);
            int qsTtl = buf.u8(off + 1);
            d.add(Ipv6Fields.OPT_QS_TTL, off + 1, 1, qsTtl);
            int diff = (w.hopLimit - qsTtl) & 0xFF;
            d.flag(d.add(Ipv6Fields.OPT_QS_TTL_DIFF, off + 1, 1, diff), Dissection.GENERATED);
            text.append(", ").append(QS_RATES[rate]).append(", QS TTL ").append(qsTtl).append(", QS TTL diff ")
                    .append(diff);
            long nonce = buf.u32(off + 2);
            d.addBits(Ipv6Fields.OPT_QS_NONCE, off + 2, 4, nonce);
            d.addBits(Ipv6Fields.OPT_QS_RESERVED, off + 2, 4, nonce);
            off += 6;
        } else if (function == 8) {
            d.addBits(Ipv6Fields.OPT_QS_RATE, off, 1, command);
            text.append(", ").append(QS_RATES[rate]);
            d.add(Ipv6Fields.OPT_QS_UNUSED, off + 1, 1, buf.u8(off + 1));
            long nonce = buf.u32(off + 2);
            d.addBits(Ipv6Fields.OPT_QS_NONCE, off + 2, 4, nonce);
            d.addBits(Ipv6Fields.OPT_QS_RESERVED, off + 2, 4, nonce);
            off += 6;
        }
        d.setText(item, text.toString());
        return off;
    }

    /**
     * The Jumbo Payload length, when the hop-by-hop header at {@code off} has one above
     * 65535, else 0 (reads only what was captured).
     */
    static long jumboLength(PacketBuffer buf, int off) {
        if (buf.capturedRemaining(off) < 2) {
            return 0;
        }
        int end = off + (buf.u8(off + 1) + 1) * 8;
        off += 2;
        while (off < end && buf.capturedRemaining(off) >= 6) {
            int type = buf.u8(off);
            off += 1;
            if (type == PAD1) {
                continue;
            }
            int len = buf.u8(off);
            off += 1;
            if (type == JUMBO && len == 4) {
                long v = buf.u32(off);
                return v > 0xFFFF ? v : 0;
            }
            off += len;
        }
        return 0;
    }
}
