package io.jcap.print;

import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.frame.Frame;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The summary view on a thread of its own (DESIGN.md, "all cores"): the dissecting thread
 * copies each packet's column values into a batch of rows and hands full batches over;
 * the printing thread formats them, in frame order, with the time references kept on its
 * side. Formatting is about a fifth of a summary run, so on two cores it overlaps the
 * dissection of the next packets. The {@link SummaryPrinter} and its {@link Output} belong
 * to the printing thread alone while it runs; {@link #finish} and {@link #drain} wait for
 * it, so that whoever flushes afterwards sees everything written.
 */
public final class PipelinedSummary implements PacketView {
    private static final int ROWS = 512;
    /** Batches in flight: enough that neither side waits on the other's hiccups. */
    private static final int BATCHES = 8;
    private static final Batch END = new Batch(0);

    private final SummaryPrinter printer;
    private final TimeColumn time;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    /** What the printing thread failed with (a closed pipe), reported on the next call. */
    private volatile Throwable failure;
    private Batch current;
    private boolean finished;

    /**
     * {@code time}: the Time column's own references; the printing thread updates them, so
     * the caller must not share this instance with anything else.
     */
    public PipelinedSummary(Output out, TimeColumn time, AddressText addresses, char delimiter) {
        this.printer = new SummaryPrinter(out, time, addresses, delimiter);
        this.time = time;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(ROWS));
        }
        thread = new Thread(this::printLoop, "jcap-print");
        thread.setDaemon(true);
        thread.start();
    }

    /** One packet's columns, owned by the batch: the frame's time and lengths, not its bytes. */
    private static final class Row {
        final Frame frame = new Frame();
        final Address src = new Address();
        final Address dst = new Address();
        String protocol;
        char[] info = new char[128];
        int infoLength;

        /** False: the frame only moves the time references on. */
        boolean shown;

        void time(Frame f) {
            frame.number = f.number;
            frame.seconds = f.seconds;
            frame.nanos = f.nanos;
            frame.precision = f.precision;
            frame.hasTime = f.hasTime;
        }

        void copy(Dissection d) {
            Frame f = d.frame;
            time(f);
            frame.originalLength = f.originalLength;
            frame.capturedLength = f.capturedLength;
            src.copyFrom(d.src);
            dst.copyFrom(d.dst);
            protocol = d.protocol;
            StringBuilder text = d.info.contents();
            int n = text.length();
            if (info.length < n) {
                info = new char[Math.max(n, info.length * 2)];
            }
            text.getChars(0, n, info, 0);
            infoLength = n;
        }
    }

    /** Rows handed over together; {@code done}, when set, is released once they are printed. */
    private static final class Batch {
        final Row[] rows;
        int size;
        java.util.concurrent.CountDownLatch done;

        Batch(int n) {
            rows = new Row[n];
            for (int i = 0; i < n; i++) {
                rows[i] = new Row();
            }
        }
    }

    @Override
    public boolean needsFields() {
        return false;
    }

    @Override
    public void print(Dissection d) throws IOException {
        add(d, true);
    }

    @Override
    public void skipped(Dissection d) throws IOException {
        add(d, false);
    }

    private void add(Dissection d, boolean shown) throws IOException {
        if (current == null) {
            current = take(free);
        }
        Row row = current.rows[current.size++];
        row.shown = shown;
        if (shown) {
            row.copy(d);
        } else {
            row.time(d.frame);
        }
        if (current.size == current.rows.length) {
            handOver(current);
            current = null;
        }
    }

    @Override
    public void drain() throws IOException {
        if (finished) {
            return;
        }
        Batch b = current != null ? current : take(free);
        current = null;
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        b.done = done;
        handOver(b);
        await(done);
        rethrow();
    }

    @Override
    public void finish() throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            return;
        }
        drain();
        finished = true;
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
        rethrow();
    }

    private void printLoop() {
        try {
            while (true) {
                Batch b = full.take();
                if (b == END) {
                    return;
                }
                try {
                    if (failure == null) {
                        for (int i = 0; i < b.size; i++) {
                            Row r = b.rows[i];
                            time.captured(r.frame);
                            if (r.shown) {
                                printer.line(r.frame, r.src, r.dst, r.protocol, r.info, r.infoLength);
                            }
                            time.done(r.frame, r.shown);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failure = e;
                } finally {
                    b.size = 0;
                    java.util.concurrent.CountDownLatch done = b.done;
                    b.done = null;
                    free.add(b);
                    if (done != null) {
                        done.countDown();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver(Batch b) throws IOException {
        rethrow();
        put(b);
    }

    private void put(Batch b) throws IOException {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private static Batch take(BlockingQueue<Batch> q) throws IOException {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
    }
}
