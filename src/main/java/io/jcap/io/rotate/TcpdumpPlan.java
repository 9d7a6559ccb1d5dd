package io.jcap.io.rotate;

import java.time.ZoneId;

/**
 * tcpdump's -C, -G and -W. -C: a new file once the current one is larger than so many
 * bytes, named FILE, FILE1, FILE2 ... (with -W, a ring of N files numbered with
 * enough zeros for N-1: FILE0, FILE1 ...). -G: a new file every so many seconds, its
 * -w name passed through strftime; with -W and no -C, the recording ends after N files.
 */
public final class TcpdumpPlan implements RotationPlan {
    private final String pattern;
    private final long maxBytes;
    private final long seconds;
    private final int maxFiles;
    private final ZoneId zone;
    /** Digits of the file number with -C and -W (tcpdump's WflagChars). */
    private final int digits;
    private long windowStart;
    private int sizeCount;
    private int timeCount;
    private boolean timeSwitch;

    /** @param maxBytes -C in bytes (0: none); seconds: -G (0: none); maxFiles: -W (0: none) */
    public TcpdumpPlan(String pattern, long maxBytes, long seconds, int maxFiles, ZoneId zone) {
        this.pattern = pattern;
        this.maxBytes = maxBytes;
        this.seconds = seconds;
        this.maxFiles = maxFiles;
        this.zone = zone;
        int d = 0;
        if (maxBytes > 0 && maxFiles > 0) {
            for (int x = maxFiles - 1; x > 0; x /= 10) {
                d++;
            }
        }
        this.digits = d;
    }

    private String name(int count, int width) {
        String base = seconds > 0 ? Strftime.format(pattern, windowStart, zone) : pattern;
        if (count == 0 && width == 0) {
            return base;
        }
        return base + (width == 0 ? Integer.toString(count) : String.format("%0" + width + "d", count));
    }

    @Override
    public String firstName(long nowMillis) {
        windowStart = nowMillis / 1000;
        return name(0, digits);
    }

    @Override
    public Step beforeFrame(CurrentFile file, long nowMillis) {
        timeSwitch = seconds > 0 && nowMillis / 1000 - windowStart >= seconds;
        if (timeSwitch) {
            return Step.SWITCH;
        }
        // tcpdump tests the size before writing, and only when it is already over
        return maxBytes > 0 && file.bytes() > maxBytes ? Step.SWITCH : Step.CONTINUE;
    }

    @Override
    public Step afterFrame(CurrentFile file, long nowMillis) {
        return Step.CONTINUE;
    }

    @Override
    public Step timer(CurrentFile file, long nowMillis) {
        // tcpdump only looks when a packet comes
        return Step.CONTINUE;
    }

    @Override
    public String nextName(CurrentFile file, long nowMillis) {
        if (timeSwitch) {
            windowStart = nowMillis / 1000;
            timeCount++;
            if (maxBytes == 0 && maxFiles > 0 && timeCount >= maxFiles) {
                return null;
            }
            sizeCount = 0;
            return name(0, maxBytes > 0 ? digits : 0);
        }
        sizeCount++;
        if (maxFiles > 0 && sizeCount >= maxFiles) {
            sizeCount = 0;
        }
        return name(sizeCount, digits);
    }

    @Override
    public String openError(String name, String reason) {
        return name + ": " + reason;
    }

    @Override
    public int keep() {
        return 0;
    }

    @Override
    public String limitNote() {
        return "Maximum file limit reached: " + maxFiles;
    }
}
