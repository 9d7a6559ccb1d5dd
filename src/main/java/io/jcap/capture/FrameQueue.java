package io.jcap.capture;

import io.jcap.frame.Frame;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-over between capture threads and the reader, bounded in frames and in bytes.
 * {@link #offer} never waits: a frame that does not fit is counted as dropped for its
 * interface, so that the capture goes on and the loss is reported.
 */
final class FrameQueue {
    private final BlockingQueue<Frame> frames;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong[] drops;

    FrameQueue(int maxFrames, long maxBytes, int interfaces) {
        this.frames = new ArrayBlockingQueue<>(maxFrames);
        this.maxBytes = maxBytes;
        this.drops = new AtomicLong[interfaces];
        for (int i = 0; i < interfaces; i++) {
            drops[i] = new AtomicLong();
        }
    }

    /** Queues {@code f} (which owns its bytes) or counts it as dropped; never blocks. */
    void offer(Frame f) {
        // several capture threads may pass this check together: the byte bound is approximate
        if (bytes.get() + f.capturedLength > maxBytes || !frames.offer(f)) {
            drops[f.interfaceId].incrementAndGet();
            return;
        }
        bytes.addAndGet(f.capturedLength);
    }

    /** The next frame, waiting at most {@code millis}; null if none came. */
    Frame poll(long millis) throws InterruptedException {
        Frame f = frames.poll(millis, TimeUnit.MILLISECONDS);
        if (f != null) {
            bytes.addAndGet(-f.capturedLength);
        }
        return f;
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    long drops(int interfaceId) {
        return drops[interfaceId].get();
    }
}
