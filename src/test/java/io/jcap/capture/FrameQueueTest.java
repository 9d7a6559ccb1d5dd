package io.jcap.capture;

import io.jcap.frame.Frame;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capture threads' queue never waits: what does not fit is counted per interface, never lost silently. */
class FrameQueueTest {
    private static Frame frame(int iface, int length) {
        Frame f = new Frame();
        f.interfaceId = iface;
        f.capturedLength = length;
        return f;
    }

    @Test
    void fullQueueCountsDrops() throws Exception {
        FrameQueue q = new FrameQueue(2, 1 << 20, 2);
        Frame a = frame(0, 10);
        q.offer(a);
        q.offer(frame(1, 10));
        long start = System.nanoTime();
        q.offer(frame(1, 10));
        q.offer(frame(0, 10));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "offer must not wait");
        assertEquals(1, q.drops(0));
        assertEquals(1, q.drops(1));
        assertSame(a, q.poll(0));
        q.offer(frame(0, 10));
        assertEquals(1, q.drops(0));
    }

    @Test
    void byteBoundCountsDrops() throws Exception {
        FrameQueue q = new FrameQueue(100, 1000, 1);
        q.offer(frame(0, 600));
        q.offer(frame(0, 600));
        assertEquals(1, q.drops(0));
        q.poll(0);
        assertTrue(q.isEmpty());
        q.offer(frame(0, 900));
        assertEquals(1, q.drops(0));
        assertEquals(900, q.poll(0).capturedLength);
        assertNull(q.poll(0));
    }
}
