package io.jcap.capture;

/**
 * How to open one interface (tshark's per-interface options).
 *
 * @param snapLength  -s; 0 for tshark's default (262144)
 * @param bufferMiB   -B in MiB; 0 for libpcap's default
 * @param filter      -f, or null
 */
public record InterfaceRequest(Devices.Device device, String filter, int snapLength, boolean promiscuous,
                               int bufferMiB, boolean monitor) {
    /** tshark's default snapshot length (WTAP_MAX_PACKET_SIZE_STANDARD). */
    public static final int DEFAULT_SNAPLEN = 262144;

    public int effectiveSnapLength() {
        return snapLength == 0 ? DEFAULT_SNAPLEN : snapLength;
    }
}
