package io.jcap.print;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The hand-over between the dissecting thread and a printing thread of its own (DESIGN.md,
 * "all cores"): a fixed set of batches circulates between them, filled by the caller and
 * consumed in order by the thread, so output stays in frame order and nothing is allocated
 * per packet. A failure of the thread (a closed pipe) is thrown on the caller's next call.
 * Whatever the consumer writes is visible to the caller after {@link #drain} or
 * {@link #close}.
 */
final class PrintingThread<B extends PrintingThread.Batch> {
    /** A batch of packets; {@code size} of them are filled. */
    abstract static class Batch {
        int size;
        /** Released once the batch is consumed, when someone waits for it. */
        private CountDownLatch done;
    }

    /** What the thread does with each full batch, in order. */
    interface Consumer<B> {
        void consume(B batch) throws IOException;
    }

    private final BlockingQueue<Batch> full;
    private final BlockingQueue<B> free;
    private final Consumer<B> consumer;
    private final Thread thread;
    private final Batch end = new Batch() {
    };
    private volatile Throwable failure;
    private boolean closed;

    PrintingThread(String name, java.util.List<B> batches, Consumer<B> consumer) {
        this.full = new ArrayBlockingQueue<>(batches.size() + 1);
        this.free = new ArrayBlockingQueue<>(batches.size());
        this.free.addAll(batches);
        this.consumer = consumer;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** An empty batch to fill; waits while the thread holds them all. */
    B take() throws IOException {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    void handOver(B batch) throws IOException {
        rethrow();
        put(batch);
    }

    /** Hands {@code current} over (null: nothing pending) and waits until everything is consumed. */
    void drain(B current) throws IOException {
        if (closed) {
            return;
        }
        B b = current != null ? current : take();
        CountDownLatch done = new CountDownLatch(1);
        ((Batch) b).done = done;
        put(b);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
        rethrow();
    }

    /** Consumes {@code current} and what came before, then ends the thread. */
    void close(B current) throws IOException {
        if (closed) {
            return;
        }
        drain(current);
        closed = true;
        put(end);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
        rethrow();
    }

    boolean closed() {
        return closed;
    }

    @SuppressWarnings("unchecked")
    private void loop() {
        try {
            while (true) {
                Batch b = full.take();
                if (b == end) {
                    return;
                }
                try {
                    if (failure == null) {
                        consumer.consume((B) b);
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure = e;
                } finally {
                    b.size = 0;
                    CountDownLatch done = b.done;
                    b.done = null;
                    free.add((B) b);
                    if (done != null) {
                        done.countDown();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Batch b) throws IOException {
        try {
            full.put(b);
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
        if (t instanceof Error e) {
            throw e;
        }
    }
}
