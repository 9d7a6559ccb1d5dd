package io.jcap.capture;

import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;

import java.util.ArrayList;
import java.util.List;

/** The capture devices libpcap offers, in its order (tshark's -D numbering). */
public final class Devices {
    /**
     * One device. {@code friendlyName} is what tshark shows in parentheses: on Linux only
     * loopback devices have one ("Loopback"); libpcap's own descriptions are not shown.
     */
    public record Device(String name, String friendlyName, boolean loopback, boolean up) {
        /** tshark's name for the device in "Capturing on" and drop reports: "Loopback: lo". */
        public String displayName() {
            return friendlyName == null ? name : friendlyName + ": " + name;
        }

        /** tshark's name for it in capture filter errors: the friendly name if any. */
        public String description() {
            return friendlyName == null ? name : friendlyName;
        }
    }

    private Devices() {
    }

    public static List<Device> list() throws CaptureException {
        List<PcapNetworkInterface> devs;
        try {
            Libpcap.locate();
            devs = Pcaps.findAllDevs();
        } catch (LinkageError e) {
            throw Libpcap.missing(e);
        } catch (PcapNativeException e) {
            throw new CaptureException(e.getMessage()
                    + "\nThere are no interfaces on which a capture can be done", false);
        }
        List<Device> out = new ArrayList<>();
        for (PcapNetworkInterface d : devs) {
            out.add(new Device(d.getName(), d.isLoopBack() ? "Loopback" : null, d.isLoopBack(), d.isUp()));
        }
        return out;
    }

    /** tshark -D: "1. eth0", "3. lo (Loopback)". */
    public static String listing(List<Device> devices) {
        StringBuilder b = new StringBuilder();
        int i = 1;
        for (Device d : devices) {
            b.append(i++).append(". ").append(d.name());
            if (d.friendlyName() != null) {
                b.append(" (").append(d.friendlyName()).append(')');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The device tshark captures on without -i: the first non-loopback one, preferring one that is up. */
    public static Device defaultDevice(List<Device> devices) throws CaptureException {
        Device any = null;
        for (Device d : devices) {
            if (!d.loopback()) {
                if (d.up()) {
                    return d;
                }
                if (any == null) {
                    any = d;
                }
            }
        }
        if (any == null && !devices.isEmpty()) {
            any = devices.get(0);
        }
        if (any == null) {
            throw new CaptureException("There are no interfaces on which a capture can be done", false);
        }
        return any;
    }

    /**
     * The device an -i argument names: a number from the -D list, else a name (a name
     * libpcap does not list is kept: opening it reports the error, as tshark does).
     */
    public static Device resolve(String arg, List<Device> devices) throws CaptureException {
        if (arg.matches("[0-9]+")) {
            long n;
            try {
                n = Long.parseLong(arg);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > devices.size()) {
                throw new CaptureException("There is no interface with that adapter index", false);
            }
            return devices.get((int) n - 1);
        }
        for (Device d : devices) {
            if (d.name().equals(arg)) {
                return d;
            }
        }
        return new Device(arg, null, false, true);
    }
}
