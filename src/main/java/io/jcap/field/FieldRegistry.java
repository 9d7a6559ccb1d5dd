package io.jcap.field;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every protocol and field jcap knows, by filter name. Built once, then read-only. */
public final class FieldRegistry {
    private final List<Protocol> protocols;
    private final Map<String, FieldDef> byAbbrev;

    public FieldRegistry(List<Protocol> protocols) {
        this.protocols = List.copyOf(protocols);
        Map<String, FieldDef> map = new LinkedHashMap<>();
        for (Protocol p : protocols) {
            map.putIfAbsent(p.filterName, p.field);
            for (FieldDef f : p.fields()) {
                map.putIfAbsent(f.abbrev, f);
            }
        }
        this.byAbbrev = Collections.unmodifiableMap(map);
    }

    public FieldDef find(String abbrev) {
        return byAbbrev.get(abbrev);
    }

    public List<Protocol> protocols() {
        return protocols;
    }

    public Map<String, FieldDef> fields() {
        return byAbbrev;
    }
}
