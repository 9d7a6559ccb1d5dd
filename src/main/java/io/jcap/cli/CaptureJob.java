package io.jcap.cli;

import io.jcap.capture.CaptureException;
import io.jcap.capture.Devices;
import io.jcap.capture.InterfaceRequest;
import io.jcap.capture.LiveCapture;
import io.jcap.capture.StopSignals;
import io.jcap.proto.StandardProtocols;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A live capture: chooses the interfaces, opens them, and runs the read pipeline
 * ({@link ReadJob}) on the capture, then reports the count as tshark does.
 */
final class CaptureJob {
    /** tshark's status when the capture itself fails (dumpcap's failure). */
    static final int CAPTURE_FAILED = 1;
    /** tshark's status when no interface list can be had (INVALID_INTERFACE). */
    static final int NO_INTERFACES = 2;

    private final ReadSettings s;
    private final CaptureSettings c;
    private final OutputStream stdout;
    private final PrintStream stderr;

    CaptureJob(ReadSettings s, CaptureSettings c, OutputStream stdout, PrintStream stderr) {
        this.s = s;
        this.c = c;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** -D: tshark's numbered list of interfaces. */
    static int listInterfaces(OutputStream stdout, PrintStream stderr) {
        try {
            List<Devices.Device> devices = Devices.list();
            if (devices.isEmpty()) {
                stderr.println("jcap: There are no interfaces on which a capture can be done");
                return NO_INTERFACES;
            }
            PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
            out.print(Devices.listing(devices));
            out.flush();
            return ExitStatus.OK;
        } catch (CaptureException e) {
            stderr.println("jcap: " + e.getMessage());
            return NO_INTERFACES;
        }
    }

    int run() throws IOException {
        List<InterfaceRequest> requests = new ArrayList<>();
        try {
            List<Devices.Device> devices = Devices.list();
            for (CaptureSettings.Iface i : c.interfaces) {
                Devices.Device d = i.name() == null ? Devices.defaultDevice(devices) : Devices.resolve(i.name(), devices);
                requests.add(new InterfaceRequest(d, i.filter(), i.snapLength(), i.promiscuous(), i.bufferMiB(),
                        i.monitor()));
            }
        } catch (CaptureException e) {
            stderr.println("jcap: " + e.getMessage());
            return e.getMessage().startsWith("There is no interface with that adapter index")
                    ? CAPTURE_FAILED : NO_INTERFACES;
        }
        stderr.println("Capturing on " + names(requests));
        stderr.flush();
        LiveCapture capture;
        try {
            capture = LiveCapture.open(requests, s.lineBuffered, c.nanoseconds, CaptureJob::isDisplayFilter);
        } catch (CaptureException e) {
            stderr.println("jcap: " + e.getMessage());
            counts(0);
            return CAPTURE_FAILED;
        }
        // -a packets:N stops a capture after N packets captured, as -c does
        if (s.autostopPackets > 0) {
            s.count = s.count < 0 ? s.autostopPackets : Math.min(s.count, s.autostopPackets);
            s.autostopPackets = -1;
        }
        // writing a file, tshark counts the packets on a terminal instead of printing them
        io.jcap.io.rotate.PacketCounter counter = s.writeFile != null && !"-".equals(s.writeFile)
                && io.jcap.io.rotate.PacketCounter.shows(io.jcap.io.rotate.PacketCounter.isTerminal(2),
                        io.jcap.io.rotate.PacketCounter.isTerminal(1), s.printPackets, s.quiet)
                ? new io.jcap.io.rotate.PacketCounter(stderr, true) : null;
        int status;
        try (StopSignals signals = StopSignals.install(capture::stop)) {
            capture.start();
            if (s.durationMillis >= 0) {
                capture.stopAfter(s.durationMillis);
            }
            status = new ReadJob(s, stdout, stderr).run(capture, counter == null ? null
                    : () -> counter.update(capture.captured()),
                    new CaptureLog(stderr, io.jcap.io.rotate.PacketCounter.isTerminal(2)));
        } catch (ReadJob.CaptureFileError e) {
            stderr.println("jcap: " + e.getMessage());
            counts(0);
            return CAPTURE_FAILED;
        } finally {
            capture.close();
        }
        if (capture.failure() != null) {
            stderr.println("jcap: " + capture.failure());
        }
        if (counter != null) {
            stderr.print("\n");
        }
        for (LiveCapture.Drops d : capture.drops()) {
            stderr.println(d.count() + " packet" + (d.count() == 1 ? "" : "s") + " dropped from " + d.interfaceName());
        }
        stderr.println("jcap: ");
        if (counter == null) {
            // the running count on a terminal already said how many
            stderr.println(capture.captured() + " packet" + (capture.captured() == 1 ? "" : "s") + " captured");
        }
        return status;
    }

    /**
     * tshark's last lines: its capture child's (empty) closing message, then the count.
     */
    private void counts(long captured) {
        stderr.println("jcap: ");
        stderr.println(captured + " packet" + (captured == 1 ? "" : "s") + " captured");
    }

    /** tshark's list: 'a'; 'a' and 'b'; 'a', 'b', and 'c'. */
    static String names(List<InterfaceRequest> requests) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < requests.size(); i++) {
            if (i > 0) {
                b.append(requests.size() > 2 ? ", " : " ");
                if (i == requests.size() - 1) {
                    b.append("and ");
                }
            }
            b.append('\'').append(requests.get(i).device().displayName()).append('\'');
        }
        return b.toString();
    }

    private static boolean isDisplayFilter(String text) {
        try {
            io.jcap.filter.DisplayFilter.compile(text, StandardProtocols.engine().registry());
            return true;
        } catch (io.jcap.filter.FilterException | RuntimeException e) {
            return false;
        }
    }
}
