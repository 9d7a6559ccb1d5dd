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
        int top = -1;
        if (tree) {
            top = d.addBytes(IcmpFields.EXT, offset, Math.max(reported, 0));
            d.setText(top, "ICMP Multi-Part Extensions");
        }
        if (reported < 4) {
            return;
        }
        d.openRow(top);
        try {
            int version = buf.u8(offset) >> 4;
            buf.check(offset, 2);
            int checksum = buf.u16(offset + 2);
            int computed = 0;
            if (checksum != 0) {
                // the checksum covers the whole extension structure
                buf.check(offset, reported);
                if (tree) {
                    computed = TreeItems.internetChecksum(buf, offset, reported, 0);
                }
            }
            if (tree) {
                d.add(IcmpFields.EXT_VERSION, offset, 1, version);
                d.addBits(IcmpFields.EXT_RES, offset, 2, buf.u16(offset));
                if (checksum == 0) {
                    TreeItems.checksumMissing(d, IcmpFields.EXT_CHECKSUM, IcmpFields.EXT_CHECKSUM_STATUS, offset + 2);
                } else {
                    TreeItems.checksumVerified(d, IcmpFields.EXT_CHECKSUM, IcmpFields.EXT_CHECKSUM_STATUS,
                            IcmpFields.EXT_CHECKSUM_BAD, offset + 2, checksum, computed);
                }
            }
            if (version != 1 && version != 2) {
                d.setText(top, "ICMP Multi-Part Extensions (unsupported version)");
                return;
            }
            int off = offset + 4;
            int interfaceInfoObjects = 0;
            while (end - off >= 4) {
                int length = buf.u16(off);
                int truncLength = Math.min(length, end - off);
                int objEnd = off + truncLength;
                int obj = -1;
                if (tree) {
                    obj = TreeItems.subtree(d, buf, off, Math.max(truncLength, 4), "Unknown object");
                    d.add(IcmpFields.EXT_LENGTH, off, 2, length);
                }
                int cls = buf.u8(off + 2);
                buf.check(off + 2, 1);
                if (tree) {
                    d.add(IcmpFields.EXT_CLASS, off + 2, 1, cls);
                }
                int cType = buf.u8(off + 3);
                if (length < 4) {
                    if (tree) {
                        d.setText(obj, "Object with bad length");
                        d.close();
                    }
                    break;
                }
                boolean unknown;
                switch (cls) {
                    case CLASS_MPLS_STACK:
                        unknown = mplsStack(buf, off, objEnd, cType, d, obj);
                        break;
                    case CLASS_INTERFACE_INFORMATION:
                        unknown = interfaceInformation(buf, off, objEnd, cType, d, obj);
                        interfaceInfoObjects++;
                        if (interfaceInfoObjects > 4) {
                            d.setText(obj, "More than 4 Interface Information Objects");
                        }
                        break;
                    case CLASS_MPLS_EXTENDED_PAYLOAD:
                        if (tree) {
                            d.add(IcmpFields.EXT_CTYPE, off + 3, 1, cType);
                        }
                        unknown = cType != 1;
                        if (!unknown) {
                            d.setText(obj, "Extended Payload");
                            if (truncLength > 4) {
                                buf.check(off + 4, truncLength - 4);
                                if (tree) {
                                    d.addBytes(IcmpFields.EXT_DATA, off + 4, truncLength - 4);
                                }
                            }
                        }
                        break;
                    case CLASS_INTERFACE_IDENTIFICATION:
                        unknown = interfaceIdentification(buf, off, length, cType, d, obj);
                        break;
                    default:
                        unknown = true;
                        break;
                }
                if (unknown) {
                    buf.check(off + 3, 1);
                    if (tree) {
                        d.add(IcmpFields.EXT_CTYPE, off + 3, 1, cType);
                        d.setText(obj, "Unknown object (" + cls + "/" + cType + ")");
                    }
                    if (truncLength > 4) {
                        buf.check(off + 4, truncLength - 4);
                        if (tree) {
                            d.addBytes(IcmpFields.EXT_DATA, off + 4, truncLength - 4);
                        }
                    }
                }
                if (tree) {
                    if (truncLength < length) {
                        d.setText(obj, d.fieldLabel(obj) + " (truncated)");
                    }
                    d.close();
                }
                off = objEnd;
            }
        } finally {
            if (tree) {
                d.openRow(d.fieldParent(top));
            }
        }
    }

    private static boolean mplsStack(PacketBuffer buf, int off, int objEnd, int cType, Dissection d, int obj) {
        boolean tree = d.tree();
        if (tree) {
            d.add(IcmpFields.EXT_CTYPE, off + 3, 1, cType);
        }
        if (cType != 1) {
            return true;
        }
        d.setText(obj, "MPLS Stack Entry");
        int end = buf.end();
        off += 4;
        while (off + 4 <= objEnd) {
            if (end - off < 4) {
                break;
            }
            int label = (buf.u16(off) << 4) | (buf.u8(off + 2) >> 4);
            int bits = buf.u8(off + 2);
            buf.check(off, 3);
            int ttl = buf.u8(off + 3);
            if (tree) {
                TreeItems.subtree(d, buf, off, 4, "Label: " + label + ", Exp: " + ((bits >> 1) & 7) + ", S: " + (bits & 1)
                        + ", TTL: " + ttl);
                d.add(IcmpFields.MPLS_LABEL, off, 3, label);
                d.add(IcmpFields.MPLS_EXP, off + 2, 1, (bits >> 1) & 7);
                d.add(IcmpFields.MPLS_S, off + 2, 1, bits);
                d.add(IcmpFields.MPLS_TTL, off + 3, 1, ttl);
                d.close();
            }
            off += 4;
        }
        if (off < objEnd) {
            buf.check(off, objEnd - off);
            if (tree) {
                d.addBytes(IcmpFields.MPLS_DATA, off, objEnd - off);
            }
        }
        return false;
    }

    private static boolean interfaceInformation(PacketBuffer buf, int off, int objEnd, int cType, Dissection d,
                                                int obj) {
        boolean tree = d.tree();
        d.setText(obj, "Interface Information Object");
        if (buf.end() - off < 4) {
            return true;
        }
        boolean ifIndex = (cType & 0x08) != 0;
        boolean ipAddr = (cType & 0x04) != 0;
        boolean name = (cType & 0x02) != 0;
        boolean mtu = (cType & 0x01) != 0;
        if (tree) {
            TreeItems.bitmask(d, IcmpFields.EXT_CTYPE, off + 3, 1, cType, IcmpFields.INT_INFO_ROLE,
                    IcmpFields.INT_INFO_RESERVED, IcmpFields.INT_INFO_IFINDEX, IcmpFields.INT_INFO_IPADDR,
                    IcmpFields.INT_INFO_NAME_PRESENT, IcmpFields.INT_INFO_MTU_PRESENT);
        }
        off += 4;
        if (ifIndex) {
            buf.check(off, 4);
            if (tree) {
                d.add(IcmpFields.INT_INFO_INDEX, off, 4, buf.u32(off));
            }
            off += 4;
        }
        if (ipAddr && objEnd >= off + 2) {
            int afi = buf.u16(off);
            if (tree) {
                TreeItems.subtree(d, buf, off, afi == AFI_IPV4 ? 8 : 20, "IP Address Sub-Object");
                d.add(IcmpFields.INT_INFO_AFI, off, 2, afi);
            }
            try {
                off += 2;
                buf.check(off, 2);
                if (tree) {
                    d.addBytes(IcmpFields.RESERVED, off, 2);
                }
                off += 2;
                if (afi == AFI_IPV4) {
                    buf.check(off, 4);
                    if (tree) {
                        d.add(IcmpFields.INT_INFO_IPV4, off, 4, buf.u32(off));
                    }
                    off += 4;
                } else if (afi == AFI_IPV6) {
                    buf.check(off, 16);
                    if (tree) {
                        d.addObject(IcmpFields.INT_INFO_IPV6, off, 16, ipv6(buf, off));
                    }
                    off += 16;
                } else {
                    // tshark 4.0 adds the unknown address with a length that always fails
                    throw BoundsException.MALFORMED;
                }
            } finally {
                if (tree) {
                    d.close();
                }
            }
        }
        if (name) {
            // the name sub-object: its length byte when the object holds it, then the name,
            // which is not checked against the object (a length of 0 reads "to the end")
            int nameLength = 0;
            boolean sub = false;
            if (objEnd >= off + 1) {
                nameLength = buf.u8(off);
                if (tree) {
                    TreeItems.subtree(d, buf, off, nameLength, "Interface Name Sub-Object");
                    sub = true;
                    d.add(IcmpFields.INT_INFO_NAME_LENGTH, off, 1, nameLength);
                }
                off += 1;
            }
            try {
                if (objEnd >= off + nameLength) {
                    int n;
                    if (nameLength == 0) {
                        if (off >= buf.capturedEnd()) {
                            throw off >= buf.end() ? BoundsException.MALFORMED : BoundsException.TRUNCATED;
                        }
                        n = buf.capturedEnd() - off;
                    } else {
                        n = nameLength - 1;
                        buf.check(off, n);
                    }
                    if (sub) {
                        // (without the sub-object's item, the name goes nowhere)
                        TreeItems.string(d, IcmpFields.INT_INFO_NAME, off, n, TreeItems.ascii(buf, off, n));
                    }
                    off += nameLength - 1;
                }
            } finally {
                if (sub) {
                    d.close();
                }
            }
        }
        if (mtu) {
            buf.check(off, 4);
            if (tree) {
                d.add(IcmpFields.INT_INFO_MTU, off, 4, buf.u32(off));
            }
        }
        return false;
    }

    private static boolean interfaceIdentification(PacketBuffer buf, int off, int length, int cType, Dissection d,
                                                   int obj) {
        boolean tree = d.tree();
        d.setText(obj, "Interface Identification Object");
        int end = buf.end();
        if (end - off < 5) {
            return true;
        }
        if (tree) {
            String name = switch (cType) {
                case 1 -> "Identifies Interface By Name";
                case 2 -> "Identifies Interface By Index";
                case 3 -> "Identifies Interface By Address";
                default -> "Unknown C-Type " + cType;
            };
            d.setText(d.add(IcmpFields.EXT_CTYPE, off + 3, 1, cType), "C-Type: " + cType + " (" + name + ")");
        }
        off += 4;
        switch (cType) {
            case 1:
                buf.check(off, length - 4);
                if (tree) {
                    TreeItems.string(d, IcmpFields.INT_IDENT_NAME, off, length - 4,
                            TreeItems.ascii(buf, off, length - 4));
                }
                break;
            case 2:
                buf.check(off, 4);
                if (tree) {
                    d.add(IcmpFields.INT_IDENT_INDEX, off, 4, buf.u32(off));
                }
                break;
            case 3: {
                int afi = buf.u16(off);
                if (tree) {
                    d.add(IcmpFields.INT_IDENT_AFI, off, 2, afi);
                }
                off += 2;
                int addrLength = buf.u8(off);
                if (tree) {
                    d.add(IcmpFields.INT_IDENT_ADDR_LENGTH, off, 1, addrLength);
                }
                off += 1;
                buf.check(off, 1);
                if (tree) {
                    d.addBytes(IcmpFields.INT_IDENT_RESERVED, off, 1);
                }
                off += 1;
                if (afi == AFI_IPV4) {
                    while (addrLength >= 4 && end - off >= 4) {
                        buf.check(off, 4);
                        if (tree) {
                            d.add(IcmpFields.INT_IDENT_IPV4, off, 4, buf.u32(off));
                        }
                        off += 4;
                        addrLength -= 4;
                    }
                } else if (afi == AFI_IPV6) {
                    while (addrLength >= 16 && end - off >= 16) {
                        buf.check(off, 16);
                        if (tree) {
                            d.addObject(IcmpFields.INT_IDENT_IPV6, off, 16, ipv6(buf, off));
                        }
                        off += 16;
                        addrLength -= 16;
                    }
                } else {
                    int n = Math.max(0, end - off);
                    buf.check(off, n);
                    if (tree) {
                        d.addBytes(IcmpFields.INT_IDENT_ADDRESS, off, n);
                    }
                }
                break;
            }
            default:
                break;
        }
        return false;
    }

    static byte[] ipv6(PacketBuffer buf, int off) {
        byte[] b = new byte[16];
        buf.bytes(off, b, 0, 16);
        return b;
    }
}
