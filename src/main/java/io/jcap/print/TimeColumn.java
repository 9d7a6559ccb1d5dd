package io.jcap.print;

import io.jcap.frame.Frame;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The Time column: keeps the reference times a format needs (first frame, previous
 * captured and previous displayed frame) and formats one frame's time into a
 * StringBuilder, truncated to the frame's precision as tshark does.
 */
public final class TimeColumn {
    private final TimeFormat format;
    private final ZoneRules zone;
    private boolean hms;
    private boolean haveFirst;
    private long firstSec;
    private int firstNanos;
    private boolean havePrev;
    private long prevSec;
    private int prevNanos;
    private long prevShownSec;
    private int prevShownNanos;
    private boolean havePrevShown;

    public TimeColumn(TimeFormat format, ZoneId zone) {
        this.format = format;
        this.zone = zone.getRules();
    }

    /** -u hms: relative and delta times in hours, minutes and seconds. Returns this. */
    public TimeColumn hms(boolean on) {
        this.hms = on;
        return this;
    }

    public TimeFormat format() {
        return format;
    }

    /** Call for every frame read, shown or not, before formatting it. */
    public void captured(Frame f) {
        if (!haveFirst) {
            haveFirst = true;
            firstSec = f.seconds;
            firstNanos = f.nanos;
        }
    }

    /** Call after a frame was handled, with whether it was displayed. */
    public void done(Frame f, boolean displayed) {
        havePrev = true;
        prevSec = f.seconds;
        prevNanos = f.nanos;
        if (displayed) {
            havePrevShown = true;
            prevShownSec = f.seconds;
            prevShownNanos = f.nanos;
        }
    }

    /** Makes {@code f} the previous frame, captured and displayed, for the next frame's deltas. */
    public void previous(Frame f) {
        havePrev = havePrevShown = true;
        prevSec = prevShownSec = f.seconds;
        prevNanos = prevShownNanos = f.nanos;
    }

    public void append(StringBuilder sb, Frame f) {
        if (!f.hasTime) {
            return;
        }
        int p = f.precision;
        switch (format) {
            case RELATIVE -> difference(sb, f.seconds, f.nanos, firstSec, firstNanos, p, hms);
            case DELTA -> difference(sb, f.seconds, f.nanos, havePrev ? prevSec : f.seconds,
                    havePrev ? prevNanos : f.nanos, p, hms);
            case DELTA_DISPLAYED -> difference(sb, f.seconds, f.nanos, havePrevShown ? prevShownSec : f.seconds,
                    havePrevShown ? prevShownNanos : f.nanos, p, hms);
            case EPOCH -> signed(sb, f.seconds, f.nanos, p);
            default -> absolute(sb, f, p);
        }
    }

    /**
     * Writes the frame's time straight to {@code out} for the formats that are signed seconds
     * (relative, delta, epoch), the same text {@link #append} makes; false for the others.
     */
    public boolean write(Output out, Frame f) throws java.io.IOException {
        if (!f.hasTime) {
            return true;
        }
        if (hms && format != TimeFormat.EPOCH) {
            return false;
        }
        long bSec;
        int bNanos;
        switch (format) {
            case RELATIVE -> {
                bSec = firstSec;
                bNanos = firstNanos;
            }
            case DELTA -> {
                bSec = havePrev ? prevSec : f.seconds;
                bNanos = havePrev ? prevNanos : f.nanos;
            }
            case DELTA_DISPLAYED -> {
                bSec = havePrevShown ? prevShownSec : f.seconds;
                bNanos = havePrevShown ? prevShownNanos : f.nanos;
            }
            case EPOCH -> {
                signed(out, f.seconds, f.nanos, f.precision);
                return true;
            }
            default -> {
                return false;
            }
        }
        long sec = f.seconds - bSec;
        long nanos = (long) f.nanos - bNanos;
        sec += nanos / 1_000_000_000L;
        nanos %= 1_000_000_000L;
        if (sec > 0 && nanos < 0) {
            sec -= 1;
            nanos += 1_000_000_000L;
        } else if (sec < 0 && nanos > 0) {
            sec += 1;
            nanos -= 1_000_000_000L;
        }
        signed(out, sec, nanos, f.precision);
        return true;
    }

    /** {@link #signed(StringBuilder, long, long, int)} to the output. */
    private static void signed(Output out, long sec, long nanos, int p) throws java.io.IOException {
        long f = truncated(nanos, p);
        if (f < 0 && sec >= 0) {
            out.ascii('-');
        }
        out.number(sec);
        if (p > 0) {
            out.ascii('.');
            // digits(): the last p digits of |f|, zeros first
            long v = Math.abs(f);
            long limit = 1;
            for (int i = 0; i < p && limit <= Long.MAX_VALUE / 10; i++) {
                limit *= 10;
            }
            out.zeroPadded(p >= 19 ? v : v % limit, p);
        }
    }

    /** a - b as seconds with {@code p} decimals, normalised so both parts share a sign. */
    static void difference(StringBuilder sb, long aSec, int aNanos, long bSec, int bNanos, int p, boolean hms) {
        long sec = aSec - bSec;
        long nanos = (long) aNanos - bNanos;
        sec += nanos / 1_000_000_000L;
        nanos %= 1_000_000_000L;
        if (sec > 0 && nanos < 0) {
            sec -= 1;
            nanos += 1_000_000_000L;
        } else if (sec < 0 && nanos > 0) {
            sec += 1;
            nanos -= 1_000_000_000L;
        }
        if (hms) {
            hoursMinutesSeconds(sb, sec, nanos, p);
        } else {
            signed(sb, sec, nanos, p);
        }
    }

    /**
     * tshark's -u hms: "4.500000s", "1m  4.500000s", "1h  2m  4.623456s" (minutes and
     * seconds two wide after a larger unit), and "- " before a negative time.
     */
    static void hoursMinutesSeconds(StringBuilder sb, long sec, long nanos, int p) {
        long f = truncated(nanos, p);
        if (sec < 0 || f < 0) {
            sb.append("- ");
        }
        long s = Math.abs(sec);
        if (s >= 3600) {
            sb.append(s / 3600).append('h');
            twoWide(sb.append(' '), s % 3600 / 60).append('m');
            twoWide(sb.append(' '), s % 60);
        } else if (s >= 60) {
            sb.append(s / 60).append('m');
            twoWide(sb.append(' '), s % 60);
        } else {
            sb.append(s);
        }
        if (p > 0) {
            sb.append('.');
            digits(sb, Math.abs(f), p);
        }
        sb.append('s');
    }

    private static StringBuilder twoWide(StringBuilder sb, long v) {
        return (v < 10 ? sb.append(' ') : sb).append(v);
    }

    /**
     * tshark's signed seconds: the fraction is truncated to {@code p} digits first; a
     * minus sign is printed for a negative fraction only when the seconds are not
     * already negative (so -0.4 s at 0 decimals prints "0").
     */
    static void signed(StringBuilder sb, long sec, long nanos, int p) {
        long f = truncated(nanos, p);
        if (f < 0 && sec >= 0) {
            sb.append('-');
        }
        sb.append(sec);
        if (p > 0) {
            sb.append('.');
            digits(sb, Math.abs(f), p);
        }
    }

    private static void digits(StringBuilder sb, long v, int p) {
        int start = sb.length();
        for (int i = 0; i < p; i++) {
            sb.append('0');
        }
        for (int i = sb.length() - 1; i >= start && v > 0; i--) {
            sb.setCharAt(i, (char) ('0' + v % 10));
            v /= 10;
        }
    }

    /** The first {@code p} of a fraction's nine decimals (truncated, as tshark does). */
    private static long truncated(long nanos, int p) {
        long v = nanos;
        for (int i = 9; i > p; i--) {
            v /= 10;
        }
        return v;
    }

    private static void fraction(StringBuilder sb, long nanos, int p) {
        if (p <= 0) {
            return;
        }
        long v = truncated(nanos, p);
        sb.append('.');
        if (v < 0) {
            // C's %06ld of a negative number, for fractions pcap files leave unnormalised
            String s = Long.toString(v);
            for (int i = s.length(); i < p; i++) {
                sb.append('0');
            }
            sb.append(s);
            return;
        }
        digits(sb, v, p);
    }

    private void absolute(StringBuilder sb, Frame f, int p) {
        ZoneOffset offset = format.utc() ? ZoneOffset.UTC : zone.getOffset(Instant.ofEpochSecond(f.seconds));
        LocalDateTime t = LocalDateTime.ofEpochSecond(f.seconds, 0, offset);
        switch (format) {
            case ABSOLUTE_DATE, UTC_DATE -> {
                sb.append(t.getYear()).append('-');
                two(sb, t.getMonthValue()).append('-');
                two(sb, t.getDayOfMonth()).append(' ');
            }
            case ABSOLUTE_DOY, UTC_DOY -> {
                sb.append(t.getYear()).append('/');
                int doy = t.getDayOfYear();
                if (doy < 100) {
                    sb.append('0');
                }
                two(sb, doy).append(' ');
            }
            default -> {
            }
        }
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        fraction(sb, f.nanos, p);
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
