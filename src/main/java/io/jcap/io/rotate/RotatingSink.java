package io.jcap.io.rotate;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSink;
import io.jcap.frame.InterfaceInfo;
import io.jcap.io.OutputFiles;
import io.jcap.io.pcap.PcapWriter;
import io.jcap.io.pcapng.PcapngWriter;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Writes frames to a sequence of capture files, moving to the next file when its plan
 * says so: every frame goes to exactly one file, and every file closed is complete
 * (headers even when it holds no frame). Files are created 0600, as dumpcap's.
 */
public final class RotatingSink implements FrameSink {
    /** Makes the writer of one file. */
    public interface WriterFactory {
        FrameSink open(OutputStream out) throws IOException;
    }

    private final RotationPlan plan;
    private final WriterFactory writers;
    private final LongSupplier clock;
    private final PrintStream printName;
    private final Deque<String> kept = new ArrayDeque<>();
    private final State state = new State();
    private FrameSink writer;
    private String name;
    private boolean stopped;
    /** For the header of a pcap file that gets no frame: the last link type seen. */
    private int linkType = 1;
    private int snapLength;
    private java.util.function.Consumer<String> onOpen = name -> { };

    /**
     * @param printName where each closed file's name is printed (-b printname), or null
     */
    public RotatingSink(RotationPlan plan, WriterFactory writers, LongSupplier clock, PrintStream printName) {
        this.plan = plan;
        this.writers = writers;
        this.clock = clock;
        this.printName = printName;
    }

    /** The link type and snapshot length of a pcap file that gets no frame before its first. */
    public void defaults(int linkType, int snapLength) {
        this.linkType = linkType;
        this.snapLength = snapLength;
    }

    /**
     * Told each file's name as it is opened: tshark logs {@code File: "name"} then (its
     * "Capture started." and "File:" messages on the standard error).
     */
    public void onOpen(java.util.function.Consumer<String> listener) {
        this.onOpen = listener;
    }

    /** Opens the first file now (a recording has one even when no frame comes). */
    public void start() throws IOException {
        if (writer == null && !stopped) {
            open(plan.firstName(clock.getAsLong()));
        }
    }

    /** True once the plan ended the recording: the caller stops feeding frames. */
    public boolean stopped() {
        return stopped;
    }

    /** The plan's line for the standard error when it ended the recording, or null. */
    public String limitNote() {
        return stopped ? plan.limitNote() : null;
    }

    /** The file being written, or null. */
    public String currentName() {
        return name;
    }

    @Override
    public void write(Frame frame, InterfaceInfo iface) throws IOException {
        start();
        if (stopped) {
            return;
        }
        long now = clock.getAsLong();
        if (!apply(plan.beforeFrame(state, now), now)) {
            return;
        }
        linkType = frame.linkType;
        if (iface != null) {
            snapLength = iface.snapLength();
        }
        writer.write(frame, iface);
        state.packets++;
        long after = clock.getAsLong();
        apply(plan.afterFrame(state, after), after);
    }

    /** Lets time conditions act with no frame coming (duration, interval). */
    public void tick() throws IOException {
        if (writer != null && !stopped) {
            long now = clock.getAsLong();
            apply(plan.timer(state, now), now);
        }
    }

    /** Acts on a step; true when there is still a file to write to. */
    private boolean apply(Step step, long now) throws IOException {
        switch (step) {
            case SWITCH -> {
                String next = plan.nextName(state, now);
                closeCurrent();
                if (next == null) {
                    stopped = true;
                    return false;
                }
                open(next);
            }
            case STOP -> {
                stopped = true;
            }
            default -> {
            }
        }
        return writer != null;
    }

    private void open(String next) throws IOException {
        int keep = plan.keep();
        if (keep > 0) {
            // a ring buffer: the oldest file goes before the next one is made
            while (kept.size() >= keep) {
                Files.deleteIfExists(Path.of(kept.removeFirst()));
            }
        }
        OutputStream file;
        try {
            file = OutputFiles.createOwnerOnly(next);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RecordingException(plan.openError(next, "No such file or directory"));
        } catch (java.nio.file.AccessDeniedException e) {
            throw new RecordingException(plan.openError(next, "Permission denied"));
        } catch (java.nio.file.FileSystemException e) {
            throw new RecordingException(plan.openError(next, e.getReason() != null ? e.getReason() : e.getMessage()));
        }
        state.counter = new Counting(new BufferedOutputStream(file, 1 << 16));
        writer = writers.open(state.counter);
        name = next;
        kept.addLast(next);
        state.packets = 0;
        state.opened = clock.getAsLong();
        state.files++;
        onOpen.accept(next);
    }

    private void closeCurrent() throws IOException {
        if (writer == null) {
            return;
        }
        try {
            if (writer instanceof PcapWriter w && w.linkType() < 0) {
                w.start(linkType, snapLength);
            } else if (writer instanceof PcapngWriter w) {
                w.startIfNeeded();
            }
            writer.flush();
        } finally {
            writer.close();
            writer = null;
        }
        if (printName != null) {
            printName.println(name);
            printName.flush();
        }
    }

    @Override
    public void flush() throws IOException {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
    }

    private static final class State implements CurrentFile {
        Counting counter;
        long packets;
        long opened;
        long files;

        @Override
        public long bytes() {
            return counter == null ? 0 : counter.count;
        }

        @Override
        public long packets() {
            return packets;
        }

        @Override
        public long openedMillis() {
            return opened;
        }

        @Override
        public long files() {
            return files;
        }
    }

    /** Counts what the writer hands over, buffered or not: the file's size as ftell sees it. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
