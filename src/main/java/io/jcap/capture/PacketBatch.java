package io.jcap.capture;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One interface's packets from one read, as libpcap's {@code pcap_dump} wrote them: pcap
 * records (a 16-byte header in host byte order, then the bytes) one after another. The
 * capture thread copies a whole batch in one go and hands it over; the reader walks it
 * record by record, so a packet costs neither thread an object. Batches are reused.
 */
final class PacketBatch {
    static final int RECORD_HEADER = 16;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());

    final int interfaceId;
    private byte[] bytes;
    private ByteBuf buffer;
    private int length;
    private int packets;
    /** The record the reader is at. */
    private int position;

    PacketBatch(int interfaceId, int capacity) {
        this.interfaceId = interfaceId;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        bytes = new byte[capacity];
        buffer = Unpooled.wrappedBuffer(bytes);
    }

    /** Refills this batch with the reader's current batch of {@code count} packets. */
    void fill(PacketReader reader, int count) {
        int size = reader.batchLength();
        reserve(size);
        reader.copyBatch(bytes, size);
        filled(size, count);
    }

    /** Refills this batch with {@code count} records from {@code records} (pcap records in host order). */
    void fill(byte[] records, int size, int count) {
        reserve(size);
        System.arraycopy(records, 0, bytes, 0, size);
        filled(size, count);
    }

    private void reserve(int size) {
        if (size > bytes.length) {
            allocate(Math.max(size, bytes.length * 2));
        }
    }

    private void filled(int size, int count) {
        length = size;
        packets = count;
        position = 0;
    }

    int capacity() {
        return bytes.length;
    }

    /** Bytes held: records with their headers. */
    int length() {
        return length;
    }

    /** Packets in this batch, read or not. */
    int packets() {
        return packets;
    }

    /** Whether the reader has passed the last record. */
    boolean exhausted() {
        return position + RECORD_HEADER > length;
    }

    /** Moves to the next record. */
    void advance() {
        position += RECORD_HEADER + capturedLength();
    }

    long seconds() {
        return intAt(0) & 0xFFFFFFFFL;
    }

    /** Microseconds or nanoseconds, as the capture's time stamp precision says. */
    long fraction() {
        return intAt(4) & 0xFFFFFFFFL;
    }

    int capturedLength() {
        return intAt(8);
    }

    int originalLength() {
        return intAt(12);
    }

    /** The buffer holding the current record's bytes, from {@link #dataOffset()}. */
    ByteBuf buffer() {
        return buffer;
    }

    int dataOffset() {
        return position + RECORD_HEADER;
    }

    private int intAt(int offset) {
        return (int) INT.get(bytes, position + offset);
    }
}
