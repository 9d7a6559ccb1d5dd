package io.jcap.frame;

/**
 * What a capture knows about an interface.
 *
 * @param linkType   LINKTYPE_* value
 * @param snapLength 0 when unknown/unlimited
 * @param name       interface name, or null
 * @param precision  decimal digits of its time stamps as tshark shows them
 * @param tsresol    pcapng's if_tsresol: 10^-n seconds per unit, or 2^-n with bit 7 set
 */
public record InterfaceInfo(int linkType, int snapLength, String name, int precision, int tsresol) {
    /** An interface whose time stamps count 10^-precision seconds (pcap: 6 or 9). */
    public InterfaceInfo(int linkType, int snapLength, String name, int precision) {
        this(linkType, snapLength, name, precision, precision);
    }
}
