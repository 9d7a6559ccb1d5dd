package io.jcap.dissect;

/**
 * A named hand-off table keyed by a small integer (ethertype, ip.proto, udp.port ...),
 * as Wireshark's dissector tables. Filled while the engine is built, read afterwards.
 */
public final class DissectorTable {
    public final String name;
    public final String uiName;
    private final Dissector[] entries;
    private final String[] names;
    /** Dissectors -d may choose without a key of their own (data). */
    private final java.util.Map<String, Dissector> extraCandidates = new java.util.TreeMap<>();

    public DissectorTable(String name, String uiName, int size) {
        this.name = name;
        this.uiName = uiName;
        this.entries = new Dissector[size];
        this.names = new String[size];
    }

    public void add(int key, Dissector dissector, String protocolName) {
        entries[key] = dissector;
        names[key] = protocolName;
    }

    /** The dissector registered for {@code key}, or null. */
    public Dissector get(long key) {
        return key >= 0 && key < entries.length ? entries[(int) key] : null;
    }

    public String protocolName(int key) {
        return key >= 0 && key < names.length ? names[key] : null;
    }

    /** Lets -d pick {@code dissector} as {@code protocolName} in this table although no key maps to it. */
    public void allow(String protocolName, Dissector dissector) {
        extraCandidates.put(protocolName, dissector);
    }

    /** The dissector -d would use for {@code protocolName} here, or null when it is not valid for this table. */
    public Dissector candidate(String protocolName) {
        for (int i = 0; i < names.length; i++) {
            if (protocolName.equals(names[i])) {
                return entries[i];
            }
        }
        return extraCandidates.get(protocolName);
    }

    /** Every protocol name -d accepts for this table, sorted. */
    public java.util.SortedSet<String> candidates() {
        java.util.SortedSet<String> all = new java.util.TreeSet<>(extraCandidates.keySet());
        for (String n : names) {
            if (n != null) {
                all.add(n);
            }
        }
        return all;
    }

    public int size() {
        return entries.length;
    }
}
