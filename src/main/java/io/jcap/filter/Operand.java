package io.jcap.filter;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * A checked value expression, ready to run: each evaluation fills the operand's own
 * register with the values it has in the packet (none when a field is absent) and
 * returns it. Constants are filled once, when the filter is compiled.
 */
abstract class Operand {
    final FieldType type;
    final Values out;

    Operand(FieldType type) {
        this.type = type;
        this.out = new Values(type);
    }

    abstract Values eval(Dissection d);

    /** One line of the checked tree (the children are printed by {@link #children}). */
    abstract String describe();

    List<Operand> children() {
        return List.of();
    }

    /** Adds the fields whose rows the operand reads. */
    void fields(Set<FieldDef> into) {
        for (Operand c : children()) {
            c.fields(into);
        }
    }

    /** True for a literal, string or character constant (tshark's "constant" operands). */
    boolean constant() {
        return false;
    }

    // ---- fields

    /** The values of a protocol or field, optionally only those in some layers (ip.src#2). */
    static final class FieldRef extends Operand {
        final FieldDef def;
        final List<RangeSpec> layers;

        FieldRef(FieldDef def, List<RangeSpec> layers) {
            super(def.type);
            this.def = def;
            this.layers = layers;
        }

        @Override
        Values eval(Dissection d) {
            Values v = out;
            v.clear();
            int rows = d.fieldCount();
            if (layers.isEmpty()) {
                for (int r = 0; r < rows; r++) {
                    if (d.fieldDef(r) == def) {
                        add(d, r, v);
                    }
                }
                return v;
            }
            FieldDef proto = def.protocol.field;
            int total = 0;
            for (int r = 0; r < rows; r++) {
                if (d.fieldDef(r) == proto) {
                    total++;
                }
            }
            int layer = 0;
            for (int r = 0; r < rows; r++) {
                FieldDef f = d.fieldDef(r);
                if (f == proto) {
                    layer++;
                }
                if (f == def && inLayers(layer, total)) {
                    add(d, r, v);
                }
            }
            return v;
        }

        private boolean inLayers(int layer, int total) {
            for (RangeSpec s : layers) {
                int from = s.start() < 0 ? total + s.start() + 1 : s.start();
                int to = switch (s.ending()) {
                    case LENGTH -> from + s.lengthOrEnd() - 1;
                    case OFFSET -> s.lengthOrEnd() < 0 ? total + s.lengthOrEnd() + 1 : s.lengthOrEnd();
                    default -> Integer.MAX_VALUE;
                };
                if (layer >= from && layer <= to) {
                    return true;
                }
            }
            return false;
        }

        /** Adds row {@code r}'s value as tshark's fvalue for the field's type. */
        private void add(Dissection d, int r, Values v) {
            long raw = d.fieldValue(r);
            Object o = d.fieldObject(r);
            switch (v.kind) {
                case INTEGER -> {
                    if (def.type == FieldType.BOOLEAN) {
                        v.addLong((def.mask != 0 ? (raw & def.mask) != 0 : raw != 0) ? 1 : 0);
                    } else {
                        v.addLong(integerValue(def, raw));
                    }
                }
                case FLOAT -> v.addDouble(o instanceof Number n ? n.doubleValue() : Double.longBitsToDouble(raw));
                case TIME -> v.addLong(raw);
                case IPV4 -> v.addLong(raw & 0xFFFFFFFFL);
                case IPV6 -> {
                    if (o instanceof byte[] b && b.length >= 16) {
                        v.addIPv6(b, 0, 128);
                    } else {
                        addSource(d, r, v);
                        v.bits[v.n - 1] = 128;
                    }
                }
                case STRING -> v.addString(o == null ? "" : o.toString());
                case BYTES -> {
                    if (def.type == FieldType.ETHER && !(o instanceof byte[])) {
                        v.addEther(raw);
                    } else if (o instanceof byte[] b) {
                        v.addBytes(b, 0, b.length);
                    } else {
                        addSource(d, r, v);
                    }
                }
                default -> v.addNone();
            }
        }

        /** The row's bytes where it was dissected from, as far as they were captured. */
        private static void addSource(Dissection d, int r, Values v) {
            int off = d.fieldOffset(r);
            if (off < 0 || off > d.fieldSourceLength(r) || d.fieldSource(r) == null) {
                v.addBytes(EMPTY, 0, 0);
                return;
            }
            int len = Math.max(0, Math.min(d.fieldValueLength(r), d.fieldSourceLength(r) - off));
            v.addBytes(d.fieldSource(r), d.fieldSourceBase(r) + off, len);
        }

        @Override
        String describe() {
            String layer = layers.isEmpty() ? "" : "#[" + RangeSpec.join(layers) + "]";
            return "FIELD(" + def.abbrev + layer + " <" + FTypes.name(type) + ">)";
        }

        @Override
        void fields(Set<FieldDef> into) {
            into.add(def);
        }
    }

    private static final byte[] EMPTY = new byte[0];

    /** An integer row's own value: bits outside the mask dropped, signed types sign-extended. */
    static long integerValue(FieldDef f, long v) {
        if (f.mask != 0) {
            v &= f.mask >>> f.shift();
        }
        int bits = f.type.bits();
        if (f.type.isSigned() && bits < 64 && bits > 0) {
            v = (v << (64 - bits)) >> (64 - bits);
        } else if (bits < 64 && bits > 0) {
            v &= (1L << bits) - 1;
        }
        return v;
    }

    /** ${field}: the value in the frame a GUI has selected; tshark alone has none, nor has jcap. */
    static final class Reference extends Operand {
        final FieldDef def;

        Reference(FieldDef def) {
            super(def.type);
            this.def = def;
        }

        @Override
        Values eval(Dissection d) {
            out.clear();
            return out;
        }

        @Override
        String describe() {
            return "REFERENCE(${" + def.abbrev + "} <" + FTypes.name(type) + ">)";
        }
    }

    /** A constant, converted to the type it is compared with. */
    static final class Const extends Operand {
        private final String text;
        private final boolean literal;

        Const(Values value, String text, boolean literal) {
            super(value.type);
            this.text = text;
            this.literal = literal;
            copy(value, out);
        }

        private static void copy(Values from, Values to) {
            for (int i = 0; i < from.n; i++) {
                switch (from.kind) {
                    case FLOAT -> to.addDouble(from.dbl[i]);
                    case STRING -> to.addString(from.string(i));
                    case BYTES -> to.addBytes(from.obj[i], from.off[i], from.len[i]);
                    case IPV6 -> to.addIPv6(from.obj[i], from.off[i], from.bits[i]);
                    case IPV4 -> to.addIPv4(from.num[i], from.bits[i]);
                    default -> to.addLong(from.num[i]);
                }
            }
        }

        @Override
        Values eval(Dissection d) {
            return out;
        }

        @Override
        boolean constant() {
            return literal;
        }

        @Override
        String describe() {
            return "FVALUE(" + text + " <" + FTypes.name(type) + ">)";
        }
    }

    // ---- slices

    /** entity[ranges]: the selected bytes of each value; values too short for a range have none. */
    static final class Slice extends Operand {
        final Operand entity;
        final List<RangeSpec> ranges;

        Slice(Operand entity, List<RangeSpec> ranges) {
            super(FieldType.BYTES);
            this.entity = entity;
            this.ranges = ranges;
        }

        @Override
        Values eval(Dissection d) {
            Values in = entity.eval(d);
            Values v = out;
            v.clear();
            for (int i = 0; i < in.n; i++) {
                Object src;
                int base;
                int size;
                switch (in.kind) {
                    case STRING -> {
                        byte[] b = in.string(i).getBytes(StandardCharsets.UTF_8);
                        src = b;
                        base = 0;
                        size = b.length;
                    }
                    case IPV4 -> {
                        int at = v.reserve(4);
                        byte[] b = v.scratch();
                        long a = in.num[i];
                        b[at] = (byte) (a >>> 24);
                        b[at + 1] = (byte) (a >>> 16);
                        b[at + 2] = (byte) (a >>> 8);
                        b[at + 3] = (byte) a;
                        src = b;
                        base = at;
                        size = 4;
                    }
                    default -> {
                        src = in.obj[i];
                        base = in.off[i];
                        size = in.len[i];
                    }
                }
                if (ranges.size() == 1) {
                    RangeSpec r = ranges.get(0);
                    int from = r.from(size);
                    int len = from < 0 ? -1 : r.length(size, from);
                    if (len >= 0) {
                        v.addBytes(src, base + from, len);
                    }
                    continue;
                }
                int total = 0;
                boolean ok = true;
                for (RangeSpec r : ranges) {
                    int from = r.from(size);
                    int len = from < 0 ? -1 : r.length(size, from);
                    if (len < 0) {
                        ok = false;
                        break;
                    }
                    total += len;
                }
                if (!ok) {
                    continue;
                }
                int at = v.reserve(total);
                byte[] dst = v.scratch();
                int k = at;
                for (RangeSpec r : ranges) {
                    int from = r.from(size);
                    int len = r.length(size, from);
                    for (int j = 0; j < len; j++) {
                        dst[k++] = (byte) Values.byteAt(src, base, from + j);
                    }
                }
                v.addBytes(dst, at, total);
            }
            return v;
        }

        @Override
        String describe() {
            return "SLICE([" + RangeSpec.join(ranges) + "] <FT_BYTES>)";
        }

        @Override
        List<Operand> children() {
            return List.of(entity);
        }
    }
}
