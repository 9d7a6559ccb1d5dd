package io.jcap.filter;

import io.jcap.filter.Token.Kind;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Splits a display filter into tokens the way tshark 4.0's scanner does: at each place
 * the longest match wins and, among equally long ones, the earlier rule (keywords before
 * words, addresses before words). Positions are byte offsets in the UTF-8 text, because
 * tshark's caret lines count bytes. Tokens are made on demand, so that a bad character
 * is reported only when the parser reaches it, as tshark's interleaved scanner does.
 */
final class Lexer {
    private enum State { INITIAL, LAYER, RANGE }

    /** Operators and keywords, each with its token; longest match decides between them. */
    private static final String[] WORDS = {
        "(", ")", ",", "{", "..", "}", "$", "any", "all",
        "==", "eq", "any_eq", "!=", "ne", "all_ne", "===", "all_eq", "!==", "~=", "any_ne",
        ">", "gt", ">=", "ge", "<", "lt", "<=", "le", "contains", "~", "matches",
        "!", "not", "&&", "and", "||", "or", "in",
        "+", "-", "*", "/", "%", "&", "bitwise_and",
    };
    private static final Kind[] KINDS = {
        Kind.LPAREN, Kind.RPAREN, Kind.COMMA, Kind.LBRACE, Kind.DOTDOT, Kind.RBRACE, Kind.DOLLAR, Kind.ANY,
        Kind.ALL,
        Kind.ANY_EQ, Kind.ANY_EQ, Kind.ANY_EQ, Kind.ALL_NE, Kind.ALL_NE, Kind.ALL_NE, Kind.ALL_EQ, Kind.ALL_EQ,
        Kind.ANY_NE, Kind.ANY_NE, Kind.ANY_NE,
        Kind.GT, Kind.GT, Kind.GE, Kind.GE, Kind.LT, Kind.LT, Kind.LE, Kind.LE, Kind.CONTAINS, Kind.MATCHES,
        Kind.MATCHES,
        Kind.NOT, Kind.NOT, Kind.AND, Kind.AND, Kind.OR, Kind.OR, Kind.IN,
        Kind.PLUS, Kind.MINUS, Kind.STAR, Kind.SLASH, Kind.PERCENT, Kind.BITWISE_AND, Kind.BITWISE_AND,
    };

    private final byte[] s;
    private final Predicate<String> isField;
    private int pos;
    private State state = State.INITIAL;

    Lexer(String filter, Predicate<String> isField) {
        this.s = filter.getBytes(StandardCharsets.UTF_8);
        this.isField = isField;
    }

    Token next() throws FilterException {
        switch (state) {
            case LAYER -> {
                return layer();
            }
            case RANGE -> {
                return range();
            }
            default -> {
                return initial();
            }
        }
    }

    private Token initial() throws FilterException {
        while (pos < s.length && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n')) {
            pos++;
        }
        int at = pos;
        if (at >= s.length) {
            return new Token(Kind.EOF, at, at, "", null);
        }
        // the candidates, in rule order; a later one wins only when strictly longer
        int best = 0;
        Kind kind = null;
        for (int i = 0; i < WORDS.length; i++) {
            int n = WORDS[i].length();
            if (n > best && startsWith(at, WORDS[i])) {
                // keywords made of letters are whole words only when no longer word matches (checked below)
                best = n;
                kind = KINDS[i];
            }
        }
        if (s[at] == '#') {
            pos = at + 1;
            state = State.LAYER;
            return token(Kind.HASH, at, pos, null);
        }
        if (s[at] == '[') {
            pos = at + 1;
            state = State.RANGE;
            return token(Kind.LBRACKET, at, pos, null);
        }
        if (s[at] == '"' || ((s[at] == 'r' || s[at] == 'R') && at + 1 < s.length && s[at + 1] == '"')) {
            int word = word(at);
            int open = s[at] == '"' ? 1 : 2;
            if (open >= word && open >= best) {
                return string(at, open == 2);
            }
        }
        if (s[at] == '\'' && best == 0) {
            return charConst(at);
        }
        int lit = 0;
        int mac = mac(at);
        if (mac > lit) {
            lit = mac;
        }
        int v4 = ipv4(at, true);
        if (v4 > lit) {
            lit = v4;
        }
        int v6 = ipv6(at);
        if (v6 > lit) {
            lit = v6;
        }
        int colonHex = colonHex(at);
        if (colonHex > lit) {
            lit = colonHex;
        }
        int bytes = colonBytes(at);
        if (bytes > lit) {
            lit = bytes;
        }
        int ident = s[at] == '.' ? word(at + 1) : 0;
        int identLen = ident > 0 ? ident + 1 : 0;
        int word = word(at);
        if (lit > best && lit >= identLen && lit >= word) {
            pos = at + lit;
            String text = text(at, pos);
            return new Token(Kind.LITERAL, at, pos, text, text.startsWith(":") && colonHex == lit ? text.substring(1)
                    : text);
        }
        if (identLen > best && identLen > lit && identLen >= word) {
            pos = at + identLen;
            String name = text(at + 1, pos);
            if (!isField.test(name)) {
                throw new FilterException("\"" + name + "\" is not a valid protocol or protocol field.", at,
                        identLen);
            }
            return new Token(Kind.FIELD, at, pos, text(at, pos), name);
        }
        if (word > best && word > lit) {
            pos = at + word;
            String text = text(at, pos);
            return new Token(Kind.UNPARSED, at, pos, text, text);
        }
        if (kind != null) {
            pos = at + best;
            return token(kind, at, pos, null);
        }
        // no rule: tshark's default rule
        pos = at + 1;
        int c = s[at] & 0xFF;
        if (c >= 0x20 && c < 0x7f) {
            throw new FilterException("\"" + (char) c + "\" was unexpected in this context.", at, 1);
        }
        throw new FilterException("Non-printable ASCII characters may only appear inside double-quotes.", at, 1);
    }

    private Token layer() throws FilterException {
        int at = pos;
        if (at >= s.length) {
            state = State.INITIAL;
            return new Token(Kind.EOF, at, at, "", null);
        }
        if (isDigit(s[at])) {
            int end = at;
            while (end < s.length && isDigit(s[end])) {
                end++;
            }
            pos = end;
            state = State.INITIAL;
            return token(Kind.INDEX, at, end, null);
        }
        if (s[at] == '[') {
            pos = at + 1;
            state = State.RANGE;
            return token(Kind.LBRACKET, at, pos, null);
        }
        throw new FilterException("Expected digit or \"[\", not \"" + text(at, at + 1) + "\"", at, 1);
    }

    private Token range() throws FilterException {
        int at = pos;
        if (at >= s.length) {
            throw new FilterException("The right bracket was missing from a slice.", at, 0);
        }
        if (s[at] == ',') {
            pos = at + 1;
            return token(Kind.COMMA, at, pos, null);
        }
        if (s[at] == ']') {
            pos = at + 1;
            state = State.INITIAL;
            return token(Kind.RBRACKET, at, pos, null);
        }
        int end = at;
        while (end < s.length && s[end] != ']' && s[end] != ',') {
            end++;
        }
        pos = end;
        return token(Kind.RANGE_NODE, at, end, null);
    }

    /** A double-quoted string from its opening quote (after an optional r for raw strings). */
    private Token string(int at, boolean raw) throws FilterException {
        int i = at + (raw ? 2 : 1);
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        while (true) {
            if (i >= s.length) {
                throw new FilterException("The final quote was missing from a quoted string.", s.length, 0);
            }
            int c = s[i] & 0xFF;
            if (c == '"') {
                i++;
                break;
            }
            if (c != '\\') {
                value.write(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length) {
                // a backslash at the very end: tshark's scanner has no rule for it
                throw new FilterException("The final quote was missing from a quoted string.", s.length, 0);
            }
            int e = s[i + 1] & 0xFF;
            int end;
            if (e >= '0' && e <= '7') {
                end = i + 2;
                while (end < s.length && end < i + 4 && s[end] >= '0' && s[end] <= '7') {
                    end++;
                }
                if (raw) {
                    value.write(s, i, end - i);
                } else {
                    int v = Integer.parseInt(text(i + 1, end), 8);
                    if (v > 0xff) {
                        throw new FilterException(text(i, end) + " is larger than 255.", i, end - i);
                    }
                    value.write(v);
                }
            } else if (e == 'x' && i + 2 < s.length && isHex(s[i + 2])) {
                end = i + 3;
                if (end < s.length && isHex(s[end])) {
                    end++;
                }
                if (raw) {
                    value.write(s, i, end - i);
                } else {
                    value.write(Integer.parseInt(text(i + 2, end), 16));
                }
            } else if (e == 'u' || e == 'U') {
                int max = e == 'u' ? 4 : 8;
                end = i + 2;
                while (end < s.length && end < i + 2 + max && isHex(s[end])) {
                    end++;
                }
                if (raw) {
                    value.write(s, i, end - i);
                } else {
                    int cp = universalCharacter(i, end, max);
                    byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                    value.write(utf8, 0, utf8.length);
                }
            } else {
                end = i + 2;
                if (raw) {
                    value.write(s, i, 2);
                } else {
                    int v = switch (e) {
                        case 'a' -> 7;
                        case 'b' -> 8;
                        case 'f' -> 12;
                        case 'n' -> 10;
                        case 'r' -> 13;
                        case 't' -> 9;
                        case 'v' -> 11;
                        case '\\', '\'', '"' -> e;
                        default -> -1;
                    };
                    if (v < 0) {
                        throw new FilterException("\\" + text(i + 1, i + 2) + " is not a valid character escape sequence",
                                i, 2);
                    }
                    value.write(v);
                }
            }
            i = end;
        }
        pos = i;
        byte[] bytes = value.toByteArray();
        return new Token(Kind.STRING, at, i, quoted(bytes), bytes);
    }

    /** \\uNNNN and \\UNNNNNNNN as C allows them: not below U+00A0 (but $ @ `), not surrogates. */
    private int universalCharacter(int from, int end, int digits) throws FilterException {
        String text = text(from, end);
        long v = end - from - 2 == digits ? Long.parseLong(text.substring(2), 16) : -1;
        if (v < 0 || (v < 0xA0 && v != 0x24 && v != 0x40 && v != 0x60) || (v >= 0xD800 && v <= 0xDFFF)
                || v > 0x10FFFF) {
            throw new FilterException(text + " is not a valid universal character name", from, end - from);
        }
        return (int) v;
    }

    /** A character constant: the text between quotes is collected first, then parsed as C does. */
    private Token charConst(int at) throws FilterException {
        int i = at + 1;
        while (true) {
            if (i >= s.length) {
                throw new FilterException("The final quote was missing from a character constant.", s.length, 0);
            }
            if (s[i] == '\\') {
                if (i + 1 >= s.length) {
                    throw new FilterException("The final quote was missing from a character constant.", s.length, 0);
                }
                i += 2;
                continue;
            }
            if (s[i] == '\'') {
                i++;
                break;
            }
            i++;
        }
        pos = i;
        String text = text(at, i);
        long v = CharConstants.parse(s, at, i, text);
        return new Token(Kind.CHARCONST, at, i, text, v);
    }

    // ---- patterns

    private boolean startsWith(int at, String w) {
        if (at + w.length() > s.length) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (s[at + i] != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static boolean isHex(byte b) {
        return isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static boolean isWordChar(byte b) {
        return isDigit(b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_' || b == '-';
    }

    /** [alnum_][alnum_-]*(\.[alnum_-]+)*: protocol and field names, function names, plain values. */
    private int word(int at) {
        if (at >= s.length || !isWordChar(s[at]) || s[at] == '-') {
            return 0;
        }
        int i = at + 1;
        while (i < s.length && isWordChar(s[i])) {
            i++;
        }
        while (i + 1 < s.length && s[i] == '.' && isWordChar(s[i + 1])) {
            i += 2;
            while (i < s.length && isWordChar(s[i])) {
                i++;
            }
        }
        return i - at;
    }

    /** Six hex pairs separated by all ':' or all '-'. */
    private int mac(int at) {
        if (at + 17 > s.length) {
            return 0;
        }
        byte sep = s[at + 2];
        if (sep != ':' && sep != '-') {
            return 0;
        }
        for (int g = 0; g < 6; g++) {
            int o = at + 3 * g;
            if (!isHex(s[o]) || !isHex(s[o + 1]) || (g < 5 && s[o + 2] != sep)) {
                return 0;
            }
        }
        return 17;
    }

    /** hex2(:hex2)+ */
    private int colonBytes(int at) {
        int i = at;
        int groups = 0;
        while (i + 1 < s.length && isHex(s[i]) && isHex(s[i + 1])) {
            groups++;
            i += 2;
            if (i + 2 < s.length && s[i] == ':' && isHex(s[i + 1]) && isHex(s[i + 2])) {
                i++;
            } else {
                break;
            }
        }
        return groups >= 2 ? i - at : 0;
    }

    /** ':' followed by hex digits, and more such groups (":00:00:01" is one token, as in tshark). */
    private int colonHex(int at) {
        if (s[at] != ':') {
            return 0;
        }
        int i = at;
        while (i + 1 < s.length && s[i] == ':' && isHex(s[i + 1])) {
            i++;
            while (i < s.length && isHex(s[i])) {
                i++;
            }
        }
        return i - at > 1 ? i - at : 0;
    }

    /** A dotted quad of decimal octets (no leading zeros), with a /n prefix of one or two digits. */
    private int ipv4(int at, boolean prefix) {
        int i = at;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= s.length || s[i] != '.') {
                    return 0;
                }
                i++;
            }
            int n = decOctet(i);
            if (n == 0) {
                return 0;
            }
            i += n;
        }
        if (prefix) {
            i += cidr(i, 2);
        }
        return i - at;
    }

    private int decOctet(int at) {
        // the longest of [0-9] | [1-9][0-9] | 1[0-9][0-9] | 2[0-4][0-9] | 25[0-5]
        if (at >= s.length || !isDigit(s[at])) {
            return 0;
        }
        if (s[at] == '0') {
            return 1;
        }
        int n = 1;
        while (n < 3 && at + n < s.length && isDigit(s[at + n])) {
            n++;
        }
        if (n == 3 && Integer.parseInt(text(at, at + 3)) > 255) {
            n = 2;
        }
        return n;
    }

    private int cidr(int at, int maxDigits) {
        if (at + 1 < s.length && s[at] == '/' && isDigit(s[at + 1])) {
            int n = 1;
            while (n < maxDigits && at + 1 + n < s.length && isDigit(s[at + 1 + n])) {
                n++;
            }
            return 1 + n;
        }
        return 0;
    }

    /** The longest IPv6 address (RFC 3986's grammar, IPv4 tail allowed) at {@code at}, with a /n of up to 3 digits. */
    private int ipv6(int at) {
        int max = at;
        while (max < s.length && (isHex(s[max]) || s[max] == ':' || s[max] == '.')) {
            max++;
        }
        for (int end = max; end > at + 1; end--) {
            if (Literals.isIPv6(text(at, end))) {
                return end - at + cidr(end, 3);
            }
        }
        return 0;
    }

    private Token token(Kind kind, int from, int to, Object value) {
        return new Token(kind, from, to, text(from, to), value);
    }

    private String text(int from, int to) {
        return new String(s, from, to - from, StandardCharsets.UTF_8);
    }

    /** A string as tshark shows it in messages: in double quotes, with C escapes. */
    static String quoted(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length + 2).append('"');
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == '\\' || c == '"') {
                sb.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7f) {
                io.jcap.field.Formats.controlEscape(sb, c, true);
            } else {
                sb.append((char) c);
            }
        }
        // bytes of UTF-8 text stay as they are
        String ascii = sb.append('"').toString();
        return new String(ascii.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
