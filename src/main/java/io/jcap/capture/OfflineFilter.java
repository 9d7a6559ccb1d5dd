package io.jcap.capture;

import io.jcap.frame.Frame;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

import java.util.HashMap;
import java.util.Map;

/**
 * A capture filter (BPF) applied to frames read from a file, as tcpdump does with
 * {@code -r}: libpcap compiles it once per link type and runs it on each frame
 * (pcap_offline_filter). Frames it rejects never reach the dissectors.
 */
public final class OfflineFilter implements AutoCloseable {
    private final String expression;
    private final Map<Integer, BpfProgram> programs = new HashMap<>();
    private byte[] bytes = new byte[2048];

    private OfflineFilter(String expression) {
        this.expression = expression;
    }

    /**
     * Checks {@code expression} by compiling it for Ethernet; the error is libpcap's.
     *
     * @throws CaptureFilterError when libpcap rejects it or cannot be loaded
     */
    public static OfflineFilter compile(String expression) throws CaptureFilterError {
        OfflineFilter f = new OfflineFilter(expression);
        f.program(1, 262144);
        return f;
    }

    public String expression() {
        return expression;
    }

    /** Whether the frame passes the filter (a link type libpcap cannot filter passes nothing). */
    public boolean matches(Frame f) throws CaptureFilterError {
        BpfProgram p = programs.get(f.linkType);
        if (p == null) {
            p = program(f.linkType, 262144);
        }
        int n = f.capturedLength;
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        f.data.getBytes(f.offset, bytes, 0, n);
        return p.applyFilter(bytes, (int) f.originalLength, n);
    }

    private BpfProgram program(int linkType, int snapLength) throws CaptureFilterError {
        try {
            Libpcap.locate();
            PcapHandle handle = Pcaps.openDead(DataLinkType.getInstance(linkType), snapLength);
            try {
                BpfProgram p = handle.compileFilter(expression, BpfProgram.BpfCompileMode.OPTIMIZE,
                        PcapHandle.PCAP_NETMASK_UNKNOWN);
                programs.put(linkType, p);
                return p;
            } finally {
                handle.close();
            }
        } catch (LinkageError e) {
            throw new CaptureFilterError("libpcap could not be loaded (install Debian's libpcap0.8): "
                    + e.getMessage());
        } catch (Exception e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            throw new CaptureFilterError(m);
        }
    }

    @Override
    public void close() {
        for (BpfProgram p : programs.values()) {
            p.free();
        }
        programs.clear();
    }

    /** libpcap's complaint about a filter (or about itself). */
    public static final class CaptureFilterError extends Exception {
        public CaptureFilterError(String message) {
            super(message);
        }
    }
}
