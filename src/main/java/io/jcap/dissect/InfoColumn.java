package io.jcap.dissect;

/**
 * The Info column as Wireshark's col_* calls build it: set, append, append with a
 * separator, prepend, and a fence that protects what is before it from later sets.
 * Reused per packet; writes are ignored while the columns are not writable (the
 * packet quoted inside an ICMP error).
 */
public final class InfoColumn implements CharSequence {
    /**
     * Stands for the arrow (U+2192) inside the text: one arrow would make the builder two
     * bytes a character for the rest of the run (Java's compact strings), and every append
     * and copy after it pay for that. Readers see the arrow; {@link #getRawChars} keeps the
     * mark for printers that write it themselves. Texts taken from packets never hold it:
     * they are escaped (control characters as \x01).
     */
    public static final char ARROW_MARK = '\u0001';
    /** What {@link #ARROW_MARK} stands for: U+2192. */
    public static final char ARROW_CHAR = '\u2192';
    /** The " → " between ports, as appenders write it. */
    public static final String ARROW = " " + ARROW_MARK + " ";

    private final StringBuilder text = new StringBuilder(256);
    private int fence;
    boolean writable = true;

    void reset() {
        text.setLength(0);
        fence = 0;
        writable = true;
    }

    /** col_set_str / col_add_str: replaces what follows the fence. */
    public InfoColumn set(CharSequence s) {
        if (writable) {
            text.setLength(fence);
            text.append(s);
        }
        return this;
    }

    /** col_clear. */
    public InfoColumn clear() {
        if (writable) {
            text.setLength(fence);
        }
        return this;
    }

    public InfoColumn append(CharSequence s) {
        if (writable) {
            text.append(s);
        }
        return this;
    }

    public InfoColumn append(char c) {
        if (writable) {
            text.append(c);
        }
        return this;
    }

    public InfoColumn append(long v) {
        if (writable) {
            text.append(v);
        }
        return this;
    }

    /** col_append_sep_str: the separator only when the column already has text. */
    public InfoColumn appendSep(String sep, CharSequence s) {
        if (writable) {
            if (text.length() > 0) {
                text.append(sep);
            }
            text.append(s);
        }
        return this;
    }

    /** Adds the separator if the column has text; the caller appends the rest. */
    public InfoColumn sep(String sep) {
        if (writable && text.length() > 0) {
            text.append(sep);
        }
        return this;
    }

    public InfoColumn prepend(CharSequence s) {
        if (writable) {
            text.insert(0, s);
            if (fence > 0) {
                fence += s.length();
            }
        }
        return this;
    }

    /**
     * col_prepend_fence_fstr: inserts {@code s} at the start and fences it, so that later
     * sets keep it (TCP's analysis marks).
     */
    public InfoColumn prependFence(CharSequence s) {
        if (writable) {
            text.insert(0, s);
            fence = fence > 0 ? fence + s.length() : s.length();
        }
        return this;
    }

    /** col_set_fence: later sets keep what is there now. */
    public void fence() {
        if (writable) {
            fence = text.length();
        }
    }

    public boolean isWritable() {
        return writable;
    }

    /** Direct access for appenders that format numbers (hex, padded) themselves. */
    public StringBuilder builder() {
        if (writable) {
            return text;
        }
        discard.setLength(0);
        return discard;
    }

    /** Receives writes made through {@link #builder()} while the column is not writable. */
    private final StringBuilder discard = new StringBuilder();

    /**
     * Copies the text into {@code dst} from {@code dst[at]} on (room for {@link #length()}
     * characters), with each arrow still {@link #ARROW_MARK}.
     */
    public void getRawChars(char[] dst, int at) {
        text.getChars(0, text.length(), dst, at);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        char c = text.charAt(index);
        return c == ARROW_MARK ? ARROW_CHAR : c;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    @Override
    public String toString() {
        return text.toString().replace(ARROW_MARK, ARROW_CHAR);
    }
}
