package io.jcap.filter;

import io.jcap.field.FieldType;

/**
 * What each field type can do in a filter (tshark 4.0's ftype capabilities) and what the
 * messages call it: ftype_pretty_name ("Unsigned integer (2 bytes)") and the FT_ name.
 */
final class FTypes {
    /** How values of a type are held at run time. */
    enum Kind { INTEGER, FLOAT, TIME, IPV4, IPV6, BYTES, STRING, NONE }

    private FTypes() {
    }

    static Kind kind(FieldType t) {
        return switch (t) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, INT8, INT16, INT24, INT32,
                 INT64, FRAMENUM, BOOLEAN, EUI64, IPXNET -> Kind.INTEGER;
            case FLOAT, DOUBLE, IEEE_11073_FLOAT, IEEE_11073_SFLOAT -> Kind.FLOAT;
            case ABSOLUTE_TIME, RELATIVE_TIME -> Kind.TIME;
            case IPV4 -> Kind.IPV4;
            case IPV6 -> Kind.IPV6;
            case STRING, STRINGZ, UINT_STRING, STRINGZPAD, STRINGZTRUNC -> Kind.STRING;
            case NONE -> Kind.NONE;
            default -> Kind.BYTES;
        };
    }

    static String name(FieldType t) {
        return t.wiresharkName;
    }

    static String prettyName(FieldType t) {
        return switch (t) {
            case NONE -> "Label";
            case PROTOCOL -> "Protocol";
            case BOOLEAN -> "Boolean";
            case CHAR -> "Character (8 bits)";
            case UINT8 -> "Unsigned integer (1 byte)";
            case UINT16 -> "Unsigned integer (2 bytes)";
            case UINT24 -> "Unsigned integer (3 bytes)";
            case UINT32 -> "Unsigned integer (4 bytes)";
            case UINT40 -> "Unsigned integer (5 bytes)";
            case UINT48 -> "Unsigned integer (6 bytes)";
            case UINT56 -> "Unsigned integer (7 bytes)";
            case UINT64 -> "Unsigned integer (8 bytes)";
            case INT8 -> "Signed integer (1 byte)";
            case INT16 -> "Signed integer (2 bytes)";
            case INT24 -> "Signed integer (3 bytes)";
            case INT32 -> "Signed integer (4 bytes)";
            case INT64 -> "Signed integer (8 bytes)";
            case IEEE_11073_SFLOAT -> "IEEE-11073 floating point (16-bit)";
            case IEEE_11073_FLOAT -> "IEEE-11073 Floating point (32-bit)";
            case FLOAT -> "Floating point (single-precision)";
            case DOUBLE -> "Floating point (double-precision)";
            case ABSOLUTE_TIME -> "Date and time";
            case RELATIVE_TIME -> "Time offset";
            case STRING, STRINGZ, UINT_STRING, STRINGZPAD, STRINGZTRUNC -> "Character string";
            case ETHER -> "Ethernet or other MAC address";
            case BYTES, UINT_BYTES -> "Byte sequence";
            case IPV4 -> "IPv4 address";
            case IPV6 -> "IPv6 address";
            case IPXNET -> "IPX network number";
            case FRAMENUM -> "Frame number";
            case GUID -> "Globally Unique Identifier";
            case OID -> "ASN.1 object identifier";
            case EUI64 -> "EUI64 address";
            case AX25 -> "AX.25 address";
            case VINES -> "VINES address";
            case REL_OID -> "ASN.1 relative object identifier";
            case SYSTEM_ID -> "OSI System-ID";
            case FCWWN -> "Fibre Channel WWN";
        };
    }

    static boolean isInteger(FieldType t) {
        return kind(t) == Kind.INTEGER;
    }

    static boolean isString(FieldType t) {
        return kind(t) == Kind.STRING;
    }

    /** Types whose values are byte sequences (semcheck's is_bytes_type). */
    static boolean isBytes(FieldType t) {
        return switch (t) {
            case AX25, VINES, FCWWN, ETHER, BYTES, UINT_BYTES, IPV6, GUID, OID, REL_OID, SYSTEM_ID -> true;
            default -> false;
        };
    }

    static boolean canEq(FieldType t) {
        return t != FieldType.NONE;
    }

    static boolean canCmp(FieldType t) {
        return t != FieldType.NONE;
    }

    static boolean canContains(FieldType t) {
        Kind k = kind(t);
        return (k == Kind.BYTES && t != FieldType.EUI64) || k == Kind.STRING;
    }

    static boolean canMatches(FieldType t) {
        return canContains(t);
    }

    static boolean canSlice(FieldType t) {
        Kind k = kind(t);
        return k == Kind.BYTES || k == Kind.STRING || k == Kind.IPV4 || k == Kind.IPV6;
    }

    static boolean canBitwiseAnd(FieldType t) {
        return switch (kind(t)) {
            case INTEGER -> t != FieldType.BOOLEAN;
            case IPV4, IPV6 -> true;
            case BYTES -> t != FieldType.PROTOCOL;
            default -> false;
        };
    }

    /** + and - (and unary minus). */
    static boolean canAdd(FieldType t) {
        return (isInteger(t) && t != FieldType.BOOLEAN) || kind(t) == Kind.FLOAT || t == FieldType.RELATIVE_TIME;
    }

    /** * / and %. */
    static boolean canMultiply(FieldType t) {
        return (isInteger(t) && t != FieldType.BOOLEAN) || kind(t) == Kind.FLOAT;
    }

    static boolean canArithmetic(Token.Kind op, FieldType t) {
        return switch (op) {
            case BITWISE_AND -> canBitwiseAnd(t);
            case PLUS, MINUS -> canAdd(t);
            default -> canMultiply(t);
        };
    }

    /** semcheck's compatible_ftypes: may values of these types be compared? */
    static boolean compatible(FieldType a, FieldType b) {
        switch (a) {
            case NONE, BOOLEAN, PROTOCOL, ABSOLUTE_TIME, RELATIVE_TIME, IEEE_11073_SFLOAT, IEEE_11073_FLOAT, IPV4,
                 IPV6 -> {
                if (a == FieldType.BOOLEAN) {
                    return b == FieldType.BOOLEAN;
                }
                return a == b;
            }
            case FLOAT, DOUBLE -> {
                return b == FieldType.FLOAT || b == FieldType.DOUBLE;
            }
            case ETHER, BYTES, UINT_BYTES, GUID, OID, AX25, VINES, FCWWN, REL_OID, SYSTEM_ID -> {
                return switch (b) {
                    case ETHER, BYTES, UINT_BYTES, GUID, OID, AX25, VINES, FCWWN, REL_OID, SYSTEM_ID -> true;
                    default -> false;
                };
            }
            case STRING, STRINGZ, UINT_STRING, STRINGZPAD, STRINGZTRUNC -> {
                return isString(b);
            }
            default -> {
                // the integers: any integer (or boolean) converts
                return isInteger(b);
            }
        }
    }

    /**
     * What len() gives for a value of a fixed-size type (the type's wire size, 0 for
     * booleans, times and labels), or -1 for variable-size types (their actual length).
     */
    static int size(FieldType t) {
        return switch (t) {
            case CHAR, UINT8, INT8 -> 1;
            case UINT16, INT16 -> 2;
            case UINT24, INT24 -> 3;
            case UINT32, INT32, FRAMENUM, IPV4, FLOAT, IPXNET -> 4;
            case UINT40 -> 5;
            case UINT48, ETHER -> 6;
            case UINT56 -> 7;
            case UINT64, INT64, DOUBLE, EUI64 -> 8;
            case IPV6, GUID -> 16;
            case BOOLEAN, ABSOLUTE_TIME, RELATIVE_TIME, NONE -> 0;
            default -> -1;
        };
    }
}
