package io.jcap.filter;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldType;

import java.util.List;

/**
 * + - * / % and bitwise &amp; between two operands (every pair of their values, as dfvm
 * does), and unary minus. Results have the left operand's type; integers of up to 32
 * bits wrap at 32 bits as tshark's do; a division by zero gives no value.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static final class Binary extends Operand {
        final Token.Kind op;
        final String opText;
        final Operand left;
        final Operand right;

        Binary(Token.Kind op, String opText, Operand left, Operand right) {
            super(left.type);
            this.op = op;
            this.opText = opText;
            this.left = left;
            this.right = right;
        }

        @Override
        Values eval(Dissection d) {
            Values a = left.eval(d);
            Values b = right.eval(d);
            Values v = out;
            v.clear();
            for (int i = 0; i < a.n; i++) {
                for (int j = 0; j < b.n; j++) {
                    apply(a, i, b, j, v);
                }
            }
            return v;
        }

        private void apply(Values a, int i, Values b, int j, Values v) {
            switch (a.kind) {
                case INTEGER -> {
                    long r = integer(a.num[i], b.num[j]);
                    if (r == NO_VALUE) {
                        return;
                    }
                    if (r < 0 && !type.isSigned() && type.bits() <= 32) {
                        v.addSignedLong(r);
                    } else {
                        v.addLong(r);
                    }
                }
                case TIME -> v.addLong(op == Token.Kind.MINUS ? a.num[i] - b.num[j] : a.num[i] + b.num[j]);
                case FLOAT -> {
                    double x = a.dbl[i];
                    double y = b.dbl[j];
                    v.addDouble(switch (op) {
                        case PLUS -> x + y;
                        case MINUS -> x - y;
                        case STAR -> x * y;
                        case SLASH -> x / y;
                        default -> x % y;
                    });
                }
                case IPV4 -> v.addIPv4(a.num[i] & b.num[j], 32);
                case IPV6, BYTES -> {
                    int n = Math.min(a.len[i], b.len[j]);
                    int at = v.reserve(n);
                    byte[] dst = v.scratch();
                    for (int k = 0; k < n; k++) {
                        dst[at + k] = (byte) (a.byteAt(i, k) & b.byteAt(j, k));
                    }
                    if (a.kind == FTypes.Kind.IPV6) {
                        // tshark 4.0 leaves the result's prefix at 0: it then equals any address
                        v.addIPv6(dst, at, 0);
                    } else {
                        v.addBytes(dst, at, n);
                    }
                }
                default -> {
                }
            }
        }

        /** A result tshark's integer arithmetic refuses (overflow, division by zero): the pair gives no value. */
        private static final long NO_VALUE = Long.MIN_VALUE;

        /**
         * tshark 4.0's integer arithmetic: 32-bit values unless the type is wider; an
         * unsigned subtraction that goes below zero gives a negative (signed) result; an
         * overflow or a division by zero gives none.
         */
        private long integer(long x, long y) {
            boolean wide = type.bits() > 32 || type == FieldType.EUI64;
            boolean signed = type.isSigned() || type == FieldType.BOOLEAN;
            if (wide) {
                try {
                    return switch (op) {
                        case PLUS -> Math.addExact(x, y);
                        case MINUS -> Math.subtractExact(x, y);
                        case STAR -> Math.multiplyExact(x, y);
                        case SLASH -> y == 0 ? NO_VALUE : unsigned64(type) ? Long.divideUnsigned(x, y) : x / y;
                        case PERCENT -> y == 0 ? NO_VALUE : unsigned64(type) ? Long.remainderUnsigned(x, y) : x % y;
                        default -> x & y;
                    };
                } catch (ArithmeticException e) {
                    return NO_VALUE;
                }
            }
            if (!signed) {
                y &= 0xFFFFFFFFL;
            }
            long r;
            switch (op) {
                case PLUS -> r = x + y;
                case MINUS -> {
                    if (!signed && y > x) {
                        // "uses signed arithmetic", within the 32-bit signed range
                        return x > Integer.MAX_VALUE || y > Integer.MAX_VALUE ? NO_VALUE : x - y;
                    }
                    r = x - y;
                }
                case STAR -> r = x * y;
                case SLASH -> {
                    if (y == 0) {
                        return NO_VALUE;
                    }
                    r = x / y;
                }
                case PERCENT -> {
                    if (y == 0) {
                        return NO_VALUE;
                    }
                    r = x % y;
                }
                default -> r = x & y;
            }
            if (signed ? r != (int) r : r < 0 || r > 0xFFFFFFFFL) {
                return NO_VALUE;
            }
            return r;
        }

        @Override
        String describe() {
            return "OP_" + name(op) + "(" + opText + " <" + FTypes.name(type) + ">)";
        }

        @Override
        List<Operand> children() {
            return List.of(left, right);
        }
    }

    private static String name(Token.Kind op) {
        return switch (op) {
            case PLUS -> "ADD";
            case MINUS -> "SUBTRACT";
            case STAR -> "MULTIPLY";
            case SLASH -> "DIVIDE";
            case PERCENT -> "MODULO";
            default -> "BITWISE_AND";
        };
    }

    private static boolean unsigned64(FieldType t) {
        return t == FieldType.UINT64 || t == FieldType.EUI64;
    }

    /** tshark keeps integers of up to 32 bits in 32 bits (signed or not), longer ones in 64. */
    static long wrap(FieldType t, long v) {
        if (t.bits() > 32 || t == FieldType.BOOLEAN || t == FieldType.EUI64) {
            return v;
        }
        return t.isSigned() ? (int) v : v & 0xFFFFFFFFL;
    }

    /** The type unary minus gives: unsigned integers of up to 32 bits become signed 32-bit ones, UINT64 INT64. */
    static FieldType negatedType(FieldType t) {
        if (t.isUnsigned()) {
            return t.bits() > 32 ? FieldType.INT64 : FieldType.INT32;
        }
        return t;
    }

    /** Negates one value into {@code v}; false when it has no negative (an unsigned value too large). */
    static boolean negate(Values a, int i, Values v) {
        switch (a.kind) {
            case INTEGER -> {
                long x = a.num[i];
                if (a.type.isUnsigned() && a.type.bits() > 32 && x < 0) {
                    return false;
                }
                if (a.type.isUnsigned() && a.type.bits() <= 32 && x > Integer.MAX_VALUE) {
                    return false;
                }
                v.addLong(wrap(v.type, -x));
            }
            case TIME -> v.addLong(-a.num[i]);
            case FLOAT -> v.addDouble(-a.dbl[i]);
            default -> {
                return false;
            }
        }
        return true;
    }

    static final class Negate extends Operand {
        final Operand operand;

        Negate(Operand operand) {
            super(negatedType(operand.type));
            this.operand = operand;
        }

        @Override
        Values eval(Dissection d) {
            Values a = operand.eval(d);
            Values v = out;
            v.clear();
            for (int i = 0; i < a.n; i++) {
                negate(a, i, v);
            }
            return v;
        }

        @Override
        String describe() {
            return "OP_UNARY_MINUS(- <" + FTypes.name(type) + ">)";
        }

        @Override
        List<Operand> children() {
            return List.of(operand);
        }
    }
}
