package io.jcap.filter;

/**
 * One token of a display filter: its kind, where it is (byte offsets in the UTF-8 text)
 * and what tshark shows for it in "… was unexpected in this context." ({@code text}).
 * {@code value} is the decoded payload: the bytes of a quoted string, the number of a
 * character constant, the name or literal of a word.
 */
record Token(Kind kind, int start, int end, String text, Object value) {
    enum Kind {
        LPAREN, RPAREN, COMMA, LBRACE, RBRACE, DOTDOT, DOLLAR, HASH, LBRACKET, RBRACKET,
        /** The text between brackets (or a comma) of a slice or layer range. */
        RANGE_NODE,
        /** The digits after '#'. */
        INDEX,
        ANY, ALL,
        ANY_EQ, ALL_NE, ALL_EQ, ANY_NE, GT, GE, LT, LE, CONTAINS, MATCHES,
        NOT, AND, OR, IN,
        PLUS, MINUS, STAR, SLASH, PERCENT, BITWISE_AND,
        STRING, CHARCONST,
        /** A value that can only be a literal (addresses, byte strings, ":" numbers). */
        LITERAL,
        /** A word: a field or protocol name when one exists, else a literal; or a function name. */
        UNPARSED,
        /** A ".name" identifier, already known to be a field. */
        FIELD,
        EOF
    }

    int length() {
        return end - start;
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
