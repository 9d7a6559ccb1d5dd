package io.jcap.field;

/** Wireshark's field types (the FT_* names that {@code -G fields} prints). */
public enum FieldType {
    NONE("FT_NONE"),
    PROTOCOL("FT_PROTOCOL"),
    BOOLEAN("FT_BOOLEAN"),
    CHAR("FT_CHAR"),
    UINT8("FT_UINT8"),
    UINT16("FT_UINT16"),
    UINT24("FT_UINT24"),
    UINT32("FT_UINT32"),
    UINT40("FT_UINT40"),
    UINT48("FT_UINT48"),
    UINT56("FT_UINT56"),
    UINT64("FT_UINT64"),
    INT8("FT_INT8"),
    INT16("FT_INT16"),
    INT24("FT_INT24"),
    INT32("FT_INT32"),
    INT64("FT_INT64"),
    FLOAT("FT_FLOAT"),
    DOUBLE("FT_DOUBLE"),
    ABSOLUTE_TIME("FT_ABSOLUTE_TIME"),
    RELATIVE_TIME("FT_RELATIVE_TIME"),
    STRING("FT_STRING"),
    STRINGZ("FT_STRINGZ"),
    BYTES("FT_BYTES"),
    ETHER("FT_ETHER"),
    IPV4("FT_IPv4"),
    IPV6("FT_IPv6"),
    FRAMENUM("FT_FRAMENUM"),
    EUI64("FT_EUI64"),
    AX25("FT_AX25"),
    GUID("FT_GUID"),
    OID("FT_OID"),
    UINT_BYTES("FT_UINT_BYTES"),
    UINT_STRING("FT_UINT_STRING"),
    STRINGZPAD("FT_STRINGZPAD"),
    IEEE_11073_SFLOAT("FT_IEEE_11073_SFLOAT"),
    IEEE_11073_FLOAT("FT_IEEE_11073_FLOAT"),
    FCWWN("FT_FCWWN"),
    IPXNET("FT_IPXNET"),
    VINES("FT_VINES"),
    REL_OID("FT_REL_OID"),
    SYSTEM_ID("FT_SYSTEM_ID"),
    STRINGZTRUNC("FT_STRINGZTRUNC");

    /** The type whose -G name is {@code name} (e.g. "FT_UINT8"). */
    public static FieldType of(String name) {
        for (FieldType t : values()) {
            if (t.wiresharkName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(name);
    }

    public final String wiresharkName;

    FieldType(String wiresharkName) {
        this.wiresharkName = wiresharkName;
    }

    public boolean isUnsigned() {
        return switch (this) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, FRAMENUM -> true;
            default -> false;
        };
    }

    public boolean isSigned() {
        return switch (this) {
            case INT8, INT16, INT24, INT32, INT64 -> true;
            default -> false;
        };
    }

    public boolean isInteger() {
        return isUnsigned() || isSigned();
    }

    /** Bits of an integer type, 0 for others. */
    public int bits() {
        return switch (this) {
            case CHAR, UINT8, INT8 -> 8;
            case UINT16, INT16 -> 16;
            case UINT24, INT24 -> 24;
            case UINT32, INT32, FRAMENUM -> 32;
            case UINT40 -> 40;
            case UINT48 -> 48;
            case UINT56 -> 56;
            case UINT64, INT64 -> 64;
            default -> 0;
        };
    }
}
