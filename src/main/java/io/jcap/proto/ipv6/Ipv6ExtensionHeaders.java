package io.jcap.proto.ipv6;

import io.jcap.field.Base;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.field.Protocol;
import io.jcap.field.ValueNames;

/**
 * The IPv6 extension headers tshark shows as protocols of their own (in
 * frame.protocols), and IPsec AH, with their fields as tshark 4.0's -G fields lists them
 * (these protocols are not in the generated tables, so they are declared here).
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

    private static final String WORDS = "Extension header length in 8-octet words (minus 1)";
    private static final String OCTETS = "Extension header length in octets";
    private static final ValueNames PROTOS = Ipv6Fields.NXT.values;

    // hop-by-hop options
    public static final FieldDef HOPOPTS_NXT = field(HOP_BY_HOP, "ipv6.hopopts.nxt", "Next Header", FieldType.UINT8, Base.DEC, PROTOS, 0, null);
    public static final FieldDef HOPOPTS_LEN = field(HOP_BY_HOP, "ipv6.hopopts.len", "Length", FieldType.UINT8, Base.DEC, null, 0, WORDS);
    public static final FieldDef HOPOPTS_LEN_OCT = HOP_BY_HOP.declare("ipv6.hopopts.len_oct", "Length", FieldType.UINT16, Base.DEC, null, 0, 0, OCTETS, null, null, " byte", " bytes");
    public static final FieldDef HOPOPTS_NOT_FIRST = field(HOP_BY_HOP, "ipv6.hopopts.not_first",
            "IPv6 Hop-by-Hop extension header must appear immediately after IPv6 header", FieldType.NONE, Base.NONE, null, 0, null);

    // routing
    private static final ValueNames ROUTING_TYPES = ValueNames.of(0L, "Source Route", 1L, "Nimrod", 2L, "Type 2 Routing",
            3L, "RPL Source Route", 4L, "Segment Routing", 5L, "Compact Routing Header 16", 6L, "Compact Routing Header 32",
            253L, "Experiment 1", 254L, "Experiment 2");
    public static final FieldDef ROUTING_NXT = field(ROUTING, "ipv6.routing.nxt", "Next Header", FieldType.UINT8, Base.DEC, PROTOS, 0, null);
    public static final FieldDef ROUTING_LEN = field(ROUTING, "ipv6.routing.len", "Length", FieldType.UINT8, Base.DEC, null, 0, WORDS);
    public static final FieldDef ROUTING_LEN_OCT = ROUTING.declare("ipv6.routing.len_oct", "Length", FieldType.UINT16, Base.DEC, null, 0, 0, OCTETS, null, null, " byte", " bytes");
    public static final FieldDef ROUTING_TYPE = field(ROUTING, "ipv6.routing.type", "Type", FieldType.UINT8, Base.DEC, ROUTING_TYPES, 0, "Routing Header Type");
    public static final FieldDef ROUTING_SEGLEFT = field(ROUTING, "ipv6.routing.segleft", "Segments Left", FieldType.UINT8, Base.DEC, null, 0, "Routing Header Segments Left");
    public static final FieldDef ROUTING_UNKNOWN_DATA = field(ROUTING, "ipv6.routing.unknown_data", "Type-Specific Data", FieldType.BYTES, Base.NONE, null, 0, "Unknown routing header type-specific data");
    public static final FieldDef ROUTING_SRC_RESERVED = field(ROUTING, "ipv6.routing.src.reserved", "Reserved", FieldType.BYTES, Base.NONE, null, 0, "Must be zero");
    public static final FieldDef ROUTING_SRC_ADDR = field(ROUTING, "ipv6.routing.src.addr", "Address", FieldType.IPV6, Base.NONE, null, 0, "Source Routing Header Address");
    public static final FieldDef ROUTING_MIPV6_RESERVED = field(ROUTING, "ipv6.routing.mipv6.reserved", "Reserved", FieldType.BYTES, Base.NONE, null, 0, "Must be zero");
    public static final FieldDef ROUTING_MIPV6_HOME_ADDRESS = field(ROUTING, "ipv6.routing.mipv6.home_address", "Home Address", FieldType.IPV6, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_RPL_CMPRI = field(ROUTING, "ipv6.routing.rpl.cmprI", "Compressed Internal Octets (CmprI)", FieldType.UINT32, Base.DEC, null, 0xf0000000L, "Elided octets from all but last segment");
    public static final FieldDef ROUTING_RPL_CMPRE = field(ROUTING, "ipv6.routing.rpl.cmprE", "Compressed Final Octets (CmprE)", FieldType.UINT32, Base.DEC, null, 0x0f000000L, "Elided octets from last segment address");
    public static final FieldDef ROUTING_RPL_PAD = field(ROUTING, "ipv6.routing.rpl.pad", "Padding Bytes", FieldType.UINT32, Base.DEC, null, 0x00f00000L, null);
    public static final FieldDef ROUTING_RPL_RESERVED = field(ROUTING, "ipv6.routing.rpl.reserved", "Reserved", FieldType.UINT32, Base.DEC, null, 0x000fffffL, "Must be zero");
    public static final FieldDef ROUTING_RPL_ADDR_COUNT = field(ROUTING, "ipv6.routing.rpl.addr_count", "Total Address Count", FieldType.INT32, Base.DEC, null, 0, null);
    public static final FieldDef ROUTING_RPL_ADDRESS = field(ROUTING, "ipv6.routing.rpl.address", "Address", FieldType.BYTES, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_RPL_FULL_ADDRESS = field(ROUTING, "ipv6.routing.rpl.full_address", "Full Address", FieldType.IPV6, Base.NONE, null, 0, "Uncompressed IPv6 Address");
    public static final FieldDef ROUTING_SRH_LAST_ENTRY = field(ROUTING, "ipv6.routing.srh.last_entry", "Last Entry", FieldType.UINT8, Base.DEC, null, 0, "Index (zero based) of the last element of the Segment List");
    public static final FieldDef ROUTING_SRH_FLAGS = field(ROUTING, "ipv6.routing.srh.flags", "Flags", FieldType.UINT8, Base.HEX, null, 0, "Unused, 8 bits of flags");
    public static final FieldDef ROUTING_SRH_TAG = field(ROUTING, "ipv6.routing.srh.tag", "Tag", FieldType.BYTES, Base.NONE, null, 0, "Tag a packet as part of a class or group of packets");
    public static final FieldDef ROUTING_SRH_ADDR = field(ROUTING, "ipv6.routing.srh.addr", "Address", FieldType.IPV6, Base.NONE, null, 0, "Segment address");
    public static final FieldDef DST_ADDR_NOT_MULTICAST = field(ROUTING, "ipv6.dst_addr.not_multicast", "Destination address must not be a multicast address", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef SRC_ROUTE_LIST_SRC_ADDR = field(ROUTING, "ipv6.src_route_list.src_addr", "Source address must not appear in the source route list", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef SRC_ROUTE_LIST_DST_ADDR = field(ROUTING, "ipv6.src_route_list.dst_addr", "Destination address must not appear in the source route list", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef SRC_ROUTE_LIST_MULTICAST_ADDR = field(ROUTING, "ipv6.src_route_list.multicast_addr", "Multicast addresses must not appear in the source route list", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_RPL_CMPRI_CMPRE_PAD = field(ROUTING, "ipv6.routing.rpl.cmprI_cmprE_pad", "When cmprI equals 0 and cmprE equals 0, pad MUST equal 0 but instead was X", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_RPL_ADDR_COUNT_GE0 = field(ROUTING, "ipv6.routing.rpl.addr_count_ge0", "Calculated total address count must be greater than or equal to 0, instead was X", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_RPL_RESERVED_NOT0 = field(ROUTING, "ipv6.routing.rpl.reserved_not0", "Reserved field must equal 0 but instead was X", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_INVALID_LENGTH = field(ROUTING, "ipv6.routing.invalid_length", "Invalid IPv6 Routing header length", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_INVALID_SEGLEFT = field(ROUTING, "ipv6.routing.invalid_segleft", "IPv6 Routing Header segments left field must not exceed address count", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_UNDECODED = field(ROUTING, "ipv6.routing.undecoded", "Undecoded IPv6 routing header field", FieldType.NONE, Base.NONE, null, 0, null);
    public static final FieldDef ROUTING_DEPRECATED = field(ROUTING, "ipv6.routing.deprecated", "Routing header type is deprecated", FieldType.NONE, Base.NONE, null, 0, null);

    // fragment
    public static final FieldDef FRAGHDR_NXT = field(FRAGMENT, "ipv6.fraghdr.nxt", "Next header", FieldType.UINT8, Base.DEC, PROTOS, 0, null);
    public static final FieldDef FRAGHDR_RESERVED_OCTET = field(FRAGMENT, "ipv6.fraghdr.reserved_octet", "Reserved octet", FieldType.UINT8, Base.HEX, null, 0, "Should always be 0");
    public static final FieldDef FRAGHDR_OFFSET = field(FRAGMENT, "ipv6.fraghdr.offset", "Offset", FieldType.UINT16, Base.DEC, null, 0xfff8, "Fragment Offset");
    public static final FieldDef FRAGHDR_RESERVED_BITS = field(FRAGMENT, "ipv6.fraghdr.reserved_bits", "Reserved bits", FieldType.UINT16, Base.DEC, null, 0x6, null);
    public static final FieldDef FRAGHDR_MORE = FRAGMENT.declare("ipv6.fraghdr.more", "More Fragments", FieldType.BOOLEAN, Base.NONE, null, 0x1, 16, null, "Yes", "No", null, null);
    public static final FieldDef FRAGHDR_IDENT = field(FRAGMENT, "ipv6.fraghdr.ident", "Identification", FieldType.UINT32, Base.HEX, null, 0, "Fragment Identification");

    // destination options
    public static final FieldDef DSTOPTS_NXT = field(DESTINATION, "ipv6.dstopts.nxt", "Next Header", FieldType.UINT8, Base.DEC, PROTOS, 0, null);
    public static final FieldDef DSTOPTS_LEN = field(DESTINATION, "ipv6.dstopts.len", "Length", FieldType.UINT8, Base.DEC, null, 0, WORDS);
    public static final FieldDef DSTOPTS_LEN_OCT = DESTINATION.declare("ipv6.dstopts.len_oct", "Length", FieldType.UINT16, Base.DEC, null, 0, 0, OCTETS, null, null, " byte", " bytes");

    // AH
    public static final FieldDef AH_NEXT_HEADER = field(AUTHENTICATION, "ah.next_header", "Next header", FieldType.UINT8, Base.DEC, PROTOS, 0, null);
    public static final FieldDef AH_LENGTH = field(AUTHENTICATION, "ah.length", "Length", FieldType.UINT8, Base.DEC, null, 0, null);
    public static final FieldDef AH_RESERVED = field(AUTHENTICATION, "ah.reserved", "Reserved", FieldType.BYTES, Base.NONE, null, 0, null);
    public static final FieldDef AH_SPI = field(AUTHENTICATION, "ah.spi", "AH SPI", FieldType.UINT32, Base.HEX, null, 0, "IP Authentication Header Security Parameters Index");
    public static final FieldDef AH_ICV = field(AUTHENTICATION, "ah.icv", "AH ICV", FieldType.BYTES, Base.NONE, null, 0, "IP Authentication Header Integrity Check Value");
    public static final FieldDef AH_SEQUENCE = field(AUTHENTICATION, "ah.sequence", "AH Sequence", FieldType.UINT32, Base.DEC, null, 0, "IP Authentication Header Sequence Number");

    private static FieldDef field(Protocol p, String abbrev, String name, FieldType type, Base base, ValueNames values,
                                  long mask, String blurb) {
        return p.declare(abbrev, name, type, base, values, mask, 0, blurb, null, null, null, null);
    }

    private Ipv6ExtensionHeaders() {
    }
}
