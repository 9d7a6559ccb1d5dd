package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tshark's -T ek (print.c's write_ek_proto_tree), the input of an Elasticsearch bulk
 * request: per packet an action line {"index":{"_index":"packets-YYYY-MM-DD","_type":"doc"}}
 * and a document line {"timestamp":"<ms since the epoch>","layers":{...}}. Each protocol
 * is an object; the items below it are flattened into it, named
 * "<registering protocol>_<filter name>" with dots as underscores, several items of a
 * name (under the same parent item) as one array. Values are strings except booleans
 * (true/false), FT_NONE items (null) and absolute times (ISO 8601 in UTC). -P adds the
 * summary columns; -x adds "name_raw" members with the bytes in hex.
 */
public final class EkPrinter implements PacketView {
    private static final String[] COLUMNS = {"no.", "time", "source", "destination", "protocol", "length", "info"};

    private final Output out;
    private final FieldValues values;
    private final boolean summary;
    private final boolean details;
    private final boolean printHex;
    private final ZoneId zone;
    private final SpecifiedFields specified;
    private final SummaryPrinter columns;
    private ProtocolFilter filter;
    private final TreeIndex index = new TreeIndex();
    private final StringBuilder buf = new StringBuilder(1 << 14);
    private final StringBuilder tmp = new StringBuilder(256);
    private final JsonDumper json = new JsonDumper(buf, false, true);
    private final List<String> cells = new ArrayList<>(7);
    private Dissection d;

    /**
     * @param columns the summary (-P), or null
     * @param details whether the tree is printed ("layers"): false with -P alone
     */
    public EkPrinter(Output out, FieldValues values, SummaryPrinter columns, boolean details, boolean hex,
                     ProtocolFilter filter, List<FieldDef> fields, FieldsPrinter.Options fieldOptions, ZoneId zone) {
        this(out, values, columns, details, hex, filter, fields, fieldOptions, zone, null);
    }

    /** {@code columnFields}: the summary, when -e names column fields (_ws.col.Info ...), else null. */
    public EkPrinter(Output out, FieldValues values, SummaryPrinter columns, boolean details, boolean hex,
                     ProtocolFilter filter, List<FieldDef> fields, FieldsPrinter.Options fieldOptions, ZoneId zone,
            SummaryPrinter columnFields) {
        this.out = out;
        this.values = values;
        this.columns = columns;
        this.summary = columns != null;
        this.details = details;
        this.printHex = hex;
        this.filter = filter;
        this.zone = zone;
        this.specified = SpecifiedFields.of(fields, fieldOptions, values, columnFields);
    }

    @Override
    public boolean needsFields() {
        return details;
    }

    @Override
    public void print(Dissection d) throws IOException {
        this.d = d;
        buf.setLength(0);
        json.beginObject().name("index").beginObject();
        json.name("_index").value(JsonPrinter.index(d, zone));
        json.name("_type").value("doc");
        json.endObject().endObject().finish();

        json.beginObject();
        long sec = d.frame.hasTime ? d.frame.seconds : 0;
        int ms = d.frame.hasTime ? d.frame.nanos / 1_000_000 : 0;
        tmp.setLength(0);
        tmp.append('"').append(Long.toUnsignedString(sec));
        if (ms < 100) {
            tmp.append(ms < 10 ? "00" : "0");
        }
        tmp.append(ms).append('"');
        json.name("timestamp").raw(tmp);
        if (summary) {
            cells.clear();
            columns.cells(d, cells);
            for (int i = 0; i < COLUMNS.length; i++) {
                json.name(COLUMNS[i]).value(cells.get(i));
            }
        }
        if (details) {
            json.name("layers").beginObject();
            if (specified == null) {
                index.build(d);
                node(-1);
            } else {
                specified.collect(d);
                List<FieldDef> fs = specified.fields();
                for (int i = 0; i < fs.size(); i++) {
                    List<String> v = specified.values(i);
                    if (v.isEmpty()) {
                        continue;
                    }
                    json.name(fs.get(i).abbrev).beginArray();
                    for (String s : v) {
                        json.value(s);
                    }
                    json.endArray();
                }
            }
            json.endObject();
        }
        json.endObject().finish();
        out.text(buf);
        buf.setLength(0);
    }

    private static boolean isProtocol(FieldDef f) {
        return f.type == FieldType.PROTOCOL && !FieldValues.isTextItem(f) && !FieldValues.isSubProtocol(f);
    }

    private static String abbrev(FieldDef f) {
        return FieldValues.isTextItem(f) ? "text" : f.abbrev;
    }

    /** ek_write_name: the registering protocol's name, '_', the filter name (protocols and text items alone). */
    private static String name(FieldDef f) {
        if (FieldValues.isTextItem(f) || f.protocol == null || f == f.protocol.field) {
            return abbrev(f);
        }
        return f.protocol.filterName + "_" + f.abbrev;
    }

    /** proto_tree_write_node_ek: the flattened items under {@code row} as members of the open object. */
    private void node(int row) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        fill(row, groups);
        for (List<Integer> group : groups.values()) {
            attr(group);
        }
    }

    /** ek_fill_attr: groups the items under {@code row} by parent and name, descending into non-protocols. */
    private void fill(int row, Map<String, List<Integer>> groups) {
        for (int c = index.firstChild(row); c >= 0; c = index.next(c)) {
            FieldDef f = d.fieldDef(c);
            String key = row < 0 ? abbrev(f) : abbrev(d.fieldDef(row)) + "_" + abbrev(f);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            if (!isProtocol(f) && index.hasChildren(c)) {
                if (filter == null) {
                    fill(c, groups);
                } else if (filter.matchesEk(abbrev(f))) {
                    ProtocolFilter saved = filter;
                    if (filter.includeChildren()) {
                        filter = null;
                    }
                    fill(c, groups);
                    filter = saved;
                }
            }
        }
    }

    /** ek_write_attr: one member for a group (an array when it has several items). */
    private void attr(List<Integer> group) {
        int first = group.get(0);
        FieldDef f = d.fieldDef(first);
        boolean many = group.size() > 1;
        if (printHex && d.fieldLength(first) > 0 && !FieldValues.isTextItem(f)) {
            json.name(name(f) + "_raw");
            if (many) {
                json.beginArray();
            }
            for (int r : group) {
                tmp.setLength(0);
                if (FieldValues.hasMask(d.fieldDef(r))) {
                    values.maskedHex(tmp, d, r);
                } else {
                    values.rawHex(tmp, d, r);
                }
                json.value(tmp);
            }
            if (many) {
                json.endArray();
            }
        }
        json.name(name(f));
        if (many) {
            json.beginArray();
        }
        for (int r : group) {
            FieldDef g = d.fieldDef(r);
            if (!isProtocol(g)) {
                if (filter != null && !filter.matchesEk(abbrev(g))) {
                    json.beginObject().name("filtered").value(abbrev(g)).endObject();
                } else {
                    value(r);
                }
            } else {
                json.beginObject();
                if (filter != null) {
                    if (filter.matchesEk(g.abbrev)) {
                        ProtocolFilter saved = filter;
                        if (filter.includeChildren()) {
                            filter = null;
                        }
                        node(r);
                        filter = saved;
                    } else {
                        json.name("filtered").value(g.abbrev);
                    }
                } else {
                    node(r);
                }
                json.endObject();
            }
        }
        if (many) {
            json.endArray();
        }
    }

    /** ek_write_field_value. */
    private void value(int row) {
        FieldDef f = d.fieldDef(row);
        if (FieldValues.isTextItem(f)) {
            String label = d.fieldLabel(row);
            json.value(label);
            return;
        }
        switch (f.type) {
            case NONE -> json.value(null);
            case BOOLEAN -> json.raw(FieldText.booleanValue(f, d.fieldValue(row)) ? "true" : "false");
            case ABSOLUTE_TIME -> {
                long ns = d.fieldValue(row);
                long sec = Math.floorDiv(ns, 1_000_000_000L);
                long nanos = Math.floorMod(ns, 1_000_000_000L);
                LocalDateTime t = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC);
                tmp.setLength(0);
                tmp.append('"').append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                        t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
                tmp.append('.').append(String.format("%09d", nanos)).append("Z\"");
                json.raw(tmp);
            }
            default -> {
                tmp.setLength(0);
                if (values.repr(tmp, d, row)) {
                    json.value(tmp);
                } else {
                    tmp.setLength(0);
                    values.label(tmp, d, row);
                    json.value(tmp);
                }
            }
        }
    }
}
