package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.field.FieldDef;
import io.jcap.field.Protocol;
import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFiles;
import io.jcap.proto.StandardProtocols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * -T fields and -e record only the layers of the requested fields
 * ({@link RecordedLayers}, {@code Dissection.recordOnly}), and build only the texts that
 * are values ({@code Dissection.labels}). For every protocol whose
 * items a sample holds, dissecting with only that protocol's fields requested must give
 * each of those fields the values, in row order (-T fields) and in tree order (-e with
 * json/ek/pdml), that the full dissection gives it, and the same columns.
 * <p>
 * {@code -Djcap.recordOnly.files=a.pcap,b.pcapng} runs the same check on other captures
 * (the corpus is not part of the repository).
 */
class RecordOnlyTest {
    private final FieldText text = new FieldText(ZoneOffset.UTC);

    static Stream<String> files() {
        String extra = System.getProperty("jcap.recordOnly.files");
        if (extra != null && !extra.isBlank()) {
            return Stream.of(extra.split(","));
        }
        return StructuredOutputTest.SAMPLES.stream();
    }

    /** Per frame: field -> values in row order and in tree order; plus the columns. */
    private record Frames(List<Map<FieldDef, List<String>>> rowOrder, List<Map<FieldDef, List<String>>> treeOrder,
                          List<String> columns, Set<FieldDef> seen) {
    }

    /** {@code labelValues}: the fields whose text is wanted (as -T fields asks), null for all texts. */
    private Frames dissect(String file, Set<Protocol> only, Set<FieldDef> labelValues) throws IOException {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(true);
        d.recordOnly(only);
        d.labels(labelValues == null, labelValues);
        Frames out = new Frames(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>());
        TreeIndex index = new TreeIndex();
        FrameSource opened;
        try {
            opened = CaptureFiles.open(file);
        } catch (io.jcap.io.CaptureFileException e) {
            return out;
        }
        try (FrameSource source = opened) {
            Frame f = new Frame();
            while (next(source, f)) {
                engine.dissect(f, d);
                Map<FieldDef, List<String>> rows = new LinkedHashMap<>();
                for (int r = 0; r < d.fieldCount(); r++) {
                    FieldDef def = d.fieldDef(r);
                    if (only == null || only.contains(def.protocol)) {
                        rows.computeIfAbsent(def, k -> new ArrayList<>()).add(value(d, r));
                        out.seen.add(def);
                    }
                }
                Map<FieldDef, List<String>> tree = new LinkedHashMap<>();
                index.build(d);
                walk(d, index, index.firstChild(-1), only, tree);
                out.rowOrder.add(rows);
                out.treeOrder.add(tree);
                out.columns.add(d.protocol + "|" + address(d.src) + "|" + address(d.dst) + "|" + d.info);
            }
        }
        return out;
    }

    /** The next frame; a damaged file ends where it can no longer be read, as in a run. */
    private static boolean next(FrameSource source, Frame f) throws IOException {
        try {
            return source.next(f);
        } catch (io.jcap.io.CaptureFileException e) {
            return false;
        }
    }

    private void walk(Dissection d, TreeIndex index, int row, Set<Protocol> only, Map<FieldDef, List<String>> to) {
        for (int r = row; r >= 0; r = index.next(r)) {
            FieldDef def = d.fieldDef(r);
            if (only == null || only.contains(def.protocol)) {
                to.computeIfAbsent(def, k -> new ArrayList<>()).add(value(d, r));
            }
            walk(d, index, index.firstChild(r), only, to);
        }
    }

    private static String address(io.jcap.dissect.Address a) {
        return a.type + " " + a.text + " " + java.util.HexFormat.of().formatHex(a.bytes, 0, a.length);
    }

    private String value(Dissection d, int r) {
        StringBuilder sb = new StringBuilder();
        text.append(sb, d, r);
        return sb.append(" @").append(d.fieldOffset(r)).append('+').append(d.fieldLength(r))
                .append(" f").append(d.fieldFlags(r)).toString();
    }

    @ParameterizedTest
    @MethodSource("files")
    void eachProtocolAloneRecordsWhatTheFullTreeHolds(String file) throws IOException {
        Frames full = dissect(file, null, null);
        Map<Protocol, List<FieldDef>> byProtocol = new LinkedHashMap<>();
        for (FieldDef f : full.seen) {
            byProtocol.computeIfAbsent(f.protocol, k -> new ArrayList<>()).add(f);
        }
        if (StructuredOutputTest.SAMPLES.contains(file)) {
            assertTrue(byProtocol.size() > 3, "the capture holds several protocols: " + byProtocol.keySet());
        }
        var registry = StandardProtocols.engine().registry();
        Map<String, String> wrong = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<Protocol, List<FieldDef>> e : byProtocol.entrySet()) {
            Set<Protocol> only = RecordedLayers.of(e.getValue(), registry);
            if (only == null) {
                continue;
            }
            // the set a view asks for names the requested protocols, and only those rows are
            // compared; of the texts, only those that are values (protocols, text items) are built
            Set<FieldDef> labelValues = new java.util.HashSet<>();
            for (FieldDef f : e.getValue()) {
                if (f.type == io.jcap.field.FieldType.PROTOCOL || FieldValues.isTextItem(f)) {
                    labelValues.add(f);
                }
            }
            Frames part = dissect(file, only, labelValues);
            for (int i = 0; i < full.columns.size(); i++) {
                assertEquals(full.columns.get(i), part.columns.get(i), file + ": frame " + (i + 1)
                        + " columns with only " + only);
            }
            for (int i = 0; i < full.rowOrder.size(); i++) {
                for (FieldDef f : e.getValue()) {
                    List<String> want = full.rowOrder.get(i).getOrDefault(f, List.of());
                    List<String> got = part.rowOrder.get(i).getOrDefault(f, List.of());
                    if (!want.equals(got)) {
                        wrong.putIfAbsent(f.abbrev + " (row order)", "frame " + (i + 1) + ": full " + want
                                + ", only " + only + " " + got);
                        counts.merge(f.abbrev + " (row order)", 1, Integer::sum);
                    }
                    want = full.treeOrder.get(i).getOrDefault(f, List.of());
                    got = part.treeOrder.get(i).getOrDefault(f, List.of());
                    if (!want.equals(got)) {
                        wrong.putIfAbsent(f.abbrev + " (tree order)", "frame " + (i + 1) + ": full " + want
                                + ", only " + only + " " + got);
                        counts.merge(f.abbrev + " (tree order)", 1, Integer::sum);
                    }
                }
            }
        }
        if (!wrong.isEmpty()) {
            StringBuilder sb = new StringBuilder(wrong.size() + " fields differ in " + file + ":");
            wrong.forEach((k, v) -> sb.append("\n  ").append(k).append(" in ").append(counts.get(k))
                    .append(" frames, first ").append(v));
            fail(sb.toString());
        }
    }

    @Test
    void layersThatOthersFillAreRecordedToo() {
        var registry = StandardProtocols.engine().registry();
        assertNull(RecordedLayers.of(List.of(io.jcap.dissect.ExpertFields.MESSAGE), registry),
                "expert items are added by every layer");
        Set<Protocol> ip = RecordedLayers.of(List.of(registry.find("ip.src")), registry);
        assertTrue(ip.contains(registry.find("ip").protocol));
    }
}
