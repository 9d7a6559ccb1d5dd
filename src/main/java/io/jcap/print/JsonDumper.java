package io.jcap.print;

/**
 * Wireshark's json_dumper, character for character: objects and arrays with a comma
 * before every element but the first and, pretty-printed, each element on its own line
 * indented two spaces per level ("name": value, a space after the colon); empty objects
 * and arrays as {} and []. Strings escape quotes, backslashes, control characters
 * (\b \t \n \f \r, others as backslash-u00XX) and the slash of "&lt;/". With
 * {@code dotToUnderscore} member names have their dots as underscores (-T ek).
 * Writes into a StringBuilder; {@link #finish()} adds the final newline.
 */
public final class JsonDumper {
    private static final int NONE = 0;
    private static final int VALUE = 1;
    private static final int OBJECT = 2;
    private static final int ARRAY = 3;
    private static final int HAS_NAME = 8;

    private final StringBuilder out;
    private final boolean pretty;
    private final boolean dotToUnderscore;
    private int[] state = new int[64];
    private int depth;

    public JsonDumper(StringBuilder out, boolean pretty, boolean dotToUnderscore) {
        this.out = out;
        this.pretty = pretty;
        this.dotToUnderscore = dotToUnderscore;
    }

    public StringBuilder buffer() {
        return out;
    }

    private void newlineIndent(int level) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < level; i++) {
                out.append("  ");
            }
        }
    }

    /** Commas, newlines and indentation before a value, a member name or a nested element. */
    private void prepare() {
        if (depth == 0) {
            return;
        }
        int prev = state[depth - 1];
        state[depth - 1] &= ~HAS_NAME;
        int type = prev & 7;
        if (type == OBJECT) {
            if ((prev & HAS_NAME) != 0) {
                return;
            }
        } else if (type != ARRAY) {
            return;
        }
        if (state[depth] != 0) {
            out.append(',');
        }
        newlineIndent(depth);
    }

    private void finishToken(char close) {
        if (state[depth] != 0) {
            newlineIndent(depth - 1);
        }
        out.append(close);
    }

    private void begin(int type, char open) {
        prepare();
        out.append(open);
        state[depth] = type;
        depth++;
        if (depth == state.length) {
            state = java.util.Arrays.copyOf(state, depth * 2);
        }
        state[depth] = 0;
    }

    public JsonDumper beginObject() {
        begin(OBJECT, '{');
        return this;
    }

    public JsonDumper endObject() {
        finishToken('}');
        depth--;
        return this;
    }

    public JsonDumper beginArray() {
        begin(ARRAY, '[');
        return this;
    }

    public JsonDumper endArray() {
        finishToken(']');
        depth--;
        return this;
    }

    public JsonDumper name(CharSequence name) {
        prepare();
        string(name, dotToUnderscore);
        out.append(':');
        if (pretty) {
            out.append(' ');
        }
        state[depth - 1] |= HAS_NAME;
        return this;
    }

    /** A string value; null writes {@code null}. */
    public JsonDumper value(CharSequence s) {
        prepare();
        string(s, false);
        state[depth] = VALUE;
        return this;
    }

    /** A value written as is (numbers, true/false, or text already quoted). */
    public JsonDumper raw(CharSequence text) {
        prepare();
        out.append(text);
        state[depth] = VALUE;
        return this;
    }

    /** Ends a top-level value: a newline, as json_dumper_finish. */
    public JsonDumper finish() {
        out.append('\n');
        state[0] = NONE;
        return this;
    }

    private void string(CharSequence s, boolean dots) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        escape(out, s, dots);
        out.append('"');
    }

    /** json_puts_string's escapes, without the quotes. */
    public static void escape(StringBuilder out, CharSequence s, boolean dots) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                out.append('\\');
                switch (c) {
                    case '\b' -> out.append('b');
                    case '\t' -> out.append('t');
                    case '\n' -> out.append('n');
                    case '\f' -> out.append('f');
                    case '\r' -> out.append('r');
                    default -> {
                        out.append("u00");
                        out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    }
                }
            } else if (c == '/' && i > 0 && s.charAt(i - 1) == '<') {
                out.append("\\/");
            } else {
                if (c == '\\' || c == '"') {
                    out.append('\\');
                }
                out.append(dots && c == '.' ? '_' : c);
            }
        }
    }
}
