package io.jcap.cli;

import io.jcap.io.rotate.RingPlan;

import java.math.BigInteger;

/**
 * -b (dumpcap's multiple files), -a filesize/files, and tcpdump's -C, -G and -W, checked
 * in tshark's and tcpdump's words. Reading a file, -b is allowed too (a jcap extension),
 * so that a recording can be split without live traffic.
 */
final class RecordingOptions {
    private static final BigInteger UINT32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);

    private RecordingOptions() {
    }

    /** One -b argument, as tshark's get_ring_arguments reads it. */
    static void ring(String arg, RingPlan.Settings ring, ReadSettings s) throws UsageException {
        int colon = arg.indexOf(':');
        if (colon < 0 || colon == arg.length() - 1) {
            throw new UsageException("Invalid or unknown -b arg \"" + arg + "\"");
        }
        String key = arg.substring(0, colon);
        String value = arg.substring(colon + 1);
        ring.multipleFiles = true;
        switch (key) {
            case "files" -> ring.ringFiles = (int) Math.min(uint32(value, "number of ring buffer files"),
                    RingPlan.MAX_NUMBER);
            case "filesize" -> ring.filesizeKb = uint32(value, "ring buffer filesize");
            case "duration" -> ring.durationSeconds = positiveDouble(value, "ring buffer duration");
            case "interval" -> ring.intervalSeconds = positive(value, "ring buffer interval");
            case "packets" -> ring.packets = positive(value, "ring buffer packet count");
            case "printname" -> s.printName = value;
            case "nametimenum" -> ring.timeFirst = positive(value, "file name: time before num") > 1;
            default -> {
                // tshark accepts other keys and ignores them
            }
        }
    }

    /**
     * The checks tshark makes once the options are read: several files need a file to
     * write, not the standard output, and something that says when to switch.
     */
    static void check(Options o, RingPlan.Settings ring, ReadSettings s) throws UsageException {
        if (!ring.multipleFiles) {
            if (ring.autostopFiles > 0) {
                throw new UsageException(o.readFile != null
                        ? "Multiple capture files requested, but a capture isn't being done."
                        : "Multiple capture files requested, but no maximum capture file size, duration,"
                        + " interval or packets were specified.");
            }
            if (o.readFile == null) {
                // a capture's one file still stops at -a filesize
                s.ring = ring.filesizeKb > 0 ? ring : null;
            }
            return;
        }
        if (o.writeFile == null) {
            throw new UsageException("Multiple capture files requested, but the capture isn't being saved to a file.");
        }
        if (o.writeFile.equals("-")) {
            throw new UsageException("Multiple capture files requested, but the capture is being written to the"
                    + " standard output.");
        }
        if (ring.filesizeKb == 0 && ring.durationSeconds < 0 && ring.intervalSeconds == 0 && ring.packets == 0) {
            throw new UsageException("Multiple capture files requested, but no maximum capture file size, duration,"
                    + " interval or packets were specified.");
        }
        s.ring = ring;
    }

    /** tcpdump's -C, -G and -W. */
    static void tcpdump(Options o, ReadSettings s) throws UsageException {
        if (o.tcpdumpFileSize != null) {
            String v = o.tcpdumpFileSize;
            if (!v.matches("[-+]?[0-9]+") || new BigInteger(v).signum() <= 0
                    || new BigInteger(v).bitLength() > 31) {
                throw new UsageException("invalid file size " + v);
            }
            s.tcpdumpBytes = Long.parseLong(v.startsWith("+") ? v.substring(1) : v) * 1_000_000L;
        }
        if (o.tcpdumpRotateSeconds != null) {
            long v = atoi(o.tcpdumpRotateSeconds);
            if (v < 0) {
                throw new UsageException("invalid number of seconds " + o.tcpdumpRotateSeconds);
            }
            s.tcpdumpSeconds = v;
        }
        if (o.tcpdumpFileCount != null) {
            long v = atoi(o.tcpdumpFileCount);
            if (v <= 0) {
                throw new UsageException("invalid number of output files " + o.tcpdumpFileCount);
            }
            s.tcpdumpFiles = (int) v;
        }
        if ((s.tcpdumpBytes > 0 || s.tcpdumpSeconds > 0) && s.ring != null) {
            throw new UsageException("tcpdump's -C and -G can't be combined with -b or -a filesize/files.");
        }
    }

    /** True when -G's argument is a number: tcpdump's seconds, not a glossary report. */
    static boolean isRotateSeconds(String glossary) {
        return glossary != null && glossary.matches("\\s*[-+]?[0-9].*");
    }

    /** C's atoi: leading blanks, a sign, the digits that follow; 0 when none. */
    private static long atoi(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([-+]?[0-9]+)").matcher(text);
        if (!m.find()) {
            return 0;
        }
        BigInteger v = new BigInteger(m.group(1).replace("+", ""));
        return v.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
    }

    /** An unsigned 32-bit count as tshark's get_nonzero_guint32 checks it. */
    static long uint32(String text, String what) throws UsageException {
        String t = text.stripLeading();
        if (!t.matches("\\+?[0-9]+")) {
            throw new UsageException("The specified " + what + " \"" + text + "\" isn't a decimal number");
        }
        BigInteger v = new BigInteger(t.replace("+", ""));
        if (v.compareTo(UINT32_MAX) > 0) {
            // tshark prints G_MAXUINT32 as a signed number
            throw new UsageException("The specified " + what + " \"" + text + "\" is too large (greater than -1)");
        }
        if (v.signum() == 0) {
            throw new UsageException("The specified " + what + " is zero");
        }
        return v.longValue();
    }

    /** A number as tshark's get_natural_int checks it (zero allowed). */
    static int natural(String text, String what) throws UsageException {
        if (!text.matches("[-+]?[0-9]+")) {
            throw new UsageException("The specified " + what + " \"" + text + "\" isn't a decimal number");
        }
        BigInteger big = new BigInteger(text);
        if (big.signum() < 0) {
            throw new UsageException("The specified " + what + " \"" + text + "\" is a negative number");
        }
        if (big.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new UsageException("The specified " + what + " \"" + text + "\" is too large (greater than "
                    + Integer.MAX_VALUE + ")");
        }
        return big.intValue();
    }

    /** A count as tshark's get_positive_int checks it: a natural number, and not zero. */
    static long positive(String text, String what) throws UsageException {
        int n = natural(text, what);
        if (n == 0) {
            throw new UsageException("The specified " + what + " is zero");
        }
        return n;
    }

    /** Seconds as tshark's get_positive_double reads them: strtod's prefix, only a negative refused. */
    static double positiveDouble(String text, String what) throws UsageException {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^\\s*([-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?)").matcher(text);
        double v = m.find() ? Double.parseDouble(m.group(1)) : 0;
        if (v < 0) {
            throw new UsageException("The specified " + what + " \"" + text + "\" is a negative number");
        }
        return v;
    }
}
