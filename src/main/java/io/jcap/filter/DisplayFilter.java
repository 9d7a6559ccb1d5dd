package io.jcap.filter;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldRegistry;
import io.jcap.field.Protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A display filter, compiled once and evaluated per packet: {@link #compile} runs the
 * phases (macro check, scanner and parser, semantic check against the field registry)
 * and fails with tshark's message; {@link #matches} tests a dissected packet.
 */
public final class DisplayFilter {
    private final String text;
    private final Test test;
    private final List<FieldDef> fields;

    private DisplayFilter(String text, Test test) {
        this.text = text;
        this.test = test;
        Set<FieldDef> set = new LinkedHashSet<>();
        if (test != null) {
            test.fields(set);
        }
        this.fields = List.copyOf(set);
    }

    /** Compiles {@code text} against the fields of {@code registry}; absolute times are read in the local zone. */
    public static DisplayFilter compile(String text, FieldRegistry registry) throws FilterException {
        return compile(text, registry, ZoneId.systemDefault());
    }

    public static DisplayFilter compile(String text, FieldRegistry registry, ZoneId zone) throws FilterException {
        Names names = new Names(registry);
        // with no macros defined, expansion only checks that each ${...} names a field
        Macros.expand(text, java.util.Map.of(), name -> names.find(name) != null);
        Node tree = new Parser(text, names::find).parse();
        if (tree == null) {
            return new DisplayFilter(text, null);
        }
        return new DisplayFilter(text, new Checker(new Literals(zone)).test(tree));
    }

    /**
     * {@code text} with its display filter macros ({@code ${name:arg;...}}) expanded from
     * {@code macros}, as tshark expands them before compiling; field references stay.
     */
    public static String expandMacros(String text, FieldRegistry registry, java.util.Map<String, String> macros)
            throws FilterException {
        Names names = new Names(registry);
        return Macros.expand(text, macros, name -> names.find(name) != null);
    }

    /** Whether the dissected packet passes; an empty filter passes everything. */
    public boolean matches(Dissection d) {
        return test == null || test.eval(d);
    }

    public String text() {
        return text;
    }

    /** True for an empty filter (only white space). */
    public boolean isEmpty() {
        return test == null;
    }

    /** The protocols and fields the filter reads: the layers that must record them. */
    public List<FieldDef> fields() {
        return fields;
    }

    /** The checked tree with the type of every value, in the manner of Wireshark's dftest. */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append("Filter:\n ").append(text).append("\n\nSyntax tree:\n");
        if (test == null) {
            sb.append(" (empty: every frame passes)\n");
        } else {
            explain(sb, test, 0);
        }
        sb.append("\nFields read:\n");
        if (fields.isEmpty()) {
            sb.append(" (none)\n");
        }
        for (FieldDef f : fields) {
            sb.append(' ').append(f.abbrev).append(" <").append(f.type.wiresharkName).append("> (")
                    .append(f.protocol.filterName).append(")\n");
        }
        return sb.toString();
    }

    private static void explain(StringBuilder sb, Object node, int depth) {
        sb.append(" ".repeat(2 * depth + 1)).append(depth).append(' ');
        List<?> children;
        if (node instanceof Test t) {
            sb.append(t.describe());
            if (t instanceof Test.Matches m) {
                sb.append(" /").append(m.source).append("/i");
            }
            children = t.children();
        } else {
            Operand o = (Operand) node;
            sb.append(o.describe());
            children = o.children();
        }
        sb.append('\n');
        for (Object c : children) {
            explain(sb, c, depth + 1);
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * Field names: jcap's registry first, then the protocols tshark knows that jcap does
     * not dissect (present in no packet, but names all the same, as in tshark).
     */
    static final class Names {
        private final FieldRegistry registry;

        Names(FieldRegistry registry) {
            this.registry = registry;
        }

        FieldDef find(String name) {
            FieldDef f = registry.find(name);
            if (f == null) {
                f = LayerlessProtocols.BY_NAME.get(name);
            }
            return f != null ? f : OtherProtocols.BY_NAME.get(name);
        }
    }

    /**
     * The pseudo-protocols whose items any layer adds (expert info, malformed and short
     * frames): not layers of the registry, but fields packets carry.
     */
    private static final class LayerlessProtocols {
        static final Map<String, FieldDef> BY_NAME = load();

        private static Map<String, FieldDef> load() {
            Map<String, FieldDef> m = new HashMap<>();
            for (io.jcap.field.Protocol p : List.of(io.jcap.dissect.ExpertFields.PROTOCOL,
                    io.jcap.dissect.MalformedFields.PROTOCOL, io.jcap.dissect.ShortFields.PROTOCOL)) {
                m.put(p.filterName, p.field);
                for (FieldDef f : p.fields()) {
                    m.putIfAbsent(f.abbrev, f);
                }
            }
            return Map.copyOf(m);
        }
    }

    /**
     * Whether packets can carry {@code f}: a field of jcap's registry or of a pseudo-protocol
     * any layer adds (expert info); not one of the protocols only tshark dissects.
     */
    public static boolean inPackets(FieldDef f, FieldRegistry registry) {
        return registry.find(f.abbrev) == f || LayerlessProtocols.BY_NAME.get(f.abbrev) == f;
    }

    /** The list of tshark's protocol names, read once (a frozen table, like the registry). */
    private static final class OtherProtocols {
        static final Map<String, FieldDef> BY_NAME = load();

        private static Map<String, FieldDef> load() {
            Map<String, FieldDef> m = new HashMap<>();
            try (InputStream in = DisplayFilter.class.getResourceAsStream("tshark-protocols.txt")) {
                if (in != null) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    for (String line; (line = r.readLine()) != null; ) {
                        if (!line.isEmpty() && !line.startsWith("#")) {
                            m.put(line, new Protocol(line, line, line).field);
                        }
                    }
                }
            } catch (IOException e) {
                // without the list only jcap's own protocols are names
            }
            return Map.copyOf(m);
        }
    }
}
