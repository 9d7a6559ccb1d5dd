package io.jcap.print;

import java.util.Arrays;
import java.util.List;

/**
 * tshark's -j / -J protocol filter for the json, jsonraw, ek and pdml outputs: a list of
 * names split at spaces; only the listed protocols' items are expanded (with -J, each
 * listed item's whole subtree). Others show as {"filtered": "name"}.
 */
public record ProtocolFilter(List<String> names, boolean includeChildren) {
    /** Parses an option argument as tshark does (g_strsplit at single spaces). */
    public static ProtocolFilter parse(String arg, boolean includeChildren) {
        return new ProtocolFilter(Arrays.asList(arg.split(" ", -1)), includeChildren);
    }

    /** check_protocolfilter: {@code name} is one of the names. */
    public boolean matches(String name) {
        return name != null && names.contains(name);
    }

    /** ek_check_protocolfilter: as {@link #matches}, or with its dots read as underscores. */
    public boolean matchesEk(String name) {
        return matches(name) || (name != null && !name.isEmpty() && matches(name.replace('.', '_')));
    }
}
