package io.jcap.capture;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.pcap4j.core.PcapHandle;

/**
 * Reads packets from an open pcap4j handle with libpcap's {@code pcap_next_ex} bound
 * directly, so that a packet costs one native call and one copy. pcap4j's loop calls
 * back into Java through JNA for every packet and builds its header as a JNA structure;
 * at a few hundred thousand packets a second that was slow enough for the kernel's ring
 * to overflow.
 */
final class PacketReader {
    /** {@code pcap_next_ex}'s results. */
    static final int PACKET = 1;
    static final int TIMEOUT = 0;
    static final int BROKEN = -2;

    /** struct pcap_pkthdr on LP64: struct timeval (two longs), caplen, len. */
    private static final int CAPLEN_AT = 16;
    private static final int LEN_AT = 20;
    /** Reads at absolute addresses: a pointer at 0 plus the address as offset. */
    private static final Pointer MEMORY = new Pointer(0);

    private final long pcap;
    /** Where pcap_next_ex stores the header and data pointers. */
    private final Memory out = new Memory(16);
    private final long headerSlot;
    private final long dataSlot;
    private long header;
    private long data;

    private PacketReader(long pcap) {
        this.pcap = pcap;
        this.headerSlot = Pointer.nativeValue(out);
        this.dataSlot = headerSlot + 8;
    }

    /** A reader of {@code handle}, which stays owned (and closed) by its caller. */
    static PacketReader of(PcapHandle handle) {
        Binding.ensure();
        try {
            java.lang.reflect.Field f = PcapHandle.class.getDeclaredField("handle");
            f.setAccessible(true);
            return new PacketReader(Pointer.nativeValue((Pointer) f.get(handle)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("pcap4j without a native handle field", e);
        }
    }

    /**
     * The next packet: {@link #PACKET}, {@link #TIMEOUT} when the read timeout passed
     * without one, {@link #BROKEN} after {@code pcap_breakloop}, or -1 on an error.
     */
    int next() {
        int r = Binding.pcap_next_ex(pcap, headerSlot, dataSlot);
        if (r == PACKET) {
            header = MEMORY.getLong(headerSlot);
            data = MEMORY.getLong(dataSlot);
        }
        return r;
    }

    long seconds() {
        return MEMORY.getLong(header);
    }

    /** Microseconds or nanoseconds, as the handle's time stamp precision says. */
    long fraction() {
        return MEMORY.getLong(header + 8);
    }

    int capturedLength() {
        return MEMORY.getInt(header + CAPLEN_AT);
    }

    int originalLength() {
        return MEMORY.getInt(header + LEN_AT);
    }

    /** Copies the current packet's first {@code length} bytes into {@code into} at {@code at}. */
    void copyTo(byte[] into, int at, int length) {
        MEMORY.read(data, into, at, length);
    }

    /** The direct binding, registered on first use against the library pcap4j loaded. */
    private static final class Binding {
        static {
            Native.register(Binding.class, NativeLibrary.getInstance(System.getProperty(
                    "org.pcap4j.core.pcapLibName", "pcap")));
        }

        static void ensure() {
            // loading the class registers the binding
        }

        static native int pcap_next_ex(long pcap, long header, long data);
    }

}
