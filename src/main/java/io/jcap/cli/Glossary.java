package io.jcap.cli;

import io.jcap.field.FieldDef;
import io.jcap.field.FieldRegistry;
import io.jcap.field.FieldType;
import io.jcap.field.Protocol;

import java.io.PrintStream;

/** tshark's -G reports from the field registry: "fields" and "protocols". */
final class Glossary {
    private Glossary() {
    }

    /** Prints report {@code name}; false if jcap does not have that report. */
    static boolean print(String name, FieldRegistry registry, PrintStream out) {
        switch (name) {
            case "fields" -> fields(registry, out);
            case "protocols" -> {
                for (Protocol p : registry.protocols()) {
                    out.print(p.name + "\t" + p.shortName + "\t" + p.filterName + "\n");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void fields(FieldRegistry registry, PrintStream out) {
        StringBuilder sb = new StringBuilder(1 << 16);
        for (Protocol p : registry.protocols()) {
            sb.append("P\t").append(p.name).append('\t').append(p.filterName).append('\n');
            for (FieldDef f : p.fields()) {
                if (registry.find(f.abbrev) != f) {
                    // a second field of a name: tshark lists the first only
                    continue;
                }
                sb.append("F\t").append(f.name).append('\t').append(f.abbrev).append('\t')
                        .append(f.type.wiresharkName).append('\t').append(p.filterName).append('\t')
                        .append(base(f)).append('\t').append("0x").append(Long.toHexString(f.mask)).append('\t')
                        .append(f.blurb == null ? "" : f.blurb).append('\n');
            }
            if (sb.length() > 60_000) {
                out.print(sb);
                sb.setLength(0);
            }
        }
        out.print(sb);
    }

    /** The base column: BASE_* for integers, the bit width for booleans, empty otherwise. */
    private static String base(FieldDef f) {
        if (f.type == FieldType.BOOLEAN) {
            return Integer.toString(f.bitWidth);
        }
        if (f.type.isInteger() || f.type == FieldType.CHAR) {
            return f.base.wiresharkName();
        }
        return "";
    }
}
