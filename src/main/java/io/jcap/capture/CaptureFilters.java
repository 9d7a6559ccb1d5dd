package io.jcap.capture;

import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Capture filters (libpcap's BPF syntax), compiled by libpcap itself. tshark uses this
 * to tell users who give a capture filter where a display filter belongs: it compiles
 * the rejected text for Ethernet and adds a note when that works.
 */
public final class CaptureFilters {
    private CaptureFilters() {
    }

    /** Whether libpcap compiles {@code text} for an Ethernet capture; false when libpcap is missing. */
    public static boolean compiles(String text) {
        try {
            Libpcap.locate();
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
}
