package io.jcap.capture;

import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/** tshark's (dumpcap's) messages for an interface that cannot be opened or filtered. */
final class OpenErrors {
    // pcap_activate's status codes (pcap/pcap.h)
    private static final int NO_SUCH_DEVICE = -5;
    private static final int RFMON_NOTSUP = -6;
    private static final int PERM_DENIED = -8;
    private static final int IFACE_NOT_UP = -9;
    private static final String COMPILE_PREFIX = "Error occurred in pcap_compile: ";

    private OpenErrors() {
    }

    static CaptureException describe(String device, PcapNativeException e) {
        int rc = e.getReturnCode() != null ? e.getReturnCode() : -1;
        String detail = e.getMessage();
        if (detail == null || detail.isBlank()) {
            detail = Pcaps.strError(rc);
        }
        if (rc == PERM_DENIED || detail.contains("Operation not permitted")) {
            return new CaptureException("You do not have permission to capture on device \"" + device + "\".\n("
                    + detail + ")\nPlease check to make sure you have sufficient permissions.\n\n"
                    + "Capturing needs root, or the CAP_NET_RAW and CAP_NET_ADMIN capabilities on the java"
                    + " binary that runs jcap:\n\n"
                    + "    sudo setcap cap_net_raw,cap_net_admin=ep {path/to/}java", true);
        }
        String primary = switch (rc) {
            case NO_SUCH_DEVICE -> "There is no device named \"" + device + "\".";
            case IFACE_NOT_UP -> "Device \"" + device + "\" is not up.";
            case RFMON_NOTSUP -> "Capturing in monitor mode is not supported on device \"" + device + "\".";
            default -> "The capture session could not be initiated on capture device \"" + device + "\".";
        };
        String secondary = rc == NO_SUCH_DEVICE || rc == IFACE_NOT_UP || rc == RFMON_NOTSUP ? ""
                : "Please check that \"" + device + "\" is the proper interface.";
        return new CaptureException(primary + "\n(" + detail + ")\n" + secondary, true);
    }

    static CaptureException badFilter(InterfaceRequest r, String libpcapMessage, boolean displayFilter) {
        String why = libpcapMessage == null ? "" : libpcapMessage.startsWith(COMPILE_PREFIX)
                ? libpcapMessage.substring(COMPILE_PREFIX.length()) : libpcapMessage;
        String head = "Invalid capture filter \"" + r.filter() + "\" for interface '" + r.device().description()
                + "'.\n\n";
        if (displayFilter) {
            return new CaptureException(head
                    + "That string looks like a valid display filter; however, it isn't a valid\n"
                    + "capture filter (" + why + ").\n\n"
                    + "Note that display filters and capture filters don't have the same syntax,\n"
                    + "so you can't use most display filter expressions as capture filters.\n\n"
                    + "See the User's Guide for a description of the capture filter syntax.", true);
        }
        return new CaptureException(head + "That string isn't a valid capture filter (" + why + ").\n"
                + "See the User's Guide for a description of the capture filter syntax.", true);
    }
}
