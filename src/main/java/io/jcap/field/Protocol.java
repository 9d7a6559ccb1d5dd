package io.jcap.field;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A protocol and the fields it declares (Wireshark's proto_register_protocol plus its
 * hf array). A protocol's {@code *Fields} class creates it and its fields in its static
 * initialiser; after that the protocol is only read.
 */
public final class Protocol {
    public final String filterName;
    public final String name;
    public final String shortName;
    /** The protocol's own field, e.g. {@code ip} (FT_PROTOCOL). */
    public final FieldDef field;
    private final List<FieldDef> fields = new ArrayList<>();

    public Protocol(String filterName, String name, String shortName) {
        this.filterName = filterName;
        this.name = name;
        this.shortName = shortName;
        this.field = new FieldDef(this, -1, filterName, name, FieldType.PROTOCOL, Base.NONE, null, 0, 0, null);
    }

    public List<FieldDef> fields() {
        return Collections.unmodifiableList(fields);
    }

    private FieldDef add(String abbrev, String name, FieldType type, Base base, ValueNames values, long mask,
                         int bitWidth, String blurb) {
        FieldDef f = new FieldDef(this, fields.size(), abbrev, name, type, base, values, mask, bitWidth, blurb);
        fields.add(f);
        return f;
    }

    /**
     * Declares a field with every attribute tshark's -G fields and -G values list; the
     * generated {@code *Fields} classes use this.
     */
    public FieldDef declare(String abbrev, String name, FieldType type, Base base, ValueNames values, long mask,
                            int bitWidth, String blurb, String trueText, String falseText, String unit, String units) {
        FieldDef f = new FieldDef(this, fields.size(), abbrev, name, type, base, values, mask, bitWidth, blurb,
                trueText, falseText, unit, units);
        fields.add(f);
        return f;
    }

    /**
     * {@link #declare}, for a generated field that tshark's dissector adds with a NULL tvb:
     * it has no bytes behind it ({@link FieldDef#withoutBytes}).
     */
    public FieldDef declareWithoutBytes(String abbrev, String name, FieldType type, Base base, ValueNames values,
                                        long mask, int bitWidth, String blurb, String trueText, String falseText,
                                        String unit, String units) {
        FieldDef f = new FieldDef(this, fields.size(), abbrev, name, type, base, values, mask, bitWidth, blurb,
                trueText, falseText, unit, units, true);
        fields.add(f);
        return f;
    }

    public FieldDef field(String abbrev, String name, FieldType type, Base base) {
        return add(abbrev, name, type, base, null, 0, 0, null);
    }

    public FieldDef field(String abbrev, String name, FieldType type, Base base, ValueNames values) {
        return add(abbrev, name, type, base, values, 0, 0, null);
    }

    public FieldDef field(String abbrev, String name, FieldType type, Base base, ValueNames values, long mask) {
        return add(abbrev, name, type, base, values, mask, 0, null);
    }

    /** A field of a type without base (addresses, bytes, strings, times). */
    public FieldDef field(String abbrev, String name, FieldType type) {
        return add(abbrev, name, type, Base.NONE, null, 0, 0, null);
    }

    /** A boolean bit in a {@code bitWidth}-bit value. */
    public FieldDef flag(String abbrev, String name, int bitWidth, long mask) {
        return add(abbrev, name, FieldType.BOOLEAN, Base.NONE, null, mask, bitWidth, null);
    }

    /** A standalone boolean (no bitmask). */
    public FieldDef bool(String abbrev, String name) {
        return add(abbrev, name, FieldType.BOOLEAN, Base.NONE, null, 0, 0, null);
    }

    /** A field with no value (a label or subtree), FT_NONE. */
    public FieldDef label(String abbrev, String name) {
        return add(abbrev, name, FieldType.NONE, Base.NONE, null, 0, 0, null);
    }

    @Override
    public String toString() {
        return filterName;
    }
}
