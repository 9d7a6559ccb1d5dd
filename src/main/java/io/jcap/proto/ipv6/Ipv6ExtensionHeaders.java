package io.jcap.proto.ipv6;

import io.jcap.field.Protocol;

/**
 * The IPv6 extension headers tshark shows as protocols of their own (in
 * frame.protocols); their fields are declared under ipv6 in {@link Ipv6Fields}.
 */
public final class Ipv6ExtensionHeaders {
    public static final Protocol HOP_BY_HOP = new Protocol("ipv6.hopopts", "IPv6 Hop-by-Hop Option", "IPv6 Hop-by-Hop");
    public static final Protocol ROUTING = new Protocol("ipv6.routing", "Routing Header for IPv6", "IPv6 Routing");
    public static final Protocol FRAGMENT = new Protocol("ipv6.fraghdr", "Fragment Header for IPv6", "IPv6 Fragment");
    public static final Protocol DESTINATION = new Protocol("ipv6.dstopts", "Destination Options for IPv6", "IPv6 Destination");
    /** IPsec AH (RFC 4302): skipped over to reach the protected payload. */
    public static final Protocol AUTHENTICATION = new Protocol("ah", "Authentication Header", "AH");

    public static final int HOP_BY_HOP_NH = 0;
    public static final int ROUTING_NH = 43;
    public static final int FRAGMENT_NH = 44;
    public static final int NO_NEXT_NH = 59;
    public static final int DESTINATION_NH = 60;
    public static final int AUTHENTICATION_NH = 51;

    private Ipv6ExtensionHeaders() {
    }
}
