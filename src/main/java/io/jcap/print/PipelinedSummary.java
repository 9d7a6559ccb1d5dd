package io.jcap.print;

import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.frame.Frame;

import java.io.IOException;

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

    private final SummaryPrinter printer;
    private final TimeColumn time;
    private final PrintingThread<Batch> thread;
    private Batch current;

    /**
     * {@code time}: the Time column's own references; the printing thread updates them, so
     * the caller must not share this instance with anything else.
     */
    public PipelinedSummary(Output out, TimeColumn time, AddressText addresses, char delimiter) {
        this.printer = new SummaryPrinter(out, time, addresses, delimiter);
        this.time = time;
        java.util.List<Batch> batches = new java.util.ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            batches.add(new Batch(ROWS));
        }
        thread = new PrintingThread<>("jcap-print", batches, this::printBatch);
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
            int n = d.info.length();
            if (info.length < n) {
                info = new char[Math.max(n, info.length * 2)];
            }
            d.info.getRawChars(info);
            infoLength = n;
        }
    }

    /** Rows handed over together. */
    private static final class Batch extends PrintingThread.Batch {
        final Row[] rows;

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
            current = thread.take();
        }
        Row row = current.rows[current.size++];
        row.shown = shown;
        if (shown) {
            row.copy(d);
        } else {
            row.time(d.frame);
        }
        if (current.size == current.rows.length) {
            thread.handOver(current);
            current = null;
        }
    }

    @Override
    public void drain() throws IOException {
        Batch b = current;
        current = null;
        thread.drain(b);
    }

    @Override
    public void finish() throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        Batch b = current;
        current = null;
        thread.close(b);
    }

    private void printBatch(Batch b) throws IOException {
        for (int i = 0; i < b.size; i++) {
            Row r = b.rows[i];
            time.captured(r.frame);
            if (r.shown) {
                printer.line(r.frame, r.src, r.dst, r.protocol, r.info, r.infoLength);
            }
            time.done(r.frame, r.shown);
        }
    }
}
