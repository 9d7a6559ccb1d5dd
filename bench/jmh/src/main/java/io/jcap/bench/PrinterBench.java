package io.jcap.bench;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.field.FieldDef;
import io.jcap.print.AddressText;
import io.jcap.print.FieldText;
import io.jcap.print.FieldValues;
import io.jcap.print.FieldsPrinter;
import io.jcap.print.JsonPrinter;
import io.jcap.print.Output;
import io.jcap.print.PacketView;
import io.jcap.print.SummaryPrinter;
import io.jcap.print.TimeColumn;
import io.jcap.print.TimeFormat;
import io.jcap.print.TreeLabel;
import io.jcap.print.TreePrinter;
import io.jcap.proto.StandardProtocols;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The printers alone, on frames dissected once in set-up with what each view makes the
 * dissectors record (nothing but columns for the summary, the -e fields' layers for
 * -T fields, everything for -V and -T json). One operation prints every frame of the
 * capture (ethernet.pcap: 139 frames per op), with the view's start and finish (JSON's
 * brackets), into a sink that counts the bytes; the view, its buffers and the Time
 * column's references live as long as the trial, as they live for a run of jcap.
 */
public class PrinterBench extends JcapBenchmark {
    /** The three fields of the fields view: one per layer that most frames have. */
    static final List<String> FIELDS = List.of("ip.src", "tcp.srcport", "dns.qry.name");

    /** summary: -n; tree: -n -V; fields: -n -T fields -e ip.src -e tcp.srcport -e dns.qry.name; json: -n -T json. */
    @Param({"summary", "tree", "fields", "json"})
    public String view;

    /** Run from the repository root, or pass -p capture=/path/to/file. */
    @Param("samples/ethernet.pcap")
    public String capture;

    private final CountingSink sink = new CountingSink();
    private Printing printing;
    private List<Dissection> packets;

    @Setup
    public void setUp() throws IOException {
        DissectorEngine engine = StandardProtocols.engine();
        List<FieldDef> fields = FIELDS.stream().map(engine.registry()::find).toList();
        packets = Captures.dissect(Captures.read(capture), engine, (d, registry) -> {
            switch (view) {
                case "summary" -> d.recordFields(false);
                case "fields" -> Captures.record(d, registry, fields);
                default -> Captures.record(d, registry, null);
            }
        });
        printing = new Printing(view, sink, fields);
    }

    @Benchmark
    public long print() throws IOException {
        printing.all(packets);
        return sink.bytes;
    }

    /** A view as jcap's read loop drives it, with the Time column it keeps (UTC, relative). */
    static final class Printing {
        private final Output out;
        private final TimeColumn time = new TimeColumn(TimeFormat.RELATIVE, ZoneOffset.UTC);
        private final PacketView view;

        Printing(String name, OutputStream to, List<FieldDef> fields) {
            out = new Output(to);
            ZoneId zone = ZoneOffset.UTC;
            FieldText text = new FieldText(zone);
            TreeLabel labels = new TreeLabel(text, null);
            view = switch (name) {
                case "summary" -> new SummaryPrinter(out, time, new AddressText(null));
                case "tree" -> new TreePrinter(out, labels, null, null);
                case "fields" -> new FieldsPrinter(out, fields, FieldsPrinter.Options.defaults(), text);
                case "json" -> new JsonPrinter(out, new FieldValues(text, labels), false, false, false, null, null,
                        FieldsPrinter.Options.defaults(), zone);
                default -> throw new IllegalArgumentException("no view " + name);
            };
        }

        /** One pass: the view's start, every packet with the Time column's bookkeeping, its finish. */
        void all(List<Dissection> packets) throws IOException {
            view.start();
            for (Dissection d : packets) {
                time.captured(d.frame);
                view.print(d);
                time.done(d.frame, true);
            }
            view.finish();
            out.flush();
        }
    }
}
