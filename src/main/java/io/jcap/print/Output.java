package io.jcap.print;

import io.jcap.dissect.InfoColumn;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The fast output path: one large byte buffer written by hand (ASCII digits, UTF-8 for
 * the rest), handed to the stream in big blocks, or per packet when line-buffered (-l).
 */
public final class Output {
    private final OutputStream out;
    private final byte[] buf;
    private int pos;
    private char[] chars = new char[256];
    /** A character above Latin-1 was written since {@link #wideSeen()} was last asked. */
    private boolean wide;

    public Output(OutputStream out) {
        this(out, 1 << 16);
    }

    public Output(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[size];
    }

    private void room(int n) throws IOException {
        if (pos + n > buf.length) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    public void flush() throws IOException {
        drain();
        out.flush();
    }

    public Output ascii(char c) throws IOException {
        room(1);
        buf[pos++] = (byte) c;
        return this;
    }

    public Output spaces(int n) throws IOException {
        if (n <= 0) {
            return this;
        }
        if (n > buf.length) {
            for (int i = 0; i < n; i++) {
                ascii(' ');
            }
            return this;
        }
        room(n);
        java.util.Arrays.fill(buf, pos, pos + n, (byte) ' ');
        pos += n;
        return this;
    }

    /** Writes {@code s} as UTF-8. */
    public Output text(CharSequence s) throws IOException {
        int n = s.length();
        if (s instanceof StringBuilder sb) {
            // bulk copy: per-character charAt on a builder costs an index check each
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            sb.getChars(0, n, chars, 0);
            return text(chars, n);
        }
        if (s instanceof String str) {
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            str.getChars(0, n, chars, 0);
            return text(chars, n);
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (pos == buf.length) {
                    drain();
                }
                buf[pos++] = (byte) c;
            } else {
                utf8(s, i, c);
                if (Character.isHighSurrogate(c) && i + 1 < n) {
                    i++;
                }
            }
        }
        return this;
    }

    /** Writes {@code cs[0, n)} as UTF-8. */
    public Output text(char[] cs, int n) throws IOException {
        return encode(cs, 0, n, (char) 0x80);
    }

    /**
     * The Info column's raw characters {@code cs[start, start + n)}:
     * {@link InfoColumn#ARROW_MARK} is written as the arrow.
     */
    public Output info(char[] cs, int start, int n) throws IOException {
        return encode(cs, start, start + n, InfoColumn.ARROW_MARK);
    }

    /** UTF-8 of {@code cs[i, n)}; {@code mark}, if below 0x80, stands for the arrow (0x80: no mark). */
    private Output encode(char[] cs, int i, int n, char mark) throws IOException {
        while (i < n) {
            if (pos == buf.length) {
                drain();
            }
            // a run of ASCII as far as the buffer has room, then one other character
            byte[] b = buf;
            int p = pos;
            int limit = Math.min(n, i + (b.length - p));
            while (i < limit) {
                char c = cs[i];
                if (c >= 0x80 || c == mark) {
                    break;
                }
                b[p++] = (byte) c;
                i++;
            }
            pos = p;
            if (i < limit) {
                char c = cs[i];
                if (c == mark && mark < 0x80) {
                    c = InfoColumn.ARROW_CHAR;
                }
                utf8(c, i + 1 < n ? cs[i + 1] : 0);
                // (as before: a high surrogate takes the next character with it, pair or not)
                i += Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
            }
        }
        return this;
    }

    /** One non-ASCII character (with the next, when they form a surrogate pair) as UTF-8. */
    private void utf8(char c, char next) throws IOException {
        room(4);
        if (c > 0xFF) {
            wide = true;
        }
        if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | (c >> 6));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
            int cp = Character.toCodePoint(c, next);
            buf[pos++] = (byte) (0xF0 | (cp >> 18));
            buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            buf[pos++] = (byte) (0xE0 | (c >> 12));
            buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /**
     * Whether a character above Latin-1 was written since the last call: a StringBuilder
     * that held one stores two bytes per character from then on, even after
     * setLength(0), and is better replaced.
     */
    public boolean wideSeen() {
        boolean w = wide;
        wide = false;
        return w;
    }

    private void utf8(CharSequence s, int i, char c) throws IOException {
        room(4);
        if (c > 0xFF) {
            wide = true;
        }
        if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | (c >> 6));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            buf[pos++] = (byte) (0xF0 | (cp >> 18));
            buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            buf[pos++] = (byte) (0xE0 | (c >> 12));
            buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    public Output newline() throws IOException {
        return ascii('\n');
    }

    public Output number(long v) throws IOException {
        room(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return text(Long.toString(v));
            }
            buf[pos++] = '-';
            v = -v;
        }
        int digits = digits(v);
        int end = pos + digits;
        int i = end - 1;
        while (v > Integer.MAX_VALUE) {
            buf[i--] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        // int arithmetic for the rest: a long division per digit costs several times more
        int w = (int) v;
        for (; i >= pos; i--) {
            buf[i] = (byte) ('0' + (w % 10));
            w /= 10;
        }
        pos = end;
        return this;
    }

    /** Number of decimal digits of a non-negative value. */
    public static int digits(long v) {
        if (v < 10) {
            return 1;
        }
        if (v < 100) {
            return 2;
        }
        if (v < 1000) {
            return 3;
        }
        if (v < 10000) {
            return 4;
        }
        if (v < 100000) {
            return 5;
        }
        if (v < 1000000) {
            return 6;
        }
        int d = 7;
        v /= 1000000;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    /**
     * Makes {@code n} bytes writable without a flush in between (n at most the buffer size)
     * and returns the position, for {@link #padLeft}.
     */
    public int mark(int n) throws IOException {
        room(n);
        return pos;
    }

    /**
     * Right-aligns what was written since {@code mark} in {@code width} columns of ASCII,
     * moving it right and filling spaces before it (the mark must have reserved the room).
     */
    public Output padLeft(int mark, int width) {
        int len = pos - mark;
        if (len < width) {
            int shift = width - len;
            System.arraycopy(buf, mark, buf, mark + shift, len);
            java.util.Arrays.fill(buf, mark, mark + shift, (byte) ' ');
            pos += shift;
        }
        return this;
    }

    /** Bytes written since {@code mark} (no flush in between). */
    public int since(int mark) {
        return pos - mark;
    }

    /** A non-negative number with at least {@code width} digits, zeros first. */
    public Output zeroPadded(long v, int width) throws IOException {
        int digits = digits(v);
        for (int i = digits; i < width; i++) {
            ascii('0');
        }
        return number(v);
    }

    /** An IPv4 address from 4 bytes, dotted decimal. */
    public Output ipv4(byte[] b, int off) throws IOException {
        room(15);
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                buf[pos++] = '.';
            }
            int v = b[off + i] & 0xFF;
            if (v >= 100) {
                buf[pos++] = (byte) ('0' + v / 100);
                v %= 100;
                buf[pos++] = (byte) ('0' + v / 10);
                buf[pos++] = (byte) ('0' + v % 10);
            } else if (v >= 10) {
                buf[pos++] = (byte) ('0' + v / 10);
                buf[pos++] = (byte) ('0' + v % 10);
            } else {
                buf[pos++] = (byte) ('0' + v);
            }
        }
        return this;
    }

    /** Writes raw bytes (capture files to standard output). */
    public void bytes(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            drain();
            out.write(b, off, len);
            return;
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }
}
