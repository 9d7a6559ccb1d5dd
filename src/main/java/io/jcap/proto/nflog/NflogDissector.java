package io.jcap.proto.nflog;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.data.DataDissector;

/**
 * Linux netfilter's NFLOG link type (239): address family, version and resource id,
 * then type-length-value items whose length and type are in the logging host's byte
 * order (little-endian, as tshark assumes by default), each padded to 4 bytes. The
 * NFULA_PAYLOAD item holds the packet, handed to IPv4 or IPv6 by the family.
 */
public final class NflogDissector implements Dissector {
    private static final int LINKTYPE_NFLOG = 239;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int PACKET_HDR = 1;
    private static final int TIMESTAMP = 3;
    private static final int IFINDEX_INDEV = 4;
    private static final int IFINDEX_OUTDEV = 5;
    private static final int IFINDEX_PHYSINDEV = 6;
    private static final int IFINDEX_PHYSOUTDEV = 7;
    private static final int PAYLOAD = 9;
    private static final int PREFIX = 10;
    private static final int UID = 11;
    private static final int GID = 14;

    private final DissectorTable etherTypes;
    private final DataDissector data;

    private NflogDissector(DissectorTable etherTypes, DataDissector data) {
        this.etherTypes = etherTypes;
        this.data = data;
    }

    public static void register(EngineBuilder b, DataDissector data) {
        b.protocol(NflogFields.PROTOCOL);
        NflogDissector nflog = new NflogDissector(b.table("ethertype", "Ethertype", 1 << 16), data);
        b.table("wtap_encap", "Link-layer type", 1 << 16).add(LINKTYPE_NFLOG, nflog, "nflog");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(NflogFields.PROTOCOL);
        d.setProtocol("NFLOG");
        d.info.clear();
        int family = buf.u8(offset);
        boolean tree = d.tree();
        if (tree) {
            d.open(NflogFields.PROTOCOL.field, offset, buf.capturedRemaining(offset));
            d.add(NflogFields.FAMILY, offset, 1, family);
            d.add(NflogFields.VERSION, offset + 1, 1, buf.u8(offset + 1));
            d.add(NflogFields.RES_ID, offset + 2, 2, buf.u16(offset + 2));
        }
        int at = offset + 4;
        int payload = -1;
        int payloadLength = 0;
        int end = buf.end();
        while (end - at >= 4) {
            int length = buf.u16le(at);
            if (length < 4) {
                break;
            }
            int type = buf.u16le(at + 2) & 0x7fff;
            int valueLength = length - 4;
            if (tree) {
                tlv(buf, at, length, type, valueLength, d);
            }
            if (type == PAYLOAD) {
                payload = at + 4;
                payloadLength = valueLength;
            }
            at += (length + 3) & ~3;
        }
        if (tree) {
            d.close();
        }
        if (payload < 0) {
            return end - offset;
        }
        Dissector next = family == AF_INET ? etherTypes.get(0x0800) : family == AF_INET6 ? etherTypes.get(0x86dd)
                : null;
        int payloadEnd = Math.min(end, payload + payloadLength);
        if (next == null || d.call(next, payload, payloadEnd) == REJECT) {
            d.call(data, payload, payloadEnd);
        }
        return end - offset;
    }

    private static void tlv(PacketBuffer buf, int at, int length, int type, int valueLength, Dissection d) {
        String name = NflogFields.TLV_TYPE.values.name(type, "Unknown");
        int row = d.addBytes(NflogFields.TLV, at, length);
        d.setText(row, "TLV Type: " + name + " (" + type + "), Length: " + length);
        d.openRow(row);
        d.add(NflogFields.TLV_LENGTH, at, 2, length);
        d.addBits(NflogFields.TLV_TYPE, at + 2, 2, buf.u16le(at + 2));
        int v = at + 4;
        boolean handled = false;
        switch (type) {
            case PAYLOAD -> handled = true;
            case PACKET_HDR -> {
                if (valueLength == 4) {
                    d.add(NflogFields.PROTOCOL_FIELD, v, 2, buf.u16(v));
                    d.add(NflogFields.HOOK, v + 2, 1, buf.u8(v + 2));
                    handled = true;
                }
            }
            case IFINDEX_INDEV, IFINDEX_OUTDEV, IFINDEX_PHYSINDEV, IFINDEX_PHYSOUTDEV -> {
                if (valueLength == 4) {
                    d.add(type == IFINDEX_INDEV ? NflogFields.IFINDEX_INDEV : type == IFINDEX_OUTDEV
                            ? NflogFields.IFINDEX_OUTDEV : type == IFINDEX_PHYSINDEV ? NflogFields.IFINDEX_PHYSINDEV
                            : NflogFields.IFINDEX_PHYSOUTDEV, v, 4, buf.u32(v));
                    handled = true;
                }
            }
            case PREFIX -> {
                if (valueLength >= 1) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < valueLength && buf.u8(v + i) != 0; i++) {
                        sb.append((char) buf.u8(v + i));
                    }
                    d.addObject(NflogFields.PREFIX, v, valueLength, sb.toString());
                    handled = true;
                }
            }
            case UID, GID -> {
                if (valueLength == 4) {
                    d.add(type == UID ? NflogFields.UID : NflogFields.GID, v, 4, buf.i32(v));
                    handled = true;
                }
            }
            case TIMESTAMP -> {
                if (valueLength == 16) {
                    long seconds = buf.i64(v);
                    long micros = buf.i64(v + 8);
                    d.add(NflogFields.TIMESTAMP, v, 16, seconds * 1_000_000_000L + micros * 1000L);
                    handled = true;
                }
            }
            default -> {
            }
        }
        if (!handled) {
            d.addBytes(NflogFields.TLV_VALUE, v, valueLength);
        }
        d.close();
    }
}
