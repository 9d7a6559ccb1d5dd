package io.jcap.capture;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.frame.InterfaceInfo;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A live capture as a frame source: one thread per interface reads libpcap's packets in
 * batches and hands each batch to a bounded queue that the reader drains. A capture thread
 * never waits for the reader: when the queue is full the batch's packets are counted as
 * dropped (and reported with libpcap's own drops), so a slow terminal or disk delays
 * output, not capture.
 */
public final class LiveCapture implements FrameSource {
    /** libpcap returns from a read at least this often, so a stop is seen promptly. */
    private static final int READ_TIMEOUT_MS = 250;
    private static final int QUEUE_BATCHES = 4096;
    /** A new batch's first size: 256 packets of about 300 bytes. */
    private static final int BATCH_BYTES = 96 << 10;
    private static final long QUEUE_BYTES = 64L << 20;

    /** A per-interface drop count, named as tshark names the interface. */
    public record Drops(String interfaceName, long count) {
    }

    private final List<InterfaceRequest> requests;
    private final List<PcapHandle> handles = new ArrayList<>();
    private final List<InterfaceInfo> infos = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final FrameQueue queue;
    private final long[] libpcapDrops;
    private final AtomicInteger running = new AtomicInteger();
    private final int precision;
    private volatile boolean stopping;
    private volatile String failure;
    private long delivered;
    private boolean closed;

    private LiveCapture(List<InterfaceRequest> requests, boolean nanoseconds) {
        this.requests = requests;
        this.precision = nanoseconds ? 9 : 6;
        this.queue = new FrameQueue(QUEUE_BATCHES, QUEUE_BYTES, requests.size());
        this.libpcapDrops = new long[requests.size()];
    }

    /**
     * Opens every interface in order and sets its filter; the first failure closes what
     * was opened and is reported in tshark's words. {@code displayFilterCheck} tells
     * whether a rejected capture filter would be a valid display filter (tshark's hint).
     */
    public static LiveCapture open(List<InterfaceRequest> requests, boolean immediate, boolean nanoseconds,
                                   Predicate<String> displayFilterCheck) throws CaptureException {
        LiveCapture c = new LiveCapture(requests, nanoseconds);
        try {
            Libpcap.locate();
            for (InterfaceRequest r : requests) {
                c.openOne(r, immediate, displayFilterCheck);
            }
        } catch (LinkageError e) {
            c.close();
            throw Libpcap.missing(e);
        } catch (CaptureException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void openOne(InterfaceRequest r, boolean immediate, Predicate<String> displayFilterCheck)
            throws CaptureException {
        String name = r.device().name();
        PcapHandle h;
        try {
            PcapHandle.Builder b = new PcapHandle.Builder(name)
                    .snaplen(r.effectiveSnapLength())
                    .promiscuousMode(r.promiscuous() ? PcapNetworkInterface.PromiscuousMode.PROMISCUOUS
                            : PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MS)
                    .timestampPrecision(precision == 9 ? PcapHandle.TimestampPrecision.NANO
                            : PcapHandle.TimestampPrecision.MICRO)
                    .immediateMode(immediate);
            if (r.bufferMiB() > 0) {
                b.bufferSize(r.bufferMiB() << 20);
            }
            if (r.monitor()) {
                b.rfmon(true);
            }
            h = b.build();
        } catch (PcapNativeException e) {
            throw OpenErrors.describe(name, e);
        }
        handles.add(h);
        if (r.filter() != null && !r.filter().isEmpty()) {
            try {
                h.setFilter(r.filter(), BpfProgram.BpfCompileMode.OPTIMIZE);
            } catch (PcapNativeException | NotOpenException e) {
                throw OpenErrors.badFilter(r, e.getMessage(), displayFilterCheck.test(r.filter()));
            }
        }
        infos.add(new InterfaceInfo(h.getDlt().value(), r.effectiveSnapLength(), name, precision,
                precision));
    }

    /** Starts one capture thread per interface. */
    public void start() {
        for (int i = 0; i < handles.size(); i++) {
            int id = i;
            PcapHandle h = handles.get(i);
            Thread t = new Thread(() -> capture(id, h), "capture-" + requests.get(i).device().name());
            t.setDaemon(true);
            threads.add(t);
        }
        running.set(threads.size());
        threads.forEach(Thread::start);
    }

    /** Stops after {@code millis} (-a duration), counted from now. */
    public void stopAfter(long millis) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
                stop();
            } catch (InterruptedException e) {
                // the capture ended first
            }
        }, "capture-duration");
        t.setDaemon(true);
        t.start();
    }

    private void capture(int id, PcapHandle h) {
        CaptureThreadPriority.raise();
        PacketBatch batch = null;
        try (PacketReader reader = PacketReader.of(h)) {
            while (!stopping) {
                int r = reader.read();
                if (r > 0) {
                    if (batch == null) {
                        batch = queue.spare(id);
                    }
                    if (batch == null) {
                        batch = new PacketBatch(id, Math.max(reader.batchLength(), BATCH_BYTES));
                    }
                    batch.fill(reader, r);
                    if (queue.offer(batch)) {
                        batch = null;
                    }
                } else if (r == PacketReader.BROKEN) {
                    break;
                } else if (r < 0) {
                    if (!stopping) {
                        failure = h.getError();
                    }
                    break;
                }
            }
        } catch (NotOpenException e) {
            // closed while stopping
        } finally {
            running.decrementAndGet();
        }
    }

    /** Asks every capture thread to stop; frames already queued are still delivered. Any thread may call it. */
    public void stop() {
        stopping = true;
        for (PcapHandle h : handles) {
            try {
                h.breakLoop();
            } catch (NotOpenException e) {
                // closed already
            }
        }
    }

    @Override
    public boolean next(Frame into) {
        while (true) {
            boolean ended = running.get() == 0;
            PacketBatch b;
            try {
                b = queue.poll(ended ? 0 : 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                b = null;
            }
            if (b != null) {
                read(b, into);
                b.advance();
                into.number = ++delivered;
                return true;
            }
            if (ended || Thread.currentThread().isInterrupted()) {
                return false;
            }
            if (!waiting.getAsBoolean()) {
                stop();
            }
        }
    }

    /** What the reader does while no packet comes (see {@link FrameSource#whileWaiting}). */
    private java.util.function.BooleanSupplier waiting = () -> true;

    @Override
    public void whileWaiting(java.util.function.BooleanSupplier task) {
        this.waiting = task;
    }

    /** The batch's current packet, as read from a pcapng file that tshark wrote. */
    private void read(PacketBatch b, Frame into) {
        int id = b.interfaceId;
        into.seconds = b.seconds();
        into.nanos = (int) (precision == 9 ? b.fraction() : b.fraction() * 1000);
        into.precision = precision;
        into.hasTime = true;
        into.capturedLength = b.capturedLength();
        into.originalLength = b.originalLength();
        into.linkType = infos.get(id).linkType();
        into.customBlockPen = -1;
        into.interfaceId = id;
        into.section = 1;
        into.sectionInterfaceId = id;
        into.interfaceName = requests.get(id).device().name();
        into.interfaceDescription = null;
        into.data = b.buffer();
        into.offset = b.dataOffset();
    }

    @Override
    public boolean idle() {
        return queue.isEmpty();
    }

    @Override
    public InterfaceInfo interfaceInfo(int id) {
        return infos.get(id);
    }

    @Override
    public int interfaceCount() {
        return infos.size();
    }

    /** Frames handed to the reader so far: tshark's "packets captured". */
    public long captured() {
        return delivered;
    }

    /** An error that ended a capture thread (the interface went away), or null. */
    public String failure() {
        return failure;
    }

    /** Drops per interface (libpcap's and the queue's), known once closed; only nonzero ones. */
    public List<Drops> drops() {
        List<Drops> out = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            long n = libpcapDrops[i] + queue.drops(i);
            if (n > 0) {
                out.add(new Drops(requests.get(i).device().displayName(), n));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = 0; i < handles.size(); i++) {
            PcapHandle h = handles.get(i);
            try {
                PcapStat st = h.getStats();
                libpcapDrops[i] = st.getNumPacketsDropped();
            } catch (PcapNativeException | NotOpenException | RuntimeException e) {
                // no statistics for this device
            }
            h.close();
        }
    }

    /** libpcap's version string, as -v reports it. */
    public static String libraryVersion() {
        try {
            Libpcap.locate();
            return Pcaps.libVersion();
        } catch (LinkageError e) {
            return null;
        }
    }
}
