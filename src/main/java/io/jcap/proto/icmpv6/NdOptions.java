package io.jcap.proto.icmpv6;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.field.Formats;

/**
 * Neighbor Discovery options (RFC 4861 and later) as tshark 4.0 walks them: every
 * source/target link-layer address option adds " from …" / " is at …" to Info, a zero
 * length stops the walk, and each option requires the bytes tshark's option dissector
 * reads (which may go past the option's own length and then fail as malformed).
 *
 * <p>Offsets passed around are absolute; {@code base} is where the ICMPv6 message starts
 * (tshark's option code computes one padding length from a message-relative offset).
 */
final class NdOptions {
    static final int SOURCE_LINKADDR = 1;
    static final int TARGET_LINKADDR = 2;
    static final int PREFIX_INFORMATION = 3;
    static final int REDIRECTED_HEADER = 4;
    static final int MTU = 5;
    static final int NBMA = 6;
    static final int ADV_INTERVAL = 7;
    static final int HOME_AGENT_INFO = 8;
    static final int SOURCE_ADDRLIST = 9;
    static final int TARGET_ADDRLIST = 10;
    static final int CGA = 11;
    static final int RSA = 12;
    static final int TIMESTAMP = 13;
    static final int NONCE = 14;
    static final int TRUST_ANCHOR = 15;
    static final int CERTIFICATE = 16;
    static final int IP_ADDRESS_PREFIX = 17;
    static final int NEW_ROUTER_PREFIX = 18;
    static final int LINK_LAYER_ADDRESS = 19;
    static final int NEIGHBOR_ADV_ACK = 20;
    static final int MAP = 23;
    static final int ROUTE_INFO = 24;
    static final int RDNSS = 25;
    static final int FLAGS_EXTENSION = 26;
    static final int HANDOVER_KEY_REQUEST = 27;
    static final int HANDOVER_KEY_REPLY = 28;
    static final int HANDOVER_ASSIST_INFO = 29;
    static final int MOBILE_NODE_ID = 30;
    static final int DNSSL = 31;
    static final int PROXY_SIGNATURE = 32;
    static final int ADDR_REGISTRATION = 33;
    static final int LOWPAN_CONTEXT = 34;
    static final int AUTH_BORDER_ROUTER = 35;
    static final int LOWPAN_CAPABILITY = 36;
    static final int CAPTIVE_PORTAL = 37;
    static final int PREF64 = 38;

    private final Icmpv6Dissector owner;

    NdOptions(Icmpv6Dissector owner) {
        this.owner = owner;
    }

    /** The options from {@code offset} to the end of the message. */
    void dissect(PacketBuffer buf, int base, int offset, Dissection d) {
        boolean tree = d.tree();
        while (buf.end() > offset) {
            int optLen = buf.u8(offset + 1) * 8;
            // the option item has no value: it is cut to what is there
            none(buf, offset);
            int type = buf.u8(offset);
            if (tree) {
                d.open(Icmpv6Fields.OPT, offset, Math.min(optLen, Math.max(0, buf.capturedEnd() - offset)));
                d.add(Icmpv6Fields.OPT_TYPE, offset, 1, type);
                d.add(Icmpv6Fields.OPT_LENGTH, offset + 1, 1, optLen / 8);
            }
            try {
                if (optLen == 0) {
                    return;
                }
                int parsed = option(buf, base, offset, type, optLen, d, tree);
                int next = offset + optLen;
                if (next > parsed) {
                    // what the option's dissector left is shown as unknown data
                    buf.check(parsed, next - parsed);
                }
            } finally {
                if (tree) {
                    d.close();
                }
            }
            offset += optLen;
        }
    }

    /** Requires what tshark's dissector of option {@code type} reads; returns where it stopped. */
    private int option(PacketBuffer buf, int base, int offset, int type, int optLen, Dissection d, boolean tree) {
        int o = offset + 2;
        int end = offset + optLen;
        switch (type) {
            case SOURCE_LINKADDR:
            case TARGET_LINKADDR:
                linkAddress(buf, o, type, optLen, d, tree);
                return o + optLen;
            case PREFIX_INFORMATION:
                // (the flags are a bitmask item: not read without a tree)
                buf.check(o, 1);
                buf.check(o + 2, 4);
                buf.check(o + 6, 4);
                none(buf, o + 10);
                buf.check(o + 14, 16);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_PREFIX_LENGTH, o, 1, buf.u8(o));
                    d.add(Icmpv6Fields.OPT_PREFIX_VALID_LIFETIME, o + 2, 4, buf.u32(o + 2));
                    d.add(Icmpv6Fields.OPT_PREFIX_PREFERRED_LIFETIME, o + 6, 4, buf.u32(o + 6));
                    d.addObject(Icmpv6Fields.OPT_PREFIX, o + 14, 16, Icmpv6Dissector.ipv6(buf, o + 14));
                }
                return o + 30;
            case REDIRECTED_HEADER:
                none(buf, o);
                if (optLen > 8) {
                    int start = o + 6;
                    none(buf, start);
                    // the quote is a subset of the option's length, which may claim more than the message has
                    int held = Math.min(end, buf.end());
                    if (start >= buf.capturedEnd()) {
                        // its first byte is read outside the quoted-packet handling
                        if (start < buf.end()) {
                            throw BoundsException.TRUNCATED;
                        }
                        throw BoundsException.CONTAINED;
                    }
                    int version = buf.u8(start) >> 4;
                    boolean whole;
                    if (version == 6) {
                        whole = owner.quoted().dissect(
                                owner.ethertypes().get(Icmpv6Dissector.ETHERTYPE_IPV6), buf, start, held, d);
                    } else {
                        whole = owner.quotedData(buf, start, end);
                    }
                    // the quote's dissector reports the captured bytes it had
                    return whole ? Math.min(end, buf.capturedEnd()) : start;
                }
                return o + 6;
            case MTU:
                none(buf, o);
                buf.check(o + 2, 4);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_MTU, o + 2, 4, buf.u32(o + 2));
                }
                return o + 6;
            case NBMA:
                buf.check(o, 1);
                none(buf, o);
                none(buf, o + 1);
                return o + 5;
            case ADV_INTERVAL:
                none(buf, o);
                buf.check(o + 2, 4);
                return o + 6;
            case HOME_AGENT_INFO:
                none(buf, o);
                buf.check(o + 2, 2);
                buf.check(o + 4, 2);
                return o + 6;
            case SOURCE_ADDRLIST:
            case TARGET_ADDRLIST: {
                none(buf, o);
                int a = o + 6;
                for (; a < end; a += 16) {
                    buf.check(a, 16);
                }
                return a;
            }
            case CGA: {
                int pad = buf.u8(o);
                none(buf, o + 1);
                bytes(buf, o + 2, optLen - 4 - pad);
                buf.check(o + 2, 16);
                buf.check(o + 18, 8);
                buf.check(o + 26, 1);
                // the public key is DER: its first byte at least
                buf.check(o + 27, 1);
                return end;
            }
            case RSA:
            case PROXY_SIGNATURE:
                none(buf, o);
                buf.check(o + 2, 16);
                none(buf, o + 18);
                return o + 18 + optLen - 20;
            case TIMESTAMP:
                none(buf, o);
                buf.check(o + 6, 8);
                return o + 14;
            case NONCE:
                bytes(buf, o, optLen - 2);
                return o + optLen - 2;
            case TRUST_ANCHOR: {
                int nameType = buf.u8(o);
                int pad = buf.u8(o + 1);
                int parLen = optLen - 4 - pad;
                if (nameType == 1) {
                    bytes(buf, o + 2, parLen);
                } else if (nameType == 2) {
                    string(buf, o + 2, parLen);
                }
                none(buf, o + 2 + parLen);
                return o + 2 + parLen + pad;
            }
            case CERTIFICATE: {
                int certType = buf.u8(o);
                none(buf, o + 1);
                if (certType == 1) {
                    buf.check(o + 2, 1);
                    return end;
                }
                none(buf, o + 2);
                return o + 2 + optLen - 4;
            }
            case IP_ADDRESS_PREFIX:
            case NEW_ROUTER_PREFIX:
                buf.check(o, 1);
                buf.check(o + 1, 1);
                none(buf, o + 2);
                buf.check(o + 6, 16);
                return o + 22;
            case LINK_LAYER_ADDRESS:
                buf.check(o, 1);
                bytes(buf, o + 1, optLen - 3);
                return o + 1 + optLen - 3;
            case NEIGHBOR_ADV_ACK: {
                buf.check(o, 1);
                int status = buf.u8(o + 1);
                if (status == 2) {
                    buf.check(o + 2, 16);
                    return o + 18;
                }
                none(buf, o + 2);
                return o + 2 + optLen - 4;
            }
            case MAP:
                buf.check(o, 1);
                buf.check(o + 2, 4);
                buf.check(o + 6, 16);
                return o + 22;
            case ROUTE_INFO:
                buf.check(o, 1);
                buf.check(o + 1, 1);
                buf.check(o + 2, 4);
                if (optLen == 16) {
                    buf.check(o + 6, 8);
                    return o + 14;
                } else if (optLen == 24) {
                    buf.check(o + 6, 16);
                    return o + 22;
                }
                return o + 6;
            case RDNSS: {
                none(buf, o);
                buf.check(o + 2, 4);
                int a = o + 6;
                for (; a < end; a += 16) {
                    buf.check(a, 16);
                }
                return a;
            }
            case FLAGS_EXTENSION:
                none(buf, o + 2);
                return o + 6;
            case HANDOVER_KEY_REQUEST: {
                int pad = buf.u8(o);
                buf.check(o + 1, 1);
                int parLen = optLen - 4 - pad;
                bytes(buf, o + 2, parLen);
                bytes(buf, o + 2 + parLen, pad);
                return o + 2 + parLen + 1;
            }
            case HANDOVER_KEY_REPLY: {
                int pad = buf.u8(o);
                buf.check(o + 1, 1);
                buf.check(o + 2, 2);
                int parLen = optLen - 6 - pad;
                bytes(buf, o + 4, parLen);
                bytes(buf, o + 4 + parLen, pad);
                return o + 4 + parLen + 1;
            }
            case HANDOVER_ASSIST_INFO:
            case MOBILE_NODE_ID: {
                buf.check(o, 1);
                int len = buf.u8(o + 1);
                bytes(buf, o + 2, len);
                // tshark computes the padding from a message-relative offset: it ends at base + length
                none(buf, o + 2 + len);
                return base + optLen;
            }
            case DNSSL: {
                none(buf, o);
                buf.check(o + 2, 4);
                int a = o + 6;
                while (a < end) {
                    if (buf.u8(a) == 0) {
                        none(buf, a);
                        return end;
                    }
                    a += Icmpv6Bodies.dnsNameLength(buf, a);
                }
                return a;
            }
            case ADDR_REGISTRATION:
                buf.check(o, 1);
                none(buf, o + 1);
                buf.check(o + 4, 2);
                buf.check(o + 6, 8);
                return o + 14;
            case LOWPAN_CONTEXT:
                buf.check(o, 1);
                buf.check(o + 1, 1);
                none(buf, o + 2);
                buf.check(o + 4, 2);
                if (optLen == 16) {
                    buf.check(o + 6, 8);
                    return o + 14;
                } else if (optLen == 24) {
                    buf.check(o + 6, 16);
                    return o + 22;
                }
                return o + 6;
            case AUTH_BORDER_ROUTER:
                buf.check(o, 2);
                buf.check(o + 2, 2);
                buf.check(o + 4, 2);
                buf.check(o + 6, 16);
                return o + 22;
            case LOWPAN_CAPABILITY:
                buf.check(o, 2);
                buf.check(o + 2, 4);
                return o + 6;
            case CAPTIVE_PORTAL:
                string(buf, o, optLen - 2);
                return o + optLen - 2;
            case PREF64: {
                int plc = buf.u16(o) & 0x0007;
                int[] lengths = {12, 8, 7, 6, 5, 4};
                if (plc < lengths.length) {
                    buf.check(o + 2, lengths[plc]);
                }
                return o + 14;
            }
            default:
                bytes(buf, o, optLen - 2);
                return o + optLen - 2;
        }
    }

    private void linkAddress(PacketBuffer buf, int o, int type, int optLen, Dissection d, boolean tree) {
        if (optLen == 8) {
            buf.check(o, 6);
            long mac = buf.u48(o);
            if (tree) {
                // tshark registers the MAC form (FT_ETHER) under the same names as the bytes form
                d.addBytes(Icmpv6Fields.OPT_LINKADDR, o, 6);
                d.flag(d.addBytes(type == SOURCE_LINKADDR ? Icmpv6Fields.OPT_SRC_LINKADDR
                        : Icmpv6Fields.OPT_TARGET_LINKADDR, o, 6), Dissection.HIDDEN);
            }
            StringBuilder sb = d.info.builder().append(type == SOURCE_LINKADDR ? " from " : " is at ");
            Formats.ether(sb, mac);
        } else if (optLen == 16 && buf.i32(o + 8) == 0 && buf.u16(o + 12) == 0) {
            buf.check(o, 8);
            long eui = buf.i64(o);
            if (tree) {
                d.add(Icmpv6Fields.OPT_LINKADDR_EUI64, o, 8, eui);
                d.flag(d.add(type == SOURCE_LINKADDR ? Icmpv6Fields.OPT_SRC_LINKADDR_EUI64
                        : Icmpv6Fields.OPT_TARGET_LINKADDR_EUI64, o, 8, eui), Dissection.HIDDEN);
            }
            none(buf, o + 8);
            // tshark says " from" for both option types here
            StringBuilder sb = d.info.builder().append(" from ");
            for (int i = 0; i < 8; i++) {
                if (i > 0) {
                    sb.append(':');
                }
                Formats.hex(sb, buf.u8(o + i), 2);
            }
        } else {
            bytes(buf, o, optLen - 2);
            if (tree) {
                d.addBytes(Icmpv6Fields.OPT_LINKADDR, o, optLen - 2);
                d.flag(d.addBytes(type == SOURCE_LINKADDR ? Icmpv6Fields.OPT_SRC_LINKADDR
                        : Icmpv6Fields.OPT_TARGET_LINKADDR, o, optLen - 2), Dissection.HIDDEN);
            }
        }
    }

    /** An item with a value of {@code len} bytes: a negative length fails as malformed. */
    static void bytes(PacketBuffer buf, int off, int len) {
        if (len < 0) {
            if (len == -1) {
                Icmpv6Bodies.toEnd(buf, off);
                return;
            }
            throw BoundsException.MALFORMED;
        }
        buf.check(off, len);
    }

    /** A string item: like bytes. */
    static void string(PacketBuffer buf, int off, int len) {
        bytes(buf, off, len);
    }

    /** An item without a value (FT_NONE): its length is cut to what is there, only its start must be. */
    static void none(PacketBuffer buf, int off) {
        buf.check(off, 0);
    }
}
