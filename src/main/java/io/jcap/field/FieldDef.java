package io.jcap.field;

/**
 * One field as Wireshark's hf_register_info declares it: filter name, display name,
 * type, base, value names, bitmask and description. Immutable; created through
 * {@link Protocol}'s builder methods so that every field belongs to one protocol.
 */
public final class FieldDef {
    public final Protocol protocol;
    /** The filter name, interned: fields registered under one name compare by reference ({@link #sameName}). */
    public final String abbrev;
    public final String name;
    public final FieldType type;
    public final Base base;
    public final ValueNames values;
    public final long mask;
    /** For BOOLEAN with a mask: the width in bits of the containing value (the display's bit count). */
    public final int bitWidth;
    public final String blurb;
    /** Index within its protocol, in declaration order. */
    public final int index;
    /** Booleans: the texts for set and clear bits (Wireshark's true_false_string), or null for True/False. */
    public final String trueText;
    public final String falseText;
    /** Unit appended to values (Wireshark's unit_name_string), singular and plural, or null. */
    public final String unit;
    public final String units;
    /**
     * A generated field tshark's dissector adds with a NULL tvb (Wireshark's fi->ds_tvb):
     * no bytes behind it, so -T jsonraw gives its _raw array no hex.
     */
    public final boolean withoutBytes;

    FieldDef(Protocol protocol, int index, String abbrev, String name, FieldType type, Base base,
             ValueNames values, long mask, int bitWidth, String blurb) {
        this(protocol, index, abbrev, name, type, base, values, mask, bitWidth, blurb, null, null, null, null);
    }

    FieldDef(Protocol protocol, int index, String abbrev, String name, FieldType type, Base base,
             ValueNames values, long mask, int bitWidth, String blurb, String trueText, String falseText,
             String unit, String units) {
        this(protocol, index, abbrev, name, type, base, values, mask, bitWidth, blurb, trueText, falseText, unit,
                units, false);
    }

    FieldDef(Protocol protocol, int index, String abbrev, String name, FieldType type, Base base,
             ValueNames values, long mask, int bitWidth, String blurb, String trueText, String falseText,
             String unit, String units, boolean withoutBytes) {
        this.withoutBytes = withoutBytes;
        this.trueText = trueText;
        this.falseText = falseText;
        this.unit = unit;
        this.units = units;
        this.protocol = protocol;
        this.index = index;
        this.abbrev = abbrev.intern();
        this.name = name;
        this.type = type;
        this.base = base;
        this.values = values;
        this.mask = mask;
        this.bitWidth = bitWidth;
        this.blurb = blurb;
    }

    /** A text-only item (Wireshark's hf_text_only, "text"): no filter name, shown by its label alone. */
    public boolean isTextOnly() {
        return abbrev.isEmpty() || abbrev.equals("text");
    }

    /**
     * Whether {@code o} has this field's filter name. tshark registers a few names twice
     * (DNS's dns.rr.udp_payload_size in two bases, ip.version by IPv4 and by IPv6); -e
     * and -T fields take every item of the name, as tshark's do.
     */
    public boolean sameName(FieldDef o) {
        return o == this || o != null && o.abbrev == abbrev;
    }

    /** Shift that brings the masked bits down to bit 0. */
    public int shift() {
        return mask == 0 ? 0 : Long.numberOfTrailingZeros(mask);
    }

    @Override
    public String toString() {
        return abbrev;
    }
}
