package io.jcap.filter;

import java.util.List;

/**
 * One part of a slice or layer range, as tshark's drange nodes: [i:j] start and length,
 * [i-j] start and inclusive end, [i] one byte, [:j] from 0, [i:] to the end. Negative
 * offsets count from the end.
 */
record RangeSpec(int start, Ending ending, int lengthOrEnd, String text) {
    enum Ending { LENGTH, OFFSET, TO_THE_END }

    /** Parses a node's text as tshark 4.0 does, with its messages. */
    static RangeSpec parse(String text, int at, int len) throws FilterException {
        int[] pos = {0};
        int lower;
        if (text.startsWith(":")) {
            lower = 0;
        } else {
            Long v = number(text, pos);
            if (v == null) {
                throw new FilterException("\"" + text.substring(pos[0]) + "\" is not a valid number.", at, len);
            }
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new FilterException("\"" + text + "\" causes an integer overflow.", at, len);
            }
            lower = (int) (long) v;
        }
        skipSpaces(text, pos);
        Ending ending;
        long upper;
        if (pos[0] >= text.length()) {
            ending = Ending.LENGTH;
            upper = 1;
        } else if (text.charAt(pos[0]) == '-' || text.charAt(pos[0]) == ':') {
            boolean offset = text.charAt(pos[0]) == '-';
            pos[0]++;
            if (!offset && pos[0] >= text.length()) {
                ending = Ending.TO_THE_END;
                upper = 0;
            } else {
                Long v = number(text, pos);
                if (v == null || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                    throw invalid(text, at, len);
                }
                upper = v;
                ending = offset ? Ending.OFFSET : Ending.LENGTH;
            }
        } else {
            throw invalid(text, at, len);
        }
        skipSpaces(text, pos);
        if (pos[0] < text.length()) {
            throw invalid(text, at, len);
        }
        if (ending == Ending.LENGTH && upper <= 0) {
            throw new FilterException("Range " + text + " isn't valid because length " + upper + " isn't positive",
                    at, len);
        }
        if (ending == Ending.OFFSET) {
            if ((lower < 0 && upper > 0) || (lower > 0 && upper < 0)) {
                throw new FilterException("Range " + text + " isn't valid because " + lower + " and " + upper
                        + " have different signs", at, len);
            }
            if (upper <= lower) {
                throw new FilterException("Range " + text + " isn't valid because " + lower
                        + " is greater or equal than " + upper, at, len);
            }
        }
        return new RangeSpec(lower, ending, (int) upper, text);
    }

    private static FilterException invalid(String text, int at, int len) {
        return new FilterException("\"" + text + "\" is not a valid range.", at, len);
    }

    private static void skipSpaces(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    /** strtol(s, &end, 0): optional spaces and sign, then 0x hex, 0 octal or decimal; null if no digits. */
    private static Long number(String s, int[] pos) {
        int i = pos[0];
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        int digits = i;
        long v = 0;
        boolean overflow = false;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
            v = v * radix + Character.digit(s.charAt(i), radix);
            if (v > 1L << 40) {
                overflow = true;
            }
            i++;
        }
        if (i == digits) {
            return null;
        }
        pos[0] = i;
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return negative ? -v : v;
    }

    /** Where this node starts in a value of {@code size} bytes, or -1 when it falls outside. */
    int from(int size) {
        int from = start < 0 ? size + start : start;
        return from < 0 || from > size ? -1 : from;
    }

    /** How many bytes it takes from {@code from} (see {@link #from}), or -1 when they are not all there. */
    int length(int size, int from) {
        int end = switch (ending) {
            case LENGTH -> from + lengthOrEnd;
            case OFFSET -> (lengthOrEnd < 0 ? size + lengthOrEnd : lengthOrEnd) + 1;
            default -> size;
        };
        return end > size || end < from ? -1 : end - from;
    }

    static String join(List<RangeSpec> ranges) {
        StringBuilder sb = new StringBuilder();
        for (RangeSpec r : ranges) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r.text.strip());
        }
        return sb.toString();
    }
}
