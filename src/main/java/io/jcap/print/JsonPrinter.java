package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tshark's -T json and -T jsonraw (print.c's write_json_proto_tree): one array of
 * packets, each {"_index": "packets-YYYY-MM-DD", "_type": "doc", "_score": null,
 * "_source": {"layers": {...}}}. Every item is a member named by its filter name
 * (text items by their text) with its value as a string; items with children add an
 * object, named "name_tree" when the item has a value too; protocols and FT_NONE items
 * are only that object. Hidden items are included. Several items of one name are
 * repeated members, or with --no-duplicate-keys one member with an array. With -x (and
 * always for jsonraw) "name_raw" members give [hex, offset, length, bitmask, type];
 * jsonraw prints no values. -j/-J leave unlisted protocols' subtrees as
 * {"filtered": "name"}; -e prints only the given fields, each as an array of values.
 */
public final class JsonPrinter implements PacketView {
    private final Output out;
    private final FieldValues values;
    private final boolean printText;
    private final boolean printHex;
    private final boolean groupByKey;
    private final ZoneId zone;
    private final SpecifiedFields specified;
    private ProtocolFilter filter;
    private final TreeIndex index = new TreeIndex();
    private final StringBuilder buf = new StringBuilder(1 << 14);
    private final StringBuilder tmp = new StringBuilder(256);
    private final JsonDumper json = new JsonDumper(buf, true, false);
    private Dissection d;

    /**
     * @param raw        -T jsonraw: only the raw members
     * @param hex        -x: the raw members too
     * @param groupByKey --no-duplicate-keys
     * @param filter     -j/-J, or null
     * @param fields     -e fields (null or empty: the whole tree) with the -E options
     */
    public JsonPrinter(Output out, FieldValues values, boolean raw, boolean hex, boolean groupByKey,
                       ProtocolFilter filter, List<FieldDef> fields, FieldsPrinter.Options fieldOptions, ZoneId zone) {
        this(out, values, raw, hex, groupByKey, filter, fields, fieldOptions, zone, null);
    }

    /** {@code columnFields}: the summary, when -e names column fields (_ws.col.Info ...), else null. */
    public JsonPrinter(Output out, FieldValues values, boolean raw, boolean hex, boolean groupByKey,
                       ProtocolFilter filter, List<FieldDef> fields, FieldsPrinter.Options fieldOptions, ZoneId zone,
            SummaryPrinter columnFields) {
        this.out = out;
        this.values = values;
        this.printText = !raw;
        this.printHex = raw || hex;
        this.groupByKey = groupByKey;
        this.filter = filter;
        this.zone = zone;
        this.specified = SpecifiedFields.of(fields, fieldOptions, values, columnFields);
    }

    @Override
    public boolean needsFields() {
        return true;
    }

    @Override
    public void start() throws IOException {
        buf.setLength(0);
        json.beginArray();
        flushBuf();
    }

    @Override
    public void finish() throws IOException {
        buf.setLength(0);
        json.endArray().finish();
        flushBuf();
    }

    private void flushBuf() throws IOException {
        out.text(buf);
        buf.setLength(0);
    }

    /** "packets-2026-11-22": the packet's date in the local time zone. */
    static String index(Dissection d, ZoneId zone) {
        LocalDate date = LocalDate.ofInstant(Instant.ofEpochSecond(d.frame.hasTime ? d.frame.seconds : 0), zone);
        return String.format("packets-%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    @Override
    public void print(Dissection d) throws IOException {
        this.d = d;
        buf.setLength(0);
        json.beginObject();
        json.name("_index").value(index(d, zone));
        json.name("_type").value("doc");
        json.name("_score").value(null);
        json.name("_source").beginObject();
        json.name("layers");
        if (specified == null) {
            index.build(d);
            children(-1);
        } else {
            specified.collect(d);
            json.beginObject();
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
            json.endObject();
        }
        json.endObject();
        json.endObject();
        flushBuf();
    }

    private String key(int row) {
        FieldDef f = d.fieldDef(row);
        if (FieldValues.isTextItem(f)) {
            String label = d.fieldLabel(row);
            return label != null ? label : "";
        }
        return f.abbrev;
    }

    /** The children of {@code row} (-1: the top level) as one object, grouped as tshark groups them. */
    private void children(int row) {
        List<List<Integer>> groups = new ArrayList<>();
        if (groupByKey) {
            Map<String, List<Integer>> byKey = new LinkedHashMap<>();
            for (int c = index.firstChild(row); c >= 0; c = index.next(c)) {
                byKey.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c);
            }
            groups.addAll(byKey.values());
        } else {
            for (int c = index.firstChild(row); c >= 0; c = index.next(c)) {
                groups.add(List.of(c));
            }
        }
        json.beginObject();
        for (List<Integer> group : groups) {
            int first = group.get(0);
            FieldDef f = d.fieldDef(first);
            String key = key(first);
            boolean filtered = filter != null && !filter.matches(key);
            tmp.setLength(0);
            boolean hasValue = values.repr(tmp, d, first);
            boolean hasChildren = index.hasChildren(first);
            boolean textItem = FieldValues.isTextItem(f);
            if (printHex && (!printText || d.fieldLength(first) > 0) && !textItem) {
                json.name(key + "_raw");
                each(group, this::rawValue);
            }
            if (printText && hasValue) {
                json.name(key);
                each(group, this::value);
            }
            if (hasChildren) {
                json.name(hasValue ? key + "_tree" : key);
                if (filtered) {
                    each(group, r -> json.beginObject().name("filtered").value(key(r)).endObject());
                } else {
                    ProtocolFilter saved = filter;
                    if (filter != null && filter.includeChildren()) {
                        filter = null;
                    }
                    each(group, this::children);
                    filter = saved;
                }
            }
            if (!hasValue && !hasChildren && (printText || (printHex && textItem))) {
                json.name(key);
                each(group, this::noValue);
            }
        }
        json.endObject();
    }

    private void each(List<Integer> group, java.util.function.IntConsumer writer) {
        if (group.size() == 1) {
            writer.accept(group.get(0));
            return;
        }
        json.beginArray();
        for (int r : group) {
            writer.accept(r);
        }
        json.endArray();
    }

    private void value(int row) {
        tmp.setLength(0);
        values.repr(tmp, d, row);
        json.value(tmp);
    }

    private void noValue(int row) {
        FieldDef f = d.fieldDef(row);
        if (f.type == FieldType.PROTOCOL && !FieldValues.isTextItem(f)) {
            tmp.setLength(0);
            values.label(tmp, d, row);
            json.value(tmp);
        } else {
            json.value("");
        }
    }

    private void rawValue(int row) {
        FieldDef f = d.fieldDef(row);
        json.beginArray();
        tmp.setLength(0);
        boolean source = FieldValues.hasDataSource(d, row);
        if (FieldValues.hasMask(f)) {
            values.maskedHex(tmp, d, row);
            json.value(tmp);
        } else if (source) {
            values.rawHex(tmp, d, row);
            json.value(tmp);
        }
        json.raw(Integer.toString(source ? FieldValues.rawOffset(d, row) : 0));
        json.raw(Integer.toString(d.fieldLength(row)));
        json.raw(FieldValues.mask(f));
        json.raw(Integer.toString(FieldValues.ftype(f)));
        json.endArray();
    }
}
