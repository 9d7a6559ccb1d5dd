package io.jcap.field;

/** Text forms of addresses and numbers as Wireshark prints them, appended without allocation. */
public final class Formats {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Formats() {
    }

    public static StringBuilder ipv4(StringBuilder sb, int a) {
        sb.append((a >>> 24) & 0xFF).append('.').append((a >>> 16) & 0xFF).append('.')
                .append((a >>> 8) & 0xFF).append('.').append(a & 0xFF);
        return sb;
    }

    public static StringBuilder ipv4(StringBuilder sb, byte[] b, int off) {
        sb.append(b[off] & 0xFF).append('.').append(b[off + 1] & 0xFF).append('.')
                .append(b[off + 2] & 0xFF).append('.').append(b[off + 3] & 0xFF);
        return sb;
    }

    public static StringBuilder ether(StringBuilder sb, long mac) {
        for (int i = 5; i >= 0; i--) {
            int b = (int) (mac >>> (8 * i)) & 0xFF;
            sb.append(HEX[b >> 4]).append(HEX[b & 0xF]);
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb;
    }

    /** Bytes as aa:bb:cc..., the form of MAC and other link addresses. */
    public static StringBuilder colonHex(StringBuilder sb, byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                sb.append(':');
            }
            int v = b[off + i] & 0xFF;
            sb.append(HEX[v >> 4]).append(HEX[v & 0xF]);
        }
        return sb;
    }

    private static int group(byte[] b, int off, int i) {
        return ((b[off + 2 * i] & 0xFF) << 8) | (b[off + 2 * i + 1] & 0xFF);
    }

    /** A 16-bit group without leading zeros. */
    private static void hexGroup(StringBuilder sb, int v) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = (v >> shift) & 0xF;
            if (digit != 0 || started || shift == 0) {
                sb.append(HEX[digit]);
                started = true;
            }
        }
    }

    public static StringBuilder hex(StringBuilder sb, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) (v >>> (4 * i)) & 0xF]);
        }
        return sb;
    }

    /** Bytes as contiguous lower-case hex. */
    public static StringBuilder hexBytes(StringBuilder sb, byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            int v = b[off + i] & 0xFF;
            sb.append(HEX[v >> 4]).append(HEX[v & 0xF]);
        }
        return sb;
    }

    /**
     * IPv6 in RFC 5952 form as Wireshark's inet_ntop prints it: the longest run of two
     * or more zero groups becomes "::" (the first such run on a tie), and
     * IPv4-compatible/-mapped addresses end in dotted quad.
     */
    public static StringBuilder ipv6(StringBuilder sb, byte[] b, int off) {
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (group(b, off, i) == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase >= 0) {
                if (bestBase < 0 || curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase >= 0 && (bestBase < 0 || curLen > bestLen)) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestBase >= 0 && bestLen < 2) {
            bestBase = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            // embedded IPv4: ::a.b.c.d or ::ffff:a.b.c.d
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && group(b, off, 5) == 0xffff))) {
                ipv4(sb, b, off + 12);
                break;
            }
            hexGroup(sb, group(b, off, i));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb;
    }

    /**
     * The bit pattern of a {@code width}-bit value under {@code mask}, as tree items show
     * bit fields: the masked bits as 0/1, the others as '.', in groups of four, then " = ".
     */
    public static StringBuilder bits(StringBuilder sb, long value, long mask, int width) {
        for (int i = width - 1; i >= 0; i--) {
            long bit = 1L << i;
            sb.append((mask & bit) == 0 ? '.' : (value & bit) != 0 ? '1' : '0');
            if (i > 0 && i % 4 == 0) {
                sb.append(' ');
            }
        }
        return sb.append(" = ");
    }

    /**
     * An ASCII control character (below 0x20, or DEL) as Wireshark's format_text writes it:
     * its C escape (\a \b \f \n \r \t \v) or, for the others, a backslash and three octal
     * digits; with {@code hex}, \xNN instead of octal, as the display filter's messages do.
     */
    public static StringBuilder controlEscape(StringBuilder sb, int c, boolean hex) {
        sb.append('\\');
        return switch (c) {
            case 7 -> sb.append('a');
            case 8 -> sb.append('b');
            case 12 -> sb.append('f');
            case 10 -> sb.append('n');
            case 13 -> sb.append('r');
            case 9 -> sb.append('t');
            case 11 -> sb.append('v');
            default -> hex ? sb.append('x').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16))
                    : sb.append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
                            .append((char) ('0' + (c & 7)));
        };
    }
}
