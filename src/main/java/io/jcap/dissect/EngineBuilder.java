package io.jcap.dissect;

import io.jcap.field.FieldRegistry;
import io.jcap.field.Protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects tables, protocols and the root dissector while a run is set up. */
public final class EngineBuilder {
    private final Map<String, DissectorTable> tables = new LinkedHashMap<>();
    private final List<Protocol> protocols = new ArrayList<>();
    private Dissector root;
    private final Limits limits;
    private final Hindsight hindsight;

    public EngineBuilder() {
        this(new Limits());
    }

    public EngineBuilder(Limits limits) {
        this(limits, Hindsight.off());
    }

    public EngineBuilder(Limits limits, Hindsight hindsight) {
        this.limits = limits;
        this.hindsight = hindsight;
    }

    /** What a first pass of -2 noted for the second (or nothing, in a single pass). */
    public Hindsight hindsight() {
        return hindsight;
    }

    /** The bounds on the run's state, for dissectors that keep some. */
    public Limits limits() {
        return limits;
    }

    /** The table {@code name}, created on first use. */
    public DissectorTable table(String name, String uiName, int size) {
        return tables.computeIfAbsent(name, n -> new DissectorTable(n, uiName, size));
    }

    public DissectorTable table(String name) {
        DissectorTable t = tables.get(name);
        if (t == null) {
            throw new IllegalStateException("no dissector table " + name);
        }
        return t;
    }

    public void protocol(Protocol p) {
        if (!protocols.contains(p)) {
            protocols.add(p);
        }
    }

    /** Whether a protocol named {@code filterName} has been registered. */
    public boolean hasProtocol(String filterName) {
        for (Protocol p : protocols) {
            if (p.filterName.equals(filterName)) {
                return true;
            }
        }
        return false;
    }

    public void root(Dissector frame) {
        this.root = frame;
    }

    public DissectorEngine build() {
        return new DissectorEngine(root, new FieldRegistry(protocols), tables);
    }
}
