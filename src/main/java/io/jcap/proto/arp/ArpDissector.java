package io.jcap.proto.arp;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.Expert;
import io.jcap.field.FieldDef;
import io.jcap.field.Formats;

/**
 * ARP and RARP (RFC 826, 903) and their relatives that share the header: DRARP,
 * Inverse ARP (RFC 2390), MARS (RFC 2022), MAPOS, the ATM variant (RFC 2225, hardware
 * type 19) and AX.25 ARP (hardware type 3), as tshark 4.0 shows them.
 *
 * <p>The Protocol column follows the opcode, not the EtherType. Reads happen in the
 * order tshark's dissector makes them, so that a short or cut frame ends with the same
 * text and mark: a reported length shorter than the header's addresses is malformed
 * before anything but "ARP" is shown; a capture cut inside the addresses fails when
 * the first address needed for Info is read.
 *
 * <p>Per-run state: the IPv4-to-MAC table of the duplicate address detection.
 */
public final class ArpDissector implements Dissector {
    static final int HEADER = 8;
    static final int ATM_HEADER = 12;
    static final int HRD_ETHER = 1;
    static final int HRD_AX25 = 3;
    static final int HRD_IEEE802 = 6;
    static final int HRD_ATM2225 = 19;
    static final int PRO_IP = 0x0800;
    static final int PRO_AX25_IP = 0xcc;
    static final int PRO_AX25 = 3;

    static final int OP_REQUEST = 1;
    static final int OP_REPLY = 2;
    static final int OP_RREQUEST = 3;
    static final int OP_RREPLY = 4;
    static final int OP_DRARP_REQUEST = 5;
    static final int OP_DRARP_REPLY = 6;
    static final int OP_DRARP_ERROR = 7;
    static final int OP_IREQUEST = 8;
    static final int OP_IREPLY = 9;
    static final int OP_NAK = 10;
    static final int OP_MARS_FIRST = 11;
    static final int OP_MARS_LAST = 22;
    static final int OP_MAPOS_UNARP = 23;
    static final int OP_EXP1 = 24;
    static final int OP_EXP2 = 25;

    /** Bytes shown of a long address before the ellipsis (Wireshark's bytes_to_str). */
    static final int MAX_SHOWN_BYTES = 36;
    static final char ELLIPSIS = '\u2026';

    /** Info text of the MARS opcodes 11..22 and MAPOS 23, before " from SHA at SPA". */
    private static final String[] MARS = {
        "MARS request", "MARS MULTI request", "MARS MSERV request", "MARS JOIN request",
        "MARS LEAVE", "MARS NAK", "MARS UNSERV request", "MARS SJOIN request", "MARS SLEAVE",
        "MARS grouplist request", "MARS grouplist reply", "MARS redirect map", "MAPOS UNARP request",
    };

    /** RFC 2225 ATMARP is a protocol of its own in tshark (its items are still ARP's). */
    static final io.jcap.field.Protocol ATMARP = new io.jcap.field.Protocol("atmarp",
            "ATM Address Resolution Protocol", "ATMARP");

    /** Items that are only text in the tree (no field of their own). */
    static final FieldDef TEXT = new io.jcap.field.Protocol("", "", "").field;

    private final DuplicateTable duplicates = new DuplicateTable();
    /** Scratch texts of the AX.25 variant's protocol addresses. */
    private final StringBuilder textA = new StringBuilder(96);
    private final StringBuilder textB = new StringBuilder(96);

    public ArpDissector(EngineBuilder b) {
        b.protocol(ArpFields.PROTOCOL);
        b.protocol(ATMARP);
        b.table("ethertype", "Ethertype", 1 << 16).add(0x0806, this, "arp");
        b.table("ethertype", "Ethertype", 1 << 16).add(0x8035, this, "arp");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(ArpFields.PROTOCOL);
        // "ARP" until the opcode is known, so that an early exception shows as ARP
        d.setProtocol("ARP");
        d.info.clear();
        int hrd = buf.u16(offset);
        if (hrd == HRD_ATM2225) {
            // a dissector of its own (frame.protocols ...:arp:atmarp; exceptions name ATMARP)
            d.enter(ATMARP);
            return atmArp(buf, offset, d);
        }
        if (hrd == HRD_AX25) {
            // called through a handle of its own: "arp" once more in frame.protocols
            d.enter(ArpFields.PROTOCOL);
            int pro = buf.u16(offset + 2);
            int hln = buf.u8(offset + 4);
            int pln = buf.u8(offset + 5);
            int op = buf.u16(offset + 6);
            int total = HEADER + 2 * hln + 2 * pln;
            if (offset + total > buf.end()) {
                throw BoundsException.MALFORMED;
            }
            int saved = buf.narrow(offset + total);
            try {
                ax25Arp(buf, offset, d, pro, hln, pln, op, total);
            } finally {
                buf.restore(saved);
            }
            return total;
        }
        // the item and the header fields come first, each as it is read
        boolean tree = d.tree();
        int top = -1;
        if (tree) {
            top = d.open(ArpFields.PROTOCOL.field, offset, Math.max(0, Math.min(buf.end(), buf.capturedEnd()) - offset));
            d.add(ArpFields.HW_TYPE, offset, 2, hrd);
        }
        int pro = buf.u16(offset + 2);
        if (tree) {
            d.add(ArpFields.PROTO_TYPE, offset + 2, 2, pro);
        }
        int hln = buf.u8(offset + 4);
        if (tree) {
            d.add(ArpFields.HW_SIZE, offset + 4, 1, hln);
        }
        int pln = buf.u8(offset + 5);
        if (tree) {
            d.add(ArpFields.PROTO_SIZE, offset + 5, 1, pln);
        }
        int op = buf.u16(offset + 6);
        if (tree) {
            d.add(ArpFields.OPCODE, offset + 6, 2, op);
        }
        int total = HEADER + 2 * hln + 2 * pln;
        if (offset + total > buf.end()) {
            throw BoundsException.MALFORMED;
        }
        d.setLength(top, total);
        int saved = buf.narrow(offset + total);
        try {
            arp(buf, offset, d, top, hrd, pro, hln, pln, op, total);
        } finally {
            buf.restore(saved);
        }
        return total;
    }

    // ---------------------------------------------------------------- normal ARP

    private void arp(PacketBuffer buf, int offset, Dissection d, int top, int hrd, int pro, int hln, int pln, int op,
                     int total) {
        d.setProtocol(protocolName(op));
        int sha = offset + HEADER;
        int spa = sha + hln;
        int tha = spa + pln;
        int tpa = tha + hln;

        boolean etherIp = isEther(hrd, hln) && isIpv4(pro, pln);
        int dupIp = 0;
        boolean dup = false;
        dupCount = 0;
        if ((op == OP_REQUEST || op == OP_REPLY) && etherIp) {
            int ip = buf.i32(spa);
            long mac = buf.u48(sha);
            if (unicastNonZero(mac) && ip != 0) {
                dup = checkDuplicate(d, ip, mac);
                if (dup) {
                    dupIp = ip;
                }
            }
            ip = buf.i32(tpa);
            mac = buf.u48(tha);
            if (unicastNonZero(mac) && ip != 0 && op != OP_REQUEST && ip != dupIp) {
                // the target's result replaces the sender's, as in tshark
                dup = checkDuplicate(d, ip, mac);
                if (dup) {
                    dupIp = ip;
                }
            }
        }

        boolean gratuitous = false;
        boolean announcement = false;
        boolean probe = false;
        if (op == OP_REQUEST || op == OP_REPLY) {
            if (pln > 0) {
                // tvb_get_ptr of the target address
                buf.check(tpa, pln);
            }
            gratuitous = pln > 0 && equalBytes(buf, spa, tpa, pln);
        }
        if (gratuitous) {
            announcement = op == OP_REQUEST && zeroMac(buf, tha);
        } else if (op == OP_REQUEST && zeroMac(buf, tha) && buf.i32(spa) == 0) {
            probe = true;
        }

        info(buf, d, hrd, pro, hln, pln, op, sha, spa, tha, tpa, gratuitous, announcement, probe);
        if (dup) {
            StringBuilder sb = d.info.builder();
            Formats.ipv4(sb.append(" (duplicate use of "), dupIp).append(" detected!)");
        }

        if (d.tree()) {
            d.openRow(top);
            fields(buf, d, offset, top, hrd, pro, hln, pln, op, total, sha, spa, tha, tpa, gratuitous, announcement,
                    probe);
            duplicateItems(d);
        }
    }

    // results of this frame's duplicate checks (sender, then target), for the tree
    private int dupCount;
    private final int[] dupIps = new int[2];
    private final long[] dupMacs = new long[2];
    private final long[] dupEarlierMacs = new long[2];
    private final long[] dupFrames = new long[2];
    private final long[] dupSeconds = new long[2];

    private boolean checkDuplicate(Dissection d, int ip, long mac) {
        long earlier = duplicates.check(ip, mac, d.frame.number, d.frame.seconds);
        if (earlier == 0) {
            return false;
        }
        dupIps[dupCount] = ip;
        dupMacs[dupCount] = mac;
        dupEarlierMacs[dupCount] = duplicates.lastMac;
        dupFrames[dupCount] = earlier;
        dupSeconds[dupCount] = d.frame.seconds - duplicates.lastSeconds;
        dupCount++;
        return true;
    }

    /** "Duplicate IP address detected ..." subtrees at the top level, after the ARP item. */
    private void duplicateItems(Dissection d) {
        for (int i = 0; i < dupCount; i++) {
            StringBuilder sb = new StringBuilder(120);
            Formats.ipv4(sb.append("Duplicate IP address detected for "), dupIps[i]).append(" (");
            Formats.ether(sb, dupMacs[i]).append(") - also in use by ");
            Formats.ether(sb, dupEarlierMacs[i]).append(" (frame ").append(dupFrames[i]).append(')');
            int row = d.addText(TEXT, 0, 0, sb.toString());
            d.flag(row, Dissection.GENERATED);
            d.openRow(row);
            int frameRow = d.add(ArpFields.DUPLICATE_ADDRESS_FRAME, 0, 0, dupFrames[i]);
            d.flag(frameRow, Dissection.GENERATED);
            d.openRow(frameRow);
            sb.setLength(0);
            Formats.ipv4(sb.append("Duplicate IP address configured ("), dupIps[i]).append(')');
            Expert.add(d, ArpFields.DUPLICATE_ADDRESS_DETECTED, Expert.Severity.WARNING, Expert.Group.SEQUENCE,
                    sb.toString(), 0, 0);
            d.close();
            d.flag(d.add(ArpFields.SECONDS_SINCE_DUPLICATE_ADDRESS_FRAME, 0, 0, dupSeconds[i]),
                    Dissection.GENERATED);
            d.close();
        }
    }

    static String protocolName(int op) {
        switch (op) {
            case OP_RREQUEST:
            case OP_RREPLY:
                return "RARP";
            case OP_DRARP_REQUEST:
            case OP_DRARP_REPLY:
            case OP_DRARP_ERROR:
                return "DRARP";
            case OP_IREQUEST:
            case OP_IREPLY:
                return "Inverse ARP";
            case OP_MAPOS_UNARP:
                return "MAPOS";
            default:
                return op >= OP_MARS_FIRST && op <= OP_MARS_LAST ? "MARS" : "ARP";
        }
    }

    private void info(PacketBuffer buf, Dissection d, int hrd, int pro, int hln, int pln, int op,
                      int sha, int spa, int tha, int tpa, boolean gratuitous, boolean announcement, boolean probe) {
        // every address the text needs is read (and may fail) before the column changes
        StringBuilder sb = d.info.builder();
        switch (op) {
            case OP_REQUEST:
                if (gratuitous) {
                    checkProto(buf, tpa, pln, pro);
                    d.info.clear();
                    sb = d.info.builder();
                    proto(buf, sb.append(announcement ? "ARP Announcement for " : "Gratuitous ARP for "), tpa, pln,
                            pro);
                    if (!announcement) {
                        sb.append(" (Request)");
                    }
                } else if (probe) {
                    checkProto(buf, tpa, pln, pro);
                    d.info.clear();
                    sb = d.info.builder();
                    proto(buf, sb.append("Who has "), tpa, pln, pro).append("? (ARP Probe)");
                } else {
                    checkProto(buf, tpa, pln, pro);
                    checkProto(buf, spa, pln, pro);
                    d.info.clear();
                    sb = d.info.builder();
                    proto(buf, sb.append("Who has "), tpa, pln, pro).append("? Tell ");
                    proto(buf, sb, spa, pln, pro);
                }
                break;
            case OP_REPLY:
                if (gratuitous) {
                    checkProto(buf, spa, pln, pro);
                    d.info.clear();
                    sb = d.info.builder();
                    proto(buf, sb.append("Gratuitous ARP for "), spa, pln, pro).append(" (Reply)");
                } else {
                    checkProto(buf, spa, pln, pro);
                    checkHw(buf, sha, hln);
                    d.info.clear();
                    sb = d.info.builder();
                    proto(buf, sb, spa, pln, pro).append(" is at ");
                    hw(buf, sb, sha, hln, hrd);
                }
                break;
            case OP_RREQUEST:
            case OP_IREQUEST:
            case OP_DRARP_REQUEST:
                checkHw(buf, tha, hln);
                checkHw(buf, sha, hln);
                d.info.clear();
                sb = d.info.builder();
                hw(buf, sb.append("Who is "), tha, hln, hrd).append("? Tell ");
                hw(buf, sb, sha, hln, hrd);
                break;
            case OP_RREPLY:
            case OP_DRARP_REPLY:
                checkHw(buf, tha, hln);
                checkProto(buf, tpa, pln, pro);
                d.info.clear();
                sb = d.info.builder();
                hw(buf, sb, tha, hln, hrd).append(" is at ");
                proto(buf, sb, tpa, pln, pro);
                break;
            case OP_DRARP_ERROR:
                d.info.set("DRARP Error");
                break;
            case OP_IREPLY:
                checkHw(buf, sha, hln);
                checkProto(buf, spa, pln, pro);
                d.info.clear();
                sb = d.info.builder();
                hw(buf, sb, sha, hln, hrd).append(" is at ");
                proto(buf, sb, spa, pln, pro);
                break;
            case OP_NAK:
                d.info.set("ARP NAK");
                break;
            case OP_EXP1:
                d.info.set("Experimental 1 ( opcode 24 )");
                break;
            case OP_EXP2:
                d.info.set("Experimental 2 ( opcode 25 )");
                break;
            case 0:
            case 0xffff:
                d.info.clear();
                d.info.builder().append("Reserved opcode ").append(op);
                break;
            default:
                if (op >= OP_MARS_FIRST && op <= OP_MAPOS_UNARP) {
                    checkHw(buf, sha, hln);
                    checkProto(buf, spa, pln, pro);
                    d.info.clear();
                    sb = d.info.builder();
                    hw(buf, sb.append(MARS[op - OP_MARS_FIRST]).append(" from "), sha, hln, hrd).append(" at ");
                    proto(buf, sb, spa, pln, pro);
                } else {
                    d.info.clear();
                    Formats.hex(d.info.builder().append("Unknown ARP opcode 0x"), op, 4);
                }
                break;
        }
    }

    /** The rest of the tree under {@code top} (opened, header fields added): -1 to open it here. */
    private void fields(PacketBuffer buf, Dissection d, int offset, int top, int hrd, int pro, int hln, int pln,
                        int op, int total, int sha, int spa, int tha, int tpa, boolean gratuitous,
                        boolean announcement, boolean probe) {
        boolean header = top < 0;
        if (header) {
            top = d.open(ArpFields.PROTOCOL.field, offset, total);
        }
        String opName = ArpFields.OPCODE.values.name(op);
        if (opName != null) {
            if (gratuitous && op == OP_REQUEST) {
                opName = "request/gratuitous ARP";
            } else if (gratuitous && op == OP_REPLY) {
                opName = "reply/gratuitous ARP";
            }
            if (probe) {
                opName = "ARP Probe";
            }
            if (announcement) {
                opName = "ARP Announcement";
            }
            d.setText(top, "Address Resolution Protocol (" + opName + ")");
        } else {
            d.setText(top, "Address Resolution Protocol (opcode 0x" + hex4(op) + ")");
        }
        if (header) {
            d.add(ArpFields.HW_TYPE, offset, 2, hrd);
            d.add(ArpFields.PROTO_TYPE, offset + 2, 2, pro);
            d.add(ArpFields.HW_SIZE, offset + 4, 1, hln);
            d.add(ArpFields.PROTO_SIZE, offset + 5, 1, pln);
            d.add(ArpFields.OPCODE, offset + 6, 2, op);
        }
        if (gratuitous && hrd != HRD_AX25) {
            d.flag(d.add(ArpFields.ISGRATUITOUS, 0, 0, 1), Dissection.GENERATED);
        }
        if (probe) {
            d.flag(d.add(ArpFields.ISPROBE, 0, 0, 1), Dissection.GENERATED);
        }
        if (announcement) {
            d.flag(d.add(ArpFields.ISANNOUNCEMENT, 0, 0, 1), Dissection.GENERATED);
        }
        int avail = buf.capturedEnd();
        boolean ether = isEther(hrd, hln);
        boolean ipv4 = isIpv4(pro, pln);
        if (hln != 0 && sha + hln <= avail) {
            hwField(buf, d, hrd, ether, ArpFields.SRC_HW_MAC, ArpFields.SRC_HW_AX25, ArpFields.SRC_HW, sha, hln);
        }
        if (pln != 0 && spa + pln <= avail) {
            protoField(buf, d, ipv4, ArpFields.SRC_PROTO_IPV4, ArpFields.SRC_PROTO, spa, pln);
        }
        if (hln != 0 && tha + hln <= avail) {
            hwField(buf, d, hrd, ether, ArpFields.DST_HW_MAC, ArpFields.DST_HW_AX25, ArpFields.DST_HW, tha, hln);
        }
        if (pln != 0 && op == OP_DRARP_ERROR && hrd != HRD_AX25) {
            // the first byte of the target protocol address is the error status
            if (tpa + 1 <= avail) {
                d.add(ArpFields.DST_DRARP_ERROR_STATUS, tpa, 1, buf.u8(tpa));
            }
        } else if (pln != 0 && tpa + pln <= avail) {
            protoField(buf, d, ipv4, ArpFields.DST_PROTO_IPV4, ArpFields.DST_PROTO, tpa, pln);
        }
        d.close();
    }

    static String hex4(int v) {
        return Formats.hex(new StringBuilder(4), v, 4).toString();
    }

    private static void hwField(PacketBuffer buf, Dissection d, int hrd, boolean ether,
                                FieldDef mac, FieldDef ax25, FieldDef raw, int off, int len) {
        if (ether) {
            d.add(mac, off, len, buf.u48(off));
        } else if (hrd == HRD_AX25 && len == 7) {
            int row = d.addBytes(ax25, off, len);
            if (row >= 0) {
                StringBuilder sb = new StringBuilder(ax25.name.length() + 12).append(ax25.name).append(": ");
                d.setText(row, ax25Text(buf, sb, off).toString());
            }
        } else {
            bytesField(buf, d, raw, off, len);
        }
    }

    /** A byte-string field; its text shows at most 36 bytes, then an ellipsis. */
    static int bytesField(PacketBuffer buf, Dissection d, FieldDef f, int off, int len) {
        int row = d.addBytes(f, off, len);
        if (row >= 0 && len > MAX_SHOWN_BYTES) {
            StringBuilder sb = new StringBuilder(f.name.length() + 2 + 2 * MAX_SHOWN_BYTES + 1);
            d.setText(row, hex(buf, sb.append(f.name).append(": "), off, len).toString());
        }
        return row;
    }

    private static void protoField(PacketBuffer buf, Dissection d, boolean ipv4, FieldDef v4, FieldDef raw,
                                   int off, int len) {
        if (ipv4) {
            d.add(v4, off, len, buf.u32(off));
        } else {
            bytesField(buf, d, raw, off, len);
        }
    }

    // ---------------------------------------------------------------- AX.25 ARP (hrd 3)

    private void ax25Arp(PacketBuffer buf, int offset, Dissection d, int pro, int hln, int pln, int op, int total) {
        switch (op) {
            case OP_RREQUEST:
            case OP_RREPLY:
                d.setProtocol("RARP");
                break;
            case OP_IREQUEST:
            case OP_IREPLY:
                d.setProtocol("Inverse ARP");
                break;
            default:
                d.setProtocol("ARP");
                break;
        }
        int sha = offset + HEADER;
        int spa = sha + hln;
        int tha = spa + pln;
        int tpa = tha + hln;
        // both protocol address texts are made first, whatever the opcode
        checkProto(buf, spa, pln, pro);
        checkProto(buf, tpa, pln, pro);
        textA.setLength(0);
        textB.setLength(0);
        proto(buf, textA, spa, pln, pro);
        proto(buf, textB, tpa, pln, pro);
        // gratuitous: the two texts are the same
        boolean gratuitous = (op == OP_REQUEST || op == OP_REPLY) && sameText(textA, textB);
        StringBuilder sb;
        switch (op) {
            case OP_REQUEST:
                d.info.clear();
                sb = d.info.builder();
                if (gratuitous) {
                    sb.append("Gratuitous ARP for ").append(textB).append(" (Request)");
                } else {
                    sb.append("Who has ").append(textB).append("? Tell ").append(textA);
                }
                break;
            case OP_REPLY:
                if (gratuitous) {
                    d.info.clear();
                    d.info.builder().append("Gratuitous ARP for ").append(textA).append(" (Reply)");
                } else {
                    checkHw(buf, sha, hln);
                    d.info.clear();
                    sb = d.info.builder();
                    sb.append(textA).append(" is at ");
                    hw(buf, sb, sha, hln, HRD_AX25);
                }
                break;
            case OP_RREQUEST:
            case OP_IREQUEST:
                checkHw(buf, tha, hln);
                checkHw(buf, sha, hln);
                d.info.clear();
                sb = d.info.builder();
                hw(buf, sb.append("Who is "), tha, hln, HRD_AX25).append("? Tell ");
                hw(buf, sb, sha, hln, HRD_AX25);
                break;
            case OP_RREPLY:
                checkHw(buf, tha, hln);
                d.info.clear();
                sb = d.info.builder();
                hw(buf, sb, tha, hln, HRD_AX25).append(" is at ").append(textB);
                break;
            case OP_IREPLY:
                checkHw(buf, sha, hln);
                d.info.clear();
                sb = d.info.builder();
                hw(buf, sb, sha, hln, HRD_AX25).append(" is at ").append(textA);
                break;
            default:
                d.info.clear();
                Formats.hex(d.info.builder().append("Unknown ARP opcode 0x"), op, 4);
                break;
        }
        if (d.tree()) {
            fields(buf, d, offset, -1, HRD_AX25, pro, hln, pln, op, total, sha, spa, tha, tpa, gratuitous, false,
                    false);
        }
    }

    // ---------------------------------------------------------------- ATMARP (hrd 19)

    private int atmArp(PacketBuffer buf, int offset, Dissection d) {
        int pro = buf.u16(offset + 2);
        int shtl = buf.u8(offset + 4);
        int sstl = buf.u8(offset + 5);
        int op = buf.u16(offset + 6);
        int spln = buf.u8(offset + 8);
        int thtl = buf.u8(offset + 9);
        int tstl = buf.u8(offset + 10);
        int tpln = buf.u8(offset + 11);
        int shl = shtl & 0x3f;
        int ssl = sstl & 0x3f;
        int thl = thtl & 0x3f;
        int tsl = tstl & 0x3f;
        int total = ATM_HEADER + shl + ssl + spln + thl + tsl + tpln;
        if (offset + total > buf.end()) {
            throw BoundsException.MALFORMED;
        }
        int saved = buf.narrow(offset + total);
        try {
            int sha = offset + ATM_HEADER;
            int ssa = sha + shl;
            int spa = ssa + ssl;
            int tha = spa + spln;
            int tsa = tha + thl;
            int tpa = tsa + tsl;
            // all six texts are made before the columns change
            checkHw(buf, sha, shl);
            checkHw(buf, ssa, ssl);
            checkProto(buf, spa, spln, pro);
            checkHw(buf, tha, thl);
            checkHw(buf, tsa, tsl);
            checkProto(buf, tpa, tpln, pro);
            switch (op) {
                case OP_RREQUEST:
                case OP_RREPLY:
                    d.setProtocol("ATMRARP");
                    break;
                case OP_IREQUEST:
                case OP_IREPLY:
                    d.setProtocol("Inverse ATMARP");
                    break;
                case OP_MAPOS_UNARP:
                    d.setProtocol("MAPOS");
                    break;
                default:
                    d.setProtocol(op >= OP_MARS_FIRST && op <= OP_MARS_LAST ? "MARS" : "ATMARP");
                    break;
            }
            d.info.clear();
            StringBuilder sb = d.info.builder();
            switch (op) {
                case OP_REQUEST:
                    proto(buf, sb.append("Who has "), tpa, tpln, pro).append("? Tell ");
                    proto(buf, sb, spa, spln, pro);
                    break;
                case OP_REPLY:
                    proto(buf, sb, spa, spln, pro).append(" is at ");
                    atmAddress(buf, sb, sha, shtl, ssa, sstl);
                    break;
                case OP_IREQUEST:
                    atmAddress(buf, sb.append("Who is "), tha, thtl, tsa, tstl).append("? Tell ");
                    atmAddress(buf, sb, sha, shtl, ssa, sstl);
                    break;
                case OP_IREPLY:
                    atmAddress(buf, sb, sha, shtl, ssa, sstl).append(" is at ");
                    proto(buf, sb, spa, spln, pro);
                    break;
                case OP_NAK:
                    proto(buf, sb.append("I don't know where "), spa, spln, pro).append(" is");
                    break;
                case OP_EXP1:
                    sb.append("Experimental 1 ( opcode 24 )");
                    break;
                case OP_EXP2:
                    sb.append("Experimental 2 ( opcode 25 )");
                    break;
                case 0:
                case 0xffff:
                    sb.append("Reserved opcode ").append(op);
                    break;
                default:
                    if (op >= OP_MARS_FIRST && op <= OP_MAPOS_UNARP) {
                        atmAddress(buf, sb.append(MARS[op - OP_MARS_FIRST]).append(" from "), sha, shtl, ssa, sstl)
                                .append(" at ");
                        proto(buf, sb, spa, spln, pro);
                    } else {
                        Formats.hex(sb.append("Unknown ATMARP opcode 0x"), op, 4);
                    }
                    break;
            }
            if (d.tree()) {
                atmFields(buf, d, offset, total, pro, shtl, sstl, op, spln, thtl, tstl, tpln,
                        sha, ssa, spa, tha, tsa, tpa);
            }
        } finally {
            buf.restore(saved);
        }
        return total;
    }

    /** Opcode names of the ATM variant (atmop_vals), null where it has none. */
    static String atmOpName(int op) {
        switch (op) {
            case OP_RREQUEST:
            case OP_RREPLY:
            case OP_DRARP_REQUEST:
            case OP_DRARP_REPLY:
            case OP_DRARP_ERROR:
                return null;
            case OP_NAK:
                return "nak";
            default:
                return ArpFields.OPCODE.values.name(op);
        }
    }

    private static void atmFields(PacketBuffer buf, Dissection d, int offset, int total, int pro, int shtl, int sstl,
                                  int op, int spln, int thtl, int tstl, int tpln,
                                  int sha, int ssa, int spa, int tha, int tsa, int tpa) {
        int top = d.open(ArpFields.PROTOCOL.field, offset, total);
        String opName = atmOpName(op);
        d.setText(top, opName != null ? "ATM Address Resolution Protocol (" + opName + ")"
                : "ATM Address Resolution Protocol (opcode 0x" + hex4(op) + ")");
        d.add(ArpFields.HW_TYPE, offset, 2, HRD_ATM2225);
        d.add(ArpFields.PROTO_TYPE, offset + 2, 2, pro);
        typeLength(d, "Sender ATM number", ArpFields.SRC_HTYPE, ArpFields.SRC_HLEN, offset + 4, shtl);
        typeLength(d, "Sender ATM subaddress", ArpFields.SRC_STYPE, ArpFields.SRC_SLEN, offset + 5, sstl);
        d.add(ArpFields.OPCODE, offset + 6, 2, op);
        d.add(ArpFields.SRC_PLN, offset + 8, 1, spln);
        typeLength(d, "Target ATM number", ArpFields.DST_HTYPE, ArpFields.DST_HLEN, offset + 9, thtl);
        typeLength(d, "Target ATM subaddress", ArpFields.DST_STYPE, ArpFields.DST_SLEN, offset + 10, tstl);
        d.add(ArpFields.DST_PLN, offset + 11, 1, tpln);
        atmNumberField(buf, d, ArpFields.SRC_ATM_NUM_E164, ArpFields.SRC_ATM_NUM_NSAP, sha, shtl);
        if ((sstl & 0x3f) != 0) {
            bytesField(buf, d, ArpFields.SRC_ATM_SUBADDR, ssa, sstl & 0x3f);
        }
        if (spln != 0) {
            protoField(buf, d, isIpv4(pro, spln), ArpFields.SRC_PROTO_IPV4, ArpFields.SRC_PROTO, spa, spln);
        }
        atmNumberField(buf, d, ArpFields.DST_ATM_NUM_E164, ArpFields.DST_ATM_NUM_NSAP, tha, thtl);
        if ((tstl & 0x3f) != 0) {
            bytesField(buf, d, ArpFields.DST_ATM_SUBADDR, tsa, tstl & 0x3f);
        }
        if (tpln != 0) {
            protoField(buf, d, isIpv4(pro, tpln), ArpFields.DST_PROTO_IPV4, ArpFields.DST_PROTO, tpa, tpln);
        }
        d.close();
    }

    /** "Sender ATM number type/length: E.164/20" with the type bit and the length under it. */
    private static void typeLength(Dissection d, String what, FieldDef type, FieldDef length, int off, int tl) {
        int row = d.addText(TEXT, off, 1, what + " type/length: " + ((tl & 0x40) != 0 ? "E.164" : "ATM Forum NSAPA")
                + "/" + (tl & 0x3f));
        d.openRow(row);
        d.add(type, off, 1, tl);
        d.add(length, off, 1, tl & 0x3f);
        d.close();
    }

    private static void atmNumberField(PacketBuffer buf, Dissection d, FieldDef e164, FieldDef nsap, int off, int tl) {
        int len = tl & 0x3f;
        if (len == 0) {
            return;
        }
        if ((tl & 0x40) != 0) {
            StringBuilder sb = new StringBuilder(len);
            ascii(buf, sb, off, len);
            d.addObject(e164, off, len, sb.toString());
        } else {
            int row = bytesField(buf, d, nsap, off, len);
            if (len >= 20) {
                d.openRow(row);
                nsapFields(buf, d, off, len);
                d.close();
            }
        }
    }

    /** dissect_atm_nsap: the AFI and the parts of the address its format has (always the sender's fields). */
    private static void nsapFields(PacketBuffer buf, Dissection d, int off, int len) {
        int afi = buf.u8(off);
        int afiRow = d.add(ArpFields.SRC_ATM_AFI, off, 1, afi);
        switch (afi) {
            case 0x39:
            case 0xbd:
                d.add(afi == 0xbd ? ArpFields.SRC_ATM_DATA_COUNTRY_CODE_GROUP : ArpFields.SRC_ATM_DATA_COUNTRY_CODE,
                        off + 1, 2, buf.u16(off + 1));
                bytesField(buf, d, ArpFields.SRC_ATM_HIGH_ORDER_DSP, off + 3, 10);
                break;
            case 0x47:
            case 0xc5:
                d.add(afi == 0xc5 ? ArpFields.SRC_ATM_INTERNATIONAL_CODE_DESIGNATOR_GROUP
                        : ArpFields.SRC_ATM_INTERNATIONAL_CODE_DESIGNATOR, off + 1, 2, buf.u16(off + 1));
                bytesField(buf, d, ArpFields.SRC_ATM_HIGH_ORDER_DSP, off + 3, 10);
                break;
            case 0x45:
            case 0xc3:
                bytesField(buf, d, afi == 0xc3 ? ArpFields.SRC_ATM_E_164_ISDN_GROUP : ArpFields.SRC_ATM_E_164_ISDN,
                        off + 1, 8);
                bytesField(buf, d, ArpFields.SRC_ATM_HIGH_ORDER_DSP, off + 9, 4);
                break;
            default:
                d.openRow(afiRow);
                Expert.add(d, ArpFields.SRC_ATM_AFI_UNKNOWN, Expert.Severity.WARNING, Expert.Group.PROTOCOL,
                        "Unknown AFI", off, 1);
                d.close();
                bytesField(buf, d, ArpFields.SRC_ATM_REST_OF_ADDRESS, off + 1, len - 1);
                return;
        }
        bytesField(buf, d, ArpFields.SRC_ATM_END_SYSTEM_IDENTIFIER, off + 13, 6);
        d.add(ArpFields.SRC_ATM_SELECTOR, off + 19, 1, buf.u8(off + 19));
    }

    /** An ATM number and its subaddress: "number[,subaddress]". */
    private static StringBuilder atmAddress(PacketBuffer buf, StringBuilder sb, int num, int numTl, int sub,
                                            int subTl) {
        int len = numTl & 0x3f;
        if (len == 0) {
            sb.append("<No address>");
        } else if ((numTl & 0x40) != 0) {
            ascii(buf, sb, num, len);
        } else {
            hex(buf, sb, num, len);
        }
        int slen = subTl & 0x3f;
        if (slen != 0) {
            hex(buf, sb.append(','), sub, slen);
        }
        return sb;
    }

    /** A string read as ASCII: bytes above 0x7f become U+FFFD, as tshark's ENC_ASCII. */
    private static void ascii(PacketBuffer buf, StringBuilder sb, int off, int len) {
        for (int i = 0; i < len; i++) {
            int c = buf.u8(off + i);
            if (c == 0) {
                break;
            }
            sb.append(c < 0x80 ? (char) c : '\uFFFD');
        }
    }

    // ---------------------------------------------------------------- address texts

    private static boolean sameText(CharSequence a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isEther(int hrd, int hln) {
        return (hrd == HRD_ETHER || hrd == HRD_IEEE802) && hln == 6;
    }

    static boolean isIpv4(int pro, int pln) {
        return (pro == PRO_IP || pro == PRO_AX25_IP) && pln == 4;
    }

    private static boolean unicastNonZero(long mac) {
        return (mac & 0x0100_0000_0000L) == 0 && mac != 0;
    }

    /** tvb_memeql against six zero bytes: false (not an exception) when the bytes are not there. */
    private static boolean zeroMac(PacketBuffer buf, int off) {
        if (off + 6 > buf.capturedEnd()) {
            return false;
        }
        return buf.u48(off) == 0;
    }

    private static boolean equalBytes(PacketBuffer buf, int a, int b, int len) {
        for (int i = 0; i < len; i++) {
            if (buf.u8(a + i) != buf.u8(b + i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads what the text of a hardware address reads: all its bytes, even those not shown. */
    private static void checkHw(PacketBuffer buf, int off, int len) {
        if (len > 0) {
            buf.check(off, len);
        }
    }

    private static void checkProto(PacketBuffer buf, int off, int len, int pro) {
        if (len > 0) {
            buf.check(off, len);
        }
    }

    /** A hardware address as tshark's Info shows it: MAC form for Ethernet, else hex. */
    static StringBuilder hw(PacketBuffer buf, StringBuilder sb, int off, int len, int hrd) {
        if (len == 0) {
            return sb.append("<No address>");
        }
        if (isEther(hrd, len)) {
            return Formats.ether(sb, buf.u48(off));
        }
        return hex(buf, sb, off, len);
    }

    /** A protocol address: dotted quad for IPv4, an AX.25 callsign, else hex. */
    static StringBuilder proto(PacketBuffer buf, StringBuilder sb, int off, int len, int pro) {
        if (len == 0) {
            return sb.append("<No address>");
        }
        if (isIpv4(pro, len)) {
            return Formats.ipv4(sb, buf.i32(off));
        }
        if (pro == PRO_AX25 && len == 7) {
            return ax25Text(buf, sb, off);
        }
        return hex(buf, sb, off, len);
    }

    /** An AX.25 callsign: up to the first space byte, unprintable characters as '.', then the SSID. */
    static StringBuilder ax25Text(PacketBuffer buf, StringBuilder sb, int off) {
        for (int i = 0; i < 6; i++) {
            int b = buf.u8(off + i);
            if (b == 0x40) {
                break;
            }
            int c = b >> 1;
            sb.append(c >= ' ' && c <= '~' ? (char) c : '.');
        }
        int ssid = (buf.u8(off + 6) >> 1) & 0x0f;
        if (ssid != 0) {
            sb.append('-').append(ssid);
        }
        return sb;
    }

    /** bytes_to_str: lower-case hex without separators, at most 36 bytes then an ellipsis. */
    static StringBuilder hex(PacketBuffer buf, StringBuilder sb, int off, int len) {
        int shown = Math.min(len, MAX_SHOWN_BYTES);
        for (int i = 0; i < shown; i++) {
            Formats.hex(sb, buf.u8(off + i), 2);
        }
        if (len > MAX_SHOWN_BYTES) {
            sb.append(ELLIPSIS);
        }
        return sb;
    }

    // ---------------------------------------------------------------- duplicate detection

    /**
     * IPv4 address to (MAC, frame) as tshark's duplicate address detection keeps it: the
     * first MAC seen stays; a frame with another MAC is a conflict. Open addressing over
     * primitive arrays that grow by doubling; bounded (cleared when full).
     */
    static final class DuplicateTable {
        static final int MAX_ENTRIES = 100_000;
        private int[] keys;
        private long[] macs;
        private long[] frames;
        private long[] seconds;
        private boolean[] used;
        private int size;
        /** When the entry that the last conflict was with was last seen (seconds), and its MAC. */
        long lastSeconds;
        long lastMac;

        DuplicateTable() {
            allocate(256);
        }

        private void allocate(int capacity) {
            keys = new int[capacity];
            macs = new long[capacity];
            frames = new long[capacity];
            seconds = new long[capacity];
            used = new boolean[capacity];
            size = 0;
        }

        /** Returns the frame of the earlier use on a conflict, else 0 (and records or refreshes). */
        long check(int ip, long mac, long frame, long when) {
            int i = slot(ip);
            if (!used[i]) {
                if (size >= MAX_ENTRIES) {
                    allocate(keys.length);
                } else if ((size + 1) * 2 > keys.length) {
                    grow();
                }
                i = slot(ip);
                used[i] = true;
                keys[i] = ip;
                macs[i] = mac;
                frames[i] = frame;
                seconds[i] = when;
                size++;
                return 0;
            }
            if (frame > frames[i]) {
                if (macs[i] == mac) {
                    frames[i] = frame;
                    seconds[i] = when;
                    return 0;
                }
                lastSeconds = seconds[i];
                lastMac = macs[i];
                return frames[i];
            }
            return 0;
        }

        private void grow() {
            int[] k = keys;
            long[] m = macs;
            long[] f = frames;
            long[] w = seconds;
            boolean[] u = used;
            allocate(k.length * 2);
            for (int j = 0; j < k.length; j++) {
                if (u[j]) {
                    int i = slot(k[j]);
                    used[i] = true;
                    keys[i] = k[j];
                    macs[i] = m[j];
                    frames[i] = f[j];
                    seconds[i] = w[j];
                    size++;
                }
            }
        }

        private int slot(int ip) {
            int mask = keys.length - 1;
            int h = ip * 0x9E3779B9;
            int i = (h ^ (h >>> 15)) & mask;
            while (used[i] && keys[i] != ip) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }
}
