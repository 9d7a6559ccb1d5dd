package io.jcap.dissect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code -d layer==selector,protocol} rule: the table entries for the selector's
 * values are pointed at the named protocol's dissector, as tshark's decode-as does.
 * Parsed and checked against one engine (errors worded as tshark's), then applied to
 * each run's own engine.
 *
 * @param table    the layer type, a dissector table name ("tcp.port")
 * @param first    the first selector value
 * @param last     the last selector value (inclusive)
 * @param protocol the protocol to decode as ("http")
 */
public record DecodeAs(String table, long first, long last, String protocol) {

    /** A rule that cannot be applied; the message has tshark's lines (the first without a prefix). */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final String TEMPLATE = "<layer_type>==<selector>,<decode_as_protocol>";

    /** Parses {@code spec}, checking its table and protocol in {@code engine}; {@code warn} gets warnings. */
    public static DecodeAs parse(String spec, DissectorEngine engine, Consumer<String> warn) throws Invalid {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new Invalid(badTemplate(spec) + "\n" + unknownLayer(spec, engine));
        }
        String layer = spec.substring(0, eq);
        String rest;
        if (spec.startsWith("==", eq)) {
            rest = spec.substring(eq + 2);
        } else {
            rest = spec.substring(eq + 1);
            warn.accept("WARNING: -d requires \"==\" instead of \"=\". Option will be treated as \""
                    + layer + "==" + rest + "\"");
        }
        DissectorTable t = decodable(engine, layer);
        if (t == null) {
            throw new Invalid(unknownLayer(layer, engine));
        }
        int comma = rest.indexOf(',');
        if (comma < 0) {
            throw new Invalid(badTemplate(spec) + "\n" + validProtocols(t, engine));
        }
        String selector = rest.substring(0, comma);
        String protocol = rest.substring(comma + 1);
        long[] range = selector(selector);
        if (engine.registry().protocols().stream().noneMatch(p -> p.filterName.equals(protocol))
                && t.candidate(protocol) == null) {
            throw new Invalid("Unknown protocol -- \"" + protocol + "\"\n" + validProtocols(t, engine));
        }
        if (t.candidate(protocol) == null) {
            throw new Invalid("Protocol \"" + protocol + "\" isn't valid for layer type \"" + layer + "\"\n"
                    + validProtocols(t, engine));
        }
        return new DecodeAs(layer, range[0], range[1], protocol);
    }

    /** Points the selected entries of this rule's table in {@code engine} at its protocol. */
    public void apply(DissectorEngine engine) {
        DissectorTable t = engine.table(table);
        Dissector d = t.candidate(protocol);
        for (long k = first; k <= last && k < t.size(); k++) {
            t.add((int) k, d, protocol);
        }
    }

    /** The tables -d may change: those keyed by protocol values, not wiretap's link types. */
    private static DissectorTable decodable(DissectorEngine engine, String name) {
        return name.equals("wtap_encap") ? null : engine.table(name);
    }

    /** A number (decimal, 0x hex or 0 octal), "a-b" or "a:count". */
    private static long[] selector(String s) throws Invalid {
        int dash = s.indexOf('-');
        int colon = s.indexOf(':');
        if (dash > 0 || colon > 0) {
            int cut = dash > 0 ? dash : colon;
            Long a = number(s.substring(0, cut));
            Long b = number(s.substring(cut + 1));
            if (a == null || b == null) {
                throw new Invalid("Invalid selector numeric range \"" + s + "\"");
            }
            long last = dash > 0 ? b : a + b - 1;
            if (last < a) {
                throw new Invalid("Invalid selector numeric range \"" + s + "\"");
            }
            return new long[] {a, last};
        }
        Long n = number(s);
        if (n == null) {
            throw new Invalid("Invalid selector number \"" + s + "\"");
        }
        return new long[] {n, n};
    }

    private static Long number(String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return Long.parseLong(s.substring(1), 8);
            }
            return s.isEmpty() || !Character.isDigit(s.charAt(0)) ? null : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String badTemplate(String spec) {
        return "Parameter \"" + spec + "\" doesn't follow the template \"" + TEMPLATE + "\"";
    }

    private static String unknownLayer(String layer, DissectorEngine engine) {
        StringBuilder b = new StringBuilder("Unknown layer type -- ").append(layer)
                .append("\nValid layer types are:");
        List<String> names = new ArrayList<>();
        for (String n : engine.tableNames()) {
            if (decodable(engine, n) != null) {
                names.add(n);
            }
        }
        names.sort(null);
        for (String n : names) {
            b.append("\n\t").append(n).append(" (").append(engine.table(n).uiName).append(')');
        }
        return b.toString();
    }

    private static String validProtocols(DissectorTable t, DissectorEngine engine) {
        StringBuilder b = new StringBuilder("Valid protocols for layer type \"").append(t.name).append("\" are:");
        for (String p : t.candidates()) {
            String full = engine.registry().protocols().stream().filter(x -> x.filterName.equals(p))
                    .map(x -> x.name).findFirst().orElse(p);
            b.append("\n\t").append(p).append(" (").append(full).append(')');
        }
        return b.toString();
    }
}
