package io.jcap.capture;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capture threads' queue never waits: what does not fit is counted per interface, never lost silently. */
class FrameQueueTest {
    /** A batch of packets of {@code length} bytes each, time-stamped at the given seconds, as pcap_dump writes them. */
    private static PacketBatch batch(int iface, int length, long... seconds) {
        ByteBuffer b = ByteBuffer.allocate(seconds.length * (PacketBatch.RECORD_HEADER + length))
                .order(ByteOrder.nativeOrder());
        for (long s : seconds) {
            b.putInt((int) s).putInt(0).putInt(length).putInt(length);
            for (int i = 0; i < length; i++) {
                b.put((byte) s);
            }
        }
        PacketBatch p = new PacketBatch(iface, 16);
        p.fill(b.array(), b.position(), seconds.length);
        return p;
    }

    /** The seconds of every packet the reader gets, in order, until none is queued. */
    private static String drain(FrameQueue q) throws Exception {
        StringBuilder order = new StringBuilder();
        for (PacketBatch b; (b = q.poll(0)) != null; b.advance()) {
            order.append(b.seconds()).append(' ');
            assertEquals((byte) b.seconds(), b.buffer().getByte(b.dataOffset()), "the packet's own bytes");
        }
        return order.toString().trim();
    }

    @Test
    void fullRingCountsEveryPacketOfTheBatchAsDroppedForItsInterfaceOnly() throws Exception {
        FrameQueue q = new FrameQueue(2, 1 << 20, 2);
        assertTrue(q.offer(batch(0, 10, 1, 2)));
        assertTrue(q.offer(batch(0, 10, 3)));
        assertTrue(q.offer(batch(1, 10, 4)));
        long start = System.nanoTime();
        assertFalse(q.offer(batch(0, 10, 5, 6, 7)));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "offer must not wait");
        assertEquals(3, q.drops(0));
        assertEquals(0, q.drops(1));
        assertEquals("1 2 3 4", drain(q));
        assertTrue(q.isEmpty());
    }

    @Test
    void byteBoundCountsDrops() throws Exception {
        FrameQueue q = new FrameQueue(100, 1000, 1);
        assertTrue(q.offer(batch(0, 584, 1)));
        assertFalse(q.offer(batch(0, 584, 2)));
        assertEquals(1, q.drops(0));
        assertEquals("1", drain(q));
        assertTrue(q.offer(batch(0, 884, 3)));
        assertEquals(1, q.drops(0));
        assertEquals("3", drain(q));
        assertNull(q.poll(0));
    }

    @Test
    void readerTakesTheEarliestPacketOfAllInterfaces() throws Exception {
        FrameQueue q = new FrameQueue(8, 1 << 20, 2);
        q.offer(batch(0, 3, 5, 7));
        q.offer(batch(1, 4, 6, 8));
        q.offer(batch(0, 5, 9));
        assertEquals("5 6 7 8 9", drain(q));
    }

    @Test
    void readBatchesComeBackForReuse() throws Exception {
        FrameQueue q = new FrameQueue(8, 1 << 20, 1);
        PacketBatch b = batch(0, 10, 1);
        q.offer(b);
        assertNull(q.spare(0), "not before it is read");
        assertEquals("1", drain(q));
        assertSame(b, q.spare(0));
    }

    @Test
    void waitingReaderIsWokenByABatch() throws Exception {
        FrameQueue q = new FrameQueue(8, 1 << 20, 1);
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            q.offer(batch(0, 1, 1));
        });
        producer.start();
        long start = System.nanoTime();
        PacketBatch b = q.poll(10_000);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        producer.join();
        assertEquals(1, b.seconds());
        assertTrue(waitedMillis < 5_000, "woken after " + waitedMillis + " ms");
    }

    @Test
    void everyPacketOfAFastProducerArrivesOnceInOrder() throws Exception {
        FrameQueue q = new FrameQueue(16, 1L << 30, 1);
        int batches = 20_000;
        Thread producer = new Thread(() -> {
            for (int i = 0; i < batches; i++) {
                q.offer(batch(0, 2, 3L * i + 1, 3L * i + 2, 3L * i + 3));
            }
        });
        producer.start();
        long expected = 1;
        long got = 0;
        while (got + q.drops(0) < 3L * batches) {
            PacketBatch b = q.poll(100);
            if (b == null) {
                continue;
            }
            assertTrue(b.seconds() >= expected, "out of order or repeated: " + b.seconds());
            expected = b.seconds() + 1;
            b.advance();
            got++;
        }
        producer.join();
        assertEquals(3L * batches, got + q.drops(0));
    }
}
