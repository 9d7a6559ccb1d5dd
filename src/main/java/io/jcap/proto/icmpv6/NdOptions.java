package io.jcap.proto.icmpv6;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Expert;
import io.jcap.field.FieldDef;
import io.jcap.field.Formats;
import io.jcap.proto.icmp.TreeItems;

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

    /** tshark's Certificate option type, which its field list does not show. */
    static final FieldDef OPT_CERT_TYPE = new io.jcap.field.Protocol("icmpv6", "", "").declare("icmpv6.opt.cert_type",
            "Cert Type", io.jcap.field.FieldType.UINT8, io.jcap.field.Base.DEC,
            io.jcap.field.ValueNames.of(1L, "X.509v3 Certificate"), 0L, 0, null, null, null, null, null);

    private final Icmpv6Dissector owner;

    NdOptions(Icmpv6Dissector owner) {
        this.owner = owner;
    }

    /** The option item being filled and its text ("ICMPv6 Option (Name ..."), with a tree. */
    private int optRow = -1;
    private final StringBuilder optText = new StringBuilder(96);

    private void appendOpt(Dissection d, String text) {
        if (optRow >= 0) {
            optText.append(text);
            d.setText(optRow, optText.toString());
        }
    }

    /** The options from {@code offset} to the end of the message. */
    void dissect(PacketBuffer buf, int base, int offset, Dissection d) {
        boolean tree = d.tree();
        while (buf.end() > offset) {
            int optLen = buf.u8(offset + 1) * 8;
            // the option item has no value: it is cut to what is there
            none(buf, offset);
            int saved = d.openRowIndex();
            optRow = -1;
            if (tree) {
                optRow = d.open(Icmpv6Fields.OPT, offset, Math.min(optLen, Math.max(0, buf.capturedEnd() - offset)));
            }
            try {
                int type = buf.u8(offset);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_TYPE, offset, 1, type);
                    String name = Icmpv6Fields.OPT_TYPE.values.name(type);
                    optText.setLength(0);
                    optText.append("ICMPv6 Option (").append(name != null ? name : "Unknown " + type);
                    d.setText(optRow, optText.toString());
                    int lenRow = d.add(Icmpv6Fields.OPT_LENGTH, offset + 1, 1, optLen / 8);
                    d.setText(lenRow, "Length: " + optLen / 8 + " (" + optLen + " bytes)");
                    if (optLen == 0) {
                        d.openRow(lenRow);
                        Expert.add(d, Icmpv6Fields.INVALID_OPTION_LENGTH, Expert.Severity.ERROR,
                                Expert.Group.MALFORMED, "Invalid option length (Zero)", offset + 1, 1);
                        d.close();
                    }
                }
                if (optLen == 0) {
                    return;
                }
                int parsed = option(buf, base, offset, type, optLen, d, tree);
                int next = offset + optLen;
                d.openRow(optRow);
                if (next > parsed) {
                    // what the option's dissector left is shown as unknown data
                    buf.check(parsed, next - parsed);
                    if (tree) {
                        int row = TreeItems.bytes(d, buf, Icmpv6Fields.UNKNOWN_DATA, parsed, next - parsed);
                        d.openRow(row);
                        Expert.add(d, Icmpv6Fields.UNKNOWN_DATA_EXPERT, Expert.Severity.ERROR,
                                Expert.Group.MALFORMED, "Unknown Data (not interpreted)", parsed, next - parsed);
                        d.close();
                    }
                }
                appendOpt(d, ")");
            } finally {
                if (tree) {
                    d.openRow(saved);
                }
                optRow = -1;
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
            case PREFIX_INFORMATION: {
                buf.check(o, 1);
                int prefixLength = buf.u8(o);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_PREFIX_LENGTH, o, 1, prefixLength);
                }
                // (the flags are a bitmask item: not read without a tree)
                TreeItems.bitmask(d, buf, Icmpv6Fields.OPT_PREFIX_FLAG, o + 1, 1, Icmpv6Fields.OPT_PREFIX_FLAG_L,
                        Icmpv6Fields.OPT_PREFIX_FLAG_A, Icmpv6Fields.OPT_PREFIX_FLAG_R,
                        Icmpv6Fields.OPT_PREFIX_FLAG_RESERVED);
                buf.check(o + 2, 4);
                special(d, Icmpv6Fields.OPT_PREFIX_VALID_LIFETIME, o + 2, 4, buf.u32(o + 2));
                buf.check(o + 6, 4);
                special(d, Icmpv6Fields.OPT_PREFIX_PREFERRED_LIFETIME, o + 6, 4, buf.u32(o + 6));
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 10, 4);
                buf.check(o + 14, 16);
                if (tree) {
                    TreeItems.ipv6(d, buf, Icmpv6Fields.OPT_PREFIX, o + 14);
                    appendOpt(d, " : " + ipv6Text(buf, o + 14) + "/" + prefixLength);
                }
                return o + 30;
            }
            case REDIRECTED_HEADER:
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 6);
                if (optLen > 8) {
                    int start = o + 6;
                    none(buf, d, Icmpv6Fields.OPT_REDIRECTED_PACKET, start, optLen - 8);
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
                        whole = owner.quotedData(buf, start, end, d);
                    }
                    // the quote's dissector reports the captured bytes it had
                    return whole ? Math.min(end, buf.capturedEnd()) : start;
                }
                return o + 6;
            case MTU:
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 2);
                buf.check(o + 2, 4);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_MTU, o + 2, 4, buf.u32(o + 2));
                    appendOpt(d, " : " + (int) buf.u32(o + 2));
                }
                return o + 6;
            case RDNSS: {
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 2);
                buf.check(o + 2, 4);
                special(d, Icmpv6Fields.OPT_RDNSS_LIFETIME, o + 2, 4, buf.u32(o + 2));
                return addresses(buf, d, Icmpv6Fields.OPT_RDNSS, o + 6, end, tree);
            }
            default:
                return otherOption(buf, base, offset, type, optLen, d, tree);
        }
    }

    /**
     * The options that neighbour discovery seldom carries, apart from the common ones so
     * that the JIT compiles them only for captures that have them (as one method of 4,700
     * bytecodes, C1 took 80 ms on it in every run).
     */
    private int otherOption(PacketBuffer buf, int base, int offset, int type, int optLen, Dissection d, boolean tree) {
        int o = offset + 2;
        int end = offset + optLen;
        switch (type) {
            case NBMA:
                buf.check(o, 1);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_NBMA_SHORTCUT_LIMIT, o, 1, buf.u8(o));
                    appendOpt(d, " : " + buf.u8(o));
                }
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 1);
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 1, 4);
                return o + 5;
            case ADV_INTERVAL:
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 2);
                buf.check(o + 2, 4);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_ADVERTISEMENT_INTERVAL, o + 2, 4, buf.u32(o + 2));
                    appendOpt(d, " : " + (int) buf.u32(o + 2));
                }
                return o + 6;
            case HOME_AGENT_INFO:
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 2);
                buf.check(o + 2, 2);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_HOME_AGENT_PREFERENCE, o + 2, 2, buf.u16(o + 2));
                }
                buf.check(o + 4, 2);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_HOME_AGENT_LIFETIME, o + 4, 2, buf.u16(o + 4));
                }
                return o + 6;
            case SOURCE_ADDRLIST:
            case TARGET_ADDRLIST: {
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 6);
                return addresses(buf, d, Icmpv6Fields.OPT_IPV6_ADDRESS, o + 6, end, tree);
            }
            case CGA: {
                int pad = buf.u8(o);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_CGA_PAD_LENGTH, o, 1, pad);
                }
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 1, 1);
                bytes(buf, o + 2, optLen - 4 - pad);
                if (tree) {
                    d.openRow(TreeItems.bytes(d, buf, Icmpv6Fields.OPT_CGA, o + 2, optLen - 4 - pad));
                }
                buf.check(o + 2, 16);
                if (tree) {
                    TreeItems.bytes(d, buf, Icmpv6Fields.OPT_CGA_MODIFIER, o + 2, 16);
                }
                buf.check(o + 18, 8);
                if (tree) {
                    TreeItems.bytes(d, buf, Icmpv6Fields.OPT_CGA_SUBNET_PREFIX, o + 18, 8);
                }
                buf.check(o + 26, 1);
                if (tree) {
                    TreeItems.bytes(d, buf, Icmpv6Fields.OPT_CGA_COUNT, o + 26, 1);
                }
                // the public key is DER: its first byte at least
                buf.check(o + 27, 1);
                return end;
            }
            case RSA:
            case PROXY_SIGNATURE:
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 2);
                buf.check(o + 2, 16);
                if (tree) {
                    TreeItems.bytes(d, buf, type == RSA ? Icmpv6Fields.OPT_RSA_KEY_HASH : Icmpv6Fields.OPT_PS_KEY_HASH,
                            o + 2, 16);
                }
                none(buf, d, Icmpv6Fields.OPT_DIGITAL_SIGNATURE_PADDING, o + 18, optLen - 20);
                return o + 18 + optLen - 20;
            case TIMESTAMP:
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 6);
                buf.check(o + 6, 8);
                if (tree) {
                    // RFC 3971: 48 bits of seconds, 16 bits of 1/64K fractions
                    long secs = buf.i64(o + 6) >>> 16;
                    long frac = buf.u16(o + 12);
                    d.add(Icmpv6Fields.OPT_TIMESTAMP, o + 6, 8, secs * 1_000_000_000L + frac * 1_000_000_000L / 65536);
                }
                return o + 14;
            case NONCE:
                bytes(buf, o, optLen - 2);
                if (tree) {
                    TreeItems.bytes(d, buf, Icmpv6Fields.OPT_NONCE, o, optLen - 2);
                }
                return o + optLen - 2;
            case TRUST_ANCHOR: {
                int nameType = buf.u8(o);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_NAME_TYPE, o, 1, nameType);
                }
                int pad = buf.u8(o + 1);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_CGA_PAD_LENGTH, o + 1, 1, pad);
                }
                int parLen = optLen - 4 - pad;
                if (nameType == 1) {
                    bytes(buf, o + 2, parLen);
                    if (tree) {
                        TreeItems.bytes(d, buf, Icmpv6Fields.OPT_NAME_X501, o + 2, parLen);
                    }
                } else if (nameType == 2) {
                    string(buf, o + 2, parLen);
                    if (tree) {
                        TreeItems.string(d, Icmpv6Fields.OPT_NAME_TYPE_FQDN, o + 2, parLen,
                                TreeItems.ascii(buf, o + 2, parLen));
                    }
                }
                none(buf, d, Icmpv6Fields.OPT_PADDING, o + 2 + parLen, pad);
                return o + 2 + parLen + pad;
            }
            case CERTIFICATE: {
                int certType = buf.u8(o);
                if (tree) {
                    d.add(OPT_CERT_TYPE, o, 1, certType);
                }
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 1, 1);
                if (certType == 1) {
                    buf.check(o + 2, 1);
                    return end;
                }
                none(buf, d, Icmpv6Fields.OPT_CERTIFICATE_PADDING, o + 2, optLen - 4);
                return o + 2 + optLen - 4;
            }
            case IP_ADDRESS_PREFIX:
            case NEW_ROUTER_PREFIX: {
                boolean ipa = type == IP_ADDRESS_PREFIX;
                buf.check(o, 1);
                if (tree) {
                    d.add(ipa ? Icmpv6Fields.OPT_IPA_OPTION_CODE : Icmpv6Fields.OPT_NRPI_OPTION_CODE, o, 1, buf.u8(o));
                }
                buf.check(o + 1, 1);
                int prefixLength = buf.u8(o + 1);
                if (tree) {
                    d.add(ipa ? Icmpv6Fields.OPT_IPA_PREFIX_LEN : Icmpv6Fields.OPT_NRPI_PREFIX_LEN, o + 1, 1,
                            prefixLength);
                }
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 2, 4);
                buf.check(o + 6, 16);
                if (tree) {
                    TreeItems.ipv6(d, buf, ipa ? Icmpv6Fields.OPT_IPA_IPV6_ADDRESS : Icmpv6Fields.OPT_NRPI_PREFIX, o + 6);
                    appendOpt(d, " " + ipv6Text(buf, o + 6) + "/" + prefixLength);
                }
                return o + 22;
            }
            case LINK_LAYER_ADDRESS:
                buf.check(o, 1);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_LLA_OPTION_CODE, o, 1, buf.u8(o));
                }
                bytes(buf, o + 1, optLen - 3);
                if (tree) {
                    TreeItems.bytes(d, buf, Icmpv6Fields.OPT_LLA_BYTES, o + 1, optLen - 3);
                }
                return o + 1 + optLen - 3;
            case NEIGHBOR_ADV_ACK: {
                buf.check(o, 1);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_NAACK_OPTION_CODE, o, 1, buf.u8(o));
                }
                int status = buf.u8(o + 1);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_NAACK_STATUS, o + 1, 1, status);
                }
                if (status == 2) {
                    buf.check(o + 2, 16);
                    TreeItems.ipv6(d, buf, Icmpv6Fields.OPT_NAACK_SUPPLIED_NCOA, o + 2);
                    return o + 18;
                }
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 2, optLen - 4);
                return o + 2 + optLen - 4;
            }
            case MAP:
                buf.check(o, 1);
                if (tree) {
                    d.addBits(Icmpv6Fields.OPT_MAP_DISTANCE, o, 1, buf.u8(o));
                    d.addBits(Icmpv6Fields.OPT_MAP_PREFERENCE, o, 1, buf.u8(o));
                }
                TreeItems.bitmask(d, buf, Icmpv6Fields.OPT_MAP_FLAG, o + 1, 1, Icmpv6Fields.OPT_MAP_FLAG_R,
                        Icmpv6Fields.OPT_MAP_FLAG_RESERVED);
                buf.check(o + 2, 4);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_MAP_VALID_LIFETIME, o + 2, 4, buf.u32(o + 2));
                }
                buf.check(o + 6, 16);
                TreeItems.ipv6(d, buf, Icmpv6Fields.OPT_MAP_GLOBAL_ADDRESS, o + 6);
                return o + 22;
            case ROUTE_INFO: {
                buf.check(o, 1);
                int prefixLength = buf.u8(o);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_PREFIX_LENGTH, o, 1, prefixLength);
                }
                TreeItems.bitmask(d, buf, Icmpv6Fields.OPT_ROUTE_INFO_FLAG, o + 1, 1,
                        Icmpv6Fields.OPT_ROUTE_INFO_FLAG_ROUTE_PREFERENCE, Icmpv6Fields.OPT_ROUTE_INFO_FLAG_RESERVED);
                buf.check(o + 1, 1);
                if (tree) {
                    int pref = (buf.u8(o + 1) & 0x18) >> 3;
                    appendOpt(d, " : " + new String[] {"Medium", "High", "Reserved", "Low"}[pref]);
                }
                buf.check(o + 2, 4);
                special(d, Icmpv6Fields.OPT_ROUTE_LIFETIME, o + 2, 4, buf.u32(o + 2));
                if (optLen == 8) {
                    appendOpt(d, " ::/" + prefixLength);
                    return o + 6;
                } else if (optLen == 16) {
                    buf.check(o + 6, 8);
                    if (tree) {
                        byte[] p = new byte[16];
                        buf.bytes(o + 6, p, 0, 8);
                        d.addObject(Icmpv6Fields.OPT_PREFIX, o + 6, 8, p);
                        appendOpt(d, " " + TreeItems.ipv6Text(p) + "/" + prefixLength);
                    }
                    return o + 14;
                } else if (optLen == 24) {
                    buf.check(o + 6, 16);
                    if (tree) {
                        TreeItems.ipv6(d, buf, Icmpv6Fields.OPT_PREFIX, o + 6);
                        appendOpt(d, " " + ipv6Text(buf, o + 6) + "/" + prefixLength);
                    }
                    return o + 22;
                }
                invalidLength(d, offset);
                return o + 6;
            }
            case FLAGS_EXTENSION:
                TreeItems.bitmask(d, buf, Icmpv6Fields.OPT_EFO, o, 2, Icmpv6Fields.OPT_EFO_M, Icmpv6Fields.OPT_EFO_O,
                        Icmpv6Fields.OPT_EFO_H, Icmpv6Fields.OPT_EFO_PRF, Icmpv6Fields.OPT_EFO_P,
                        Icmpv6Fields.OPT_EFO_RSV);
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 2, 4);
                return o + 6;
            case HANDOVER_KEY_REQUEST:
            case HANDOVER_KEY_REPLY: {
                boolean reply = type == HANDOVER_KEY_REPLY;
                int pad = buf.u8(o);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_HKR_PAD_LENGTH, o, 1, pad);
                }
                buf.check(o + 1, 1);
                if (tree) {
                    d.addBits(Icmpv6Fields.OPT_HKR_AT, o + 1, 1, buf.u8(o + 1));
                    d.addBits(Icmpv6Fields.OPT_HKR_RESERVED, o + 1, 1, buf.u8(o + 1));
                }
                int p = o + 2;
                if (reply) {
                    buf.check(p, 2);
                    if (tree) {
                        d.add(Icmpv6Fields.OPT_HKR_LIFETIME, p, 2, buf.u16(p));
                    }
                    p += 2;
                }
                int parLen = optLen - (reply ? 6 : 4) - pad;
                bytes(buf, p, parLen);
                if (tree) {
                    TreeItems.bytes(d, buf, reply ? Icmpv6Fields.OPT_HKR_ENCRYPTED_HANDOVER_KEY
                            : Icmpv6Fields.OPT_HKR_ENCRYPTION_PUBLIC_KEY, p, parLen);
                }
                bytes(buf, p + parLen, pad);
                if (tree) {
                    TreeItems.bytes(d, buf, Icmpv6Fields.OPT_HKR_PADDING, p + parLen, pad);
                }
                return p + parLen + 1;
            }
            case HANDOVER_ASSIST_INFO:
            case MOBILE_NODE_ID: {
                boolean hai = type == HANDOVER_ASSIST_INFO;
                buf.check(o, 1);
                if (tree) {
                    d.add(hai ? Icmpv6Fields.OPT_HAI_OPTION_CODE : Icmpv6Fields.OPT_MN_OPTION_CODE, o, 1, buf.u8(o));
                }
                int len = buf.u8(o + 1);
                if (tree) {
                    d.add(hai ? Icmpv6Fields.OPT_HAI_LENGTH : Icmpv6Fields.OPT_MN_LENGTH, o + 1, 1, len);
                }
                bytes(buf, o + 2, len);
                if (tree) {
                    TreeItems.bytes(d, buf, hai ? Icmpv6Fields.OPT_HAI_VALUE : Icmpv6Fields.OPT_MN_VALUE, o + 2, len);
                }
                // tshark computes the padding from a message-relative offset: it ends at base + length
                int padStart = o + 2 + len;
                none(buf, d, Icmpv6Fields.OPT_PADDING, padStart, base + optLen - padStart);
                return base + optLen;
            }
            case DNSSL: {
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o, 2);
                buf.check(o + 2, 4);
                special(d, Icmpv6Fields.OPT_DNSSL_LIFETIME, o + 2, 4, buf.u32(o + 2));
                int a = o + 6;
                while (a < end) {
                    if (buf.u8(a) == 0) {
                        none(buf, d, Icmpv6Fields.OPT_PADDING, a, end - a);
                        return end;
                    }
                    int used = Icmpv6Bodies.dnsNameLength(buf, a);
                    if (tree) {
                        String name = Icmpv6Bodies.dnsName(buf, a);
                        TreeItems.string(d, Icmpv6Fields.OPT_DNSSL, a, used, name);
                        appendOpt(d, " " + name);
                    }
                    a += used;
                }
                return a;
            }
            case ADDR_REGISTRATION: {
                buf.check(o, 1);
                int status = buf.u8(o);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_ARO_STATUS, o, 1, status);
                }
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 1, 3);
                buf.check(o + 4, 2);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_ARO_REGISTRATION_LIFETIME, o + 4, 2, buf.u16(o + 4));
                }
                buf.check(o + 6, 8);
                if (tree) {
                    TreeItems.eui64(d, buf, Icmpv6Fields.OPT_ARO_EUI64, o + 6);
                    String st = Icmpv6Fields.OPT_ARO_STATUS.values.name(status);
                    appendOpt(d, " : Register " + TreeItems.eui64Text(buf.i64(o + 6)) + " "
                            + (st != null ? st : "Unknown " + status));
                }
                return o + 14;
            }
            case LOWPAN_CONTEXT: {
                buf.check(o, 1);
                int contextLength = buf.u8(o);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_6CO_CONTEXT_LENGTH, o, 1, contextLength);
                }
                buf.check(o + 1, 1);
                TreeItems.bitmask(d, buf, Icmpv6Fields.OPT_6CO_FLAG, o + 1, 1, Icmpv6Fields.OPT_6CO_FLAG_C,
                        Icmpv6Fields.OPT_6CO_FLAG_CID, Icmpv6Fields.OPT_6CO_FLAG_RESERVED);
                none(buf, d, Icmpv6Fields.OPT_RESERVED, o + 2, 2);
                buf.check(o + 4, 2);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_6CO_VALID_LIFETIME, o + 4, 2, buf.u16(o + 4));
                }
                if (optLen == 8) {
                    appendOpt(d, " ::/" + contextLength);
                    return o + 6;
                } else if (optLen == 16) {
                    buf.check(o + 6, 8);
                    if (tree) {
                        byte[] p = new byte[16];
                        buf.bytes(o + 6, p, 0, 8);
                        d.addObject(Icmpv6Fields.OPT_6CO_CONTEXT_PREFIX, o + 6, 8, p);
                        appendOpt(d, " " + TreeItems.ipv6Text(p) + "/" + contextLength);
                    }
                    return o + 14;
                } else if (optLen == 24) {
                    buf.check(o + 6, 16);
                    if (tree) {
                        TreeItems.ipv6(d, buf, Icmpv6Fields.OPT_6CO_CONTEXT_PREFIX, o + 6);
                        appendOpt(d, " " + ipv6Text(buf, o + 6) + "/" + contextLength);
                    }
                    return o + 22;
                }
                invalidLength(d, offset);
                return o + 6;
            }
            case AUTH_BORDER_ROUTER: {
                buf.check(o, 2);
                int low = buf.u16(o);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_ABRO_VERSION_LOW, o, 2, low);
                }
                buf.check(o + 2, 2);
                int high = buf.u16(o + 2);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_ABRO_VERSION_HIGH, o + 2, 2, high);
                }
                buf.check(o + 4, 2);
                int lifetime = buf.u16(o + 4);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_ABRO_VALID_LIFETIME, o + 4, 2, lifetime);
                }
                buf.check(o + 6, 16);
                if (tree) {
                    TreeItems.ipv6(d, buf, Icmpv6Fields.OPT_ABRO_6LBR_ADDRESS, o + 6);
                    appendOpt(d, " : Version " + high + "." + low + ", Valid Lifetime : " + lifetime + ", 6LBR : "
                            + ipv6Text(buf, o + 6));
                }
                return o + 22;
            }
            case LOWPAN_CAPABILITY:
                buf.check(o, 2);
                if (tree) {
                    d.addBits(Icmpv6Fields.OPT_6CIO_UNASSIGNED1, o, 2, buf.u16(o));
                    d.addBits(Icmpv6Fields.OPT_6CIO_FLAG_G, o, 2, buf.u16(o));
                }
                buf.check(o + 2, 4);
                if (tree) {
                    d.add(Icmpv6Fields.OPT_6CIO_UNASSIGNED2, o + 2, 4, buf.u32(o + 2));
                }
                return o + 6;
            case CAPTIVE_PORTAL:
                string(buf, o, optLen - 2);
                if (tree) {
                    TreeItems.string(d, Icmpv6Fields.OPT_CAPTIVE_PORTAL, o, optLen - 2,
                            TreeItems.ascii(buf, o, optLen - 2));
                }
                return o + optLen - 2;
            case PREF64: {
                buf.check(o, 2);
                int v = buf.u16(o);
                if (tree) {
                    d.addBits(Icmpv6Fields.OPT_PREF64_SCALED_LIFETIME, o, 2, v);
                    d.addBits(Icmpv6Fields.OPT_PREF64_PLC, o, 2, v);
                }
                int plc = v & 0x0007;
                int[] lengths = {12, 8, 7, 6, 5, 4};
                if (plc < lengths.length) {
                    buf.check(o + 2, lengths[plc]);
                    TreeItems.ipv6Prefix(d, buf, Icmpv6Fields.OPT_PREF64_PREFIX, o + 2, lengths[plc]);
                } else {
                    invalidLength(d, offset);
                }
                return o + 14;
            }
            default:
                if (tree) {
                    d.openRow(optRow);
                    Expert.add(d, Icmpv6Fields.UNDECODED_OPTION, Expert.Severity.NOTE, Expert.Group.UNDECODED,
                            "Dissector for ICMPv6 Option (" + type + ") code not implemented, Contact Wireshark"
                                    + " developers if you want this supported", offset, optLen);
                }
                bytes(buf, o, optLen - 2);
                if (tree) {
                    TreeItems.bytes(d, buf, Icmpv6Fields.DATA, o, optLen - 2);
                }
                return o + optLen - 2;
        }
    }

    /** The expert tshark adds under the option's length item for a length it cannot use. */
    private void invalidLength(Dissection d, int offset) {
        if (optRow < 0) {
            return;
        }
        // the length item is the option's second child
        int lenRow = optRow + 2;
        int saved = d.openRowIndex();
        d.openRow(lenRow);
        Expert.add(d, Icmpv6Fields.INVALID_OPTION_LENGTH, Expert.Severity.ERROR, Expert.Group.MALFORMED,
                "Invalid Option Length", offset + 1, 1);
        d.openRow(saved);
    }

    /** A field whose value names are special values only (BASE_SPECIAL_VALS): other values show as numbers. */
    static void special(Dissection d, FieldDef f, int off, int len, long v) {
        int row = d.add(f, off, len, v);
        if (row >= 0 && f.values.name(v) == null) {
            d.setText(row, f.name + ": " + v);
        }
    }

    /**
     * The IPv6 addresses from {@code a} until {@code end} (RDNSS, the address lists): each an
     * item of {@code field} and a word of the option's text. Returns where they end.
     */
    private int addresses(PacketBuffer buf, Dissection d, FieldDef field, int a, int end, boolean tree) {
        for (; a < end; a += 16) {
            buf.check(a, 16);
            if (tree) {
                TreeItems.ipv6(d, buf, field, a);
                appendOpt(d, " " + ipv6Text(buf, a));
            }
        }
        return a;
    }

    private static String ipv6Text(PacketBuffer buf, int off) {
        byte[] b = new byte[16];
        buf.bytes(off, b, 0, 16);
        return TreeItems.ipv6Text(b);
    }

    /** An item without a value (FT_NONE): only its start is required. */
    private static void none(PacketBuffer buf, Dissection d, FieldDef f, int off, int len) {
        none(buf, off);
        if (d.tree()) {
            d.addBytes(f, off, Math.max(0, len));
        }
    }

    private void linkAddress(PacketBuffer buf, int o, int type, int optLen, Dissection d, boolean tree) {
        if (optLen == 8) {
            buf.check(o, 6);
            long mac = buf.u48(o);
            if (tree) {
                // tshark registers the MAC form (FT_ETHER) under the same names as the bytes form
                int row = d.add(Icmpv6Fields.OPT_LINKADDR_2, o, 6, mac);
                d.setText(row, Icmpv6Fields.OPT_LINKADDR.name + ": " + d.macText(mac));
                d.flag(d.add(type == SOURCE_LINKADDR ? Icmpv6Fields.OPT_SRC_LINKADDR_2
                        : Icmpv6Fields.OPT_TARGET_LINKADDR_2, o, 6, mac), Dissection.HIDDEN);
                appendOpt(d, " : " + Formats.ether(new StringBuilder(17), mac));
            }
            StringBuilder sb = d.info.builder().append(type == SOURCE_LINKADDR ? " from " : " is at ");
            Formats.ether(sb, mac);
        } else if (optLen == 16 && buf.i32(o + 8) == 0 && buf.u16(o + 12) == 0) {
            buf.check(o, 8);
            long eui = buf.i64(o);
            if (tree) {
                TreeItems.eui64(d, buf, Icmpv6Fields.OPT_LINKADDR_EUI64, o);
                d.flag(TreeItems.eui64(d, buf, type == SOURCE_LINKADDR ? Icmpv6Fields.OPT_SRC_LINKADDR_EUI64
                        : Icmpv6Fields.OPT_TARGET_LINKADDR_EUI64, o), Dissection.HIDDEN);
                if (type == SOURCE_LINKADDR) {
                    d.flag(d.addBytes(Icmpv6Fields.OPT_LINKADDR, o, 8), Dissection.HIDDEN);
                    d.flag(d.addBytes(Icmpv6Fields.OPT_SRC_LINKADDR, o, 8), Dissection.HIDDEN);
                }
            }
            none(buf, d, Icmpv6Fields.OPT_PADDING, o + 8, 6);
            // tshark says " from" for both option types here
            StringBuilder sb = d.info.builder().append(" from ");
            for (int i = 0; i < 8; i++) {
                if (i > 0) {
                    sb.append(':');
                }
                Formats.hex(sb, buf.u8(o + i), 2);
            }
            appendOpt(d, " : " + TreeItems.eui64Text(eui));
        } else {
            bytes(buf, o, optLen - 2);
            if (tree) {
                TreeItems.bytes(d, buf, Icmpv6Fields.OPT_LINKADDR, o, optLen - 2);
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
