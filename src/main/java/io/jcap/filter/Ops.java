package io.jcap.filter;

import io.jcap.field.FieldType;

/**
 * Comparisons between values of two registers, as tshark's ftypes compare them:
 * integers numerically, addresses under the shorter of the two prefixes, byte
 * sequences by length first and then byte by byte, strings byte-wise.
 */
final class Ops {
    private Ops() {
    }

    static boolean equal(Values a, int i, Values b, int j) {
        switch (a.kind) {
            case INTEGER -> {
                return compare(a, i, b, j) == 0;
            }
            case TIME -> {
                return a.num[i] == b.num[j];
            }
            case FLOAT -> {
                return a.dbl[i] == b.dbl[j];
            }
            case STRING -> {
                return a.string(i).equals(b.string(j));
            }
            case IPV4, IPV6 -> {
                return compare(a, i, b, j) == 0;
            }
            case BYTES -> {
                if (a.len[i] != b.len[j]) {
                    return false;
                }
                for (int k = 0; k < a.len[i]; k++) {
                    if (a.byteAt(i, k) != b.byteAt(j, k)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    /** The order of two values (negative, zero, positive); NaN compares as unordered (never true). */
    static int compare(Values a, int i, Values b, int j) {
        switch (a.kind) {
            case INTEGER -> {
                // as tshark, with the left value's type: the right one's bits read as that type
                long x = a.num[i];
                long y = b.num[j];
                if (unsigned64(a.type)) {
                    return Long.compareUnsigned(x, y);
                }
                if (a.type.bits() > 32 || a.type == FieldType.BOOLEAN || b.type.bits() > 32) {
                    return Long.compare(x, y);
                }
                boolean signed = a.type.isSigned() || a.bits[i] == Values.SIGNED;
                return Long.compare(x, signed ? (int) y : y & 0xFFFFFFFFL);
            }
            case TIME -> {
                return Long.compare(a.num[i], b.num[j]);
            }
            case FLOAT -> {
                return Double.compare(a.dbl[i], b.dbl[j]);
            }
            case STRING -> {
                return a.string(i).compareTo(b.string(j));
            }
            case IPV4 -> {
                int bits = Math.min(a.bits[i], b.bits[j]);
                long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
                return Long.compare(a.num[i] & mask, b.num[j] & mask);
            }
            case IPV6 -> {
                int bits = Math.min(a.bits[i], b.bits[j]);
                for (int k = 0; k < 16 && bits > 0; k++, bits -= 8) {
                    int m = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                    int x = a.byteAt(i, k) & m;
                    int y = b.byteAt(j, k) & m;
                    if (x != y) {
                        return x < y ? -1 : 1;
                    }
                }
                return 0;
            }
            case BYTES -> {
                if (a.len[i] != b.len[j]) {
                    return a.len[i] < b.len[j] ? -1 : 1;
                }
                for (int k = 0; k < a.len[i]; k++) {
                    int x = a.byteAt(i, k);
                    int y = b.byteAt(j, k);
                    if (x != y) {
                        return x < y ? -1 : 1;
                    }
                }
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }

    private static boolean unsigned64(FieldType t) {
        return t == FieldType.UINT64 || t == FieldType.EUI64;
    }

    /** One pair under a comparison operator. */
    static boolean test(Token.Kind op, Values a, int i, Values b, int j) {
        switch (op) {
            case ANY_EQ, ALL_EQ -> {
                return equal(a, i, b, j);
            }
            case ALL_NE, ANY_NE -> {
                return !equal(a, i, b, j);
            }
            default -> {
            }
        }
        if (a.kind == FTypes.Kind.FLOAT && (Double.isNaN(a.dbl[i]) || Double.isNaN(b.dbl[j]))) {
            return false;
        }
        int c = compare(a, i, b, j);
        return switch (op) {
            case GT -> c > 0;
            case GE -> c >= 0;
            case LT -> c < 0;
            default -> c <= 0;
        };
    }

    /** Whether value i of a holds value j of b (bytes in bytes, or a substring). */
    static boolean contains(Values a, int i, Values b, int j) {
        if (a.kind == FTypes.Kind.STRING) {
            return a.string(i).contains(b.string(j));
        }
        int n = a.len[i];
        int m = b.len[j];
        outer:
        for (int s = 0; s + m <= n; s++) {
            for (int k = 0; k < m; k++) {
                if (a.byteAt(i, s + k) != b.byteAt(j, k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether a value is zero (the test a bare arithmetic expression makes is "not all zero"). */
    static boolean isZero(Values a, int i) {
        switch (a.kind) {
            case INTEGER, TIME, IPV4 -> {
                return a.num[i] == 0;
            }
            case FLOAT -> {
                return a.dbl[i] == 0;
            }
            case STRING -> {
                return a.string(i).isEmpty();
            }
            case BYTES, IPV6 -> {
                for (int k = 0; k < a.len[i]; k++) {
                    if (a.byteAt(i, k) != 0) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }
}
