package io.jcap.print;

import io.jcap.dissect.Address;
import io.jcap.field.Formats;
import io.jcap.resolve.EtherNames;

/** An address as the Source/Destination columns show it, with MAC names unless -n. */
public final class AddressText {
    private final EtherNames etherNames;

    /** {@code etherNames} null: no MAC name resolution (-n). */
    public AddressText(EtherNames etherNames) {
        this.etherNames = etherNames;
    }

    /** True when {@link #write} writes {@code a} itself (an IPv4 address); else use {@link #append}. */
    public static boolean direct(Address a) {
        return a.type == Address.Type.IPV4;
    }

    /** Writes an address that {@link #direct} accepts. */
    public void write(Output out, Address a) throws java.io.IOException {
        out.ipv4(a.bytes, 0);
    }

    public void append(StringBuilder sb, Address a) {
        switch (a.type) {
            case NONE -> {
            }
            case ETHER -> {
                long mac = 0;
                for (int i = 0; i < 6; i++) {
                    mac = (mac << 8) | (a.bytes[i] & 0xFF);
                }
                if (etherNames != null) {
                    sb.append(etherNames.name(mac));
                } else {
                    Formats.ether(sb, mac);
                }
            }
            case IPV4 -> Formats.ipv4(sb, a.bytes, 0);
            case IPV6 -> Formats.ipv6(sb, a.bytes, 0);
            case OTHER -> Formats.colonHex(sb, a.bytes, 0, a.length);
            case TEXT -> sb.append(a.text);
        }
    }
}
