package io.jcap.capture;

import io.jcap.frame.Frame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capture threads' queue never waits: what does not fit is counted per interface, never lost silently. */
class FrameQueueTest {
    private static Frame frame(int iface, int length, long seconds) {
        Frame f = new Frame();
        f.interfaceId = iface;
        f.capturedLength = length;
        f.seconds = seconds;
        return f;
    }

    @Test
    void fullRingCountsDropsForItsInterfaceOnly() throws Exception {
        FrameQueue q = new FrameQueue(2, 1 << 20, 2);
        Frame a = frame(0, 10, 1);
        q.offer(a);
        q.offer(frame(0, 10, 2));
        q.offer(frame(1, 10, 3));
        long start = System.nanoTime();
        q.offer(frame(0, 10, 4));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "offer must not wait");
        assertEquals(1, q.drops(0));
        assertEquals(0, q.drops(1));
        assertSame(a, q.poll(0));
        q.offer(frame(0, 10, 5));
        assertEquals(1, q.drops(0));
    }

    @Test
    void byteBoundCountsDrops() throws Exception {
        FrameQueue q = new FrameQueue(100, 1000, 1);
        q.offer(frame(0, 600, 1));
        q.offer(frame(0, 600, 2));
        assertEquals(1, q.drops(0));
        q.poll(0);
        assertTrue(q.isEmpty());
        q.offer(frame(0, 900, 3));
        assertEquals(1, q.drops(0));
        assertEquals(900, q.poll(0).capturedLength);
        assertNull(q.poll(0));
    }

    @Test
    void readerTakesTheEarliestFrameOfAllInterfaces() throws Exception {
        FrameQueue q = new FrameQueue(8, 1 << 20, 2);
        q.offer(frame(0, 1, 5));
        q.offer(frame(0, 1, 7));
        q.offer(frame(1, 1, 6));
        q.offer(frame(1, 1, 8));
        StringBuilder order = new StringBuilder();
        for (Frame f; (f = q.poll(0)) != null; ) {
            order.append(f.seconds);
        }
        assertEquals("5678", order.toString());
    }

    @Test
    void waitingReaderIsWokenByAFrame() throws Exception {
        FrameQueue q = new FrameQueue(8, 1 << 20, 1);
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            q.offer(frame(0, 1, 1));
        });
        producer.start();
        long start = System.nanoTime();
        Frame f = q.poll(10_000);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        producer.join();
        assertEquals(1, f.seconds);
        assertTrue(waitedMillis < 5_000, "woken after " + waitedMillis + " ms");
    }

    @Test
    void everyFrameOfAFastProducerArrivesOnceInOrder() throws Exception {
        FrameQueue q = new FrameQueue(1024, 1L << 30, 1);
        int total = 200_000;
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= total; i++) {
                Frame f = frame(0, 1, i);
                q.offer(f);
            }
        });
        producer.start();
        long expected = 1;
        long got = 0;
        while (got + q.drops(0) < total) {
            Frame f = q.poll(100);
            if (f == null) {
                continue;
            }
            assertTrue(f.seconds >= expected, "out of order or repeated: " + f.seconds);
            expected = f.seconds + 1;
            got++;
        }
        producer.join();
        assertEquals(total, got + q.drops(0));
    }
}
