package io.jcap.proto.icmp;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;

/**
 * ICMP multi-part extensions (RFC 4884): the common header and the objects (MPLS label
 * stack RFC 4950, interface information RFC 5837, interface identification RFC 8335).
 * Nothing here reaches Info; what matters is that the same bytes are required as in
 * tshark's dissector, so that a short extension fails (or not) the same way. Objects
 * run from {@code offset} to the current end of the buffer.
 */
public final class IcmpExtension {
    private IcmpExtension() {
    }

    static final int CLASS_MPLS_EXTENDED_PAYLOAD = 0;
    static final int CLASS_MPLS_STACK = 1;
    static final int CLASS_INTERFACE_INFORMATION = 2;
    static final int CLASS_INTERFACE_IDENTIFICATION = 3;
    static final int AFI_IPV4 = 1;
    static final int AFI_IPV6 = 2;

    /** The extension structure from {@code offset} to the end of the current layer. */
    public static void dissect(PacketBuffer buf, int offset, Dissection d) {
        int end = buf.end();
        int reported = end - offset;
        boolean tree = d.tree();
        if (tree) {
            d.open(IcmpFields.EXT, offset, Math.max(reported, 0));
        }
        try {
            if (reported < 4) {
                return;
            }
            int version = buf.u8(offset) >> 4;
            buf.check(offset, 2);
            int checksum = buf.u16(offset + 2);
            if (checksum != 0) {
                // the checksum covers the whole extension structure
                buf.check(offset, reported);
            }
            if (tree) {
                d.add(IcmpFields.EXT_VERSION, offset, 1, version);
                d.add(IcmpFields.EXT_RES, offset, 2, buf.u16(offset) & 0x0fff);
                d.add(IcmpFields.EXT_CHECKSUM, offset + 2, 2, checksum);
            }
            if (version != 1 && version != 2) {
                return;
            }
            int off = offset + 4;
            while (end - off >= 4) {
                int length = buf.u16(off);
                int truncLength = Math.min(length, end - off);
                int objEnd = off + truncLength;
                int cls = buf.u8(off + 2);
                buf.check(off + 2, 1);
                int cType = buf.u8(off + 3);
                if (tree) {
                    d.add(IcmpFields.EXT_LENGTH, off, 2, length);
                    d.add(IcmpFields.EXT_CLASS, off + 2, 1, cls);
                    d.add(IcmpFields.EXT_CTYPE, off + 3, 1, cType);
                }
                if (length < 4) {
                    break;
                }
                boolean unknown;
                switch (cls) {
                    case CLASS_MPLS_STACK:
                        unknown = mplsStack(buf, off, objEnd, cType, d);
                        break;
                    case CLASS_INTERFACE_INFORMATION:
                        unknown = interfaceInformation(buf, off, objEnd, cType);
                        break;
                    case CLASS_MPLS_EXTENDED_PAYLOAD:
                        unknown = cType != 1;
                        if (!unknown && truncLength > 4) {
                            buf.check(off + 4, truncLength - 4);
                        }
                        break;
                    case CLASS_INTERFACE_IDENTIFICATION:
                        unknown = interfaceIdentification(buf, off, length, cType);
                        break;
                    default:
                        unknown = true;
                        break;
                }
                if (unknown) {
                    buf.check(off + 3, 1);
                    if (truncLength > 4) {
                        buf.check(off + 4, truncLength - 4);
                        if (tree) {
                            d.addBytes(IcmpFields.EXT_DATA, off + 4, truncLength - 4);
                        }
                    }
                }
                off = objEnd;
            }
        } finally {
            if (tree) {
                d.close();
            }
        }
    }

    private static boolean mplsStack(PacketBuffer buf, int off, int objEnd, int cType, Dissection d) {
        if (cType != 1) {
            return true;
        }
        int end = buf.end();
        off += 4;
        while (off + 4 <= objEnd) {
            if (end - off < 4) {
                break;
            }
            int label = (buf.u16(off) << 4) | (buf.u8(off + 2) >> 4);
            int bits = buf.u8(off + 2);
            int ttl = buf.u8(off + 3);
            if (d.tree()) {
                d.add(IcmpFields.MPLS_LABEL, off, 3, label);
                d.add(IcmpFields.MPLS_EXP, off + 2, 1, (bits >> 1) & 7);
                d.add(IcmpFields.MPLS_S, off + 2, 1, bits & 1);
                d.add(IcmpFields.MPLS_TTL, off + 3, 1, ttl);
            }
            off += 4;
        }
        if (off < objEnd) {
            buf.check(off, objEnd - off);
        }
        return false;
    }

    private static boolean interfaceInformation(PacketBuffer buf, int off, int objEnd, int cType) {
        if (buf.end() - off < 4) {
            return true;
        }
        boolean ifIndex = (cType & 0x08) != 0;
        boolean ipAddr = (cType & 0x04) != 0;
        boolean name = (cType & 0x02) != 0;
        boolean mtu = (cType & 0x01) != 0;
        off += 4;
        if (ifIndex) {
            buf.check(off, 4);
            off += 4;
        }
        if (ipAddr && objEnd >= off + 2) {
            int afi = buf.u16(off);
            off += 2;
            buf.check(off, 2);
            off += 2;
            if (afi == AFI_IPV4) {
                buf.check(off, 4);
                off += 4;
            } else if (afi == AFI_IPV6) {
                buf.check(off, 16);
                off += 16;
            } else {
                // tshark 4.0 adds the unknown address with a length that always fails
                throw BoundsException.MALFORMED;
            }
        }
        if (name) {
            // the name sub-object: its length byte when the object holds it, then the name,
            // which is not checked against the object (a length of 0 reads "to the end")
            int nameLength = 0;
            if (objEnd >= off + 1) {
                nameLength = buf.u8(off);
                off += 1;
            }
            if (nameLength == 0) {
                if (off >= buf.capturedEnd()) {
                    throw off >= buf.end() ? BoundsException.MALFORMED : BoundsException.TRUNCATED;
                }
            } else {
                buf.check(off, nameLength - 1);
            }
            off += nameLength - 1;
        }
        if (mtu) {
            buf.check(off, 4);
        }
        return false;
    }

    private static boolean interfaceIdentification(PacketBuffer buf, int off, int length, int cType) {
        int end = buf.end();
        if (end - off < 5) {
            return true;
        }
        off += 4;
        switch (cType) {
            case 1:
                buf.check(off, length - 4);
                break;
            case 2:
                buf.check(off, 4);
                break;
            case 3: {
                int afi = buf.u16(off);
                off += 2;
                int addrLength = buf.u8(off);
                off += 1;
                buf.check(off, 1);
                off += 1;
                if (afi == AFI_IPV4) {
                    while (addrLength >= 4 && end - off >= 4) {
                        buf.check(off, 4);
                        off += 4;
                        addrLength -= 4;
                    }
                } else if (afi == AFI_IPV6) {
                    while (addrLength >= 16 && end - off >= 16) {
                        buf.check(off, 16);
                        off += 16;
                        addrLength -= 16;
                    }
                } else {
                    buf.check(off, Math.max(0, end - off));
                }
                break;
            }
            default:
                break;
        }
        return false;
    }
}
