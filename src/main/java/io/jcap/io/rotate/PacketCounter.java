package io.jcap.io.rotate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * tshark's packet count during a capture: a running {@code \rN } on the standard error
 * while packets arrive, then the closing lines. tshark shows the running count only
 * when the standard error is a terminal, packets are not being printed to a terminal
 * too, and -q was not given; without it, it says "N packets captured" at the end.
 */
public final class PacketCounter {
    private final PrintStream err;
    private final boolean running;

    /** @param running whether to show the running count (see {@link #shows}) */
    public PacketCounter(PrintStream err, boolean running) {
        this.err = err;
        this.running = running;
    }

    /** tshark's choice of the running count over the closing "N packets captured". */
    public static boolean shows(boolean stderrTerminal, boolean stdoutTerminal, boolean printingPackets,
                                boolean quiet) {
        if (!stderrTerminal) {
            return false;
        }
        if (printingPackets && stdoutTerminal) {
            return false;
        }
        return !quiet;
    }

    /** Whether file descriptor 0, 1 or 2 of this process is a terminal (Linux: where /proc says it points). */
    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public boolean running() {
        return running;
    }

    /** After a batch of packets was written: the running count, when shown and not zero. */
    public void update(long captured) {
        if (running && captured != 0) {
            err.print("\r" + captured + " ");
            err.flush();
        }
    }

    /**
     * The end of a capture, as tshark reports it: a newline after the running count,
     * the drops libpcap counted on an interface (one call per interface with drops,
     * {@code iface} null when unnamed), then the total unless the running count showed
     * it (or -Q silenced it).
     */
    public void finish(long captured, long dropped, String iface, boolean reallyQuiet) {
        if (running) {
            err.print("\n");
        }
        if (dropped != 0) {
            err.print(dropped + " packet" + (dropped == 1 ? "" : "s") + " dropped"
                    + (iface != null ? " from " + iface : "") + "\n");
        }
        if (!running && !reallyQuiet) {
            err.print(captured + " packet" + (captured == 1 ? "" : "s") + " captured\n");
        }
        err.flush();
    }
}
