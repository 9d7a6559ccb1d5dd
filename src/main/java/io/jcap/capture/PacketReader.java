package io.jcap.capture;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.pcap4j.core.PcapHandle;

/**
 * Reads packets from an open pcap4j handle in batches that never leave native code:
 * {@code pcap_dispatch} hands each packet to libpcap's own {@code pcap_dump}, which
 * appends it as a pcap record to a memory stream ({@code open_memstream}); Java then
 * copies the batch's records out in one piece ({@link PacketBatch}). A packet thus costs
 * no call into or out of Java, and while the JVM pauses (a collection, a safepoint)
 * libpcap keeps draining the kernel's ring for the batch under way. pcap4j's loop called back into Java for every packet, and
 * {@code pcap_next_ex} returned to Java for every packet: both lost packets at a few
 * hundred thousand a second where dumpcap, which dispatches the same way, lost none.
 */
final class PacketReader implements AutoCloseable {
    /** {@link #read}'s results besides a packet count. */
    static final int BROKEN = -2;
    static final int ERROR = -1;

    /** Packets per dispatch: bounds the stream's size (it keeps its largest batch's). */
    private static final int BATCH = 256;
    private static final int FILE_HEADER = 24;
    private static final int SEEK_SET = 0;
    /** Reads at absolute addresses: a pointer at 0 plus the address as offset. */
    private static final Pointer MEMORY = new Pointer(0);

    private final long pcap;
    private final long dumpFunction;
    /** Where open_memstream keeps the stream's buffer address and its size (the write position). */
    private final Memory stream = new Memory(16);
    private final long file;
    private final long dumper;
    /** Where the current batch's records start and end. */
    private long start;
    private long end;
    private boolean closed;

    private PacketReader(long pcap, long dumpFunction) {
        this.pcap = pcap;
        this.dumpFunction = dumpFunction;
        long at = Pointer.nativeValue(stream);
        this.file = Libc.open_memstream(at, at + 8);
        if (file == 0) {
            throw new OutOfMemoryError("open_memstream");
        }
        this.dumper = Libpcap.pcap_dump_fopen(pcap, file);
        if (dumper == 0) {
            Libc.fclose(file);
            Libc.free(MEMORY.getLong(at));
            throw new OutOfMemoryError("pcap_dump_fopen");
        }
    }

    /** A reader of {@code handle}, which stays owned (and closed) by its caller; close this first. */
    static PacketReader of(PcapHandle handle) {
        Libpcap.ensure();
        try {
            java.lang.reflect.Field f = PcapHandle.class.getDeclaredField("handle");
            f.setAccessible(true);
            return new PacketReader(Pointer.nativeValue((Pointer) f.get(handle)), Libpcap.DUMP);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("pcap4j without a native handle field", e);
        }
    }

    /**
     * Waits for the next batch (libpcap's read timeout at most) and returns how many packets
     * it holds (0 when the timeout passed), {@link #BROKEN} after {@code pcap_breakloop}, or
     * {@link #ERROR}. The batch's records stay readable until the next read.
     */
    int read() {
        long at = Pointer.nativeValue(stream);
        Libc.fseek(file, FILE_HEADER, SEEK_SET);
        int n = Libpcap.pcap_dispatch(pcap, BATCH, dumpFunction, dumper);
        Libc.fflush(file);
        long base = MEMORY.getLong(at);
        start = base + FILE_HEADER;
        end = base + MEMORY.getLong(at + 8);
        return n;
    }

    /** Bytes of the current batch's records. */
    int batchLength() {
        return (int) (end - start);
    }

    /** Copies the current batch's records into {@code into}. */
    void copyBatch(byte[] into, int length) {
        MEMORY.read(start, into, 0, length);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // closes the stream too; its buffer is then the caller's to free
        Libpcap.pcap_dump_close(dumper);
        Libc.free(MEMORY.getLong(Pointer.nativeValue(stream)));
    }

    /** The direct libpcap binding, registered on first use against the library pcap4j loaded. */
    private static final class Libpcap {
        static final long DUMP;

        static {
            NativeLibrary lib = NativeLibrary.getInstance(System.getProperty("org.pcap4j.core.pcapLibName", "pcap"));
            Native.register(Libpcap.class, lib);
            Function dump = lib.getFunction("pcap_dump");
            DUMP = Pointer.nativeValue(dump);
        }

        static void ensure() {
            // loading the class registers the binding
        }

        static native long pcap_dump_fopen(long pcap, long file);

        static native int pcap_dispatch(long pcap, int count, long callback, long user);

        static native void pcap_dump_close(long dumper);
    }

    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance("c"));
        }

        static native long open_memstream(long bufferAt, long sizeAt);

        static native int fflush(long file);

        static native int fseek(long file, long offset, int whence);

        static native int fclose(long file);

        static native void free(long pointer);
    }
}
