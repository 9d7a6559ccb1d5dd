package io.jcap.filter;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checked test, ready to run on a dissected packet. Comparisons look at every pair of
 * values: "any" wants one pair to pass, "all" every pair; a side without values fails.
 */
abstract class Test {
    /** What --explain-filter prints for the node (dftest's words), and the nodes under it. */
    private final String label;
    private final List<Object> children;

    Test(String label, List<Object> children) {
        this.label = label;
        this.children = children;
    }

    abstract boolean eval(Dissection d);

    final String describe() {
        return label;
    }

    final List<Object> children() {
        return children;
    }

    void fields(Set<FieldDef> into) {
        for (Object c : children()) {
            if (c instanceof Test t) {
                t.fields(into);
            } else if (c instanceof Operand o) {
                o.fields(into);
            }
        }
    }

    /** dftest's name of a comparison: TEST_ANY_EQ:, TEST_ALL_NE:, TEST_ANY_LT: ... */
    private static String compareLabel(Token.Kind op, boolean all) {
        String name = switch (op) {
            case ANY_EQ, ALL_EQ -> "EQ";
            case ALL_NE, ANY_NE -> "NE";
            default -> op.name();
        };
        return "TEST_" + (all ? "ALL_" : "ANY_") + name + ":";
    }

    /** A set test's children: the value, then each element's one or two bounds. */
    private static List<Object> inChildren(Operand left, List<Operand[]> elements) {
        List<Object> c = new java.util.ArrayList<>();
        c.add(left);
        for (Operand[] e : elements) {
            c.addAll(List.of(e));
        }
        return List.copyOf(c);
    }

    /** A protocol or field is present (in the layers asked for). */
    static final class Exists extends Test {
        final Operand.FieldRef field;

        Exists(Operand.FieldRef field) {
            super("TEST_EXISTS:", List.of(field));
            this.field = field;
        }

        @Override
        boolean eval(Dissection d) {
            if (field.layers.isEmpty()) {
                FieldDef def = field.def;
                for (int r = 0, n = d.fieldCount(); r < n; r++) {
                    if (d.fieldDef(r) == def) {
                        return true;
                    }
                }
                return false;
            }
            return field.eval(d).n > 0;
        }
    }

    /** A slice tested on its own: it has bytes. */
    static final class NotEmpty extends Test {
        final Operand operand;

        NotEmpty(Operand operand) {
            super("TEST_EXISTS:", List.of(operand));
            this.operand = operand;
        }

        @Override
        boolean eval(Dissection d) {
            return operand.eval(d).n > 0;
        }
    }

    /** An arithmetic expression tested on its own: some value is not zero. */
    static final class NotZero extends Test {
        final Operand operand;

        NotZero(Operand operand) {
            super("TEST_NOT_ZERO:", List.of(operand));
            this.operand = operand;
        }

        @Override
        boolean eval(Dissection d) {
            Values v = operand.eval(d);
            for (int i = 0; i < v.n; i++) {
                if (!Ops.isZero(v, i)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Not extends Test {
        final Test operand;

        Not(Test operand) {
            super("TEST_NOT:", List.of(operand));
            this.operand = operand;
        }

        @Override
        boolean eval(Dissection d) {
            return !operand.eval(d);
        }
    }

    static final class And extends Test {
        final Test left;
        final Test right;

        And(Test left, Test right) {
            super("TEST_AND:", List.of(left, right));
            this.left = left;
            this.right = right;
        }

        @Override
        boolean eval(Dissection d) {
            return left.eval(d) && right.eval(d);
        }
    }

    static final class Or extends Test {
        final Test left;
        final Test right;

        Or(Test left, Test right) {
            super("TEST_OR:", List.of(left, right));
            this.left = left;
            this.right = right;
        }

        @Override
        boolean eval(Dissection d) {
            return left.eval(d) || right.eval(d);
        }
    }

    /** == != === !== &lt; &lt;= &gt; &gt;= with "any" or "all" over the value pairs. */
    static final class Compare extends Test {
        final Token.Kind op;
        final boolean all;
        final Operand left;
        final Operand right;

        Compare(Token.Kind op, boolean all, Operand left, Operand right) {
            super(compareLabel(op, all), List.of(left, right));
            this.op = op;
            this.all = all;
            this.left = left;
            this.right = right;
        }

        @Override
        boolean eval(Dissection d) {
            Values a = left.eval(d);
            if (a.n == 0) {
                return false;
            }
            Values b = right.eval(d);
            if (b.n == 0) {
                return false;
            }
            for (int i = 0; i < a.n; i++) {
                for (int j = 0; j < b.n; j++) {
                    boolean r = Ops.test(op, a, i, b, j);
                    if (r != all) {
                        return r;
                    }
                }
            }
            return all;
        }
    }

    static final class Contains extends Test {
        final boolean all;
        final Operand left;
        final Operand right;

        Contains(boolean all, Operand left, Operand right) {
            super(all ? "TEST_ALL_CONTAINS:" : "TEST_ANY_CONTAINS:", List.of(left, right));
            this.all = all;
            this.left = left;
            this.right = right;
        }

        @Override
        boolean eval(Dissection d) {
            Values a = left.eval(d);
            if (a.n == 0) {
                return false;
            }
            Values b = right.eval(d);
            if (b.n == 0) {
                return false;
            }
            for (int i = 0; i < a.n; i++) {
                for (int j = 0; j < b.n; j++) {
                    boolean r = Ops.contains(a, i, b, j);
                    if (r != all) {
                        return r;
                    }
                }
            }
            return all;
        }
    }

    /**
     * matches: a regular expression searched in each value, case-insensitively, over the
     * value's bytes as characters (PCRE2 without UTF, as tshark compiles it).
     */
    static final class Matches extends Test {
        final boolean all;
        final Operand left;
        final Pattern pattern;
        final String source;
        private final Matcher matcher;
        private final ByteChars chars = new ByteChars();

        Matches(boolean all, Operand left, Pattern pattern, String source) {
            super(all ? "TEST_ALL_MATCHES:" : "TEST_ANY_MATCHES:", List.of(left));
            this.all = all;
            this.left = left;
            this.pattern = pattern;
            this.source = source;
            this.matcher = pattern.matcher("");
        }

        @Override
        boolean eval(Dissection d) {
            Values a = left.eval(d);
            if (a.n == 0) {
                return false;
            }
            for (int i = 0; i < a.n; i++) {
                CharSequence subject;
                if (a.kind == FTypes.Kind.STRING) {
                    String s = a.string(i);
                    subject = ascii(s) ? s : new String(s.getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1);
                } else {
                    chars.set(a.obj[i], a.off[i], a.len[i]);
                    subject = chars;
                }
                boolean r = matcher.reset(subject).find();
                if (r != all) {
                    matcher.reset("");
                    return r;
                }
            }
            matcher.reset("");
            return all;
        }

        private static boolean ascii(String s) {
            for (int k = 0; k < s.length(); k++) {
                if (s.charAt(k) >= 0x80) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A byte sequence seen as ISO-8859-1 characters, without copying. */
    static final class ByteChars implements CharSequence {
        private Object src;
        private int off;
        private int len;

        void set(Object src, int off, int len) {
            this.src = src;
            this.off = off;
            this.len = len;
        }

        @Override
        public int length() {
            return len;
        }

        @Override
        public char charAt(int index) {
            return (char) Values.byteAt(src, off, index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            StringBuilder sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                sb.append(charAt(i));
            }
            return sb;
        }

        @Override
        public String toString() {
            return subSequence(0, len).toString();
        }
    }

    /** Set membership: a value equal to an element, or within a low..high element. */
    static final class In extends Test {
        final boolean all;
        final Operand left;
        /** Each element: {value} or {low, high}. */
        final List<Operand[]> elements;

        In(boolean all, Operand left, List<Operand[]> elements) {
            super(all ? "TEST_ALL_IN:" : "TEST_ANY_IN:", inChildren(left, elements));
            this.all = all;
            this.left = left;
            this.elements = elements;
        }

        @Override
        boolean eval(Dissection d) {
            Values a = left.eval(d);
            if (a.n == 0) {
                return false;
            }
            for (int i = 0; i < a.n; i++) {
                boolean r = member(d, a, i);
                if (r != all) {
                    return r;
                }
            }
            return all;
        }

        private boolean member(Dissection d, Values a, int i) {
            for (Operand[] e : elements) {
                Values low = e[0].eval(d);
                if (e.length == 1) {
                    for (int j = 0; j < low.n; j++) {
                        if (Ops.equal(a, i, low, j)) {
                            return true;
                        }
                    }
                } else {
                    Values high = e[1].eval(d);
                    for (int j = 0; j < low.n; j++) {
                        for (int k = 0; k < high.n; k++) {
                            if (Ops.test(Token.Kind.GE, a, i, low, j) && Ops.test(Token.Kind.LE, a, i, high, k)) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }
    }
}
