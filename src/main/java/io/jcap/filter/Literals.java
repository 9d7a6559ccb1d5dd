package io.jcap.filter;

import io.jcap.field.Base;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.field.ValueNames;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Turns the constants of a filter into values of the type they are compared with, with
 * tshark 4.0's rules and messages: unquoted literals (fvalue_from_literal), quoted
 * strings (fvalue_from_string), character constants, and value names (value_string and
 * true_false_string lookups, which replace the first error when they apply).
 */
final class Literals {
    private final ZoneId zone;

    Literals(ZoneId zone) {
        this.zone = zone;
    }

    /** A conversion failure; the caller adds the location. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    // ---- entry points

    /** An unquoted literal as a {@code type} value; {@code names} is the field whose value names apply (or null). */
    Values fromLiteral(FieldType type, String s, boolean partial, FieldDef names) throws Failure {
        Values v = new Values(type);
        try {
            literal(v, type, s, partial);
            return v;
        } catch (Failure e) {
            Values named = fromValueNames(type, s, names, e);
            if (named != null) {
                return named;
            }
            throw e;
        }
    }

    /** A quoted string as a {@code type} value. */
    Values fromString(FieldType type, byte[] bytes, FieldDef names) throws Failure {
        Values v = new Values(type);
        String s = new String(bytes, StandardCharsets.UTF_8);
        switch (FTypes.kind(type)) {
            case STRING -> {
                v.addString(s);
                return v;
            }
            case TIME -> {
                if (type == FieldType.ABSOLUTE_TIME) {
                    v.addLong(absoluteTime(s));
                    return v;
                }
            }
            case BYTES -> {
                if (type == FieldType.BYTES || type == FieldType.UINT_BYTES || type == FieldType.PROTOCOL) {
                    v.addBytes(bytes, 0, bytes.length);
                    return v;
                }
            }
            default -> {
            }
        }
        Failure first = new Failure(FTypes.prettyName(type) + " cannot be converted from a string (\"" + s + "\").");
        Values named = fromValueNames(type, s, names, first);
        if (named != null) {
            return named;
        }
        throw first;
    }

    /** A character constant as a {@code type} value. */
    Values fromCharConst(FieldType type, long c, String token) throws Failure {
        Values v = new Values(type);
        switch (FTypes.kind(type)) {
            case INTEGER -> {
                if (type == FieldType.BOOLEAN) {
                    v.addLong(c != 0 ? 1 : 0);
                } else {
                    v.addLong(c);
                }
                return v;
            }
            case BYTES -> {
                if (type == FieldType.BYTES || type == FieldType.UINT_BYTES || type == FieldType.PROTOCOL) {
                    v.addBytes(new byte[] {(byte) c}, 0, 1);
                    return v;
                }
            }
            case STRING -> {
                v.addString(String.valueOf((char) c));
                return v;
            }
            default -> {
            }
        }
        throw new Failure("Character constant " + token + " (0x" + Long.toHexString(c) + ") cannot be converted to "
                + FTypes.prettyName(type) + ".");
    }

    // ---- value names

    private Values fromValueNames(FieldType type, String s, FieldDef f, Failure first) throws Failure {
        if (f == null || !FTypes.isInteger(type) || type == FieldType.FRAMENUM || type == FieldType.IPXNET
                || type == FieldType.EUI64) {
            return null;
        }
        Values v = new Values(type);
        if (type == FieldType.BOOLEAN) {
            String t = f.trueText != null ? f.trueText : "True";
            String fa = f.falseText != null ? f.falseText : "False";
            if (t.equalsIgnoreCase(s)) {
                v.addLong(1);
                return v;
            }
            if (fa.equalsIgnoreCase(s)) {
                v.addLong(0);
                return v;
            }
            throw notFound(s, f);
        }
        ValueNames names = f.values;
        if (names == null) {
            // "cannot accept strings as values" does not replace the first message
            throw first;
        }
        if (f.base == Base.CUSTOM) {
            throw new Failure("\"" + f.abbrev + "\" cannot accept [custom] strings as values.");
        }
        if (names.isRange()) {
            throw new Failure("\"" + f.abbrev + "\" cannot accept [range] strings as values.");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.nameAt(i).equalsIgnoreCase(s)) {
                v.addLong(names.key(i));
                return v;
            }
        }
        throw notFound(s, f);
    }

    private static Failure notFound(String s, FieldDef f) {
        return new Failure("\"" + s + "\" cannot be found among the possible values for " + f.abbrev + ".");
    }

    // ---- literals by type

    private void literal(Values v, FieldType type, String s, boolean partial) throws Failure {
        switch (FTypes.kind(type)) {
            case INTEGER -> v.addLong(integer(type, s));
            case FLOAT -> v.addDouble(floating(s));
            case TIME -> v.addLong(type == FieldType.ABSOLUTE_TIME ? absoluteTime(s) : relativeTime(s));
            case IPV4 -> ipv4(v, s);
            case IPV6 -> ipv6(v, s);
            case STRING -> v.addString(s);
            case BYTES -> {
                byte[] b = type == FieldType.ETHER ? ether(s, partial) : bytes(s);
                v.addBytes(b, 0, b.length);
            }
            case NONE -> throw new Failure("\"" + s + "\" is not a valid value.");
        }
    }

    /** Integers: strtoul/strtol with base 0 (0x hex, 0 octal), 0b binary; booleans also True/False. */
    static long integer(FieldType type, String s) throws Failure {
        if (type == FieldType.BOOLEAN) {
            switch (s) {
                case "True", "TRUE" -> {
                    return 1;
                }
                case "False", "FALSE" -> {
                    return 0;
                }
                default -> {
                    BigInteger v = parseC(s, false);
                    if (v == null) {
                        throw new Failure("\"" + s + "\" is not a valid number.");
                    }
                    return v.signum() != 0 ? 1 : 0;
                }
            }
        }
        boolean signed = type.isSigned();
        if (!signed && s.indexOf('-') >= 0) {
            BigInteger v = parseC(s, true);
            if (v != null && v.signum() < 0) {
                throw new Failure("\"" + s + "\" too small for this field, minimum 0.");
            }
        }
        BigInteger v = parseC(s, signed);
        if (v == null) {
            throw new Failure("\"" + s + "\" is not a valid number.");
        }
        int bits = type.bits() == 0 ? 64 : type.bits();
        if (signed) {
            if (v.bitLength() > 63) {
                throw new Failure("\"" + s + "\" causes an integer overflow.");
            }
            long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
            long min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
            long x = v.longValue();
            if (x > max) {
                throw new Failure("\"" + s + "\" too big for this field, maximum " + max + ".");
            }
            if (x < min) {
                throw new Failure("\"" + s + "\" too small for this field, minimum " + min + ".");
            }
            return x;
        }
        if (v.bitLength() > 64) {
            throw new Failure("\"" + s + "\" causes an integer overflow.");
        }
        long x = v.longValue();
        if (bits < 64 && Long.compareUnsigned(x, (1L << bits) - 1) > 0) {
            throw new Failure("\"" + s + "\" too big for this field, maximum "
                    + Long.toUnsignedString((1L << bits) - 1) + ".");
        }
        return x;
    }

    /** C's strtoul/strtol(s, &end, 0) on the whole text, plus 0b binary; null unless all of it is a number. */
    static BigInteger parseC(String s, boolean allowSign) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (s.startsWith("0b", i) || s.startsWith("0B", i)) {
            radix = 2;
            i += 2;
        } else if (s.startsWith("0", i) && s.length() > i + 1) {
            radix = 8;
            i += 1;
        }
        if (i >= s.length()) {
            return null;
        }
        for (int k = i; k < s.length(); k++) {
            if (Character.digit(s.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(s.substring(i), radix);
        return negative ? v.negate() : v;
    }

    private static double floating(String s) throws Failure {
        try {
            String t = s.toLowerCase(Locale.ROOT);
            if (t.matches("[-+]?(inf|infinity)")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (t.matches("[-+]?nan")) {
                return Double.NaN;
            }
            if (t.matches("[-+]?0x.*")) {
                return Double.parseDouble(t.contains("p") ? t : t + "p0");
            }
            if (!t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[-+]?[0-9]+)?")) {
                throw new NumberFormatException();
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new Failure("\"" + s + "\" is not a valid number.");
        }
    }

    /** "[-]seconds[.fraction]", up to nine decimals; what follows the fraction's digits is ignored, as in tshark. */
    static long relativeTime(String s) throws Failure {
        Failure bad = new Failure("\"" + s + "\" is not a valid time.");
        int i = 0;
        boolean negative = false;
        if (s.startsWith("-")) {
            negative = true;
            i++;
        }
        long secs = 0;
        if (i < s.length() && s.charAt(i) != '.') {
            int from = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == from || (i < s.length() && s.charAt(i) != '.')) {
                throw bad;
            }
            secs = Long.parseLong(s.substring(from, i));
        }
        long nanos = 0;
        if (i < s.length()) {
            i++;
            int from = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int digits = i - from;
            if (digits > 9) {
                throw bad;
            }
            if (digits > 0) {
                nanos = Long.parseLong(s.substring(from, i));
                for (int k = digits; k < 9; k++) {
                    nanos *= 10;
                }
            }
        }
        long ns = secs * 1_000_000_000L + nanos;
        return negative ? -ns : ns;
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};

    /**
     * "Nov 12, 1999 08:55:44.123" or ISO 8601 "2011-07-04 12:34:56" ('T' or space, optional
     * fraction and zone); local time unless it says UTC, Z or an offset.
     */
    long absoluteTime(String s) throws Failure {
        Failure bad = new Failure("\"" + s + "\" is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\""
                + " or \"2011-07-04 12:34:56\"");
        String t = s.strip();
        ZoneId z = zone;
        if (t.endsWith(" UTC")) {
            z = ZoneOffset.UTC;
            t = t.substring(0, t.length() - 4).strip();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("([A-Za-z]{3}) +([0-9]{1,2}), +([0-9]{4}) +([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\\.[0-9]+)?")
                .matcher(t);
        try {
            LocalDateTime when;
            String fraction;
            if (m.matches()) {
                int month = -1;
                for (int i = 0; i < 12; i++) {
                    if (MONTHS[i].equalsIgnoreCase(m.group(1))) {
                        month = i + 1;
                    }
                }
                if (month < 0) {
                    throw bad;
                }
                when = LocalDateTime.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
                fraction = m.group(7);
            } else {
                m = java.util.regex.Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})"
                        + "(?::([0-9]{2})(\\.[0-9]+)?)?)?(Z|[-+][0-9]{2}:?[0-9]{2})?").matcher(t);
                if (!m.matches()) {
                    throw bad;
                }
                when = m.group(4) == null
                        ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3))).atStartOfDay()
                        : LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                                Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                fraction = m.group(7);
                if (m.group(8) != null) {
                    z = m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8).length() == 5
                            ? m.group(8).substring(0, 3) + ":" + m.group(8).substring(3) : m.group(8));
                }
            }
            long nanos = 0;
            if (fraction != null) {
                String digits = fraction.substring(1);
                if (digits.length() > 9) {
                    throw bad;
                }
                nanos = Long.parseLong((digits + "000000000").substring(0, 9));
            }
            ZonedDateTime at = when.atZone(z);
            return at.toEpochSecond() * 1_000_000_000L + nanos;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw bad;
        }
    }

    /** A dotted quad with an optional /bits (no name resolution: jcap runs as tshark -n does). */
    private static void ipv4(Values v, String s) throws Failure {
        String addr = s;
        int bits = 32;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            String b = s.substring(slash + 1);
            if (!b.matches("[0-9]+")) {
                throw new Failure("\"" + s + "\" is not a valid hostname or IPv4 address.");
            }
            long n = Long.parseLong(b.length() > 10 ? "99999999999" : b);
            long a = parseIPv4(addr);
            if (a < 0) {
                throw new Failure("\"" + addr + "\" is not a valid hostname or IPv4 address.");
            }
            if (n > 32) {
                throw new Failure("Netmask bits in a CIDR IPv4 address should be <= 32, not " + n);
            }
            bits = (int) n;
            v.addIPv4(a, bits);
            return;
        }
        long a = parseIPv4(addr);
        if (a < 0) {
            throw new Failure("\"" + s + "\" is not a valid hostname or IPv4 address.");
        }
        v.addIPv4(a, bits);
    }

    /** inet_pton's IPv4 form, or -1. */
    static long parseIPv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long a = 0;
        for (String p : parts) {
            if (!p.matches("[0-9]{1,3}") || (p.length() > 1 && p.startsWith("0"))) {
                return -1;
            }
            int o = Integer.parseInt(p);
            if (o > 255) {
                return -1;
            }
            a = a << 8 | o;
        }
        return a;
    }

    private static void ipv6(Values v, String s) throws Failure {
        String addr = s;
        int bits = 128;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            String b = s.substring(slash + 1);
            byte[] a = parseIPv6(addr);
            if (a == null || !b.matches("[0-9]+")) {
                throw new Failure("\"" + (a == null ? addr : s) + "\" is not a valid hostname or IPv6 address.");
            }
            long n = Long.parseLong(b.length() > 10 ? "99999999999" : b);
            if (n > 128) {
                throw new Failure("Prefix in a IPv6 address should be <= 128, not " + n);
            }
            v.addIPv6(a, 0, (int) n);
            return;
        }
        byte[] a = parseIPv6(addr);
        if (a == null) {
            throw new Failure("\"" + s + "\" is not a valid hostname or IPv6 address.");
        }
        v.addIPv6(a, 0, bits);
    }

    /** True for the text of an IPv6 address (RFC 4291 section 2.2 forms, IPv4 tail allowed). */
    static boolean isIPv6(String s) {
        return parseIPv6(s) != null;
    }

    static byte[] parseIPv6(String s) {
        if (s.isEmpty() || !s.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return null;
        }
        String head = dc >= 0 ? s.substring(0, dc) : s;
        String tail = dc >= 0 ? s.substring(dc + 2) : "";
        int[] h = groups(head, dc < 0 || tail.isEmpty());
        int[] t = dc >= 0 ? groups(tail, true) : new int[0];
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (dc < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        int base = 8 - t.length;
        for (int i = 0; i < t.length; i++) {
            out[2 * (base + i)] = (byte) (t[i] >> 8);
            out[2 * (base + i) + 1] = (byte) t[i];
        }
        return out;
    }

    /** Colon-separated 16-bit groups; an IPv4 tail (two groups) only where {@code v4Allowed}. */
    private static int[] groups(String s, boolean v4Allowed) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && v4Allowed && p.contains(".")) {
                long a = parseIPv4(p);
                if (a < 0) {
                    return null;
                }
                out.add((int) (a >>> 16));
                out.add((int) (a & 0xFFFF));
                continue;
            }
            if (!p.matches("[0-9A-Fa-f]{1,4}")) {
                return null;
            }
            out.add(Integer.parseInt(p, 16));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** hex_str_to_bytes without forced separators, or a single 0xNN byte. */
    static byte[] bytes(String s) throws Failure {
        if (s.length() == 4 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                && Lexer.isHex((byte) s.charAt(2)) && Lexer.isHex((byte) s.charAt(3))) {
            return new byte[] {(byte) Integer.parseInt(s.substring(2), 16)};
        }
        byte[] b = hexBytes(s);
        if (b == null) {
            throw new Failure("\"" + s + "\" is not a valid byte string.");
        }
        return b;
    }

    private static boolean isSep(char c) {
        return c == ':' || c == '-' || c == '.';
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /** Wireshark's hex_str_to_bytes(s, bytes, FALSE): pairs (or groups of four) of hex digits, separators optional. */
    static byte[] hexBytes(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int p = 0;
        int n = s.length();
        while (p < n) {
            if (hex(s, p) && hex(s, p + 1) && hex(s, p + 2) && hex(s, p + 3)) {
                out.write(Integer.parseInt(s.substring(p, p + 2), 16));
                out.write(Integer.parseInt(s.substring(p + 2, p + 4), 16));
                p += 4;
                if (p < n && isSep(s.charAt(p))) {
                    p++;
                }
            } else if (hex(s, p) && hex(s, p + 1)) {
                out.write(Integer.parseInt(s.substring(p, p + 2), 16));
                p += 2;
                if (p < n && isSep(s.charAt(p))) {
                    p++;
                }
            } else if (p + 1 < n && hex(s, p) && isSep(s.charAt(p + 1))) {
                out.write(Character.digit(s.charAt(p), 16));
                p += 2;
            } else if (p + 1 == n && hex(s, p)) {
                out.write(Character.digit(s.charAt(p), 16));
                p++;
            } else {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static byte[] ether(String s, boolean partial) throws Failure {
        byte[] b;
        try {
            b = bytes(s);
        } catch (Failure e) {
            throw new Failure("\"" + s + "\" is not a valid Ethernet address.");
        }
        if (partial) {
            return b;
        }
        if (b.length > 6) {
            throw new Failure("\"" + s + "\" contains too many bytes to be a valid Ethernet address.");
        }
        if (b.length < 6) {
            throw new Failure("\"" + s + "\" contains too few bytes to be a valid Ethernet address.");
        }
        return b;
    }
}
