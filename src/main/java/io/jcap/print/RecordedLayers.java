package io.jcap.print;

import io.jcap.field.FieldDef;
import io.jcap.field.FieldRegistry;
import io.jcap.field.Protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layers that must record their items for a view that prints only some fields
 * (-T fields, -e with json/ek/pdml): see {@link io.jcap.dissect.Dissection#recordOnly}.
 * Usually the requested fields' own protocols; a few protocols have items that other
 * layers add, and then those layers record too.
 */
public final class RecordedLayers {
    /**
     * Protocols whose items other layers add too, by filter name: IPv6 adds the hidden
     * ip.version tshark's IPv6 tree carries; every link layer that hands off by EtherType
     * adds the padding and trailer as eth items; 802.1ad tags are VLAN items; ICMPv6 adds
     * ICMP's extension objects; the PPPoE session layer adds pppoe items; mDNS and LLMNR
     * are DNS items; DNS over TCP adds TCP's [PDU Size] items; HTTP adds its body's media-type items when its own layer records.
     * IPv4 options ("ip.options.*") are items of the IPv4 layer, TCP options ("tcp.options.*") of TCP's.
     */
    private static final Map<String, List<String>> ALSO_ADDED_BY = Map.ofEntries(
            Map.entry("ip", List.of("ipv6")),
            Map.entry("eth", List.of("vlan", "ieee8021ad", "llc", "sll", "null")),
            Map.entry("vlan", List.of("ieee8021ad")),
            Map.entry("icmp", List.of("icmpv6")),
            Map.entry("pppoe", List.of("pppoes")),
            Map.entry("dns", List.of("mdns", "llmnr")),
            Map.entry("tcp", List.of("dns")),
            Map.entry("data-text-lines", List.of("http")),
            Map.entry("json", List.of("http")),
            Map.entry("xml", List.of("http")),
            Map.entry("media", List.of("http")),
            Map.entry("png", List.of("http")),
            Map.entry("image-gif", List.of("http")),
            Map.entry("image-jfif", List.of("http")),
            Map.entry("urlencoded-form", List.of("http")));

    private RecordedLayers() {
    }

    /**
     * The protocols to record for {@code fields}, or null when every layer must record
     * (a field of a protocol no layer enters, such as expert info).
     */
    public static Set<Protocol> of(List<FieldDef> fields, FieldRegistry registry) {
        Set<Protocol> set = new HashSet<>();
        for (FieldDef f : fields) {
            Protocol p = f.protocol;
            if (!registry.protocols().contains(p)) {
                return null;
            }
            set.add(p);
            List<String> others = p.filterName.startsWith("ip.options.") ? List.of("ip")
                    : p.filterName.startsWith("tcp.options.") ? List.of("tcp")
                    : ALSO_ADDED_BY.getOrDefault(p.filterName, List.of());
            for (String other : others) {
                FieldDef layer = registry.find(other);
                if (layer != null) {
                    set.add(layer.protocol);
                }
            }
        }
        return set;
    }
}
