package io.jcap.cli;

import java.util.ArrayList;
import java.util.List;

/** What a live capture was asked for, after the command line was checked. */
final class CaptureSettings {
    /**
     * One interface to open; {@code name} null means tshark's default interface.
     *
     * @param snapLength 0: the default
     * @param bufferMiB  0: libpcap's default
     */
    record Iface(String name, String filter, int snapLength, boolean promiscuous, int bufferMiB, boolean monitor) {
    }

    final List<Iface> interfaces = new ArrayList<>();
    /** tshark 4.0 asks libpcap for nanosecond time stamps; --time-stamp-precision micro does not. */
    boolean nanoseconds = true;
}
