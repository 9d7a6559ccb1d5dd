package io.jcap.filter;

/**
 * C character constants ('a', '\n', '\x41', '\101', '\u00e9') as tshark 4.0 reads them,
 * quirks included: its '\n' case forgets to step past the 'n', so '\n' is "too long";
 * a byte above 0x7f is sign-extended in the "Non-printable value" message.
 */
final class CharConstants {
    private CharConstants() {
    }

    /** Parses {@code s[from, to)}, quotes included; {@code text} is the same as a string. */
    static long parse(byte[] s, int from, int to, String text) throws FilterException {
        int len = to - from;
        int cp = from + 1;
        // the text ends at the closing quote; reads past it see C's terminating NUL
        java.util.function.IntUnaryOperator at = i -> i < to ? s[i] & 0xFF : 0;
        if (at.applyAsInt(cp) == '\'') {
            throw new FilterException("Empty character constant.", from, len);
        }
        long value;
        if (at.applyAsInt(cp) == '\\') {
            cp++;
            int c = at.applyAsInt(cp);
            switch (c) {
                case 0 -> throw invalid(text, from, len);
                case 'a' -> {
                    value = 7;
                    cp++;
                }
                case 'b' -> {
                    value = 8;
                    cp++;
                }
                case 'f' -> {
                    value = 12;
                    cp++;
                }
                case 'n' -> value = 10;
                case 'r' -> {
                    value = 13;
                    cp++;
                }
                case 't' -> {
                    value = 9;
                    cp++;
                }
                case 'v' -> {
                    value = 11;
                    cp++;
                }
                case '\'', '\\', '"' -> {
                    value = c;
                    cp++;
                }
                case 'x' -> {
                    cp++;
                    int d = hex(at.applyAsInt(cp));
                    if (d < 0) {
                        throw invalid(text, from, len);
                    }
                    value = d;
                    cp++;
                    if (at.applyAsInt(cp) != '\'') {
                        d = hex(at.applyAsInt(cp));
                        if (d < 0) {
                            throw invalid(text, from, len);
                        }
                        value = value << 4 | d;
                        cp++;
                    }
                }
                case 'u', 'U' -> {
                    int digits = c == 'u' ? 4 : 8;
                    long v = 0;
                    for (int i = 1; i <= digits; i++) {
                        int d = hex(at.applyAsInt(cp + i));
                        if (d < 0) {
                            throw new FilterException(text + " is not a valid universal character name", from, len);
                        }
                        v = v << 4 | d;
                    }
                    if ((v < 0xA0 && v != 0x24 && v != 0x40 && v != 0x60) || (v >= 0xD800 && v <= 0xDFFF)
                            || v > 0x10FFFF) {
                        throw new FilterException(text + " is not a valid universal character name", from, len);
                    }
                    value = v;
                    cp += digits + 1;
                }
                default -> {
                    if (c < '0' || c > '7') {
                        throw invalid(text, from, len);
                    }
                    value = c - '0';
                    for (int k = 0; k < 2 && at.applyAsInt(cp + 1) != '\''; k++) {
                        cp++;
                        int d = at.applyAsInt(cp);
                        if (d < '0' || d > '7') {
                            throw invalid(text, from, len);
                        }
                        value = value << 3 | (d - '0');
                    }
                    if (value > 0xFF) {
                        throw new FilterException(text + " is too large to be a valid character constant.", from, len);
                    }
                    cp++;
                }
            }
        } else {
            // a plain char: C's char is signed
            value = s[cp];
            cp++;
            if (value < 0x20 || value >= 0x7f) {
                throw new FilterException(String.format("Non-printable value '0x%02x' in character constant.", value),
                        from, len);
            }
        }
        if (at.applyAsInt(cp) != '\'' || cp + 1 != to) {
            throw new FilterException(text + " is too long to be a valid character constant.", from, len);
        }
        return value;
    }

    private static FilterException invalid(String text, int from, int len) {
        return new FilterException(text + " isn't a valid character constant.", from, len);
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
