package io.jcap.filter;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.field.Formats;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The functions of tshark 4.0's filter language: len, count, lower, upper, string, max,
 * min and abs. Each gives one value per value of its argument (count, max and min one
 * in all); an absent argument gives none.
 */
final class Functions {
    private Functions() {
    }

    /** Name, smallest and largest number of arguments (0: any number). */
    private record Def(String name, int min, int max) {
    }

    private static final List<Def> DEFS = List.of(new Def("lower", 1, 1), new Def("upper", 1, 1),
            new Def("len", 1, 1), new Def("count", 1, 1), new Def("string", 1, 1), new Def("max", 1, 0),
            new Def("min", 1, 0), new Def("abs", 1, 1));

    static boolean exists(String name) {
        return def(name) != null;
    }

    static int minArgs(String name) {
        return def(name).min;
    }

    static int maxArgs(String name) {
        return def(name).max;
    }

    private static Def def(String name) {
        for (Def d : DEFS) {
            if (d.name.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The field types string() converts (fvalue_to_string_repr with FTREPR_DFILTER). */
    static boolean stringable(FieldType t) {
        return switch (t) {
            case UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, INT8, INT16, INT24, INT32, INT64,
                 IPV4, IPV6, FLOAT, DOUBLE, ETHER, FRAMENUM, AX25, IPXNET, GUID, OID, EUI64, VINES, REL_OID,
                 SYSTEM_ID, FCWWN, IEEE_11073_FLOAT, IEEE_11073_SFLOAT -> true;
            default -> false;
        };
    }

    abstract static class Call extends Operand {
        final String name;
        final List<Operand> args;

        Call(String name, FieldType type, List<Operand> args) {
            super(type);
            this.name = name;
            this.args = args;
        }

        @Override
        String describe() {
            return "FUNCTION(" + name + "# <" + FTypes.name(type) + ">)";
        }

        @Override
        List<Operand> children() {
            return args;
        }
    }

    /** len(): the byte length of each value (a fixed-size type's size). */
    static final class Len extends Call {
        Len(Operand arg) {
            super("len", FieldType.UINT32, List.of(arg));
        }

        @Override
        Values eval(Dissection d) {
            Values a = args.get(0).eval(d);
            Values v = out;
            v.clear();
            int size = FTypes.size(a.type);
            for (int i = 0; i < a.n; i++) {
                if (size >= 0) {
                    v.addLong(size);
                } else if (a.kind == FTypes.Kind.STRING) {
                    v.addLong(a.string(i).getBytes(StandardCharsets.UTF_8).length);
                } else {
                    v.addLong(a.len[i]);
                }
            }
            return v;
        }
    }

    /** count(): how many times the field occurs (no value when it does not). */
    static final class Count extends Call {
        Count(Operand arg) {
            super("count", FieldType.UINT32, List.of(arg));
        }

        @Override
        Values eval(Dissection d) {
            Values a = args.get(0).eval(d);
            out.clear();
            if (a.n > 0) {
                out.addLong(a.n);
            }
            return out;
        }
    }

    /** lower() and upper(): ASCII case conversion, as g_ascii_strdown does. */
    static final class Case extends Call {
        private final boolean upper;

        Case(Operand arg, boolean upper) {
            super(upper ? "upper" : "lower", FieldType.STRING, List.of(arg));
            this.upper = upper;
        }

        @Override
        Values eval(Dissection d) {
            Values a = args.get(0).eval(d);
            out.clear();
            for (int i = 0; i < a.n; i++) {
                String s = a.string(i);
                char[] c = s.toCharArray();
                for (int k = 0; k < c.length; k++) {
                    if (upper && c[k] >= 'a' && c[k] <= 'z') {
                        c[k] -= 32;
                    } else if (!upper && c[k] >= 'A' && c[k] <= 'Z') {
                        c[k] += 32;
                    }
                }
                out.addString(new String(c));
            }
            return out;
        }
    }

    /** string(): a value as filter text (decimal integers, dotted addresses, colon-separated MACs). */
    static final class ToString extends Call {
        ToString(Operand arg) {
            super("string", FieldType.STRING, List.of(arg));
        }

        @Override
        Values eval(Dissection d) {
            Values a = args.get(0).eval(d);
            out.clear();
            for (int i = 0; i < a.n; i++) {
                out.addString(text(a, i));
            }
            return out;
        }

        private static String text(Values a, int i) {
            StringBuilder sb = new StringBuilder(24);
            switch (a.kind) {
                case INTEGER -> {
                    if (a.type == FieldType.UINT64) {
                        sb.append(Long.toUnsignedString(a.num[i]));
                    } else if (a.type == FieldType.EUI64) {
                        for (int k = 7; k >= 0; k--) {
                            Formats.hex(sb, (a.num[i] >>> (8 * k)) & 0xFF, 2);
                            if (k > 0) {
                                sb.append(':');
                            }
                        }
                    } else {
                        sb.append(a.num[i]);
                    }
                }
                case FLOAT -> sb.append(a.type == FieldType.FLOAT ? Float.toString((float) a.dbl[i])
                        : Double.toString(a.dbl[i]));
                case IPV4 -> Formats.ipv4(sb, (int) a.num[i]);
                case IPV6 -> Formats.ipv6(sb, a.bytes(i), 0);
                default -> {
                    byte[] b = a.bytes(i);
                    Formats.colonHex(sb, b, 0, b.length);
                }
            }
            return sb.toString();
        }
    }

    /** max() and min() over every value of every argument. */
    static final class Extreme extends Call {
        private final boolean max;

        Extreme(List<Operand> args, FieldType type, boolean max) {
            super(max ? "max" : "min", type, args);
            this.max = max;
        }

        @Override
        Values eval(Dissection d) {
            Values best = null;
            int at = -1;
            for (Operand o : args) {
                Values a = o.eval(d);
                for (int i = 0; i < a.n; i++) {
                    if (best == null) {
                        best = a;
                        at = i;
                        continue;
                    }
                    int c = Ops.compare(a, i, best, at);
                    if (max ? c > 0 : c < 0) {
                        best = a;
                        at = i;
                    }
                }
            }
            Values v = out;
            v.clear();
            if (best != null) {
                switch (best.kind) {
                    case FLOAT -> v.addDouble(best.dbl[at]);
                    case STRING -> v.addString(best.string(at));
                    case BYTES -> v.addBytes(best.obj[at], best.off[at], best.len[at]);
                    case IPV6 -> v.addIPv6(best.obj[at], best.off[at], best.bits[at]);
                    case IPV4 -> v.addIPv4(best.num[at], best.bits[at]);
                    default -> v.addLong(best.num[at]);
                }
            }
            return v;
        }
    }

    /** abs(). */
    static final class Abs extends Call {
        Abs(Operand arg) {
            super("abs", arg.type, List.of(arg));
        }

        @Override
        Values eval(Dissection d) {
            Values a = args.get(0).eval(d);
            Values v = out;
            v.clear();
            for (int i = 0; i < a.n; i++) {
                switch (a.kind) {
                    case FLOAT -> v.addDouble(Math.abs(a.dbl[i]));
                    // tshark 4.0 has no "is negative" for times: abs() leaves them as they are
                    case TIME -> v.addLong(a.num[i]);
                    // an unsigned register holds a negative value only from a subtraction below zero
                    default -> v.addLong(a.type == FieldType.UINT64 ? a.num[i] : Math.abs(a.num[i]));
                }
            }
            return v;
        }
    }

    static void fieldsOf(List<Operand> args, Set<FieldDef> into) {
        for (Operand a : args) {
            a.fields(into);
        }
    }
}
