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

    /**
     * The endpoints of a batch's rows, field by field ({@link Address#copyFrom}'s four);
     * the bytes of row r at r * 16.
     */
    private static final class Addresses {
        final Address.Type[] type;
        final int[] length;
        final String[] text;
        final byte[] bytes;

        Addresses(int rows) {
            type = new Address.Type[rows];
            length = new int[rows];
            text = new String[rows];
            bytes = new byte[rows * 16];
        }

        void put(int r, Address a) {
            type[r] = a.type;
            length[r] = a.length;
            text[r] = a.text;
            System.arraycopy(a.bytes, 0, bytes, r * 16, a.length);
        }

        void get(int r, Address a) {
            a.type = type[r];
            a.length = length[r];
            a.text = text[r];
            System.arraycopy(bytes, r * 16, a.bytes, 0, length[r]);
        }
    }

    /**
     * Rows handed over together, column by column: the packets' time and lengths (not their
     * bytes), endpoints, protocol and Info text. The dissecting thread writes each column
     * in sequence; one object per row, spread over the heap, made those writes cache misses
     * (a tenth of that thread's time).
     */
    private static final class Batch extends PrintingThread.Batch {
        final long[] number;
        final long[] seconds;
        final int[] nanos;
        final int[] precision;
        final int[] originalLength;
        /** HAS_TIME, SHOWN (false: the frame only moves the time references on). */
        final byte[] flags;
        final Addresses src;
        final Addresses dst;
        final String[] protocol;
        /** The Info texts one after another, as {@link io.jcap.dissect.InfoColumn#getRawChars}; row r's ends at infoEnd[r]. */
        char[] info;
        final int[] infoEnd;

        Batch(int rows) {
            number = new long[rows];
            seconds = new long[rows];
            nanos = new int[rows];
            precision = new int[rows];
            originalLength = new int[rows];
            flags = new byte[rows];
            src = new Addresses(rows);
            dst = new Addresses(rows);
            protocol = new String[rows];
            info = new char[rows * 64];
            infoEnd = new int[rows];
        }

        int infoStart(int r) {
            return r == 0 ? 0 : infoEnd[r - 1];
        }

        void time(int r, Frame f) {
            number[r] = f.number;
            seconds[r] = f.seconds;
            nanos[r] = f.nanos;
            precision[r] = f.precision;
            flags[r] = f.hasTime ? HAS_TIME : 0;
        }

        void copy(int r, Dissection d) {
            Frame f = d.frame;
            time(r, f);
            flags[r] |= SHOWN;
            originalLength[r] = f.originalLength;
            src.put(r, d.src);
            dst.put(r, d.dst);
            protocol[r] = d.protocol;
            int start = infoStart(r);
            int n = d.info.length();
            if (info.length < start + n) {
                info = java.util.Arrays.copyOf(info, Math.max(start + n, info.length * 2));
            }
            d.info.getRawChars(info, start);
            infoEnd[r] = start + n;
        }

        /** Row r's time and length into {@code f} (what the Time column and the line read). */
        void frame(int r, Frame f) {
            f.number = number[r];
            f.seconds = seconds[r];
            f.nanos = nanos[r];
            f.precision = precision[r];
            f.hasTime = (flags[r] & HAS_TIME) != 0;
            f.originalLength = originalLength[r];
        }
    }

    private static final byte HAS_TIME = 1;
    private static final byte SHOWN = 2;

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
        Batch b = current;
        int r = b.size++;
        if (shown) {
            b.copy(r, d);
        } else {
            b.time(r, d.frame);
            b.infoEnd[r] = b.infoStart(r);
        }
        if (b.size == ROWS) {
            thread.handOver(b);
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

    // (the printing thread's own: the row being printed)
    private final Frame frame = new Frame();
    private final Address src = new Address();
    private final Address dst = new Address();

    private void printBatch(Batch b) throws IOException {
        for (int r = 0; r < b.size; r++) {
            b.frame(r, frame);
            time.captured(frame);
            boolean shown = (b.flags[r] & SHOWN) != 0;
            if (shown) {
                b.src.get(r, src);
                b.dst.get(r, dst);
                int start = b.infoStart(r);
                printer.line(frame, src, dst, b.protocol[r], b.info, start, b.infoEnd[r] - start);
            }
            time.done(frame, shown);
        }
    }
}
