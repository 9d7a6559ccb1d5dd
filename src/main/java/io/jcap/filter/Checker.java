package io.jcap.filter;

import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.filter.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a syntax tree against the field types and turns it into runnable tests, with
 * the order of checks and the messages of tshark 4.0's semantic check: constants take
 * the type of what they are compared with (the left side decides), byte sequences and
 * strings meet through slices, and every error points where tshark points.
 */
final class Checker {
    private final Literals literals;

    Checker(Literals literals) {
        this.literals = literals;
    }

    /** Which capability a relation needs of its operands. */
    private enum Need { EQ, CMP, CONTAINS, MATCHES }

    private static boolean can(Need need, FieldType t) {
        return switch (need) {
            case EQ -> FTypes.canEq(t);
            case CMP -> FTypes.canCmp(t);
            case CONTAINS -> FTypes.canContains(t);
            case MATCHES -> FTypes.canMatches(t);
        };
    }

    private static FilterException fail(Node at, String message) {
        return new FilterException(message, at.start(), at.start() < 0 ? 0 : at.length());
    }

    // ---- tests

    Test test(Node n) throws FilterException {
        if (n instanceof Node.And a) {
            return new Test.And(test(a.left()), test(a.right()));
        }
        if (n instanceof Node.Or o) {
            return new Test.Or(test(o.left()), test(o.right()));
        }
        if (n instanceof Node.Not not) {
            return new Test.Not(test(not.operand()));
        }
        if (n instanceof Node.Compare c) {
            return compare(c);
        }
        if (n instanceof Node.Search s) {
            return s.op() == Kind.CONTAINS ? contains(s) : matches(s);
        }
        if (n instanceof Node.In in) {
            return in(in);
        }
        if (n instanceof Node.Arith a) {
            return new Test.NotZero(arithmetic(a, null));
        }
        if (n instanceof Node.Slice s) {
            return new Test.NotEmpty(slice(s, null));
        }
        if (n instanceof Node.Field f) {
            return new Test.Exists(new Operand.FieldRef(f.def(), f.layers()));
        }
        if (n instanceof Node.Function) {
            throw fail(n, "You cannot test whether a function is present.");
        }
        throw fail(n, n.display() + " is neither a field nor a protocol name.");
    }

    private Test compare(Node.Compare c) throws FilterException {
        Need need = switch (c.op()) {
            case ANY_EQ, ALL_EQ, ALL_NE, ANY_NE -> Need.EQ;
            default -> Need.CMP;
        };
        Operand[] sides = relation(c, need, false, c.left(), c.right());
        boolean all;
        if (c.quantifier() != null) {
            all = c.quantifier() == Kind.ALL;
        } else {
            all = c.op() == Kind.ALL_EQ || c.op() == Kind.ALL_NE;
        }
        return new Test.Compare(c.op(), all, sides[0], sides[1]);
    }

    private Test contains(Node.Search s) throws FilterException {
        if (!(s.left() instanceof Node.Field || s.left() instanceof Node.Reference || s.left() instanceof Node.Function
                || s.left() instanceof Node.Slice)) {
            throw fail(s.left(), "Left side of " + s.opText() + " expression must be a field or function, not "
                    + s.left().display() + ".");
        }
        Operand[] sides = relation(s, Need.CONTAINS, true, s.left(), s.right());
        return new Test.Contains(s.quantifier() == Kind.ALL, sides[0], sides[1]);
    }

    private Test matches(Node.Search s) throws FilterException {
        if (!(s.right() instanceof Node.Str str)) {
            throw fail(s.right(), "Matches requires a double quoted string on the right side.");
        }
        Pattern p = Regex.compile(str.value());
        if (!(s.left() instanceof Node.Field || s.left() instanceof Node.Reference || s.left() instanceof Node.Function
                || s.left() instanceof Node.Slice)) {
            throw fail(s.left(), "Left side of " + s.opText() + " expression must be a field or function, not "
                    + s.left().display() + ".");
        }
        Operand left = matchSubject(s, s.left());
        return new Test.Matches(s.quantifier() == Kind.ALL, left, p, new String(str.value(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private Operand matchSubject(Node op, Node left) throws FilterException {
        if (left instanceof Node.Slice sl) {
            return slice(sl, null);
        }
        if (left instanceof Node.Function fn) {
            Operand f = function(fn, null);
            if (!FTypes.canMatches(f.type)) {
                throw fail(left, "Function " + fn.name() + " (type=" + FTypes.prettyName(f.type)
                        + ") cannot participate in " + op.display() + " comparison.");
            }
            return f;
        }
        Operand f = entityOperand(left);
        if (!FTypes.canMatches(f.type)) {
            throw fail(left, ((Node.Field) left).def().abbrev + " (type=" + FTypes.prettyName(f.type)
                    + ") cannot participate in " + op.display() + " comparison.");
        }
        return f;
    }

    private Test in(Node.In in) throws FilterException {
        if (!(in.left() instanceof Node.Field field)) {
            throw fail(in.left(), "Only a field may be tested for membership in a set.");
        }
        Operand left = entityOperand(field);
        List<Operand[]> elements = new ArrayList<>();
        for (Node[] e : in.elements()) {
            if (e[0] instanceof Node.Slice) {
                throw fail(e[0], "A slice may not appear inside a set.");
            }
            if (e[1] == null) {
                elements.add(new Operand[] {relation(in, Need.EQ, false, field, e[0])[1]});
            } else {
                Operand low = relation(in, Need.CMP, false, field, e[0])[1];
                Operand high = relation(in, Need.CMP, false, field, e[1])[1];
                elements.add(new Operand[] {low, high});
            }
        }
        return new Test.In(false, left, elements);
    }

    // ---- relations

    /**
     * Checks a relation's two sides (check_relation in semcheck.c) and returns them as
     * operands: the right side converted to the left one's type.
     */
    private Operand[] relation(Node op, Need need, boolean partial, Node left, Node right) throws FilterException {
        if (left instanceof Node.Field || left instanceof Node.Reference) {
            return lhsField(op, need, partial, left, right);
        }
        if (left instanceof Node.Slice s) {
            return lhsSlice(op, need, partial, s, right);
        }
        if (left instanceof Node.Function f) {
            return lhsFunction(op, need, partial, f, right);
        }
        if (left instanceof Node.Arith a) {
            Operand whole = arithmetic(a, null);
            Node entity = leftmost(a);
            Operand[] sides = relation(op, need, partial, entity, right);
            return new Operand[] {whole, sides[1]};
        }
        throw fail(left, "Left side of \"" + op.display() + "\" expression must be a field or function, not "
                + left.display() + ".");
    }

    private static Node leftmost(Node.Arith a) {
        Node n = a.left();
        return n;
    }

    private Operand[] lhsField(Node op, Need need, boolean partial, Node left, Node right) throws FilterException {
        FieldDef def = left instanceof Node.Field f ? f.def() : ((Node.Reference) left).def();
        FieldType t1 = def.type;
        if (!can(need, t1)) {
            throw fail(left, def.abbrev + " (type=" + FTypes.prettyName(t1) + ") cannot participate in "
                    + op.display() + " comparison.");
        }
        return rightOf(op, need, partial, left, entityOperand(left), right, def, def.abbrev);
    }

    /**
     * Both sides of a relation whose left side is {@code lhs}: the right side converted to
     * the left one's type; the left side as its bytes when the right side is a slice.
     */
    private Operand[] rightOf(Node op, Need need, boolean partial, Node leftNode, Operand lhs, Node right,
                            FieldDef names, String leftName) throws FilterException {
        FieldType t1 = lhs.type;
        if (right instanceof Node.Field || right instanceof Node.Reference) {
            FieldDef d2 = right instanceof Node.Field f ? f.def() : ((Node.Reference) right).def();
            if (!FTypes.compatible(t1, d2.type)) {
                throw fail(right, leftName + " and " + right.display() + " are not of compatible types.");
            }
            if (!can(need, d2.type)) {
                throw fail(right, right.display() + " (type=" + FTypes.prettyName(d2.type)
                        + ") cannot participate in specified comparison.");
            }
            return new Operand[] {lhs, entityOperand(right)};
        }
        if (right instanceof Node.Str s) {
            return new Operand[] {lhs, constant(right, () -> literals.fromString(t1, s.value(), names), s.display(),
                    true)};
        }
        if (right instanceof Node.Literal l) {
            return new Operand[] {lhs, constant(right, () -> literals.fromLiteral(t1, l.value(), partial, names),
                    l.value(), true)};
        }
        if (right instanceof Node.CharConst c) {
            return new Operand[] {lhs, constant(right, () -> literals.fromCharConst(t1, c.value(), c.token()),
                    c.token(), true)};
        }
        if (right instanceof Node.Slice s) {
            Operand r = slice(s, t1);
            if (!FTypes.isBytes(t1)) {
                if (!FTypes.canSlice(t1)) {
                    throw fail(leftNode, "\"" + leftName + "\" is a " + FTypes.prettyName(t1)
                            + " and cannot be converted into a sequence of bytes.");
                }
                return new Operand[] {whole(lhs), r};
            }
            return new Operand[] {lhs, r};
        }
        if (right instanceof Node.Function fn) {
            Operand r = function(fn, t1);
            if (!FTypes.compatible(t1, r.type)) {
                throw fail(right, leftName + " (type=" + FTypes.prettyName(t1) + ") and return value of " + fn.name()
                        + "() (type=" + FTypes.prettyName(r.type) + ") are not of compatible types.");
            }
            if (!can(need, r.type)) {
                throw fail(right, "return value of " + fn.name() + "() (type=" + FTypes.prettyName(r.type)
                        + ") cannot participate in specified comparison.");
            }
            return new Operand[] {lhs, r};
        }
        if (right instanceof Node.Arith a) {
            Operand r = arithmetic(a, t1);
            if (!FTypes.compatible(t1, r.type)) {
                throw fail(right, leftNode.display() + " and " + right.display() + " are not of compatible types.");
            }
            if (!can(need, r.type)) {
                throw fail(right, right.display() + " (type=" + FTypes.prettyName(r.type)
                        + ") cannot participate in specified comparison.");
            }
            return new Operand[] {lhs, r};
        }
        throw fail(right, "\"" + right.display() + "\" was unexpected in this context.");
    }

    private Operand[] lhsSlice(Node op, Need need, boolean partial, Node.Slice left, Node right)
            throws FilterException {
        Operand lhs = slice(left, null);
        Operand rhs;
        if (right instanceof Node.Field || right instanceof Node.Reference) {
            FieldDef d2 = right instanceof Node.Field f ? f.def() : ((Node.Reference) right).def();
            rhs = entityOperand(right);
            if (!FTypes.isBytes(d2.type)) {
                if (!FTypes.canSlice(d2.type)) {
                    throw fail(right, "\"" + right.display() + "\" is a " + FTypes.prettyName(d2.type)
                            + " and cannot be converted into a sequence of bytes.");
                }
                rhs = whole(rhs);
            }
        } else if (right instanceof Node.Str s) {
            rhs = constant(right, () -> literals.fromString(FieldType.BYTES, s.value(), null), s.display(), true);
        } else if (right instanceof Node.Literal l) {
            rhs = constant(right, () -> literals.fromLiteral(FieldType.BYTES, l.value(), partial, null), l.value(),
                    true);
        } else if (right instanceof Node.CharConst c) {
            rhs = constant(right, () -> literals.fromCharConst(FieldType.BYTES, c.value(), c.token()), c.token(),
                    true);
        } else if (right instanceof Node.Slice s) {
            rhs = slice(s, FieldType.BYTES);
        } else if (right instanceof Node.Function fn) {
            rhs = function(fn, FieldType.BYTES);
            if (!FTypes.isBytes(rhs.type)) {
                if (!FTypes.canSlice(rhs.type)) {
                    throw fail(right, "Return value of function \"" + fn.name() + "\" is a "
                            + FTypes.prettyName(rhs.type) + " and cannot be converted into a sequence of bytes.");
                }
                rhs = whole(rhs);
            }
        } else if (right instanceof Node.Arith a) {
            rhs = arithmetic(a, FieldType.BYTES);
            if (!FTypes.compatible(FieldType.BYTES, rhs.type)) {
                throw fail(right, left.display() + " and " + right.display() + " are not of compatible types.");
            }
        } else {
            throw fail(right, "\"" + right.display() + "\" was unexpected in this context.");
        }
        return new Operand[] {lhs, rhs};
    }

    private Operand[] lhsFunction(Node op, Need need, boolean partial, Node.Function left, Node right)
            throws FilterException {
        Operand lhs = function(left, null);
        FieldType t1 = lhs.type;
        if (!can(need, t1)) {
            throw fail(left, "Function " + left.name() + " (type=" + FTypes.prettyName(t1) + ") cannot participate in "
                    + op.display() + " comparison.");
        }
        if (right instanceof Node.Field || right instanceof Node.Reference) {
            FieldDef d2 = right instanceof Node.Field f ? f.def() : ((Node.Reference) right).def();
            if (!FTypes.compatible(t1, d2.type)) {
                throw fail(right, "Function " + left.name() + " and " + right.display()
                        + " are not of compatible types.");
            }
            if (!can(need, d2.type)) {
                throw fail(right, right.display() + " (type=" + FTypes.prettyName(d2.type)
                        + ") cannot participate in specified comparison.");
            }
            return new Operand[] {lhs, entityOperand(right)};
        }
        if (right instanceof Node.Slice s) {
            Operand r = slice(s, t1);
            if (!FTypes.isBytes(t1)) {
                if (!FTypes.canSlice(t1)) {
                    throw fail(left, "Function \"" + left.name() + "\" is a " + FTypes.prettyName(t1)
                            + " and cannot be converted into a sequence of bytes.");
                }
                lhs = whole(lhs);
            }
            return new Operand[] {lhs, r};
        }
        if (right instanceof Node.Function fn) {
            Operand r = function(fn, t1);
            if (!FTypes.compatible(t1, r.type)) {
                throw fail(right, "Return values of function " + left.name() + " (type=" + FTypes.prettyName(t1)
                        + ") and function " + left.name() + " (type=" + FTypes.prettyName(r.type)
                        + ") are not of compatible types.");
            }
            if (!can(need, r.type)) {
                throw fail(right, "Return value of " + fn.name() + " (type=" + FTypes.prettyName(r.type)
                        + ") cannot participate in specified comparison.");
            }
            return new Operand[] {lhs, r};
        }
        return rightOf(op, need, partial, left, lhs, right, null, left.name());
    }

    /** A whole field or function result as its bytes (semcheck's convert_to_bytes: a [0:] slice). */
    private static Operand whole(Operand o) {
        return new Operand.Slice(o, List.of(new RangeSpec(0, RangeSpec.Ending.TO_THE_END, 0, "0:")));
    }

    private interface Conversion {
        Values get() throws Literals.Failure;
    }

    private static Operand constant(Node at, Conversion c, String text, boolean literal) throws FilterException {
        try {
            return new Operand.Const(c.get(), text, literal);
        } catch (Literals.Failure e) {
            throw fail(at, e.getMessage());
        }
    }

    /** A field or reference as an operand. */
    private static Operand entityOperand(Node n) {
        if (n instanceof Node.Field f) {
            return new Operand.FieldRef(f.def(), f.layers());
        }
        return new Operand.Reference(((Node.Reference) n).def());
    }

    // ---- slices

    /** check_slice_sanity: what is sliced must have bytes. */
    private Operand slice(Node.Slice s, FieldType lhs) throws FilterException {
        Node e = s.entity();
        Operand inner;
        if (e instanceof Node.Field f) {
            if (!FTypes.canSlice(f.def().type)) {
                throw fail(e, "\"" + f.def().abbrev + "\" is a " + FTypes.prettyName(f.def().type)
                        + " and cannot be sliced into a sequence of bytes.");
            }
            inner = entityOperand(e);
        } else if (e instanceof Node.Function fn) {
            inner = function(fn, lhs);
            if (!FTypes.canSlice(inner.type)) {
                throw fail(e, "Return value of function \"" + fn.name() + "\" is a " + FTypes.prettyName(inner.type)
                        + " and cannot be converted into a sequence of bytes.");
            }
        } else if (e instanceof Node.Slice inner2) {
            inner = slice(inner2, lhs);
        } else {
            throw fail(e, "Range is not supported for entity " + e.display());
        }
        return new Operand.Slice(inner, s.ranges());
    }

    // ---- arithmetic

    /** check_arithmetic_expr: {@code lhs} is the type constants take (null on a left side). */
    Operand arithmetic(Node n, FieldType lhs) throws FilterException {
        if (!(n instanceof Node.Arith a)) {
            return arithmeticEntity(n, lhs);
        }
        if (lhs == null && isConstant(a.left())) {
            throw fail(a.left(), "Constant arithmetic expression on the LHS is invalid.");
        }
        if (a.right() == null) {
            Operand x = arithmeticEntity(a.left(), lhs);
            if (!FTypes.canAdd(x.type)) {
                throw fail(a.left(), FTypes.name(x.type) + " cannot " + a.display() + ".");
            }
            if (x instanceof Operand.Const c) {
                Values v = new Values(Arithmetic.negatedType(c.type));
                if (!Arithmetic.negate(c.out, 0, v)) {
                    throw fail(a.left(), a.left().display() + ": " + c.out.num[0] + " overflows gint32");
                }
                return new Operand.Const(v, "-" + a.left().display(), true);
            }
            return new Arithmetic.Negate(x);
        }
        Operand x = arithmetic(a.left(), lhs);
        if (!FTypes.canArithmetic(a.op(), x.type)) {
            throw fail(a.left(), FTypes.name(x.type) + " cannot " + a.display() + ".");
        }
        Operand y = arithmetic(a.right(), x.type);
        if (!FTypes.canArithmetic(a.op(), y.type)) {
            throw fail(a.right(), FTypes.name(y.type) + " cannot " + a.display() + ".");
        }
        if (!FTypes.compatible(x.type, y.type)) {
            throw fail(a.right(), a.left().display() + " and " + a.right().display() + " are not type compatible.");
        }
        return new Arithmetic.Binary(a.op(), a.display(), x, y);
    }

    private static boolean isConstant(Node n) {
        return n instanceof Node.Literal || n instanceof Node.Str || n instanceof Node.CharConst;
    }

    private Operand arithmeticEntity(Node n, FieldType lhs) throws FilterException {
        if (n instanceof Node.Literal l) {
            FieldType t = lhs;
            return constant(n, () -> literals.fromLiteral(t, l.value(), false, null), l.value(), true);
        }
        if (n instanceof Node.Field || n instanceof Node.Reference) {
            return entityOperand(n);
        }
        if (n instanceof Node.Function fn) {
            return function(fn, lhs);
        }
        if (n instanceof Node.Slice s) {
            return slice(s, lhs);
        }
        if (n instanceof Node.Arith a) {
            return arithmetic(a, lhs);
        }
        throw fail(n, n.display() + " is not a valid arithmetic operand.");
    }

    // ---- functions

    Operand function(Node.Function f, FieldType lhs) throws FilterException {
        List<Node> args = f.args();
        int min = Functions.minArgs(f.name());
        int max = Functions.maxArgs(f.name());
        if (args.size() < min) {
            throw fail(f, "Function " + f.name() + " needs at least " + min + " arguments.");
        }
        if (max > 0 && args.size() > max) {
            throw fail(f, "Function " + f.name() + " can only accept " + max + " arguments.");
        }
        Node arg = args.get(0);
        switch (f.name()) {
            case "len", "count" -> {
                if (!(arg instanceof Node.Field)) {
                    throw fail(arg, "Only fields can be used as parameter for " + f.name() + "()");
                }
                Operand o = entityOperand(arg);
                return f.name().equals("len") ? new Functions.Len(o) : new Functions.Count(o);
            }
            case "lower", "upper" -> {
                if (!(arg instanceof Node.Field field) || !FTypes.isString(field.def().type)) {
                    throw fail(arg, "Only string type fields can be used as parameter for " + f.name() + "()");
                }
                return new Functions.Case(entityOperand(arg), f.name().equals("upper"));
            }
            case "string" -> {
                if (!(arg instanceof Node.Field field)) {
                    throw fail(arg, "Only fields can be used as parameter for string()");
                }
                if (!Functions.stringable(field.def().type)) {
                    throw fail(arg, "String conversion for field \"" + field.def().abbrev + "\" is not supported");
                }
                return new Functions.ToString(entityOperand(arg));
            }
            case "abs" -> {
                Operand o = arithmetic(arg, lhs);
                if (!FTypes.canAdd(o.type)) {
                    throw fail(arg, "'" + arg.display() + "' is not a valid argument to 'abs'()");
                }
                return new Functions.Abs(o);
            }
            default -> {
                return extreme(f, lhs);
            }
        }
    }

    /** max() and min(): every argument of one type; constants take the type of the others. */
    private Operand extreme(Node.Function f, FieldType lhs) throws FilterException {
        FieldType type = null;
        List<Operand> ops = new ArrayList<>();
        Node firstConstant = null;
        for (Node arg : f.args()) {
            if (isConstant(arg)) {
                if (firstConstant == null) {
                    firstConstant = arg;
                }
                ops.add(null);
                continue;
            }
            Operand o = arithmetic(arg, lhs);
            if (type == null) {
                type = o.type;
            } else if (o.type != type) {
                throw fail(arg, "Arguments to '" + f.name() + "' must have the same type (expected "
                        + FTypes.name(type) + ", got " + FTypes.name(o.type) + ")");
            }
            ops.add(o);
        }
        if (type == null) {
            type = lhs;
        }
        if (type == null) {
            throw fail(firstConstant, "Argument '" + firstConstant.display() + "' is not valid for " + f.name() + "()");
        }
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i) == null) {
                ops.set(i, arithmeticEntity(f.args().get(i), type));
            }
        }
        return new Functions.Extreme(ops, type, f.name().equals("max"));
    }
}
