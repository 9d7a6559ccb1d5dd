package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.frame.Frame;

import java.io.IOException;

/**
 * Any view that prints fields (-V, -x, -T fields/json/ek/pdml ...) on a thread of its own
 * (DESIGN.md, "all cores"): the dissecting thread fills dissections from a fixed pool, each
 * over its own copy of the frame's bytes, and hands them over in batches; the printing
 * thread prints them in frame order, keeping the Time column's references on its side.
 * Printing is about half of a -V or JSON run, so on two cores it overlaps the dissection
 * of the next packets. The wrapped view, its {@link Output} and its {@link TimeColumn}
 * belong to the printing thread while it runs; {@link #start} runs before it takes
 * anything, and {@link #drain} and {@link #finish} wait for it.
 */
public final class PipelinedView implements PacketView {
    private static final int PACKETS = 32;
    private static final int BATCHES = 6;

    private final PacketView view;
    private final TimeColumn time;
    private final PrintingThread<Batch> thread;
    private Batch current;

    /**
     * {@code time}: the Time column {@code view} reads, updated here on the printing thread;
     * {@code first}: the dissection whose settings the pool's dissections continue.
     */
    public PipelinedView(PacketView view, TimeColumn time, Dissection first) {
        this.view = view;
        this.time = time;
        java.util.List<Batch> batches = new java.util.ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            batches.add(new Batch(first));
        }
        thread = new PrintingThread<>("jcap-print", batches, this::printBatch);
    }

    /** A frame and its dissection, over bytes of their own. */
    private static final class Slot {
        final Frame frame = new Frame();
        final Dissection dissection = new Dissection();
        byte[] bytes = new byte[0];
        boolean shown;

        Slot(Dissection first) {
            dissection.continueFrom(first);
        }

        /** Takes a copy of {@code f}: the reader reuses its buffer for the next frame. */
        void copy(Frame f) {
            f.copyMetadataTo(frame);
            int n = f.capturedLength;
            if (bytes.length < n || frame.data == null) {
                bytes = new byte[Math.max(n, 2048)];
                frame.data = io.netty.buffer.Unpooled.wrappedBuffer(bytes);
            }
            f.data.getBytes(f.offset, bytes, 0, n);
            frame.offset = 0;
        }
    }

    private static final class Batch extends PrintingThread.Batch {
        final Slot[] slots = new Slot[PACKETS];

        Batch(Dissection first) {
            for (int i = 0; i < slots.length; i++) {
                slots[i] = new Slot(first);
            }
        }
    }

    /**
     * The frame to dissect next, a copy of {@code f}: dissect it into {@link #dissection()}
     * and then pass that dissection to {@link #print} or {@link #skipped}.
     */
    public Frame frame(Frame f) throws IOException {
        if (current == null) {
            current = thread.take();
        }
        Slot slot = current.slots[current.size];
        slot.copy(f);
        return slot.frame;
    }

    /** The dissection that goes with the last {@link #frame}. */
    public Dissection dissection() {
        return current.slots[current.size].dissection;
    }

    @Override
    public void start() throws IOException {
        // the printing thread has taken nothing yet: handing over the first batch publishes this
        view.start();
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
        Slot slot = current.slots[current.size];
        if (slot.dissection != d) {
            throw new IllegalStateException("not the dissection of the last frame");
        }
        slot.shown = shown;
        if (++current.size == current.slots.length) {
            thread.handOver(current);
            current = null;
        }
    }

    @Override
    public void drain() throws IOException {
        Batch b = current;
        current = null;
        thread.drain(b);
        view.drain();
    }

    @Override
    public void finish() throws IOException {
        drain();
        view.finish();
    }

    @Override
    public void close() throws IOException {
        Batch b = current;
        current = null;
        try {
            thread.close(b);
        } finally {
            view.close();
        }
    }

    @Override
    public boolean needsFields() {
        return view.needsFields();
    }

    private void printBatch(Batch b) throws IOException {
        for (int i = 0; i < b.size; i++) {
            Slot s = b.slots[i];
            time.captured(s.frame);
            if (s.shown) {
                view.print(s.dissection);
            } else {
                view.skipped(s.dissection);
            }
            time.done(s.frame, s.shown);
        }
    }
}
