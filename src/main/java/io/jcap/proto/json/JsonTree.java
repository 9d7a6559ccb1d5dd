package io.jcap.proto.json;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.proto.http.JsonFields;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * JSON (RFC 8259) as tshark 4.0's json dissector shows it: "Object" and "Array" items,
 * "Member: key" with, for a plain value, "[Path with value: /a/b:v]",
 * "[Member with value: b:v]" and the value item, then "Key: b" and "[Path: /a/b]".
 * Array elements have the path "/a/[]". Strings are shown unescaped, numbers as written.
 * {@link #valid} says whether the text parses at all (tshark then adds the tree).
 */
public final class JsonTree {
    /** Nesting deeper than this is not JSON tshark would show here: refused, no deep recursion. */
    static final int MAX_DEPTH = 512;

    private final PacketBuffer buf;
    private final int end;
    private final Dissection d;
    private int p;

    private JsonTree(PacketBuffer buf, int off, int end, Dissection d) {
        this.buf = buf;
        this.p = off;
        this.end = end;
        this.d = d;
    }

    /** Whether [off, off+len) holds one JSON value, with white space around it only. */
    public static boolean valid(PacketBuffer buf, int off, int len) {
        int end = Math.min(off + len, buf.capturedEnd());
        JsonTree t = new JsonTree(buf, off, end, null);
        try {
            t.ws();
            if (t.p >= end) {
                return false;
            }
            t.value(null, null, 0);
            t.ws();
            return t.p == end;
        } catch (Invalid e) {
            return false;
        }
    }

    /** Adds the values' items under the open item (the JSON layer). The text must be {@link #valid}. */
    public static void tree(Dissection d, PacketBuffer buf, int off, int len) {
        if (!d.tree()) {
            return;
        }
        int end = Math.min(off + len, buf.capturedEnd());
        JsonTree t = new JsonTree(buf, off, end, d);
        try {
            t.ws();
            t.value("", null, 0);
        } catch (Invalid e) {
            // (checked before)
        }
    }

    private static final class Invalid extends Exception {
        Invalid() {
            super(null, null, false, false);
        }
    }

    private static final Invalid INVALID = new Invalid();

    private void ws() {
        while (p < end) {
            int c = buf.byteAt(p);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            p++;
        }
    }

    private int peek() throws Invalid {
        if (p >= end) {
            throw INVALID;
        }
        return buf.byteAt(p);
    }

    /**
     * One value at p. {@code path} null: only checking. {@code key}: the member's key, or null in
     * an array or at the top.
     */
    private void value(String path, String key, int depth) throws Invalid {
        if (depth > MAX_DEPTH) {
            throw INVALID;
        }
        int c = peek();
        boolean tree = path != null;
        if (c == '{') {
            int start = p++;
            int row = tree ? d.open(JsonFields.OBJECT, start, 0) : -1;
            ws();
            if (peek() == '}') {
                p++;
            } else {
                while (true) {
                    ws();
                    if (peek() != '"') {
                        throw INVALID;
                    }
                    int ks = p;
                    String k = string();
                    int keyLength = p - ks;
                    ws();
                    if (peek() != ':') {
                        throw INVALID;
                    }
                    p++;
                    ws();
                    if (tree) {
                        int m = d.addObject(JsonFields.MEMBER, ks, 0, k);
                        d.openRow(m);
                        member(path + "/" + k, k, ks, keyLength, depth);
                        d.close();
                        // the member, as its path, runs from the key to the value's end
                        d.setLength(m, p - ks);
                    } else {
                        value(null, k, depth + 1);
                    }
                    if (endOrComma('}')) {
                        break;
                    }
                }
            }
            if (tree) {
                d.setLength(row, p - start);
                d.close();
            }
            return;
        }
        if (c == '[') {
            int start = p++;
            int row = tree ? d.open(JsonFields.ARRAY, start, 0) : -1;
            ws();
            if (peek() == ']') {
                p++;
            } else {
                while (true) {
                    ws();
                    if (tree) {
                        element(path + "/[]", depth);
                    } else {
                        value(null, null, depth + 1);
                    }
                    if (endOrComma(']')) {
                        break;
                    }
                }
            }
            if (tree) {
                d.setLength(row, p - start);
                d.close();
            }
            return;
        }
        int start = p;
        String text = primitive();
        if (tree) {
            valueItem(c, start, text);
        }
    }

    /** A member's items; its value at p. */
    private void member(String path, String key, int keyOffset, int keyLength, int depth) throws Invalid {
        int c = peek();
        if (c == '{' || c == '[') {
            value(path, key, depth + 1);
        } else {
            int start = p;
            String text = primitive();
            d.flag(shown(d.addObject(JsonFields.PATH_WITH_VALUE, start, p - start, path + ":" + text),
                    JsonFields.PATH_WITH_VALUE.name, path + ":" + text), Dissection.GENERATED);
            d.flag(shown(d.addObject(JsonFields.MEMBER_WITH_VALUE, start, p - start, key + ":" + text),
                    JsonFields.MEMBER_WITH_VALUE.name, key + ":" + text), Dissection.GENERATED);
            valueItem(c, start, text);
        }
        d.addObject(JsonFields.KEY, keyOffset, keyLength, key);
        d.flag(d.addObject(JsonFields.PATH, keyOffset, p - keyOffset, path), Dissection.GENERATED);
    }

    /** An array element's items; the element at p. */
    private void element(String path, int depth) throws Invalid {
        int c = peek();
        if (c == '{' || c == '[') {
            value(path, null, depth + 1);
            return;
        }
        int start = p;
        String text = primitive();
        d.flag(shown(d.addObject(JsonFields.PATH_WITH_VALUE, start, p - start, path + ":" + text),
                JsonFields.PATH_WITH_VALUE.name, path + ":" + text), Dissection.GENERATED);
        d.flag(shown(d.addObject(JsonFields.MEMBER_WITH_VALUE, start, p - start, "[]:" + text),
                JsonFields.MEMBER_WITH_VALUE.name, "[]:" + text), Dissection.GENERATED);
        valueItem(c, start, text);
    }

    /** The item's text as format_text shows it, when the value has characters it escapes. */
    private int shown(int row, String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                StringBuilder sb = new StringBuilder(name).append(": ");
                for (int j = 0; j < value.length(); j++) {
                    char x = value.charAt(j);
                    switch (x) {
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        case '\t' -> sb.append("\\t");
                        case 7 -> sb.append("\\a");
                        case 8 -> sb.append("\\b");
                        case 11 -> sb.append("\\v");
                        case 12 -> sb.append("\\f");
                        default -> {
                            if (x < 0x20 || x == 0x7f) {
                                sb.append('\\').append((char) ('0' + (x >> 6))).append((char) ('0' + ((x >> 3) & 7)))
                                        .append((char) ('0' + (x & 7)));
                            } else {
                                sb.append(x);
                            }
                        }
                    }
                }
                d.setText(row, sb.toString());
                break;
            }
        }
        return row;
    }

    private void valueItem(int c, int start, String text) {
        int len = p - start;
        switch (c) {
            case '"' -> shown(d.addObject(JsonFields.VALUE_STRING, start, len, text), JsonFields.VALUE_STRING.name, text);
            case 't' -> d.addBytes(JsonFields.VALUE_TRUE, start, len);
            case 'f' -> d.addBytes(JsonFields.VALUE_FALSE, start, len);
            case 'n' -> d.addBytes(JsonFields.VALUE_NULL, start, len);
            default -> d.addObject(JsonFields.VALUE_NUMBER, start, len, text);
        }
    }

    /** A string, number, true, false or null at p: its text (strings unescaped). */
    private String primitive() throws Invalid {
        int c = peek();
        if (c == '"') {
            return string();
        }
        if (c == 't') {
            return literal("true");
        }
        if (c == 'f') {
            return literal("false");
        }
        if (c == 'n') {
            return literal("null");
        }
        return number();
    }

    private String literal(String s) throws Invalid {
        for (int i = 0; i < s.length(); i++) {
            if (p + i >= end || buf.byteAt(p + i) != s.charAt(i)) {
                throw INVALID;
            }
        }
        p += s.length();
        return s;
    }

    private String number() throws Invalid {
        int start = p;
        if (p < end && buf.byteAt(p) == '-') {
            p++;
        }
        int digits = p;
        while (p < end && buf.byteAt(p) >= '0' && buf.byteAt(p) <= '9') {
            p++;
        }
        if (p == digits) {
            throw INVALID;
        }
        if (p < end && buf.byteAt(p) == '.') {
            p++;
            int f = p;
            while (p < end && buf.byteAt(p) >= '0' && buf.byteAt(p) <= '9') {
                p++;
            }
            if (p == f) {
                throw INVALID;
            }
        }
        if (p < end && (buf.byteAt(p) == 'e' || buf.byteAt(p) == 'E')) {
            p++;
            if (p < end && (buf.byteAt(p) == '+' || buf.byteAt(p) == '-')) {
                p++;
            }
            int e = p;
            while (p < end && buf.byteAt(p) >= '0' && buf.byteAt(p) <= '9') {
                p++;
            }
            if (p == e) {
                throw INVALID;
            }
        }
        char[] cs = new char[p - start];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = (char) buf.byteAt(start + i);
        }
        return new String(cs);
    }

    /** A string at p ('"'): its unescaped text. */
    private String string() throws Invalid {
        p++;
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        while (true) {
            if (p >= end) {
                throw INVALID;
            }
            int c = buf.byteAt(p++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw INVALID;
            }
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (p >= end) {
                throw INVALID;
            }
            int e = buf.byteAt(p++);
            switch (e) {
                case '"', '\\', '/' -> out.write(e);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'u' -> {
                    int cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && p + 1 < end && buf.byteAt(p) == '\\' && buf.byteAt(p + 1) == 'u') {
                        int save = p;
                        p += 2;
                        int lo = hex4();
                        if (lo >= 0xDC00 && lo < 0xE000) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        } else {
                            p = save;
                        }
                    }
                    // tshark 4.0 drops a u-escape that ends the string (its unescaping stops one short)
                    if (p < end && buf.byteAt(p) == '"') {
                        continue;
                    }
                    byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                    out.write(b, 0, b.length);
                }
                default -> throw INVALID;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private int hex4() throws Invalid {
        if (p + 4 > end) {
            throw INVALID;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int h = Character.digit(buf.byteAt(p + i), 16);
            if (h < 0) {
                throw INVALID;
            }
            v = v << 4 | h;
        }
        p += 4;
        return v;
    }

    /** After a member or element: true at the closing {@code close}, false at a comma, else invalid. */
    private boolean endOrComma(char close) throws Invalid {
        ws();
        int n = peek();
        p++;
        if (n == close) {
            return true;
        }
        if (n != ',') {
            throw INVALID;
        }
        return false;
    }
}
