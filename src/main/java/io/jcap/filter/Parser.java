package io.jcap.filter;

import io.jcap.field.FieldDef;
import io.jcap.filter.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the syntax tree of a display filter with tshark 4.0's grammar: a recursive
 * descent for the tests (or &lt; and &lt; not, comparisons, membership) and a Pratt loop for
 * arithmetic (&amp; below + - below * / %). It asks for one token of lookahead at a time,
 * so the first token that cannot continue the filter is the one tshark reports.
 */
final class Parser {
    private final Lexer lexer;
    private final Function<String, FieldDef> names;
    private Token ahead;

    Parser(String filter, Function<String, FieldDef> names) {
        this.names = names;
        this.lexer = new Lexer(filter, name -> names.apply(name) != null);
    }

    /** The whole filter; null for an empty one (every frame passes). */
    Node parse() throws FilterException {
        if (peek().is(Kind.EOF)) {
            return null;
        }
        Node n = or();
        Token t = peek();
        if (!t.is(Kind.EOF)) {
            throw unexpected(t);
        }
        return n;
    }

    // ---- tokens

    private Token peek() throws FilterException {
        if (ahead == null) {
            ahead = lexer.next();
        }
        return ahead;
    }

    private Token take() throws FilterException {
        Token t = peek();
        ahead = null;
        return t;
    }

    private Token expect(Kind kind) throws FilterException {
        Token t = take();
        if (!t.is(kind)) {
            throw unexpected(t);
        }
        return t;
    }

    static FilterException unexpected(Token t) {
        if (t.is(Kind.EOF)) {
            return new FilterException("Unexpected end of filter expression.");
        }
        return new FilterException("\"" + t.text() + "\" was unexpected in this context.", t.start(), t.length());
    }

    // ---- tests

    private Node or() throws FilterException {
        Node left = and();
        while (peek().is(Kind.OR)) {
            Token op = take();
            Node right = and();
            left = new Node.Or(left, right, op.start(), op.length(), op.text());
        }
        return left;
    }

    private Node and() throws FilterException {
        Node left = not();
        while (peek().is(Kind.AND)) {
            Token op = take();
            Node right = not();
            left = new Node.And(left, right, op.start(), op.length(), op.text());
        }
        return left;
    }

    private Node not() throws FilterException {
        if (peek().is(Kind.NOT)) {
            Token op = take();
            return new Node.Not(not(), op.start(), op.length(), op.text());
        }
        return primary();
    }

    private Node primary() throws FilterException {
        Token t = peek();
        if (t.is(Kind.LPAREN)) {
            take();
            Node inner = or();
            expect(Kind.RPAREN);
            return inner;
        }
        if (t.is(Kind.ANY) || t.is(Kind.ALL)) {
            take();
            return relation(t.kind());
        }
        return relation(null);
    }

    /** A comparison, contains/matches, membership, or (without a quantifier) a value tested on its own. */
    private Node relation(Kind quantifier) throws FilterException {
        Operand first = arithmetic();
        Token t = peek();
        if (isComparison(t.kind())) {
            return comparison(first.node, quantifier);
        }
        switch (t.kind()) {
            case CONTAINS, MATCHES -> {
                if (!first.entity) {
                    throw unexpected(t);
                }
                take();
                Node right = entity();
                return new Node.Search(t.kind(), t.text(), quantifier, first.node, right, t.start(), t.length());
            }
            case IN -> {
                if (!first.entity) {
                    throw unexpected(t);
                }
                take();
                return set(first.node, t, quantifier);
            }
            case NOT -> {
                if (!first.entity) {
                    throw unexpected(t);
                }
                take();
                Token in = expect(Kind.IN);
                Node set = set(first.node, in, quantifier);
                return new Node.Not(set, t.start(), t.length(), t.text());
            }
            default -> {
                if (quantifier != null) {
                    throw unexpected(t);
                }
                return first.node;
            }
        }
    }

    /** a OP b, and a OP b OP c ... as (a OP b) and (b OP c) ... */
    private Node comparison(Node left, Kind quantifier) throws FilterException {
        Token op = take();
        Node right = arithmetic().node;
        Node test = new Node.Compare(op.kind(), op.text(), quantifier, left, right, op.start(), op.length());
        if (isComparison(peek().kind())) {
            Node rest = comparison(right, null);
            return new Node.And(test, rest, -1, 0, "and");
        }
        return test;
    }

    private static boolean isComparison(Kind k) {
        return switch (k) {
            case ANY_EQ, ALL_NE, ALL_EQ, ANY_NE, GT, GE, LT, LE -> true;
            default -> false;
        };
    }

    private Node set(Node left, Token in, Kind quantifier) throws FilterException {
        expect(Kind.LBRACE);
        List<Node[]> elements = new ArrayList<>();
        while (true) {
            Node low = setEntity();
            Node high = null;
            if (peek().is(Kind.DOTDOT)) {
                take();
                high = setEntity();
            }
            elements.add(new Node[] {low, high});
            Token t = take();
            if (t.is(Kind.RBRACE)) {
                break;
            }
            if (!t.is(Kind.COMMA)) {
                throw unexpected(t);
            }
        }
        return new Node.In(left, elements, in.start(), in.length(), in.text());
    }

    private Node setEntity() throws FilterException {
        Token t = peek();
        if (t.is(Kind.MINUS)) {
            take();
            Node e = entity();
            return new Node.Arith(Kind.MINUS, t.text(), e, null, t.start(), t.length());
        }
        if (t.is(Kind.PLUS)) {
            take();
        }
        return entity();
    }

    // ---- arithmetic

    /** A parsed arithmetic expression; {@code entity} when it is a single entity (contains, in need one). */
    private record Operand(Node node, boolean entity) {
    }

    private Operand arithmetic() throws FilterException {
        return arithmetic(0);
    }

    private static int precedence(Kind k) {
        return switch (k) {
            case BITWISE_AND -> 1;
            case PLUS, MINUS -> 2;
            case STAR, SLASH, PERCENT -> 3;
            default -> 0;
        };
    }

    private Operand arithmetic(int min) throws FilterException {
        Operand left = unary();
        while (true) {
            Token op = peek();
            int p = precedence(op.kind());
            if (p == 0 || p <= min) {
                return left;
            }
            take();
            Operand right = arithmetic(p);
            left = new Operand(new Node.Arith(op.kind(), op.text(), left.node, right.node, op.start(), op.length()),
                    false);
        }
    }

    private Operand unary() throws FilterException {
        Token t = peek();
        switch (t.kind()) {
            case MINUS -> {
                take();
                Node e = entity();
                return new Operand(new Node.Arith(Kind.MINUS, t.text(), e, null, t.start(), t.length()), false);
            }
            case PLUS -> {
                take();
                return new Operand(entity(), false);
            }
            case LBRACE -> {
                take();
                Operand inner = arithmetic(0);
                expect(Kind.RBRACE);
                return new Operand(inner.node, false);
            }
            default -> {
                return new Operand(entity(), true);
            }
        }
    }

    // ---- entities

    private Node entity() throws FilterException {
        Token t = take();
        Node e;
        switch (t.kind()) {
            case STRING -> e = new Node.Str((byte[]) t.value(), t.start(), t.length(), t.text());
            case CHARCONST -> e = new Node.CharConst((Long) t.value(), t.start(), t.length(), t.text());
            case LITERAL -> e = new Node.Literal((String) t.value(), t.start(), t.length(), t.text());
            case FIELD -> e = field(names.apply((String) t.value()), t);
            case UNPARSED -> {
                String word = (String) t.value();
                if (peek().is(Kind.LPAREN)) {
                    e = function(t);
                } else if (peek().is(Kind.HASH)) {
                    FieldDef def = names.apply(word);
                    List<RangeSpec> layers = layer();
                    if (def == null) {
                        throw new FilterException(word + " is not a valid field", t.start(), t.length());
                    }
                    e = new Node.Field(def, layers, t.start(), t.length(), t.text());
                } else {
                    FieldDef def = names.apply(word);
                    e = def != null ? new Node.Field(def, List.of(), t.start(), t.length(), t.text())
                            : new Node.Literal(word, t.start(), t.length(), t.text());
                }
            }
            case DOLLAR -> e = reference();
            default -> throw unexpected(t);
        }
        while (peek().is(Kind.LBRACKET)) {
            take();
            e = new Node.Slice(e, ranges(), -1, 0);
        }
        return e;
    }

    private Node field(FieldDef def, Token t) throws FilterException {
        List<RangeSpec> layers = peek().is(Kind.HASH) ? layer() : List.of();
        return new Node.Field(def, layers, t.start(), t.length(), t.text());
    }

    /** #N or #[ranges] after a field. */
    private List<RangeSpec> layer() throws FilterException {
        take();
        Token t = take();
        if (t.is(Kind.INDEX)) {
            return List.of(RangeSpec.parse(t.text(), t.start(), t.length()));
        }
        if (t.is(Kind.LBRACKET)) {
            return ranges();
        }
        throw unexpected(t);
    }

    /** The nodes of a slice or layer range, after its '[' and up to its ']'. */
    private List<RangeSpec> ranges() throws FilterException {
        List<RangeSpec> list = new ArrayList<>();
        while (true) {
            Token t = take();
            if (!t.is(Kind.RANGE_NODE)) {
                throw unexpected(t);
            }
            // as in tshark's parser, the node is read once the token after it is known
            Token sep = take();
            list.add(RangeSpec.parse(t.text(), t.start(), t.length()));
            if (sep.is(Kind.RBRACKET)) {
                return list;
            }
            if (!sep.is(Kind.COMMA)) {
                throw unexpected(sep);
            }
        }
    }

    private Node reference() throws FilterException {
        expect(Kind.LBRACE);
        Token t = take();
        FieldDef def;
        List<RangeSpec> layers = List.of();
        if (t.is(Kind.FIELD)) {
            def = names.apply((String) t.value());
            if (peek().is(Kind.HASH)) {
                layers = layer();
            }
        } else if (t.is(Kind.UNPARSED)) {
            def = names.apply((String) t.value());
            if (peek().is(Kind.HASH)) {
                layers = layer();
            }
            if (def == null) {
                throw new FilterException(t.value() + " is not a valid field", t.start(), t.length());
            }
        } else {
            throw unexpected(t);
        }
        expect(Kind.RBRACE);
        return new Node.Reference(def, layers, t.start(), t.length());
    }

    private Node function(Token name) throws FilterException {
        take();
        List<Node> args = new ArrayList<>();
        if (peek().is(Kind.RPAREN)) {
            take();
        } else {
            while (true) {
                args.add(arithmetic().node);
                Token t = take();
                if (t.is(Kind.RPAREN)) {
                    break;
                }
                if (!t.is(Kind.COMMA)) {
                    throw unexpected(t);
                }
            }
        }
        String fn = (String) name.value();
        if (!Functions.exists(fn)) {
            throw new FilterException("Function '" + fn + "' does not exist", name.start(), name.length());
        }
        return new Node.Function(fn, args, name.start(), name.length());
    }
}
