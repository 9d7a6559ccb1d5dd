package io.jcap.capture;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-over between capture threads and the reader: per interface, a single-producer
 * ring of {@link PacketBatch}es and a ring that gives read batches back for reuse, with a
 * byte bound over all queued batches. No lock is shared with the reader, so a capture
 * thread is never held up by a reader that the scheduler paused mid-poll (with a lock, it
 * was). {@link #offer} never waits: a batch that does not fit is counted as dropped for its
 * interface, so the capture goes on and the loss is reported. The reader is handed the
 * batch whose next packet is the earliest of all interfaces'.
 */
final class FrameQueue {
    /** Batches larger than this are not kept for reuse, so that one burst of big packets does not stay in memory. */
    private static final int REUSE_LIMIT = 1 << 20;

    private final Ring[] queued;
    private final Ring[] spare;
    private final PacketBatch[] current;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLongArray drops;
    private volatile Thread waitingReader;

    /** {@code batchesPerInterface} is rounded up to a power of two. */
    FrameQueue(int batchesPerInterface, long maxBytes, int interfaces) {
        this.queued = new Ring[interfaces];
        this.spare = new Ring[interfaces];
        for (int i = 0; i < interfaces; i++) {
            queued[i] = new Ring(batchesPerInterface);
            spare[i] = new Ring(64);
        }
        this.current = new PacketBatch[interfaces];
        this.maxBytes = maxBytes;
        this.drops = new AtomicLongArray(interfaces);
    }

    /** A read batch to refill, or null. Only the interface's capture thread calls it. */
    PacketBatch spare(int interfaceId) {
        return spare[interfaceId].poll();
    }

    /**
     * Queues {@code b} or counts its packets as dropped; never blocks. Only its interface's
     * thread calls it. False when dropped: the batch is then the caller's to reuse.
     */
    boolean offer(PacketBatch b) {
        // every capture thread may pass this check together: the byte bound is approximate
        if (bytes.get() + b.length() > maxBytes || !queued[b.interfaceId].offer(b)) {
            drops.addAndGet(b.interfaceId, b.packets());
            return false;
        }
        bytes.addAndGet(b.length());
        Thread reader = waitingReader;
        if (reader != null) {
            LockSupport.unpark(reader);
        }
        return true;
    }

    /**
     * The batch whose current packet comes next, waiting at most {@code millis}; null if none
     * came. The reader reads that packet and {@link PacketBatch#advance advances}; the
     * packet's bytes stay valid until the next poll. Only the reader calls it.
     */
    PacketBatch poll(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            PacketBatch b = earliest();
            if (b != null) {
                return b;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            waitingReader = Thread.currentThread();
            // a batch offered before the reader was announced would otherwise wait a whole timeout
            if (isEmpty()) {
                LockSupport.parkNanos(this, left);
            }
            waitingReader = null;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private PacketBatch earliest() {
        PacketBatch first = null;
        for (int i = 0; i < current.length; i++) {
            PacketBatch b = unread(i);
            if (b != null && (first == null || b.seconds() < first.seconds()
                    || b.seconds() == first.seconds() && b.fraction() < first.fraction())) {
                first = b;
            }
        }
        return first;
    }

    /** Interface {@code i}'s batch with a packet left, giving read ones back; null if none is queued. */
    private PacketBatch unread(int i) {
        PacketBatch b = current[i];
        while (b == null || b.exhausted()) {
            if (b != null && b.capacity() <= REUSE_LIMIT) {
                spare[i].offer(b);
            }
            b = queued[i].poll();
            current[i] = b;
            if (b == null) {
                return null;
            }
            bytes.addAndGet(-b.length());
        }
        return b;
    }

    /** Whether no packet is waiting. Only the reader calls it. */
    boolean isEmpty() {
        for (int i = 0; i < current.length; i++) {
            if (current[i] != null && !current[i].exhausted() || !queued[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    long drops(int interfaceId) {
        return drops.get(interfaceId);
    }

    /** A single-producer, single-consumer ring: the tail is the producer's, the head the consumer's. */
    private static final class Ring {
        private final PacketBatch[] slots;
        private final int mask;
        private final AtomicLong head = new AtomicLong();
        private final AtomicLong tail = new AtomicLong();

        Ring(int capacity) {
            int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
            slots = new PacketBatch[size];
            mask = size - 1;
        }

        boolean offer(PacketBatch b) {
            long t = tail.get();
            if (t - head.get() >= slots.length) {
                return false;
            }
            slots[(int) t & mask] = b;
            // a full fence: a reader that announced itself before this sees the batch or is woken
            tail.set(t + 1);
            return true;
        }

        PacketBatch poll() {
            long h = head.get();
            if (h == tail.get()) {
                return null;
            }
            int at = (int) h & mask;
            PacketBatch b = slots[at];
            slots[at] = null;
            head.lazySet(h + 1);
            return b;
        }

        boolean isEmpty() {
            return head.get() == tail.get();
        }
    }
}
