package io.jcap.proto.dns;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Expert;
import io.jcap.field.FieldDef;
import io.jcap.field.Formats;

import static io.jcap.proto.dns.DnsTables.*;

/**
 * The data of one resource record, type by type, as tshark 4.0 dissects it: what it
 * appends to the Info column (for most types the data's main value, for some the owner
 * name, for many nothing) and its fields. The reads follow tshark's order and lengths,
 * including its habit of reading past the record's data length into whatever follows, so
 * that a short or hostile record fails where and how tshark's does.
 */
final class DnsRdata {
    private static final char REPLACEMENT = '\uFFFD';

    private final DnsNames names;
    private final byte[] addr = new byte[16];
    private final StringBuilder text = new StringBuilder(64);
    /** The record's tree header ("name: type A, class IN, addr ..."), appended to by the data. */
    final StringBuilder head = new StringBuilder(128);

    DnsRdata(DnsNames names) {
        this.names = names;
    }

    /**
     * Dissects the {@code dataLen} (&gt; 0) bytes of a record of {@code type} at {@code cur};
     * {@link #names} still holds the owner name. Pointers count from {@code base}.
     */
    void dissect(PacketBuffer buf, int cur, int dataLen, int type, int cls, int base, Dissection d, boolean mdns) {
        final boolean tree = d.tree();
        switch (type) {
            case T_A -> {
                int a = Tvb.i32(buf, cur);
                Formats.ipv4(d.info.builder().append(' '), a);
                if (tree) {
                    Formats.ipv4(head.append(", addr "), a);
                }
                add(d, DnsFields.A, cur, 4, a & 0xFFFFFFFFL);
            }
            case T_NS -> headName(", ns ", nameInfo(buf, cur, base, d, DnsFields.NS), d);
            case T_CNAME -> headName(", cname ", nameInfo(buf, cur, base, d, DnsFields.CNAME), d);
            case T_SOA -> {
                int used = nameInfo(buf, cur, base, d, DnsFields.SOA_MNAME);
                headName(", mname ", used, d);
                cur += used;
                cur += name(buf, cur, base, d, DnsFields.SOA_RNAME);
                uint32(buf, cur, d, DnsFields.SOA_SERIAL_NUMBER);
                seconds(buf, cur + 4, d, DnsFields.SOA_REFRESH_INTERVAL);
                seconds(buf, cur + 8, d, DnsFields.SOA_RETRY_INTERVAL);
                seconds(buf, cur + 12, d, DnsFields.SOA_EXPIRE_LIMIT);
                seconds(buf, cur + 16, d, DnsFields.SOA_MINIMUM_TTL);
            }
            case T_PTR -> headName(", ", nameInfo(buf, cur, base, d, DnsFields.PTR_DOMAIN_NAME), d);
            case T_MX -> {
                int preference = Tvb.u16(buf, cur);
                int used = names.read(buf, cur + 2, base);
                names.formatted(d.info.builder().append(' ').append(preference).append(' '));
                if (tree) {
                    names.formatted(head.append(", preference ").append(preference).append(", mx "));
                }
                add(d, DnsFields.MX_PREFERENCE, cur, 2, preference);
                string(d, DnsFields.MX_MAIL_EXCHANGE, cur + 2, used);
            }
            case T_TXT -> strings(buf, cur, dataLen, d, DnsFields.TXT_LENGTH, DnsFields.TXT, mdns);
            case T_AAAA -> {
                buf.bytes(cur, addr, 0, 16);
                Formats.ipv6(d.info.builder().append(' '), addr, 0);
                if (tree) {
                    Formats.ipv6(head.append(", addr "), addr, 0);
                    d.addObject(DnsFields.AAAA, cur, 16, addr.clone());
                }
            }
            case T_SRV -> {
                int priority = buf.u16(cur);
                add(d, DnsFields.SRV_PRIORITY, cur, 2, priority);
                int weight = buf.u16(cur + 2);
                add(d, DnsFields.SRV_WEIGHT, cur + 2, 2, weight);
                int port = buf.u16(cur + 4);
                add(d, DnsFields.SRV_PORT, cur + 4, 2, port);
                int used = names.read(buf, cur + 6, base);
                string(d, DnsFields.SRV_TARGET, cur + 6, used);
                StringBuilder sb = d.info.builder().append(' ').append(priority).append(' ').append(weight)
                        .append(' ').append(port).append(' ');
                names.formatted(sb);
                if (tree) {
                    names.formatted(head.append(", priority ").append(priority).append(", weight ").append(weight)
                            .append(", port ").append(port).append(", target "));
                }
            }
            case T_OPT -> options(buf, cur, dataLen, d);
            case T_SVCB, T_HTTPS -> svcb(buf, cur, dataLen, base, d);
            default -> otherType(buf, cur, dataLen, type, base, d);
        }
    }

    /**
     * The rarer types, in a method of their own: the JIT compiles a whole method, and the
     * common types' switch stays a fifth of the size.
     */
    private void otherType(PacketBuffer buf, int cur, int dataLen, int type, int base, Dissection d) {
        final boolean tree = d.tree();
        switch (type) {
            case T_MD -> ownerThenName(buf, cur, base, d, DnsFields.MD);
            case T_MF -> ownerThenName(buf, cur, base, d, DnsFields.MF);
            case T_MB -> ownerThenName(buf, cur, base, d, DnsFields.MB);
            case T_MG -> ownerThenName(buf, cur, base, d, DnsFields.MG);
            case T_MR -> ownerThenName(buf, cur, base, d, DnsFields.MR);
            case T_NULL -> {
                owner(d);
                bytes(buf, cur, dataLen, d, DnsFields.NULL);
            }
            case T_WKS -> {
                int a = Tvb.i32(buf, cur);
                Formats.ipv4(d.info.builder().append(' '), a);
                if (tree) {
                    Formats.ipv4(head.append(", addr "), a);
                }
                add(d, DnsFields.WKS_ADDRESS, cur, 4, a & 0xFFFFFFFFL);
                cur += 4;
                int protocol = buf.u8(cur);
                add(d, DnsFields.WKS_PROTOCOL, cur, 1, protocol);
                cur++;
                int port = 0;
                for (int rrLen = dataLen - 5; rrLen != 0; rrLen--, cur++, port += 8) {
                    int bits = Tvb.u8(buf, cur);
                    if (bits != 0) {
                        int row = add(d, DnsFields.WKS_BITS, cur, 1, bits);
                        if (row >= 0) {
                            // the ports of the set bits (numbers: names are not resolved with -n)
                            StringBuilder sb = new StringBuilder(32).append("Bits: 0x");
                            sb.append(Character.forDigit(bits >> 4, 16)).append(Character.forDigit(bits & 15, 16));
                            sb.append(" (");
                            boolean first = true;
                            for (int i = 0; i < 8; i++) {
                                if ((bits & (0x80 >> i)) != 0) {
                                    sb.append(first ? "" : ", ").append(port + i);
                                    first = false;
                                }
                            }
                            d.setText(row, sb.append(')').toString());
                        }
                    }
                }
            }
            case T_HINFO -> {
                int cpuLen = Tvb.u8(buf, cur);
                buf.check(cur + 1, cpuLen);
                int osOff = cur + 1 + cpuLen;
                int osLen = Tvb.u8(buf, osOff);
                buf.check(osOff + 1, osLen);
                StringBuilder sb = d.info.builder().append(' ');
                asciiLimited(sb, buf, cur + 1, cpuLen);
                sb = d.info.builder().append(' ');
                asciiLimited(sb, buf, osOff + 1, osLen);
                if (tree) {
                    head.append(", CPU ");
                    asciiLimited(head, buf, cur + 1, cpuLen);
                    head.append(", OS ");
                    asciiLimited(head, buf, osOff + 1, osLen);
                    add(d, DnsFields.HINFO_CPU_LENGTH, cur, 1, cpuLen);
                    stringItem(d, DnsFields.HINFO_CPU, cur + 1, cpuLen, ascii(buf, cur + 1, cpuLen));
                    DnsTree.strayCharacters(d, buf, cur + 1, cpuLen, false);
                    add(d, DnsFields.HINFO_OS_LENGTH, osOff, 1, osLen);
                    stringItem(d, DnsFields.HINFO_OS, osOff + 1, osLen, ascii(buf, osOff + 1, osLen));
                    DnsTree.strayCharacters(d, buf, osOff + 1, osLen, false);
                }
            }
            case T_MINFO -> {
                owner(d);
                cur += name(buf, cur, base, d, DnsFields.MINFO_R);
                name(buf, cur, base, d, DnsFields.MINFO_E);
            }
            case T_RP -> {
                owner(d);
                cur += name(buf, cur, base, d, DnsFields.RP_MAILBOX);
                name(buf, cur, base, d, DnsFields.RP_TXT_RR);
            }
            case T_AFSDB -> {
                owner(d);
                int used = names.read(buf, cur + 2, base);
                uint16(buf, cur, d, DnsFields.AFSDB_SUBTYPE);
                string(d, DnsFields.AFSDB_HOSTNAME, cur + 2, used);
            }
            case T_X25 -> {
                owner(d);
                int len = buf.u8(cur);
                add(d, DnsFields.X25_LENGTH, cur, 1, len);
                asciiItem(buf, cur + 1, len, d, DnsFields.X25_PSDN_ADDRESS);
            }
            case T_ISDN -> {
                owner(d);
                int len = buf.u8(cur);
                add(d, DnsFields.IDSN_LENGTH, cur, 1, len);
                cur++;
                asciiItem(buf, cur, len, d, DnsFields.IDSN_ADDRESS);
                cur += len;
                int rrLen = dataLen - 1 - len;
                if (rrLen > 1) {
                    int saLen = buf.u8(cur);
                    add(d, DnsFields.IDSN_SA_LENGTH, cur, 1, saLen);
                    asciiItem(buf, cur + 1, saLen, d, DnsFields.IDSN_SA_ADDRESS);
                }
            }
            case T_RT -> {
                owner(d);
                int used = names.read(buf, cur + 2, base);
                uint16(buf, cur, d, DnsFields.RT_SUBTYPE);
                string(d, DnsFields.RT_INTERMEDIATE_HOST, cur + 2, used);
            }
            case T_NSAP -> {
                owner(d);
                bytes(buf, cur, dataLen, d, DnsFields.NSAP_RDATA);
            }
            case T_NSAP_PTR -> {
                owner(d);
                name(buf, cur, base, d, DnsFields.NSAP_PTR_OWNER);
            }
            case T_KEY -> {
                int flags = buf.u16(cur);
                if (tree) {
                    d.openRow(add(d, DnsFields.KEY_FLAGS, cur, 2, flags));
                    add(d, DnsFields.KEY_FLAGS_AUTHENTICATION, cur, 2, flags);
                    add(d, DnsFields.KEY_FLAGS_CONFIDENTIALITY, cur, 2, flags);
                    if ((flags & 0xC000) != 0xC000) {
                        add(d, DnsFields.KEY_FLAGS_REQUIRED, cur, 2, flags);
                        add(d, DnsFields.KEY_FLAGS_ASSOCIATED_USER, cur, 2, flags);
                        add(d, DnsFields.KEY_FLAGS_ASSOCIATED_NAMED_ENTITY, cur, 2, flags);
                        add(d, DnsFields.KEY_FLAGS_IPSEC, cur, 2, flags);
                        add(d, DnsFields.KEY_FLAGS_MIME, cur, 2, flags);
                        add(d, DnsFields.KEY_FLAGS_SIGNATORY, cur, 2, flags & 0xF);
                    }
                    d.close();
                }
                uint8(buf, cur + 2, d, DnsFields.KEY_PROTOCOL);
                int algo = buf.u8(cur + 3);
                add(d, DnsFields.KEY_ALGORITHM, cur + 3, 1, algo);
                int keyId = keyId(buf, cur, dataLen, algo);
                if (keyId >= 0) {
                    d.flag(add(d, DnsFields.KEY_KEY_ID, 0, 0, keyId), Dissection.GENERATED);
                }
                if (dataLen - 4 != 0) {
                    bytes(buf, cur + 4, dataLen - 4, d, DnsFields.KEY_PUBLIC_KEY);
                }
            }
            case T_PX -> {
                owner(d);
                uint16(buf, cur, d, DnsFields.PX_PREFERENCE);
                cur += 2;
                cur += name(buf, cur, base, d, DnsFields.PX_MAP822);
                name(buf, cur, base, d, DnsFields.PX_MAP400);
            }
            case T_GPOS -> {
                owner(d);
                cur = lengthAndAscii(buf, cur, d, DnsFields.GPOS_LONGITUDE_LENGTH, DnsFields.GPOS_LONGITUDE);
                cur = lengthAndAscii(buf, cur, d, DnsFields.GPOS_LATITUDE_LENGTH, DnsFields.GPOS_LATITUDE);
                lengthAndAscii(buf, cur, d, DnsFields.GPOS_ALTITUDE_LENGTH, DnsFields.GPOS_ALTITUDE);
            }
            case T_LOC -> {
                int version = Tvb.u8(buf, cur);
                add(d, DnsFields.LOC_VERSION, cur, 1, version);
                if (version == 0) {
                    locSize(buf, cur + 1, d, DnsFields.LOC_SIZE);
                    locSize(buf, cur + 2, d, DnsFields.LOC_HORIZONTAL_PRECISION);
                    locSize(buf, cur + 3, d, DnsFields.LOC_VERTICAL_PRECISION);
                    locAngle(buf, cur + 4, d, DnsFields.LOC_LATITUDE, false);
                    locAngle(buf, cur + 8, d, DnsFields.LOC_LONGITUDE, true);
                    long alt = buf.u32(cur + 12);
                    int row = add(d, DnsFields.LOC_ALTITUDE, cur + 12, 4, alt);
                    if (row >= 0) {
                        d.setText(row, DnsFields.LOC_ALTITUDE.name + ": " + alt + " ("
                                + DnsTree.g(((int) alt - 10000000) / 100.0) + " m)");
                    }
                } else {
                    bytes(buf, cur, dataLen, d, DnsFields.LOC_UNKNOWN_DATA);
                }
            }
            case T_NXT -> {
                int used = nameInfo(buf, cur, base, d, DnsFields.NXT_NEXT_DOMAIN_NAME);
                headName(", next domain name ", used, d);
                cur += used;
                int first = 0;
                for (int rrLen = dataLen - used; rrLen != 0; rrLen--, cur++, first += 8) {
                    typeBits(buf, cur, d, first);
                }
            }
            case T_NAPTR -> naptr(buf, cur, base, d);
            case T_KX -> {
                int used = names.read(buf, cur + 2, base);
                int preference = Tvb.u16(buf, cur);
                names.formatted(d.info.builder().append(' ').append(preference).append(' '));
                if (tree) {
                    names.formatted(head.append(", preference ").append(preference).append(", kx "));
                }
                add(d, DnsFields.KX_PREFERENCE, cur, 2, preference);
                string(d, DnsFields.KX_KEY_EXCHANGE, cur + 2, used);
            }
            case T_CERT -> {
                uint16(buf, cur, d, DnsFields.CERT_TYPE);
                uint16(buf, cur + 2, d, DnsFields.CERT_KEY_TAG);
                uint8(buf, cur + 4, d, DnsFields.CERT_ALGORITHM);
                if (dataLen - 5 != 0) {
                    bytes(buf, cur + 5, dataLen - 5, d, DnsFields.CERT_CERTIFICATE);
                }
            }
            case T_A6 -> a6(buf, cur, base, d);
            case T_DNAME -> headName(", dname ", nameInfo(buf, cur, base, d, DnsFields.DNAME), d);
            case T_APL -> apl(buf, cur, dataLen, d);
            case T_DS, T_CDS, T_DLV -> {
                uint16(buf, cur, d, DnsFields.DS_KEY_ID);
                uint8(buf, cur + 2, d, DnsFields.DS_ALGORITHM);
                uint8(buf, cur + 3, d, DnsFields.DS_DIGEST_TYPE);
                bytes(buf, cur + 4, dataLen - 4, d, DnsFields.DS_DIGEST);
            }
            case T_SSHFP -> {
                uint8(buf, cur, d, DnsFields.SSHFP_ALGORITHM);
                uint8(buf, cur + 1, d, DnsFields.SSHFP_FINGERPRINT_TYPE);
                if (dataLen - 2 != 0) {
                    bytes(buf, cur + 2, dataLen - 2, d, DnsFields.SSHFP_FINGERPRINT);
                }
            }
            case T_IPSECKEY -> ipseckey(buf, cur, dataLen, base, d);
            case T_RRSIG, T_SIG -> {
                int start = cur;
                uint16(buf, cur, d, DnsFields.RRSIG_TYPE_COVERED);
                uint8(buf, cur + 2, d, DnsFields.RRSIG_ALGORITHM);
                uint8(buf, cur + 3, d, DnsFields.RRSIG_LABELS);
                seconds(buf, cur + 4, d, DnsFields.RRSIG_ORIGINAL_TTL);
                time32(buf, cur + 8, d, DnsFields.RRSIG_SIGNATURE_EXPIRATION);
                time32(buf, cur + 12, d, DnsFields.RRSIG_SIGNATURE_INCEPTION);
                uint16(buf, cur + 16, d, DnsFields.RRSIG_KEY_TAG);
                cur += 18;
                cur += name(buf, cur, base, d, DnsFields.RRSIG_SIGNERS_NAME);
                int rrLen = dataLen - (cur - start);
                if (rrLen != 0) {
                    bytes(buf, cur, rrLen, d, DnsFields.RRSIG_SIGNATURE);
                }
            }
            case T_NSEC -> {
                int used = nameInfo(buf, cur, base, d, DnsFields.NSEC_NEXT_DOMAIN_NAME);
                headName(", next domain name ", used, d);
                typeBitmap(buf, cur + used, dataLen - used, d);
            }
            case T_DNSKEY, T_CDNSKEY -> {
                int flags = buf.u16(cur);
                if (tree) {
                    d.openRow(add(d, DnsFields.DNSKEY_FLAGS, cur, 2, flags));
                    add(d, DnsFields.DNSKEY_FLAGS_ZONE_KEY, cur, 2, flags);
                    add(d, DnsFields.DNSKEY_FLAGS_KEY_REVOKED, cur, 2, flags);
                    add(d, DnsFields.DNSKEY_FLAGS_SECURE_ENTRY_POINT, cur, 2, flags);
                    d.addBits(DnsFields.DNSKEY_FLAGS_RESERVED, cur, 2, flags);
                    d.close();
                }
                uint8(buf, cur + 2, d, DnsFields.DNSKEY_PROTOCOL);
                int algo = buf.u8(cur + 3);
                add(d, DnsFields.DNSKEY_ALGORITHM, cur + 3, 1, algo);
                int keyId = keyId(buf, cur, dataLen, algo);
                if (keyId >= 0) {
                    d.flag(add(d, DnsFields.DNSKEY_KEY_ID, 0, 0, keyId), Dissection.GENERATED);
                }
                bytes(buf, cur + 4, dataLen - 4, d, DnsFields.DNSKEY_PUBLIC_KEY);
            }
            case T_DHCID -> {
                owner(d);
                bytes(buf, cur, dataLen, d, DnsFields.DHCID_RDATA);
            }
            case T_NSEC3 -> nsec3(buf, cur, dataLen, d);
            case T_NSEC3PARAM -> {
                owner(d);
                uint8(buf, cur, d, DnsFields.NSEC3_ALGO);
                uint8(buf, cur + 1, d, DnsFields.NSEC3_FLAGS);
                uint16(buf, cur + 2, d, DnsFields.NSEC3_ITERATIONS);
                int saltLen = buf.u8(cur + 4);
                add(d, DnsFields.NSEC3_SALT_LENGTH, cur + 4, 1, saltLen);
                bytes(buf, cur + 5, saltLen, d, DnsFields.NSEC3_SALT_VALUE);
            }
            case T_TLSA -> {
                owner(d);
                uint8(buf, cur, d, DnsFields.TLSA_CERTIFICATE_USAGE);
                uint8(buf, cur + 1, d, DnsFields.TLSA_SELECTOR);
                uint8(buf, cur + 2, d, DnsFields.TLSA_MATCHING_TYPE);
                bytes(buf, cur + 3, dataLen - 3, d, DnsFields.TLSA_CERTIFICATE_ASSOCIATION_DATA);
            }
            case T_HIP -> hip(buf, cur, dataLen, base, d);
            case T_OPENPGPKEY -> asciiItem(buf, cur, dataLen, d, DnsFields.OPENPGPKEY);
            case T_CSYNC -> {
                uint32(buf, cur, d, DnsFields.CSYNC_SOA);
                uint16(buf, cur + 4, d, DnsFields.CSYNC_FLAGS);
                bytes(buf, cur + 6, dataLen - 6, d, DnsFields.CSYNC_TYPE_BITMAP);
                typeBitmap(buf, cur + 6, dataLen - 6, d);
            }
            case T_ZONEMD -> {
                uint32(buf, cur, d, DnsFields.ZONEMD_SERIAL);
                uint8(buf, cur + 4, d, DnsFields.ZONEMD_SCHEME);
                uint8(buf, cur + 5, d, DnsFields.ZONEMD_HASH_ALGO);
                bytes(buf, cur + 6, dataLen - 6, d, DnsFields.ZONEMD_DIGEST);
            }
            case T_SPF -> strings(buf, cur, dataLen, d, DnsFields.SPF_LENGTH, DnsFields.SPF, false);
            case T_NID -> {
                uint16(buf, cur, d, DnsFields.ILNP_NID_PREFERENCE);
                bytes(buf, cur + 2, 8, d, DnsFields.ILNP_NID);
            }
            case T_L32 -> {
                uint16(buf, cur, d, DnsFields.ILNP_L32_PREFERENCE);
                int a = buf.i32(cur + 2);
                add(d, DnsFields.ILNP_L32, cur + 2, 4, a & 0xFFFFFFFFL);
            }
            case T_L64 -> {
                uint16(buf, cur, d, DnsFields.ILNP_L64_PREFERENCE);
                bytes(buf, cur + 2, 8, d, DnsFields.ILNP_L64);
            }
            case T_LP -> {
                uint16(buf, cur, d, DnsFields.ILNP_LP_PREFERENCE);
                name(buf, cur + 2, base, d, DnsFields.ILNP_LP);
            }
            case T_EUI48 -> {
                long v = buf.u48(cur);
                add(d, DnsFields.EUI48, cur, 6, v);
            }
            case T_EUI64 -> {
                long v = buf.i64(cur);
                add(d, DnsFields.EUI64, cur, 8, v);
            }
            case T_TKEY -> tkey(buf, cur, base, d);
            case T_TSIG -> tsig(buf, cur, base, d);
            case T_CAA -> caa(buf, cur, dataLen, d);
            case T_WINS -> {
                uint32(buf, cur, d, DnsFields.WINS_LOCAL_FLAG);
                uint32(buf, cur + 4, d, DnsFields.WINS_LOOKUP_TIMEOUT);
                uint32(buf, cur + 8, d, DnsFields.WINS_CACHE_TIMEOUT);
                long servers = buf.u32(cur + 12);
                add(d, DnsFields.WINS_NB_WINS_SERVERS, cur + 12, 4, servers);
                cur += 16;
                for (int rrLen = dataLen - 16; rrLen != 0 && servers != 0; rrLen -= 4, servers--, cur += 4) {
                    int a = buf.i32(cur);
                    add(d, DnsFields.WINS_WINS_SERVER, cur, 4, a & 0xFFFFFFFFL);
                }
            }
            case T_WINS_R -> {
                uint32(buf, cur, d, DnsFields.WINSR_LOCAL_FLAG);
                uint32(buf, cur + 4, d, DnsFields.WINSR_LOOKUP_TIMEOUT);
                uint32(buf, cur + 8, d, DnsFields.WINSR_CACHE_TIMEOUT);
                nameInfo(buf, cur + 12, base, d, DnsFields.WINSR_NAME_RESULT_DOMAIN);
            }
            case T_XPF -> xpf(buf, cur, d);
            default -> {
                Expert.add(d, DnsFields.UNDECODED_TYPE, Expert.Severity.NOTE, Expert.Group.UNDECODED,
                        "Dissector for DNS Type (" + type + ") code not implemented, Contact Wireshark developers"
                                + " if you want this supported", cur, 0);
                bytes(buf, cur, dataLen, d, DnsFields.DATA);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // helpers: tshark's proto_tree_add_item checks its bytes even when no tree is built

    /** tvb_ensure_bytes_exist as proto_tree_add_item applies it to a string or bytes item. */
    static void item(PacketBuffer buf, int off, int len) {
        if (len >= 0) {
            buf.check(off, len);
        } else if (len == -1) {
            // "to the end": the start must have at least one captured byte
            buf.check(off, 1);
        } else {
            throw BoundsException.MALFORMED;
        }
    }

    /**
     * A bytes item holding a copy of its bytes: the message may live in a reassembled
     * buffer that is gone when the tree is printed. Only called with a tree.
     */
    static int bytesItem(Dissection d, PacketBuffer buf, FieldDef f, int off, int len) {
        byte[] copy = new byte[Math.max(0, Math.min(len, buf.capturedRemaining(off)))];
        buf.bytes(off, copy, 0, copy.length);
        return d.addObject(f, off, len, copy);
    }

    private static int add(Dissection d, FieldDef f, int off, int len, long v) {
        return d.add(f, off, len, v);
    }

    private static void uint8(PacketBuffer buf, int off, Dissection d, FieldDef f) {
        int v = buf.u8(off);
        d.add(f, off, 1, v);
    }

    private static void uint16(PacketBuffer buf, int off, Dissection d, FieldDef f) {
        int v = buf.u16(off);
        d.add(f, off, 2, v);
    }

    private static void uint32(PacketBuffer buf, int off, Dissection d, FieldDef f) {
        long v = buf.u32(off);
        d.add(f, off, 4, v);
    }

    private static void time32(PacketBuffer buf, int off, Dissection d, FieldDef f) {
        long v = buf.u32(off);
        d.add(f, off, 4, v * 1_000_000_000L);
    }

    private static void bytes(PacketBuffer buf, int off, int len, Dissection d, FieldDef f) {
        item(buf, off, len);
        if (d.tree()) {
            bytesItem(d, buf, f, off, len == -1 ? buf.capturedRemaining(off) : len);
        }
    }

    private static void asciiItem(PacketBuffer buf, int off, int len, Dissection d, FieldDef f) {
        item(buf, off, len);
        if (d.tree()) {
            int n = len == -1 ? buf.capturedRemaining(off) : len;
            stringItem(d, f, off, n, ascii(buf, off, n));
            DnsTree.strayCharacters(d, buf, off, n, false);
        }
    }

    private static int lengthAndAscii(PacketBuffer buf, int cur, Dissection d, FieldDef lengthField,
                                      FieldDef textField) {
        int len = buf.u8(cur);
        d.add(lengthField, cur, 1, len);
        asciiItem(buf, cur + 1, len, d, textField);
        return cur + 1 + len;
    }

    /** Appends {@code prefix} and the name just read to the record's header; passes {@code used} on. */
    private int headName(String prefix, int used, Dissection d) {
        if (d.tree()) {
            names.formatted(head.append(prefix));
        }
        return used;
    }

    /** RFC 1876 size or precision: "Size: 18 (1 m)". */
    private static void locSize(PacketBuffer buf, int off, Dissection d, FieldDef f) {
        int v = buf.u8(off);
        int row = add(d, f, off, 1, v);
        if (row >= 0) {
            double size = v >> 4;
            for (int e = v & 0x0f; e != 0; e--) {
                size *= 10;
            }
            d.setText(row, f.name + ": " + v + " (" + DnsTree.g(size / 100) + " m)");
        }
    }

    /** RFC 1876 latitude or longitude: "Latitude: 2282029648 (37 deg 22 min 26.000 sec N)". */
    private static void locAngle(PacketBuffer buf, int off, Dissection d, FieldDef f, boolean longitude) {
        long v = buf.u32(off);
        int row = add(d, f, off, 4, v);
        if (row < 0) {
            return;
        }
        long angle = v;
        char direction;
        if (angle < 0x80000000L) {
            angle = 0x80000000L - angle;
            direction = longitude ? 'W' : 'S';
        } else {
            angle = angle - 0x80000000L;
            direction = longitude ? 'E' : 'N';
        }
        String text;
        if (longitude ? angle > 648000000L : angle > 324000000L) {
            text = "Value out of range";
        } else {
            long tsecs = angle % 1000;
            angle /= 1000;
            long secs = angle % 60;
            angle /= 60;
            text = (angle / 60) + " deg " + (angle % 60) + " min " + secs + "." + (tsecs < 10 ? "00" : tsecs < 100 ? "0" : "")
                    + tsecs + " sec " + direction;
        }
        d.setText(row, f.name + ": " + v + " (" + text + ")");
    }

    /** A 32-bit count of seconds: "Refresh Interval: 3600 (1 hour)". */
    private static void seconds(PacketBuffer buf, int off, Dissection d, FieldDef f) {
        long v = buf.u32(off);
        d.setText(d.add(f, off, 4, v), DnsTree.seconds(f.name, v));
    }

    /** The owner name as a C string, " name" (types whose Info shows the owner, not the data). */
    private void owner(Dissection d) {
        names.raw(d.info.builder().append(' '));
    }

    /** Owner in the Info column, then a name in the data (MD, MF, MB, MG, MR). */
    private void ownerThenName(PacketBuffer buf, int cur, int base, Dissection d, FieldDef f) {
        owner(d);
        name(buf, cur, base, d, f);
    }

    /** A name field; returns its length in the data. */
    private int name(PacketBuffer buf, int cur, int base, Dissection d, FieldDef f) {
        int used = names.read(buf, cur, base);
        string(d, f, cur, used);
        return used;
    }

    /** A name field that also goes to the Info column as " name". */
    private int nameInfo(PacketBuffer buf, int cur, int base, Dissection d, FieldDef f) {
        int used = names.read(buf, cur, base);
        names.formatted(d.info.builder().append(' '));
        string(d, f, cur, used);
        return used;
    }

    private void string(Dissection d, FieldDef f, int off, int len) {
        if (d.tree()) {
            d.addObject(f, off, len, names.formattedString());
        }
    }

    /** TXT and SPF: length-prefixed strings until the data length is used up (exactly). */
    private static void strings(PacketBuffer buf, int cur, int dataLen, Dissection d, FieldDef lengthField,
                                FieldDef textField, boolean utf8) {
        int rrLen = dataLen;
        while (rrLen != 0) {
            int len = Tvb.u8(buf, cur);
            d.add(lengthField, cur, 1, len);
            cur++;
            rrLen--;
            item(buf, cur, len);
            if (d.tree()) {
                stringItem(d, textField, cur, len, utf8 ? utf8(buf, cur, len) : ascii(buf, cur, len));
                DnsTree.strayCharacters(d, buf, cur, len, utf8);
            }
            cur += len;
            rrLen -= len;
        }
    }

    /** Wireshark's compute_key_id over the record's data; -1 when the data is shorter than 4 bytes. */
    private static int keyId(PacketBuffer buf, int start, int size, int algo) {
        if (size < 4) {
            return -1;
        }
        if (algo == 1) {
            return (Tvb.u8(buf, start + size - 3) << 8) + Tvb.u8(buf, start + size - 2);
        }
        long ac = 0;
        int off = start;
        for (; size > 1; size -= 2, off += 2) {
            ac += (Tvb.u8(buf, off) << 8) + Tvb.u8(buf, off + 1);
        }
        if (size > 0) {
            ac += Tvb.u8(buf, off) << 8;
        }
        ac &= 0xFFFFFFFFL;
        ac += (ac >> 16) & 0xffff;
        return (int) (ac & 0xffff);
    }

    /** One byte of an NXT bit map (types blockbase*256 + 8*i ...). */
    private static void typeBits(PacketBuffer buf, int off, Dissection d, int firstType) {
        int bits = Tvb.u8(buf, off);
        if (d.tree()) {
            for (int i = 0; i < 8; i++) {
                if ((bits & (0x80 >> i)) != 0) {
                    int t = firstType + i;
                    String n = DnsFields.RESP_TYPE.values.name(t);
                    d.setText(d.add(DnsFields.RESP_TYPE, off, 1, t),
                            "RR type in bit map: " + (n != null ? n : "Unknown (" + t + ")"));
                }
            }
        }
    }

    /** NSEC/NSEC3/CSYNC type bit maps: windows until the length is used up (exactly). */
    private static void typeBitmap(PacketBuffer buf, int cur, int rrLen, Dissection d) {
        while (rrLen != 0) {
            int window = Tvb.u8(buf, cur);
            int size = Tvb.u8(buf, cur + 1);
            cur += 2;
            rrLen -= 2;
            int type = window * 256;
            for (; size > 0; size--) {
                typeBits(buf, cur, d, type);
                type += 8;
                cur++;
                rrLen--;
            }
        }
    }

    private void naptr(PacketBuffer buf, int cur, int base, Dissection d) {
        int order = buf.u16(cur);
        d.add(DnsFields.NAPTR_ORDER, cur, 2, order);
        int preference = buf.u16(cur + 2);
        d.add(DnsFields.NAPTR_PREFERENCE, cur + 2, 2, preference);
        int off = cur + 4;
        int flagsLen = buf.u8(off);
        d.add(DnsFields.NAPTR_FLAGS_LENGTH, off, 1, flagsLen);
        off++;
        int flagsOff = off;
        asciiItem(buf, off, flagsLen, d, DnsFields.NAPTR_FLAGS);
        off += flagsLen;
        int serviceLen = buf.u8(off);
        d.add(DnsFields.NAPTR_SERVICE_LENGTH, off, 1, serviceLen);
        off++;
        asciiItem(buf, off, serviceLen, d, DnsFields.NAPTR_SERVICE);
        off += serviceLen;
        int regexLen = buf.u8(off);
        d.add(DnsFields.NAPTR_REGEX_LENGTH, off, 1, regexLen);
        off++;
        asciiItem(buf, off, regexLen, d, DnsFields.NAPTR_REGEX);
        off += regexLen;
        int used = names.read(buf, off, base);
        if (d.tree()) {
            d.flag(d.add(DnsFields.NAPTR_REPLACEMENT_LENGTH, off, 0, names.length()), Dissection.GENERATED);
            d.addObject(DnsFields.NAPTR_REPLACEMENT, off, used, names.formattedString());
        }
        StringBuilder sb = d.info.builder().append(' ').append(order).append(' ').append(preference).append(' ');
        asciiCString(sb, buf, flagsOff, flagsLen);
        if (d.tree()) {
            head.append(", order ").append(order).append(", preference ").append(preference).append(", flags ");
            asciiCString(head, buf, flagsOff, flagsLen);
        }
    }

    private void a6(PacketBuffer buf, int cur, int base, Dissection d) {
        int a6 = cur;
        int prefixLen = Tvb.u8(buf, cur);
        cur++;
        int suffixLen = (128 - prefixLen) & 0xffff;
        int octets = suffixLen != 0 ? ((suffixLen - 1) / 8 + 1) & 0xffff : 0;
        int i = 0;
        for (; i < 16 - octets; i++) {
            addr[i] = 0;
        }
        for (; i < 16; i++) {
            addr[i] = (byte) Tvb.u8(buf, cur);
            cur++;
        }
        int used = 0;
        if (prefixLen > 0) {
            used = names.read(buf, cur, base);
        }
        StringBuilder sb = d.info.builder().append(' ').append(prefixLen).append(' ');
        Formats.ipv6(sb, addr, 0).append(' ');
        if (prefixLen > 0) {
            names.formatted(sb);
            // the prefix name's item starts after the suffix's (octet count) bytes, which for a
            // prefix length over 128 lies far past the data: tshark fails there
            buf.check(a6 + 1 + octets, 0);
        }
        if (d.tree()) {
            head.append(", addr ").append(prefixLen).append(' ');
            Formats.ipv6(head, addr, 0).append(' ');
            if (prefixLen > 0) {
                names.formatted(head);
            }
            d.add(DnsFields.A6_PREFIX_LEN, a6, 1, prefixLen);
            if (suffixLen != 0) {
                d.addObject(DnsFields.A6_ADDRESS_SUFFIX, a6 + 1, octets, addr.clone());
            }
            if (prefixLen > 0) {
                d.addObject(DnsFields.A6_PREFIX_NAME, a6 + 1 + octets, used, names.formattedString());
            }
        }
    }

    /** The EDNS options of an OPT record. */
    private void options(PacketBuffer buf, int cur, int dataLen, Dissection d) {
        final boolean tree = d.tree();
        int rrLen = dataLen;
        while (rrLen > 0) {
            int code = Tvb.u16(buf, cur);
            rrLen -= 2;
            int optLen = Tvb.u16(buf, cur + 2);
            rrLen -= 2;
            // the option's subtree and its code and length show before its data is checked
            buf.check(cur, 4);
            int optRow = -1;
            if (tree) {
                optRow = d.open(DnsFields.OPT, cur, 4 + optLen);
                String n = DnsFields.OPT_CODE.values.name(code);
                d.setText(optRow, "Option: " + (n != null ? n : "Unknown (" + code + ")"));
                d.add(DnsFields.OPT_CODE, cur, 2, code);
                d.add(DnsFields.OPT_LEN, cur + 2, 2, optLen);
            }
            cur += 4;
            buf.check(cur, optLen);
            if (tree) {
                bytesItem(d, buf, DnsFields.OPT_DATA, cur, optLen);
            }
            switch (code) {
                case 5, 6, 7 -> {
                    FieldDef f = code == 5 ? DnsFields.OPT_DAU : code == 6 ? DnsFields.OPT_DHU : DnsFields.OPT_N3U;
                    for (; optLen != 0; optLen--, cur++, rrLen--) {
                        uint8(buf, cur, d, f);
                    }
                }
                case 8, 0x50fa -> {
                    int family = Tvb.u16(buf, cur);
                    d.add(DnsFields.OPT_CLIENT_FAMILY, cur, 2, family);
                    uint8(buf, cur + 2, d, DnsFields.OPT_CLIENT_NETMASK);
                    uint8(buf, cur + 3, d, DnsFields.OPT_CLIENT_SCOPE);
                    cur += 4;
                    int addrLen = (optLen - 4) & 0xffff;
                    if (addrLen > 16) {
                        addrLen = 16;
                    }
                    buf.check(cur, addrLen);
                    if (family == 1) {
                        if (tree) {
                            long a = 0;
                            for (int i = 0; i < 4; i++) {
                                a = (a << 8) | (i < addrLen ? buf.u8(cur + i) : 0);
                            }
                            d.add(DnsFields.OPT_CLIENT_ADDR4, cur, addrLen, a);
                        }
                    } else if (family == 2) {
                        if (tree) {
                            byte[] a6 = new byte[16];
                            buf.bytes(cur, a6, 0, addrLen);
                            d.addObject(DnsFields.OPT_CLIENT_ADDR6, cur, addrLen, a6);
                        }
                    } else {
                        bytes(buf, cur, optLen - 4, d, DnsFields.OPT_CLIENT_ADDR);
                    }
                    cur += optLen - 4;
                    rrLen -= optLen;
                }
                case 10 -> {
                    bytes(buf, cur, 8, d, DnsFields.OPT_COOKIE_CLIENT);
                    cur += 8;
                    rrLen -= 8;
                    optLen = (optLen - 8) & 0xffff;
                    bytes(buf, cur, optLen, d, DnsFields.OPT_COOKIE_SERVER);
                    cur += optLen;
                    rrLen -= optLen;
                }
                case 11 -> {
                    if (optLen == 2) {
                        uint16(buf, cur, d, DnsFields.OPT_EDNS_TCP_KEEPALIVE_TIMEOUT);
                    }
                    cur += optLen;
                    rrLen -= optLen;
                }
                case 12 -> {
                    bytes(buf, cur, optLen, d, DnsFields.OPT_PADDING);
                    cur += optLen;
                    rrLen -= optLen;
                }
                case 13 -> {
                    if (optLen != 0) {
                        item(buf, cur, optLen);
                        if (tree) {
                            // the wire-format name as an ASCII string, shown through format_text
                            d.addObject(DnsFields.OPT_CHAIN_FQDN, cur, optLen, asciiText(buf, cur, optLen, true));
                        }
                    }
                    cur += optLen;
                    rrLen -= optLen;
                }
                case 15 -> {
                    if (optLen >= 2) {
                        uint16(buf, cur, d, DnsFields.OPT_EXT_ERROR_INFO_CODE);
                        cur += 2;
                        rrLen -= 2;
                        if (optLen > 2) {
                            item(buf, cur, optLen - 2);
                            if (tree) {
                                d.addObject(DnsFields.OPT_EXT_ERROR_EXTRA_TEXT, cur, optLen - 2,
                                        utf8(buf, cur, optLen - 2));
                            }
                            cur += optLen - 2;
                            rrLen -= optLen - 2;
                        }
                    }
                }
                default -> {
                    cur += optLen;
                    rrLen -= optLen;
                }
            }
            if (optRow >= 0) {
                d.close();
            }
        }
    }

    private void apl(PacketBuffer buf, int cur, int dataLen, Dissection d) {
        owner(d);
        int rrLen = dataLen;
        while (rrLen > 1) {
            int family = Tvb.u16(buf, cur);
            d.add(DnsFields.APL_ADDRESS_FAMILY, cur, 2, family);
            cur += 2;
            rrLen -= 2;
            uint8(buf, cur, d, DnsFields.APL_CODED_PREFIX);
            cur++;
            rrLen--;
            int b = Tvb.u8(buf, cur);
            int afdLen = b & 0x7f;
            d.add(DnsFields.APL_NEGATION, cur, 1, b);
            d.add(DnsFields.APL_AFDLENGTH, cur, 1, afdLen);
            cur++;
            rrLen--;
            if (family == 1 && afdLen <= 4) {
                buf.check(cur, afdLen);
                if (d.tree()) {
                    long a = 0;
                    for (int i = 0; i < 4; i++) {
                        a = (a << 8) | (i < afdLen ? buf.u8(cur + i) : 0);
                    }
                    d.add(DnsFields.APL_AFDPART_IPV4, cur, afdLen, a);
                }
            } else if (family == 2 && afdLen <= 16) {
                buf.check(cur, afdLen);
                if (d.tree()) {
                    byte[] a6 = new byte[16];
                    buf.bytes(cur, a6, 0, afdLen);
                    d.addObject(DnsFields.APL_AFDPART_IPV6, cur, afdLen, a6);
                }
            } else {
                bytes(buf, cur, afdLen, d, DnsFields.APL_AFDPART_DATA);
            }
            cur += afdLen;
            rrLen -= afdLen;
        }
    }

    private void ipseckey(PacketBuffer buf, int cur, int dataLen, int base, Dissection d) {
        int rrLen = dataLen;
        uint8(buf, cur, d, DnsFields.IPSECKEY_GATEWAY_PRECEDENCE);
        int gwType = buf.u8(cur + 1);
        d.add(DnsFields.IPSECKEY_GATEWAY_TYPE, cur + 1, 1, gwType);
        uint8(buf, cur + 2, d, DnsFields.IPSECKEY_GATEWAY_ALGORITHM);
        cur += 3;
        rrLen -= 3;
        switch (gwType) {
            case 1 -> {
                int a = buf.i32(cur);
                d.add(DnsFields.IPSECKEY_GATEWAY_IPV4, cur, 4, a & 0xFFFFFFFFL);
                cur += 4;
                rrLen -= 4;
            }
            case 2 -> {
                buf.check(cur, 16);
                if (d.tree()) {
                    byte[] a6 = new byte[16];
                    buf.bytes(cur, a6, 0, 16);
                    d.addObject(DnsFields.IPSECKEY_GATEWAY_IPV6, cur, 16, a6);
                }
                cur += 16;
                rrLen -= 16;
            }
            case 3 -> {
                int used = name(buf, cur, base, d, DnsFields.IPSECKEY_GATEWAY_DNS);
                cur += used;
                rrLen -= used;
            }
            default -> {
            }
        }
        if (rrLen != 0) {
            bytes(buf, cur, rrLen, d, DnsFields.IPSECKEY_PUBLIC_KEY);
        }
    }

    private void nsec3(PacketBuffer buf, int cur, int dataLen, Dissection d) {
        int start = cur;
        uint8(buf, cur, d, DnsFields.NSEC3_ALGO);
        int flags = buf.u8(cur + 1);
        d.openRow(d.add(DnsFields.NSEC3_FLAGS, cur + 1, 1, flags));
        d.add(DnsFields.NSEC3_FLAGS_OPT_OUT, cur + 1, 1, flags);
        d.close();
        uint16(buf, cur + 2, d, DnsFields.NSEC3_ITERATIONS);
        int saltLen = buf.u8(cur + 4);
        d.add(DnsFields.NSEC3_SALT_LENGTH, cur + 4, 1, saltLen);
        cur += 5;
        bytes(buf, cur, saltLen, d, DnsFields.NSEC3_SALT_VALUE);
        cur += saltLen;
        int hashLen = buf.u8(cur);
        d.add(DnsFields.NSEC3_HASH_LENGTH, cur, 1, hashLen);
        cur++;
        if (hashLen != 0) {
            // base32hex, five bits at a time (the last group may read one byte past the hash)
            StringBuilder sb = d.tree() ? new StringBuilder(hashLen * 8 / 5 + 2) : null;
            for (int bit = 0; bit / 8 < hashLen; bit += 5) {
                int g = bits5(buf, cur * 8 + bit);
                if (sb != null) {
                    sb.append("0123456789abcdefghijklmnopqrstuv".charAt(g));
                }
            }
            if (sb != null) {
                d.flag(d.addObject(DnsFields.NSEC3_HASH_VALUE, cur, hashLen, sb.toString()), Dissection.GENERATED);
            }
            cur += hashLen;
        }
        typeBitmap(buf, cur, dataLen - (cur - start), d);
    }

    /** tvb_get_bits8(bit, 5). */
    private static int bits5(PacketBuffer buf, int bit) {
        int octet = bit >>> 3;
        int inFirst = 8 - (bit & 7);
        if (inFirst > 5) {
            return (Tvb.u8(buf, octet) >> (inFirst - 5)) & 0x1f;
        }
        int v = Tvb.u8(buf, octet) & ((1 << inFirst) - 1);
        int rest = 5 - inFirst;
        if (rest != 0) {
            v = (v << rest) | (Tvb.u8(buf, octet + 1) >> (8 - rest));
        }
        return v;
    }

    private void hip(PacketBuffer buf, int cur, int dataLen, int base, Dissection d) {
        owner(d);
        int rrLen = dataLen;
        int hitLen = Tvb.u8(buf, cur);
        d.add(DnsFields.HIP_HIT_LENGTH, cur, 1, hitLen);
        uint8(buf, cur + 1, d, DnsFields.HIP_HIT_PK_ALGO);
        int pkLen = Tvb.u16(buf, cur + 2);
        d.add(DnsFields.HIP_PK_LENGTH, cur + 2, 2, pkLen);
        cur += 4;
        rrLen -= 4;
        bytes(buf, cur, hitLen, d, DnsFields.HIP_HIT);
        cur += hitLen;
        rrLen -= hitLen;
        bytes(buf, cur, pkLen, d, DnsFields.HIP_PK);
        cur += pkLen;
        rrLen -= pkLen;
        while (rrLen > 1) {
            int used = name(buf, cur, base, d, DnsFields.HIP_RENDEZVOUS_SERVER);
            cur += used;
            rrLen -= used;
        }
    }

    private void svcb(PacketBuffer buf, int cur, int dataLen, int base, Dissection d) {
        final boolean tree = d.tree();
        int start = cur;
        uint16(buf, cur, d, DnsFields.SVCB_SVCPRIORITY);
        cur += 2;
        cur += name(buf, cur, base, d, DnsFields.SVCB_TARGETNAME);
        while (dataLen > cur - start) {
            item(buf, cur, -1);
            int key = buf.u16(cur);
            int len = buf.u16(cur + 2);
            int row = -1;
            StringBuilder text = null;
            if (tree) {
                row = d.open(DnsFields.SVCB_SVCPARAM, cur, len + 4);
                String n = DnsFields.SVCB_SVCPARAM_KEY.values.name(key);
                text = new StringBuilder(64).append("SvcParam: ").append(n != null ? n : "key" + key);
                d.setText(row, text.toString());
                d.add(DnsFields.SVCB_SVCPARAM_KEY, cur, 2, key);
                d.add(DnsFields.SVCB_SVCPARAM_VALUE_LENGTH, cur + 2, 2, len);
            }
            cur += 4;
            switch (key) {
                case 0 -> {
                    for (int o = 0; o < len; o += 2, cur += 2) {
                        if (text != null) {
                            String n = DnsFields.SVCB_SVCPARAM_KEY.values.name(buf.u16(cur));
                            text.append(o == 0 ? '=' : ',').append(n != null ? n : "key" + buf.u16(cur));
                            d.setText(row, DnsTree.cut(text));
                        }
                        uint16(buf, cur, d, DnsFields.SVCB_SVCPARAM_MANDATORY_KEY);
                    }
                }
                case 1 -> {
                    for (int o = 0; o < len;) {
                        int alpnLen = buf.u8(cur);
                        d.add(DnsFields.SVCB_SVCPARAM_ALPN_LENGTH, cur, 1, alpnLen);
                        cur++;
                        asciiItem(buf, cur, alpnLen, d, DnsFields.SVCB_SVCPARAM_ALPN);
                        if (text != null) {
                            text.append(o == 0 ? '=' : ',').append(ascii(buf, cur, alpnLen));
                            d.setText(row, DnsTree.cut(text));
                        }
                        cur += alpnLen;
                        o += 1 + alpnLen;
                    }
                }
                case 2 -> {
                }
                case 3 -> {
                    uint16(buf, cur, d, DnsFields.SVCB_SVCPARAM_PORT);
                    if (text != null) {
                        text.append('=').append(buf.u16(cur));
                        d.setText(row, DnsTree.cut(text));
                    }
                    cur += 2;
                }
                case 4 -> {
                    for (int o = 0; o < len; o += 4, cur += 4) {
                        int a = buf.i32(cur);
                        d.add(DnsFields.SVCB_SVCPARAM_IPV4HINT_IP, cur, 4, a & 0xFFFFFFFFL);
                        if (text != null) {
                            Formats.ipv4(text.append(o == 0 ? '=' : ','), a);
                            d.setText(row, DnsTree.cut(text));
                        }
                    }
                }
                case 5 -> {
                    bytes(buf, cur, len, d, DnsFields.SVCB_SVCPARAM_ECHCONFIG);
                    if (text != null) {
                        byte[] raw = new byte[len];
                        buf.bytes(cur, raw, 0, len);
                        String b64 = java.util.Base64.getEncoder().encodeToString(raw);
                        d.setText(d.fieldCount() - 1, DnsTree.label("ECHConfig: " + b64));
                        text.append('=').append(b64);
                        d.setText(row, DnsTree.cut(text));
                    }
                    cur += len;
                }
                case 6 -> {
                    for (int o = 0; o < len; o += 16, cur += 16) {
                        buf.check(cur, 16);
                        if (tree) {
                            byte[] a6 = new byte[16];
                            buf.bytes(cur, a6, 0, 16);
                            d.addObject(DnsFields.SVCB_SVCPARAM_IPV6HINT_IP, cur, 16, a6);
                            Formats.ipv6(text.append(o == 0 ? '=' : ','), a6, 0);
                            d.setText(row, DnsTree.cut(text));
                        }
                    }
                }
                case 32769 -> {
                    bytes(buf, cur, len, d, DnsFields.SVCB_SVCPARAM_ODOHCONFIG);
                    cur += len;
                }
                default -> {
                    if (len > 0) {
                        bytes(buf, cur, len, d, DnsFields.SVCB_SVCPARAM_VALUE);
                        if (text != null) {
                            text.append('=').append(asciiText(buf, cur, len, false));
                            d.setText(row, DnsTree.cut(text));
                        }
                        cur += len;
                    }
                }
            }
            if (row >= 0) {
                // proto_item_append_text stops at tshark's 240-byte label buffer
                d.setText(row, DnsTree.cut(text));
                d.close();
            }
        }
    }

    private void tkey(PacketBuffer buf, int cur, int base, Dissection d) {
        cur += name(buf, cur, base, d, DnsFields.TKEY_ALGO_NAME);
        time32(buf, cur, d, DnsFields.TKEY_SIGNATURE_INCEPTION);
        time32(buf, cur + 4, d, DnsFields.TKEY_SIGNATURE_EXPIRATION);
        uint16(buf, cur + 8, d, DnsFields.TKEY_MODE);
        uint16(buf, cur + 10, d, DnsFields.TKEY_ERROR);
        int keyLen = buf.u16(cur + 12);
        d.add(DnsFields.TKEY_KEY_SIZE, cur + 12, 2, keyLen);
        cur += 14;
        if (keyLen != 0) {
            bytes(buf, cur, keyLen, d, DnsFields.TKEY_KEY_DATA);
            cur += keyLen;
        }
        int otherLen = buf.u16(cur);
        d.add(DnsFields.TKEY_OTHER_SIZE, cur, 2, otherLen);
        cur += 2;
        if (otherLen != 0) {
            bytes(buf, cur, otherLen, d, DnsFields.TKEY_OTHER_DATA);
        }
    }

    private void tsig(PacketBuffer buf, int cur, int base, Dissection d) {
        cur += name(buf, cur, base, d, DnsFields.TSIG_ALGORITHM_NAME);
        String algorithm = d.tree() ? names.formattedString() : null;
        buf.check(cur, 6);
        if (d.tree()) {
            long secs = ((long) buf.u16(cur) << 32) | buf.u32(cur + 2);
            d.add(DnsFields.TSIG_TIME_SIGNED, cur, 6, secs * 1_000_000_000L);
        }
        cur += 6;
        uint16(buf, cur, d, DnsFields.TSIG_FUDGE);
        cur += 2;
        int macLen = Tvb.u16(buf, cur);
        d.add(DnsFields.TSIG_MAC_SIZE, cur, 2, macLen);
        cur += 2;
        if (macLen != 0) {
            bytes(buf, cur, macLen, d, DnsFields.TSIG_MAC);
            if (d.tree()) {
                // no MAC dissector for any algorithm here: tshark says so under the MAC
                d.openRow(d.fieldCount() - 1);
                Expert.add(d, DnsFields.TSIG_NOALG, Expert.Severity.WARNING, Expert.Group.UNDECODED,
                        "No dissector for algorithm:" + algorithm, cur, macLen);
                d.close();
            }
            cur += macLen;
        }
        uint16(buf, cur, d, DnsFields.TSIG_ORIGINAL_ID);
        uint16(buf, cur + 2, d, DnsFields.TSIG_ERROR);
        int otherLen = buf.u16(cur + 4);
        d.add(DnsFields.TSIG_OTHER_LEN, cur + 4, 2, otherLen);
        cur += 6;
        if (otherLen != 0) {
            bytes(buf, cur, otherLen, d, DnsFields.TSIG_OTHER_DATA);
        }
    }

    private static void caa(PacketBuffer buf, int cur, int dataLen, Dissection d) {
        int flags = buf.u8(cur);
        d.openRow(d.add(DnsFields.CAA_FLAGS, cur, 1, flags));
        d.add(DnsFields.CAA_FLAGS_ISSUER_CRITICAL, cur, 1, flags);
        d.close();
        cur++;
        int tagLen = Tvb.u8(buf, cur);
        buf.check(cur + 1, tagLen);
        int valueLen = (dataLen - (tagLen + 2)) & 0xffff;
        buf.check(cur + 1 + tagLen, valueLen);
        if (d.tree()) {
            String tag = ascii(buf, cur + 1, tagLen);
            String value = asciiText(buf, cur + 1 + tagLen, valueLen, false, valueLen);
            FieldDef f = "issue".startsWith(tag) ? DnsFields.CAA_ISSUE
                    : "issuewild".startsWith(tag) ? DnsFields.CAA_ISSUEWILD
                    : "iodef".startsWith(tag) ? DnsFields.CAA_IODEF : DnsFields.CAA_UNKNOWN;
            d.openRow(d.addObject(f, cur, 1 + tagLen + valueLen, value));
            d.add(DnsFields.CAA_TAG_LENGTH, cur, 1, tagLen);
            d.addObject(DnsFields.CAA_TAG, cur + 1, tagLen, tag);
            d.addObject(DnsFields.CAA_VALUE, cur + 1 + tagLen, valueLen, value);
            d.close();
        }
    }

    private static void xpf(PacketBuffer buf, int cur, Dissection d) {
        int version = buf.u8(cur);
        d.add(DnsFields.XPF_IP_VERSION, cur, 1, version);
        cur++;
        if (version == 4) {
            uint8(buf, cur, d, DnsFields.XPF_PROTOCOL);
            int s = buf.i32(cur + 1);
            d.add(DnsFields.XPF_SOURCE_IPV4, cur + 1, 4, s & 0xFFFFFFFFL);
            int t = buf.i32(cur + 5);
            d.add(DnsFields.XPF_DESTINATION_IPV4, cur + 5, 4, t & 0xFFFFFFFFL);
            uint16(buf, cur + 9, d, DnsFields.XPF_SPORT);
            uint16(buf, cur + 11, d, DnsFields.XPF_DPORT);
        } else if (version == 6) {
            uint8(buf, cur, d, DnsFields.XPF_PROTOCOL);
            buf.check(cur + 1, 32);
            if (d.tree()) {
                byte[] s = new byte[16];
                byte[] t = new byte[16];
                buf.bytes(cur + 1, s, 0, 16);
                buf.bytes(cur + 17, t, 0, 16);
                d.addObject(DnsFields.XPF_SOURCE_IPV6, cur + 1, 16, s);
                d.addObject(DnsFields.XPF_DESTINATION_IPV6, cur + 17, 16, t);
            }
            uint16(buf, cur + 33, d, DnsFields.XPF_SPORT);
            uint16(buf, cur + 35, d, DnsFields.XPF_DPORT);
        }
    }

    // ---------------------------------------------------------------------------------------
    // strings

    /**
     * tvb_get_string_enc(ENC_ASCII) as an item shows it: bytes above 0x7f become U+FFFD,
     * and the string ends at a NUL.
     */
    static String ascii(PacketBuffer buf, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int c = buf.u8(off + i);
            if (c == 0) {
                break;
            }
            sb.append(c < 0x80 ? (char) c : REPLACEMENT);
        }
        return sb.toString();
    }

    /** A string item whose label shows the value through format_text (controls escaped). */
    static int stringItem(Dissection d, FieldDef f, int off, int len, String value) {
        int row = d.addObject(f, off, len, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && !DnsNames.printable(value.codePointAt(i)))) {
                byte[] b = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                d.setText(row, f.name + ": " + DnsNames.formatText(new StringBuilder(b.length + 16), b, 0, b.length));
                break;
            }
        }
        return row;
    }

    /**
     * tvb_get_string_enc(ENC_ASCII) through format_text: bytes above 0x7f as U+FFFD, controls
     * escaped; up to a NUL when {@code cString}.
     */
    static String asciiText(PacketBuffer buf, int off, int len, boolean cString) {
        return asciiText(buf, off, len, cString, Integer.MAX_VALUE);
    }

    /**
     * The same, format_text given only {@code limit} bytes of the converted string (each
     * U+FFFD is three): a replacement cut by the limit shows as one.
     */
    static String asciiText(PacketBuffer buf, int off, int len, boolean cString, int limit) {
        StringBuilder sb = new StringBuilder(len + 8);
        byte[] one = new byte[1];
        int used = 0;
        for (int i = 0; i < len; i++) {
            int c = buf.u8(off + i);
            if (c == 0 && cString) {
                break;
            }
            used += c >= 0x80 ? 3 : 1;
            if (used > limit) {
                if (c >= 0x80 && used - 3 < limit) {
                    sb.append(REPLACEMENT);
                }
                break;
            }
            if (c >= 0x80) {
                sb.append(REPLACEMENT);
            } else {
                one[0] = (byte) c;
                DnsNames.formatText(sb, one, 0, 1);
            }
        }
        return sb.toString();
    }

    /** tvb_get_string_enc(ENC_UTF_8). */
    static String utf8(PacketBuffer buf, int off, int len) {
        byte[] b = new byte[len];
        buf.bytes(off, b, 0, len);
        int n = 0;
        while (n < len && b[n] != 0) {
            n++;
        }
        return DnsNames.appendUtf8(new StringBuilder(n), b, 0, n).toString();
    }

    /** "%s" of an ASCII-converted string: up to the first NUL. */
    private static void asciiCString(StringBuilder sb, PacketBuffer buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            int c = buf.u8(off + i);
            if (c == 0) {
                return;
            }
            sb.append(c < 0x80 ? (char) c : REPLACEMENT);
        }
    }

    /**
     * "%.*s" (at most {@code len} bytes) of an ASCII-converted string, as HINFO prints its
     * CPU and OS: up to a NUL, each non-ASCII byte being three bytes of U+FFFD.
     */
    private static void asciiLimited(StringBuilder sb, PacketBuffer buf, int off, int len) {
        int bytes = 0;
        for (int i = 0; i < len && bytes < len; i++) {
            int c = buf.u8(off + i);
            if (c == 0) {
                return;
            }
            if (c < 0x80) {
                sb.append((char) c);
                bytes++;
            } else {
                // a cut UTF-8 sequence shows as one replacement character too
                sb.append(REPLACEMENT);
                bytes += 3;
            }
        }
    }
}
