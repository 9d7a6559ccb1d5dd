package io.jcap.dissect;

import io.jcap.buffer.BoundsException;
import io.jcap.field.FieldRegistry;
import io.jcap.frame.Frame;

import java.util.Map;

/**
 * Dissects frames for one run: the frozen tables and registry plus the dissectors,
 * whose per-run state (streams, first time stamp) lives in them. Not thread-safe: one
 * engine per run (or per ordered pipeline stage).
 */
public final class DissectorEngine {
    private final Dissector root;
    private final FieldRegistry registry;
    private final Map<String, DissectorTable> tables;
    private final io.jcap.field.FieldDef protocolsField;

    DissectorEngine(Dissector root, FieldRegistry registry, Map<String, DissectorTable> tables) {
        this.root = root;
        this.registry = registry;
        this.tables = Map.copyOf(tables);
        this.protocolsField = registry.find("frame.protocols");
    }

    public FieldRegistry registry() {
        return registry;
    }

    /** The names of the hand-off tables (-d's layer types). */
    public java.util.Set<String> tableNames() {
        return tables.keySet();
    }

    public DissectorTable table(String name) {
        return tables.get(name);
    }

    /** Dissects {@code f} into {@code d} (which is reset first). */
    public void dissect(Frame f, Dissection d) {
        d.reset(f);
        try {
            root.dissect(d.buf, 0, d);
        } catch (BoundsException e) {
            // the frame dissector shows what escaped every layer
            d.markException(e);
            Exceptions.show(d);
        }
        if (protocolsField != null) {
            d.addProtocolList(protocolsField);
        }
    }
}
