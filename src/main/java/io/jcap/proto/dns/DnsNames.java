package io.jcap.proto.dns;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Reads a (possibly compressed) domain name the way tshark 4.0 does, into a reusable
 * buffer: labels joined by dots, at most 253 characters ("&lt;Name too long&gt;" beyond),
 * compression pointers relative to the message start, and these marks instead of a name:
 * "&lt;Root&gt;" for the empty name, "&lt;Name contains a pointer that loops&gt;" when a
 * pointer points two bytes past itself or more than 255 pointers are followed, and
 * "&lt;Unknown extended label&gt;" for extended label types other than bit strings. A
 * label type 0x80, a name that runs past the message, or an empty name longer than two
 * bytes are malformed ({@link BoundsException}).
 *
 * <p>{@link #formatted} writes the name as tshark's format_text shows it (escapes for
 * control characters, U+FFFD for bytes that are not UTF-8); {@link #raw} writes it as a
 * C string (up to the first NUL), which is how tshark shows an owner name for some types.
 */
final class DnsNames {
    /** Wireshark's MAX_DNAME_LEN: the name buffer, NUL included. */
    static final int MAX_DNAME_LEN = 255;
    /** Pointers followed before a name is declared looping. */
    private static final int MAX_POINTERS = 255;

    static final String ROOT = "<Root>";
    static final String LOOP = "<Name contains a pointer that loops>";
    static final String TOO_LONG = "<Name too long>";
    static final String UNKNOWN_EXTENDED = "<Unknown extended label>";

    private static final char REPLACEMENT = '\uFFFD';

    /** The expanded name's bytes. */
    private final byte[] name = new byte[MAX_DNAME_LEN + 16];
    /** Bytes of {@link #name} Wireshark counts as the name (bit-string text is not counted). */
    private int nameLen;
    /** Bytes written to {@link #name} (its C-string length, up to an embedded NUL). */
    private int written;
    /** When set, the name is this mark and not the bytes. */
    private String special;

    /**
     * Wireshark's get_dns_name: reads the name at {@code offset}, pointers counting from
     * {@code base}; returns the bytes it occupies at {@code offset}.
     */
    int read(PacketBuffer buf, int offset, int base) {
        int len = expand(buf, offset, base);
        if (special == null && (written == 0 || name[0] == 0) && len <= 2) {
            special = ROOT;
            return len;
        }
        if (len < 2 || (len > 2 && length() == 0)) {
            throw BoundsException.MALFORMED;
        }
        return len;
    }

    /** expand_dns_name's write position and room left (a bit-string label's printer updates them). */
    private int np;
    private int maxname;

    private int expand(PacketBuffer buf, int offset, int base) {
        final int start = offset;
        np = 0;
        int len = -1;
        int pointers = 0;
        maxname = MAX_DNAME_LEN;
        nameLen = 0;
        special = null;
        for (;;) {
            int c = Tvb.u8(buf, offset);
            offset++;
            if (c == 0) {
                break;
            }
            switch (c & 0xc0) {
                case 0x00 -> {
                    if (np != 0) {
                        if (maxname > 0) {
                            name[np++] = '.';
                            nameLen++;
                            maxname--;
                        }
                    } else {
                        maxname--;
                    }
                    for (int n = c; n > 0; n--, offset++) {
                        if (maxname > 0) {
                            // (once the buffer is full the bytes are skipped, not read)
                            name[np++] = (byte) Tvb.u8(buf, offset);
                            nameLen++;
                            maxname--;
                        }
                    }
                }
                case 0x40 -> {
                    if ((c & 0x3f) != 0x01) {
                        special = UNKNOWN_EXTENDED;
                        written = 0;
                        len = offset - start;
                        if (len < 1) {
                            throw BoundsException.MALFORMED;
                        }
                        return len;
                    }
                    // a bit-string label: written to the buffer but not counted in the name's length
                    int bitCount = Tvb.u8(buf, offset);
                    offset++;
                    int labelLen = (bitCount - 1) / 8 + 1;
                    print("\\[x");
                    while (labelLen-- > 0) {
                        if (maxname > 0) {
                            print(HEX2[Tvb.u8(buf, offset)]);
                        }
                        offset++;
                    }
                    if (maxname > 0) {
                        print("/" + bitCount + "]");
                    }
                }
                case 0x80 -> throw BoundsException.MALFORMED;
                default -> {
                    int target = base + (((c & 0x3f) << 8) | Tvb.u8(buf, offset));
                    offset++;
                    pointers++;
                    if (len < 0) {
                        len = offset - start;
                    }
                    if (target == offset + 2 || pointers > MAX_POINTERS) {
                        special = LOOP;
                        written = 0;
                        if (len < 1) {
                            throw BoundsException.MALFORMED;
                        }
                        return len;
                    }
                    offset = target;
                }
            }
        }
        if (maxname > 0) {
            written = np;
        } else {
            special = TOO_LONG;
            written = 0;
        }
        if (len < 0) {
            len = offset - start;
        }
        return len;
    }

    private static final String[] HEX2 = new String[256];

    static {
        for (int i = 0; i < 256; i++) {
            HEX2[i] = String.format("%02x", i);
        }
    }

    /** snprintf(np, maxname, s) and its bookkeeping, as expand_dns_name does it. */
    private void print(String s) {
        if (maxname <= 0) {
            return;
        }
        int n = s.length();
        int copy = Math.min(n, maxname - 1);
        for (int i = 0; i < copy; i++) {
            name[np + i] = (byte) s.charAt(i);
        }
        name[np + copy] = 0;
        if (n <= maxname) {
            np += n;
            maxname -= n;
        } else {
            maxname = 0;
        }
    }

    /** The name's length as Wireshark counts it (name_len). */
    int length() {
        return special != null ? special.length() : nameLen;
    }

    boolean isSpecial() {
        return special != null;
    }

    /** The byte at {@code i} of the name (for label counting). */
    int byteAt(int i) {
        return special != null ? special.charAt(i) : name[i] & 0xff;
    }

    /** Appends the name as format_text(name, name_len) shows it. */
    StringBuilder formatted(StringBuilder sb) {
        if (special != null) {
            return sb.append(special);
        }
        return formatText(sb, name, 0, nameLen);
    }

    /** The name as a C string (the raw {@code name} some record types print). */
    StringBuilder raw(StringBuilder sb) {
        if (special != null) {
            return sb.append(special);
        }
        int end = 0;
        while (end < written && name[end] != 0) {
            end++;
        }
        return appendUtf8(sb, name, 0, end);
    }

    String formattedString() {
        if (special != null) {
            return special;
        }
        return formatText(new StringBuilder(nameLen + 8), name, 0, nameLen).toString();
    }

    String rawString() {
        return raw(new StringBuilder(written + 8)).toString();
    }

    // ---------------------------------------------------------------------------------------

    /**
     * tshark 4.0's format_text: printable ASCII as is, \a \b \f \n \r \t \v, other ASCII
     * controls as three octal digits, UTF-8 sequences kept when printable and escaped as
     * \\uXXXX or \\UXXXXXXXX when not, and U+FFFD for each byte sequence that is not UTF-8
     * (old-style five- and six-byte sequences are decoded, then refused as out of range).
     */
    static StringBuilder formatText(StringBuilder sb, byte[] s, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = s[i++] & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else if (c < 0x80) {
                io.jcap.field.Formats.controlEscape(sb, c, false);
            } else {
                int n;
                int uc;
                if ((c & 0xe0) == 0xc0) {
                    n = 2;
                    uc = c & 0x1f;
                } else if ((c & 0xf0) == 0xe0) {
                    n = 3;
                    uc = c & 0x0f;
                } else if ((c & 0xf8) == 0xf0) {
                    n = 4;
                    uc = c & 0x07;
                } else if ((c & 0xfc) == 0xf8) {
                    n = 5;
                    uc = c & 0x03;
                } else if ((c & 0xfe) == 0xfc) {
                    n = 6;
                    uc = c & 0x01;
                } else {
                    sb.append(REPLACEMENT);
                    continue;
                }
                boolean ok = true;
                for (int k = 1; k < n; k++) {
                    if (i >= end || (s[i] & 0xc0) != 0x80) {
                        ok = false;
                        break;
                    }
                    uc = (uc << 6) | (s[i] & 0x3f);
                    i++;
                }
                if (!ok || (uc >= 0xd800 && uc <= 0xdfff) || uc > 0x10ffff) {
                    sb.append(REPLACEMENT);
                } else if (printable(uc)) {
                    sb.appendCodePoint(uc);
                } else if (uc <= 0xffff) {
                    sb.append("\\u");
                    hexUpper(sb, uc, 4);
                } else {
                    sb.append("\\U");
                    hexUpper(sb, uc, 8);
                }
            }
        }
        return sb;
    }

    /** GLib's g_unichar_isprint: anything but controls, format characters, unassigned and surrogates. */
    static boolean printable(int uc) {
        int t = Character.getType(uc);
        return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
                && t != Character.SURROGATE;
    }

    private static void hexUpper(StringBuilder sb, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(Character.toUpperCase(Character.forDigit((v >> shift) & 0xf, 16)));
        }
    }

    /**
     * Bytes that tshark prints raw, as a strict UTF-8 reader sees them (U+FFFD for each
     * maximal invalid part, overlong forms and surrogates included).
     */
    static StringBuilder appendUtf8(StringBuilder sb, byte[] s, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (s[i] < 0) {
                return sb.append(new String(s, off, len, StandardCharsets.UTF_8));
            }
        }
        for (int i = off; i < off + len; i++) {
            sb.append((char) s[i]);
        }
        return sb;
    }
}
