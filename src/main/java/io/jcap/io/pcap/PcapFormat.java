package io.jcap.io.pcap;

/** Constants of the classic libpcap file format. */
public final class PcapFormat {
    public static final int MAGIC_MICROS = 0xa1b2c3d4;
    public static final int MAGIC_NANOS = 0xa1b23c4d;
    public static final int HEADER_LENGTH = 24;
    public static final int RECORD_HEADER_LENGTH = 16;
    /** wiretap's WTAP_MAX_PACKET_SIZE_STANDARD: larger records mean a damaged file. */
    public static final int MAX_RECORD = 262144;

    private PcapFormat() {
    }

    /** True for the link types wiretap knows; others make tshark refuse the file. */
    public static boolean knownLinkType(int linkType) {
        return io.jcap.frame.Encapsulations.of(linkType) >= 0;
    }
}
