package io.jcap.proto.dns;

/**
 * The names tshark 4.0 prints for DNS codes in the Info column: record types (the short
 * names, with tshark's own MAILB/MAILA swap), opcodes and reply codes. Appenders write
 * into the caller's builder so that unknown codes cost no allocation.
 */
final class DnsTables {
    private DnsTables() {
    }

    static final int T_A = 1;
    static final int T_NS = 2;
    static final int T_MD = 3;
    static final int T_MF = 4;
    static final int T_CNAME = 5;
    static final int T_SOA = 6;
    static final int T_MB = 7;
    static final int T_MG = 8;
    static final int T_MR = 9;
    static final int T_NULL = 10;
    static final int T_WKS = 11;
    static final int T_PTR = 12;
    static final int T_HINFO = 13;
    static final int T_MINFO = 14;
    static final int T_MX = 15;
    static final int T_TXT = 16;
    static final int T_RP = 17;
    static final int T_AFSDB = 18;
    static final int T_X25 = 19;
    static final int T_ISDN = 20;
    static final int T_RT = 21;
    static final int T_NSAP = 22;
    static final int T_NSAP_PTR = 23;
    static final int T_SIG = 24;
    static final int T_KEY = 25;
    static final int T_PX = 26;
    static final int T_GPOS = 27;
    static final int T_AAAA = 28;
    static final int T_LOC = 29;
    static final int T_NXT = 30;
    static final int T_SRV = 33;
    static final int T_NAPTR = 35;
    static final int T_KX = 36;
    static final int T_CERT = 37;
    static final int T_A6 = 38;
    static final int T_DNAME = 39;
    static final int T_OPT = 41;
    static final int T_APL = 42;
    static final int T_DS = 43;
    static final int T_SSHFP = 44;
    static final int T_IPSECKEY = 45;
    static final int T_RRSIG = 46;
    static final int T_NSEC = 47;
    static final int T_DNSKEY = 48;
    static final int T_DHCID = 49;
    static final int T_NSEC3 = 50;
    static final int T_NSEC3PARAM = 51;
    static final int T_TLSA = 52;
    static final int T_HIP = 55;
    static final int T_CDS = 59;
    static final int T_CDNSKEY = 60;
    static final int T_OPENPGPKEY = 61;
    static final int T_CSYNC = 62;
    static final int T_ZONEMD = 63;
    static final int T_SVCB = 64;
    static final int T_HTTPS = 65;
    static final int T_SPF = 99;
    static final int T_NID = 104;
    static final int T_L32 = 105;
    static final int T_L64 = 106;
    static final int T_LP = 107;
    static final int T_EUI48 = 108;
    static final int T_EUI64 = 109;
    static final int T_TKEY = 249;
    static final int T_TSIG = 250;
    static final int T_IXFR = 251;
    static final int T_AXFR = 252;
    static final int T_CAA = 257;
    static final int T_DLV = 32769;
    static final int T_WINS = 65281;
    static final int T_WINS_R = 65282;
    static final int T_XPF = 65422;

    static final int OPCODE_UPDATE = 5;
    static final int OPCODE_DSO = 6;

    /** Short type names (tshark's dns_types_vals), indexed by type for 0..257. */
    private static final String[] TYPES = new String[258];

    static {
        String[] low = {"Unused", "A", "NS", "MD", "MF", "CNAME", "SOA", "MB", "MG", "MR", "NULL", "WKS", "PTR",
            "HINFO", "MINFO", "MX", "TXT", "RP", "AFSDB", "X25", "ISDN", "RT", "NSAP", "NSAP-PTR", "SIG", "KEY", "PX",
            "GPOS", "AAAA", "LOC", "NXT", "EID", "NIMLOC", "SRV", "ATMA", "NAPTR", "KX", "CERT", "A6", "DNAME", "SINK",
            "OPT", "APL", "DS", "SSHFP", "IPSECKEY", "RRSIG", "NSEC", "DNSKEY", "DHCID", "NSEC3", "NSEC3PARAM",
            "TLSA"};
        System.arraycopy(low, 0, TYPES, 0, low.length);
        TYPES[55] = "HIP";
        TYPES[57] = "RKEY";
        TYPES[58] = "TALINK";
        TYPES[59] = "CDS";
        TYPES[60] = "CDNSKEY";
        TYPES[61] = "OPENPGPKEY";
        TYPES[62] = "CSYNC";
        TYPES[63] = "ZONEMD";
        TYPES[64] = "SVCB";
        TYPES[65] = "HTTPS";
        TYPES[99] = "SPF";
        TYPES[100] = "UINFO";
        TYPES[101] = "UID";
        TYPES[102] = "GID";
        TYPES[103] = "UNSPEC";
        TYPES[104] = "NID";
        TYPES[105] = "L32";
        TYPES[106] = "L64";
        TYPES[107] = "LP";
        TYPES[108] = "EUI48";
        TYPES[109] = "EUI64";
        TYPES[249] = "TKEY";
        TYPES[250] = "TSIG";
        TYPES[251] = "IXFR";
        TYPES[252] = "AXFR";
        // tshark 4.0 names 253 and 254 the other way round in its short table
        TYPES[253] = "MAILA";
        TYPES[254] = "MAILB";
        TYPES[255] = "ANY";
        TYPES[256] = "URI";
        TYPES[257] = "CAA";
    }

    /** The short name of {@code type}, or null when tshark has none ("Unknown (n)"). */
    static String typeName(int type) {
        if (type < TYPES.length) {
            return TYPES[type];
        }
        return switch (type) {
            case 32768 -> "TA";
            case T_DLV -> "DLV";
            case T_WINS -> "WINS";
            case T_WINS_R -> "WINS-R";
            case T_XPF -> "XPF";
            default -> null;
        };
    }

    static StringBuilder appendType(StringBuilder sb, int type) {
        String s = typeName(type);
        return s != null ? sb.append(s) : sb.append("Unknown (").append(type).append(')');
    }

    private static final String[] OPCODES = {"Standard query", "Inverse query", "Server status request", null,
        "Zone change notification", "Dynamic update", "DNS Stateful operations (DSO)"};

    static StringBuilder appendOpcode(StringBuilder sb, int opcode) {
        String s = opcode < OPCODES.length ? OPCODES[opcode] : null;
        return s != null ? sb.append(s) : sb.append("Unknown operation (").append(opcode).append(')');
    }

    private static final String[] RCODES = {"No error", "Format error", "Server failure", "No such name",
        "Not implemented", "Refused", "Name exists", "RRset exists", "RRset does not exist", "Not authoritative",
        "Name out of zone", "DSO-Type not implemented", null, null, null, null,
        "Bad OPT Version or TSIG Signature Failure", "Key not recognized", "Signature out of time window",
        "Bad TKEY Mode", "Duplicate key name", "Algorithm not supported", "Bad Truncation",
        "Bad/missing Server Cookie"};

    static StringBuilder appendRcode(StringBuilder sb, int rcode) {
        String s = rcode < RCODES.length ? RCODES[rcode] : null;
        return s != null ? sb.append(s) : sb.append("Unknown error (").append(rcode).append(')');
    }

    /** The opcode as the Flags line names it (val_to_str_const). */
    static String opcodeText(int opcode) {
        String s = opcode < OPCODES.length ? OPCODES[opcode] : null;
        return s != null ? s : "Unknown operation";
    }

    /** The reply code as the Flags line names it (val_to_str_const). */
    static String rcodeText(int rcode) {
        String s = rcode < RCODES.length ? RCODES[rcode] : null;
        return s != null ? s : "Unknown error";
    }

    /** Class names (the tree's "class IN"). */
    static String className(int c) {
        return switch (c) {
            case 1 -> "IN";
            case 2 -> "CS";
            case 3 -> "CH";
            case 4 -> "HS";
            case 254 -> "NONE";
            case 255 -> "ANY";
            default -> "Unknown";
        };
    }
}
