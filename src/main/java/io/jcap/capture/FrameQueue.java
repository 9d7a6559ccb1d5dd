package io.jcap.capture;

import io.jcap.frame.Frame;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-over between capture threads and the reader: one single-producer ring per
 * interface, bounded in frames, and a byte bound over all of them. No lock is shared
 * with the reader, so a capture thread is never held up by a reader that the scheduler
 * paused mid-poll (with a lock, it was). {@link #offer} never waits: a frame that does
 * not fit is counted as dropped for its interface, so the capture goes on and the loss
 * is reported. The reader takes the earliest frame of all interfaces' first ones.
 */
final class FrameQueue {
    private final Ring[] rings;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLongArray drops;
    private volatile Thread waitingReader;

    /** {@code framesPerInterface} is rounded up to a power of two. */
    FrameQueue(int framesPerInterface, long maxBytes, int interfaces) {
        int capacity = Integer.highestOneBit(Math.max(1, framesPerInterface - 1)) << 1;
        this.rings = new Ring[interfaces];
        for (int i = 0; i < interfaces; i++) {
            rings[i] = new Ring(capacity);
        }
        this.maxBytes = maxBytes;
        this.drops = new AtomicLongArray(interfaces);
    }

    /** Queues {@code f} (which owns its bytes) or counts it as dropped; never blocks. Only its interface's thread calls it. */
    void offer(Frame f) {
        // every capture thread may pass this check together: the byte bound is approximate
        if (bytes.get() + f.capturedLength > maxBytes || !rings[f.interfaceId].offer(f)) {
            drops.incrementAndGet(f.interfaceId);
            return;
        }
        bytes.addAndGet(f.capturedLength);
        Thread reader = waitingReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
    }

    /** The next frame, waiting at most {@code millis}; null if none came. Only the reader calls it. */
    Frame poll(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            Frame f = take();
            if (f != null) {
                bytes.addAndGet(-f.capturedLength);
                return f;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            waitingReader = Thread.currentThread();
            // a frame offered before the reader was announced would otherwise wait a whole timeout
            if (isEmpty()) {
                LockSupport.parkNanos(this, left);
            }
            waitingReader = null;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** The earliest of the rings' first frames, removed; null when all are empty. */
    private Frame take() {
        Ring earliest = null;
        Frame first = null;
        for (Ring r : rings) {
            Frame f = r.peek();
            if (f != null && (first == null || f.seconds < first.seconds
                    || f.seconds == first.seconds && f.nanos < first.nanos)) {
                earliest = r;
                first = f;
            }
        }
        if (earliest != null) {
            earliest.remove();
        }
        return first;
    }

    boolean isEmpty() {
        for (Ring r : rings) {
            if (r.peek() != null) {
                return false;
            }
        }
        return true;
    }

    long drops(int interfaceId) {
        return drops.get(interfaceId);
    }

    /** A single-producer, single-consumer ring: the tail is the producer's, the head the reader's. */
    private static final class Ring {
        private final Frame[] slots;
        private final int mask;
        private final AtomicLong head = new AtomicLong();
        private final AtomicLong tail = new AtomicLong();

        Ring(int capacity) {
            slots = new Frame[capacity];
            mask = capacity - 1;
        }

        boolean offer(Frame f) {
            long t = tail.get();
            if (t - head.get() >= slots.length) {
                return false;
            }
            slots[(int) t & mask] = f;
            // a full fence: the reader that announced itself before this sees the frame or is woken
            tail.set(t + 1);
            return true;
        }

        Frame peek() {
            long h = head.get();
            return h == tail.get() ? null : slots[(int) h & mask];
        }

        void remove() {
            long h = head.get();
            slots[(int) h & mask] = null;
            head.lazySet(h + 1);
        }
    }
}
