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

    public int size() {
        return entries.length;
    }
}
