package io.jcap.io.rotate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * dumpcap's multiple files (-b) and its -a filesize/files: files named
 * {@code prefix_00001_20261121223915.suffix} (time first with nametimenum:2), switched
 * after so many packets, kB, seconds or at each multiple of an interval, the oldest
 * deleted beyond files:N. Without -b, filesize ends the recording in its one file.
 */
public final class RingPlan implements RotationPlan {
    /** dumpcap's file numbers wrap at this (RINGBUFFER_MAX_NUM_FILES). */
    public static final int MAX_NUMBER = 100_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** What -b and -a asked for; zero means not given. */
    public static final class Settings {
        /** Whether -b asked for several files at all. */
        public boolean multipleFiles;
        public long packets;
        public long filesizeKb;
        public double durationSeconds = -1;
        public long intervalSeconds;
        public int ringFiles;
        public long autostopFiles;
        public boolean timeFirst;
    }

    private final String saveFile;
    private final Settings s;
    private final ZoneId zone;
    private final String prefix;
    private final String suffix;
    private long nextInterval;

    public RingPlan(String saveFile, Settings s, ZoneId zone) {
        this.saveFile = saveFile;
        this.s = s;
        this.zone = zone;
        // as dumpcap: the suffix starts at the last dot of the file's own name, and the
        // prefix is then the directory joined to the rest (hence "./x" for "x.pcapng")
        int slash = saveFile.lastIndexOf('/');
        String base = saveFile.substring(slash + 1);
        int dot = base.lastIndexOf('.');
        if (dot < 0) {
            prefix = saveFile;
            suffix = "";
        } else {
            String dir = slash < 0 ? "." : slash == 0 ? "/" : saveFile.substring(0, slash);
            String stem = base.substring(0, dot);
            prefix = stem.isEmpty() ? dir : dir.endsWith("/") ? dir + stem : dir + "/" + stem;
            suffix = base.substring(dot);
        }
    }

    /** The name of file {@code number} (counted from 1) made at {@code millis}. */
    public String name(long number, long millis) {
        String num = String.format("%05d", number % MAX_NUMBER);
        String time = TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
        return prefix + "_" + (s.timeFirst ? time + "_" + num : num + "_" + time) + suffix;
    }

    @Override
    public String firstName(long nowMillis) {
        if (!s.multipleFiles) {
            return saveFile;
        }
        nextInterval = nextInterval(nowMillis);
        return name(1, nowMillis);
    }

    @Override
    public Step beforeFrame(CurrentFile file, long nowMillis) {
        return timer(file, nowMillis);
    }

    @Override
    public Step timer(CurrentFile file, long nowMillis) {
        if (!s.multipleFiles) {
            return Step.CONTINUE;
        }
        if (s.durationSeconds >= 0 && nowMillis - file.openedMillis() >= s.durationSeconds * 1000) {
            return Step.SWITCH;
        }
        if (s.intervalSeconds > 0 && nowMillis / 1000 >= nextInterval) {
            return Step.SWITCH;
        }
        return Step.CONTINUE;
    }

    @Override
    public Step afterFrame(CurrentFile file, long nowMillis) {
        if (s.multipleFiles && s.packets > 0 && file.packets() >= s.packets) {
            return Step.SWITCH;
        }
        // dumpcap counts kB as 1000 bytes, headers included
        if (s.filesizeKb > 0 && file.bytes() / 1000 >= s.filesizeKb) {
            return s.multipleFiles ? Step.SWITCH : Step.STOP;
        }
        return Step.CONTINUE;
    }

    @Override
    public String nextName(CurrentFile file, long nowMillis) {
        if (s.autostopFiles > 0 && file.files() >= s.autostopFiles) {
            return null;
        }
        nextInterval = nextInterval(nowMillis);
        return name(file.files() + 1, nowMillis);
    }

    /** The next whole multiple of the interval, in seconds since the epoch. */
    private long nextInterval(long nowMillis) {
        if (s.intervalSeconds <= 0) {
            return 0;
        }
        long now = nowMillis / 1000;
        return now - now % s.intervalSeconds + s.intervalSeconds;
    }

    @Override
    public String openError(String name, String reason) {
        // dumpcap names the -w file, not the numbered one
        return "The file to which the capture would be saved (\"" + saveFile + "\") could not be opened: "
                + reason + ".";
    }

    @Override
    public int keep() {
        return s.multipleFiles ? s.ringFiles : 0;
    }
}
