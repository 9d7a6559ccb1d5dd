package io.jcap.capture;

import java.io.File;

/** Finds the system's libpcap for pcap4j, and names the package to install when there is none. */
final class Libpcap {
    /** The property pcap4j reads for the library to load. */
    private static final String LIBRARY = "org.pcap4j.core.pcapLibName";
    static final String MISSING = "Couldn't load the capture library libpcap; capturing needs it."
            + "\nOn Debian and derivatives, install it with: apt-get install libpcap0.8";

    private Libpcap() {
    }

    /** Debian ships libpcap.so.0.8 without the unversioned name JNA looks for. */
    static void locate() {
        if (System.getProperty(LIBRARY) != null) {
            return;
        }
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
            "/usr/lib", "/lib/x86_64-linux-gnu"}) {
            for (String name : new String[] {"libpcap.so", "libpcap.so.1", "libpcap.so.0.8"}) {
                File f = new File(dir, name);
                if (f.exists()) {
                    System.setProperty(LIBRARY, f.getPath());
                    return;
                }
            }
        }
    }

    /** The error for a missing or unloadable libpcap (JNA reports it as a linkage error). */
    static CaptureException missing(Throwable cause) {
        return new CaptureException(MISSING, false);
    }
}
