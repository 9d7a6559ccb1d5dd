package io.jcap.print;

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
        for (int i = 0; i < n; i++) {
            ascii(' ');
        }
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
            return text(chars, n, s);
        }
        if (s instanceof String str) {
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            str.getChars(0, n, chars, 0);
            return text(chars, n, s);
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

    private Output text(char[] cs, int n, CharSequence s) throws IOException {
        for (int i = 0; i < n; i++) {
            char c = cs[i];
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
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        pos = end;
        return this;
    }

    /** Number of decimal digits of a non-negative value. */
    public static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
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
