package io.jcap.capture;

import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

import java.io.File;

/**
 * Capture filters (libpcap's BPF syntax), compiled by libpcap itself. tshark uses this
 * to tell users who give a capture filter where a display filter belongs: it compiles
 * the rejected text for Ethernet and adds a note when that works.
 */
public final class CaptureFilters {
    /** The property pcap4j reads for the library to load. */
    private static final String LIBRARY = "org.pcap4j.core.pcapLibName";

    private CaptureFilters() {
    }

    /** Whether libpcap compiles {@code text} for an Ethernet capture; false when libpcap is missing. */
    public static boolean compiles(String text) {
        try {
            locateLibrary();
            PcapHandle handle = Pcaps.openDead(DataLinkType.EN10MB, 68);
            try {
                BpfProgram p = handle.compileFilter(text, BpfProgram.BpfCompileMode.NONOPTIMIZE,
                        PcapHandle.PCAP_NETMASK_UNKNOWN);
                p.free();
                return true;
            } finally {
                handle.close();
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** Debian ships libpcap.so.0.8 without the unversioned name JNA looks for. */
    static void locateLibrary() {
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
}
