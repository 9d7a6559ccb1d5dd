package io.jcap.cli;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.frame.Frame;
import io.jcap.frame.FrameSink;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFileException;
import io.jcap.io.CaptureFiles;
import io.jcap.io.OutputFiles;
import io.jcap.io.rotate.RingPlan;
import io.jcap.io.rotate.RotatingSink;
import io.jcap.io.rotate.RotationPlan;
import io.jcap.io.rotate.TcpdumpPlan;
import io.jcap.io.pcap.PcapWriter;
import io.jcap.io.pcapng.PcapngWriter;
import io.jcap.print.AddressText;
import io.jcap.print.EkPrinter;
import io.jcap.print.FieldText;
import io.jcap.print.FieldValues;
import io.jcap.print.JsonPrinter;
import io.jcap.print.PdmlPrinter;
import io.jcap.print.PsmlPrinter;
import io.jcap.print.RecordedLayers;
import io.jcap.print.TcpdumpHexView;
import io.jcap.print.FieldsPrinter;
import io.jcap.print.HexView;
import io.jcap.print.PacketView;
import io.jcap.print.PipelinedSummary;
import io.jcap.print.TreeLabel;
import io.jcap.print.TreePrinter;
import io.jcap.print.Output;
import io.jcap.print.SummaryPrinter;
import io.jcap.print.TimeColumn;
import io.jcap.proto.StandardProtocols;
import io.jcap.resolve.EtherNames;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;

/** Reads a capture file: prints its summary lines and/or copies it to another file. */
final class ReadJob {
    private final ReadSettings s;
    private final OutputStream stdout;
    private final PrintStream stderr;
    private EtherNames names;
    /** The Time column of a pipelined summary view (its printing thread's own), or null. */
    private TimeColumn pipelineTime;
    /** The file -b printname names, when it is one (not stdout or stderr). */
    private PrintStream printNames;

    ReadJob(ReadSettings s, OutputStream stdout, PrintStream stderr) {
        this.s = s;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run() throws IOException {
        FrameSource source = open();
        FirstPass first = null;
        if (s.twoPass) {
            // -2: a first pass learns what later frames tell of earlier ones (and, with -R,
            // which frames the read filter keeps); the second pass shows them
            try {
                first = firstPass(source);
            } finally {
                if (!"-".equals(s.readFile)) {
                    source.close();
                }
            }
            if (first.copies != null) {
                source = new FrameList(first.copies, source);
            } else {
                source = open();
            }
        }
        FrameSink sink = null;
        try {
            if (s.writeFile != null) {
                if (s.fileType != OutputFileType.PCAPNG && severalLinkTypes(source)) {
                    throw new IOException("The capture file being read can't be written as a \""
                            + s.fileType.name + "\" file.");
                }
                sink = openWriter(source);
            }
            // as tshark: writing a file, no headers or trailers are printed, and -T json nothing
            boolean printing = s.printPackets && !(sink != null && s.format.startsWith("json"));
            return loop(source, sink, printing, first);
        } finally {
            source.close();
        }
    }

    /** The file, through the capture filter when one was given (tcpdump's -r FILE EXPRESSION). */
    private FrameSource open() throws IOException {
        FrameSource source = CaptureFiles.open(s.readFile);
        if (s.captureFilter == null) {
            return source;
        }
        try {
            return new io.jcap.capture.FilteredSource(source, io.jcap.capture.OfflineFilter.compile(s.captureFilter));
        } catch (io.jcap.capture.OfflineFilter.CaptureFilterError e) {
            source.close();
            throw new IOException(e.getMessage());
        }
    }

    /** Called when a live capture has nothing queued, after the flush: tshark's running packet count. */
    private Runnable counter;
    /** A capture's log of the files it writes, or null. */
    private CaptureLog log;

    /**
     * Runs on a live capture: one pass, and output is flushed whenever the capture has
     * nothing queued; {@code counter} (or null) then shows the running count.
     */
    int run(FrameSource live, Runnable counter, CaptureLog log) throws IOException {
        this.counter = counter;
        this.log = log;
        FrameSink sink = null;
        try {
            if (s.writeFile != null) {
                if (s.fileType != OutputFileType.PCAPNG && severalLinkTypes(live)) {
                    throw new IOException("The capture being done can't be written as a \""
                            + s.fileType.name + "\" file.");
                }
                sink = openWriter(live);
                if (sink instanceof RotatingSink ring) {
                    // -b duration/interval and -G switch files on time, packets or not
                    live.whileWaiting(() -> {
                        try {
                            ring.tick();
                        } catch (IOException e) {
                            stderr.println("jcap: " + e.getMessage());
                            return false;
                        }
                        return !ring.stopped();
                    });
                }
            }
            boolean printing = s.printPackets && !(sink != null && s.format.startsWith("json"));
            return loop(live, sink, printing, null);
        } finally {
            live.close();
        }
    }

    /** Whether the first pass applied a read filter. */
    private boolean filter2(FirstPass first) {
        return first.firstFrame != null && s.readFilter != null && !s.readFilter.isEmpty();
    }

    /** What the first of two passes found: which frames (by position) the read filter keeps. */
    private static final class FirstPass {
        final java.util.BitSet kept = new java.util.BitSet();
        /** Frames read; the second pass reads no further. */
        int frames;
        /** The file's first frame: times stay relative to it, as in tshark. */
        Frame firstFrame;
        /** Copies of the frames when the input cannot be read twice (standard input). */
        java.util.List<Frame> copies;
        /** What the first pass's dissectors noted for the second. */
        final io.jcap.dissect.Hindsight hindsight = io.jcap.dissect.Hindsight.noting();
    }

    /**
     * The first pass of -2: every frame is dissected and tested with -R. As tshark counts
     * them, -c stops the pass at the first kept frame once that many frames were read.
     */
    private FirstPass firstPass(FrameSource source) throws IOException {
        FirstPass p = new FirstPass();
        if ("-".equals(s.readFile)) {
            p.copies = new java.util.ArrayList<>();
        }
        DissectorEngine engine = engine(p.hindsight);
        Dissection d = new Dissection();
        io.jcap.filter.DisplayFilter filter = s.readFilter != null && !s.readFilter.isEmpty() ? s.readFilter : null;
        record(d, engine.registry(), false, filter == null ? java.util.List.of() : java.util.List.of(filter));
        Frame f = new Frame();
        long number = 0;
        try {
            while (source.next(f)) {
                if (p.firstFrame == null) {
                    p.firstFrame = f.copy();
                }
                if (p.copies != null) {
                    p.copies.add(f.copy());
                }
                // numbered as in the second pass: a frame the read filter drops gives its number back
                f.number = number + 1;
                engine.dissect(f, d);
                int index = p.frames++;
                if (filter == null || filter.matches(d)) {
                    number++;
                    p.kept.set(index);
                    if (s.count >= 0 && p.frames >= s.count) {
                        break;
                    }
                }
            }
        } catch (CaptureFileException e) {
            // the second pass meets the same error at the same place and reports it
            p.frames = Integer.MAX_VALUE;
        }
        p.hindsight.recall();
        return p;
    }

    /** The kept frames of standard input, in the order read, for the second pass. */
    private static final class FrameList implements FrameSource {
        private final java.util.Iterator<Frame> frames;
        private final FrameSource interfaces;

        FrameList(java.util.List<Frame> frames, FrameSource interfaces) {
            this.frames = frames.iterator();
            this.interfaces = interfaces;
        }

        @Override
        public boolean next(Frame into) {
            if (!frames.hasNext()) {
                return false;
            }
            Frame f = frames.next();
            f.copyMetadataTo(into);
            into.data = f.data;
            into.offset = f.offset;
            return true;
        }

        @Override
        public io.jcap.frame.InterfaceInfo interfaceInfo(int id) {
            return interfaces.interfaceInfo(id);
        }

        @Override
        public int interfaceCount() {
            return interfaces.interfaceCount();
        }

        @Override
        public void close() throws IOException {
            interfaces.close();
        }
    }

    private DissectorEngine engine() {
        return engine(io.jcap.dissect.Hindsight.off());
    }

    private DissectorEngine engine(io.jcap.dissect.Hindsight hindsight) {
        DissectorEngine engine = StandardProtocols.engine(s.limits, hindsight);
        for (io.jcap.dissect.DecodeAs rule : s.decodeAs) {
            rule.apply(engine);
        }
        return engine;
    }

    /**
     * Sets what the dissectors record: nothing when neither the view nor a filter reads
     * fields; else the layers of the fields they read (all of them when the view prints
     * whole trees), so that a filter on frame.len builds no TCP tree.
     */
    private void record(Dissection d, io.jcap.field.FieldRegistry registry, boolean viewNeedsFields,
                        java.util.List<io.jcap.filter.DisplayFilter> filters) {
        java.util.List<io.jcap.field.FieldDef> wanted = new java.util.ArrayList<>();
        boolean filtering = false;
        for (io.jcap.filter.DisplayFilter filter : filters) {
            filtering |= !filter.isEmpty();
            for (io.jcap.field.FieldDef f : filter.fields()) {
                // protocols only tshark dissects are in no packet: nothing to record
                if (io.jcap.filter.DisplayFilter.inPackets(f, registry)) {
                    wanted.add(f);
                }
            }
        }
        if (!viewNeedsFields && !filtering) {
            d.recordFields(false);
            return;
        }
        d.recordFields(true);
        java.util.Set<io.jcap.field.Protocol> layers;
        if (viewNeedsFields) {
            layers = recordedLayers(registry);
            // a view that prints whole trees wants every text; else only the texts that are values
            boolean wholeTrees = layers == null;
            d.labels(wholeTrees, wholeTrees ? null : protocolItems(wanted));
            if (layers != null && !wanted.isEmpty()) {
                java.util.Set<io.jcap.field.Protocol> more = RecordedLayers.of(wanted, registry);
                if (more == null) {
                    layers = null;
                } else {
                    layers.addAll(more);
                }
            }
        } else {
            d.labels(false, protocolItems(wanted));
            layers = wanted.isEmpty() ? java.util.Set.of() : RecordedLayers.of(wanted, registry);
        }
        d.recordOnly(layers);
    }

    /** The requested protocol items: their value is their tree text ({@link Dissection#labels}). */
    private java.util.Set<io.jcap.field.FieldDef> protocolItems(java.util.List<io.jcap.field.FieldDef> filterFields) {
        java.util.Set<io.jcap.field.FieldDef> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.List<io.jcap.field.FieldDef> all = new java.util.ArrayList<>(filterFields);
        if (s.fields != null) {
            all.addAll(s.fields);
        }
        for (io.jcap.field.FieldDef f : all) {
            if (f.type == io.jcap.field.FieldType.PROTOCOL) {
                set.add(f);
            }
        }
        return set;
    }

    private int loop(FrameSource source, FrameSink sink, boolean printing, FirstPass first) throws IOException {
        Output out = new Output(stdout);
        io.jcap.filter.DisplayFilter filter = s.displayFilter != null && !s.displayFilter.isEmpty()
                ? s.displayFilter : null;
        DissectorEngine engine = printing || filter != null
                ? engine(first != null ? first.hindsight : io.jcap.dissect.Hindsight.off()) : null;
        Dissection d = new Dissection();
        TimeColumn time = new TimeColumn(s.timeFormat, ZoneId.systemDefault()).hms(s.hms);
        PacketView printer = view(out, time, printing && engine != null);
        d.etherNames = names;
        if (engine != null) {
            record(d, engine.registry(), printing && printer.needsFields(),
                    filter == null ? java.util.List.of() : java.util.List.of(filter));
        }
        d.trackDisplayed = filter != null;
        if (first != null && first.firstFrame != null) {
            // times stay relative to the file's first frame, kept or not
            time.captured(first.firstFrame);
            if (pipelineTime != null) {
                pipelineTime.captured(first.firstFrame);
            }
        }
        boolean frame = printing && sink == null;
        if (frame) {
            printer.start();
        }
        Frame f = new Frame();
        long n = 0;
        long shown = 0;
        int index = -1;
        long number = 0;
        int status = ExitStatus.OK;
        try {
            while ((first != null || s.count < 0 || n < s.count) && flushIfIdle(source, printer, out, sink)
                    && source.next(f)) {
                if (first != null) {
                    // the second pass of -2 -R: every frame is dissected again (as tshark's
                    // state has seen them all), but only the kept ones exist, numbered anew
                    if (++index >= first.frames) {
                        break;
                    }
                    boolean kept = first.kept.get(index);
                    f.number = kept ? ++number : number + 1;
                    if (!kept) {
                        if (engine != null) {
                            d.replayOnly = true;
                            engine.dissect(f, d);
                            d.replayOnly = false;
                        }
                        continue;
                    }
                }
                n++;
                boolean pass = engine == null
                        || show(f, d, engine, filter, printing ? printer : null, time, out, first, n);
                if (!pass) {
                    continue;
                }
                if (sink != null && f.linkType != Frame.CUSTOM_BLOCK) {
                    // custom blocks are not written (jcap's writers have no record for them)
                    sink.write(f, source.interfaceInfo(f.interfaceId));
                    if (sink instanceof RotatingSink r && r.stopped()) {
                        // the file limit of -a files, -a filesize or tcpdump's -G -W
                        if (r.limitNote() != null) {
                            stderr.println(r.limitNote());
                        }
                        shown++;
                        break;
                    }
                }
                shown++;
                // -a packets:N counts the frames shown or written; tshark ignores it with -2
                if (s.autostopPackets > 0 && !s.twoPass && shown >= s.autostopPackets) {
                    break;
                }
            }
        } catch (CaptureFileException e) {
            // everything read so far is printed and written first
            printer.drain();
            out.flush();
            stderr.println("jcap: " + e.describe(s.readFile));
            status = ExitStatus.INVALID_FILE;
        } catch (PcapWriter.LinkTypeMismatch e) {
            printer.drain();
            out.flush();
            stderr.println("jcap: Frame " + f.number + " of file \"" + s.readFile + "\" has a network type that"
                    + " differs from the network type of earlier packets, which isn't supported in a \""
                    + s.fileType.description + "\" file.");
            status = ExitStatus.INVALID_FILE;
        } finally {
            try {
                if (frame) {
                    printer.finish();
                }
            } finally {
                printer.close();
            }
            out.flush();
            if (sink != null) {
                finish(sink, source);
            }
        }
        return status;
    }

    /**
     * Dissects a frame, applies the display filter and prints (when {@code printer} is not
     * null); whether the frame passed. A method of its own because the loop around it runs
     * once: the JIT compiles a loop in the middle of a method only after some 60,000 turns,
     * but a method called once a frame after a few hundred.
     */
    private boolean show(Frame f, Dissection d, DissectorEngine engine, io.jcap.filter.DisplayFilter filter,
            PacketView printer, TimeColumn time, Output out, FirstPass first, long n) throws IOException {
        engine.dissect(f, d);
        boolean pass = filter == null || filter.matches(d);
        if (pass && filter != null) {
            d.displayed(f);
        }
        if (printer != null) {
            time.captured(f);
            if (pass) {
                printer.print(d);
            } else {
                printer.skipped(d);
            }
            time.done(f, pass);
            if (first != null && filter2(first) && n == 1) {
                // tshark's second pass of -2 -R measures the next frame's deltas
                // from the file's first frame, not from the first one kept
                time.previous(first.firstFrame);
            }
            if (s.lineBuffered && pass) {
                printer.drain();
                out.flush();
            }
        }
        return pass;
    }

    /** Before waiting for a live capture: what was printed or written so far goes out. Always true. */
    private boolean flushIfIdle(FrameSource source, PacketView printer, Output out, FrameSink sink) throws IOException {
        if (source.idle()) {
            printer.drain();
            out.flush();
            if (sink != null) {
                sink.flush();
            }
            if (counter != null) {
                counter.run();
            }
        }
        return true;
    }

    /**
     * The layers that record items when a view prints only the -e fields (-T fields, and
     * json, ek or pdml with -e), or null when every layer must: the others skip their
     * tree work. PDML also needs the frame's item for its geninfo.
     */
    private java.util.Set<io.jcap.field.Protocol> recordedLayers(io.jcap.field.FieldRegistry registry) {
        if (s.fields == null || s.fields.isEmpty()) {
            return null;
        }
        java.util.List<io.jcap.field.FieldDef> wanted = new java.util.ArrayList<>(s.fields);
        switch (s.format) {
            case "fields", "json", "ek" -> {
            }
            case "pdml" -> wanted.add(registry.find("frame"));
            default -> {
                return null;
            }
        }
        return RecordedLayers.of(wanted, registry);
    }

    private PacketView view(Output out, TimeColumn time, boolean printing) {
        names = s.resolveMac ? EtherNames.load() : null;
        ZoneId zone = ZoneId.systemDefault();
        FieldText text = new FieldText(zone);
        TreeLabel labels = new TreeLabel(text, names);
        FieldValues values = new FieldValues(text, labels);
        AddressText addresses = new AddressText(names);
        boolean columnFields = s.fields != null
                && s.fields.stream().anyMatch(f -> io.jcap.print.ColumnFields.isColumn(f.abbrev));
        SummaryPrinter cells = columnFields ? new SummaryPrinter(out, time, addresses) : null;
        switch (s.format) {
            case "fields" -> {
                return new FieldsPrinter(out, s.fields, s.fieldOptions, text, cells);
            }
            case "json", "jsonraw" -> {
                return new JsonPrinter(out, values, s.format.equals("jsonraw"), s.hex, s.noDuplicateKeys,
                        s.protocolFilter, s.fields, s.fieldOptions, zone, cells);
            }
            case "ek" -> {
                // -P alone prints the summary columns without the tree; -V adds the tree back
                SummaryPrinter columns = s.print ? new SummaryPrinter(out, time, addresses) : null;
                return new EkPrinter(out, values, columns, s.verbose || !s.print, s.hex, s.protocolFilter,
                        s.fields, s.fieldOptions, zone, cells);
            }
            case "pdml" -> {
                return new PdmlPrinter(out, values, s.readFile, s.protocolFilter, s.fields, s.fieldOptions, zone,
                        cells);
            }
            case "psml" -> {
                return new PsmlPrinter(out, new SummaryPrinter(out, time, addresses));
            }
            default -> {
            }
        }
        char delimiter = s.format.equals("tabs") ? '\t' : ' ';
        if (printing && !s.verbose && !s.hex && s.tcpdumpHex == 0 && !s.lineBuffered && !s.twoPass
                && s.secondThread) {
            // summary lines alone: formatted on a second core (with a Time column of its own)
            pipelineTime = new TimeColumn(s.timeFormat, zone).hms(s.hms);
            return new PipelinedSummary(out, pipelineTime, addresses, delimiter);
        }
        SummaryPrinter summary = new SummaryPrinter(out, time, addresses, delimiter);
        PacketView view = summary;
        if (s.verbose) {
            TreePrinter tree = new TreePrinter(out, labels, s.expandOnly, s.print ? summary : null);
            tree.separator(s.hex ? "" : s.separator);
            tree.dumpData(!s.hex);
            view = tree;
        }
        if (s.hex) {
            // -x alone prints only the bytes; -P adds the summary line first
            HexView hex = s.verbose ? new HexView(out, view, false) : new HexView(out, s.print ? summary : null, true);
            hex.separator(s.separator);
            view = hex;
        }
        if (s.tcpdumpHex > 0) {
            view = new TcpdumpHexView(out, view, s.tcpdumpHex > 1);
        }
        return view;
    }

    /** True when the interfaces known before the first packet have different link types. */
    private static boolean severalLinkTypes(FrameSource source) {
        for (int i = 1; i < source.interfaceCount(); i++) {
            if (source.interfaceInfo(i).linkType() != source.interfaceInfo(0).linkType()) {
                return true;
            }
        }
        return false;
    }

    private FrameSink openWriter(FrameSource source) throws IOException {
        if (!s.writeFile.equals("-") && (s.ring != null || s.tcpdumpBytes > 0 || s.tcpdumpSeconds > 0)) {
            return openRotating(source);
        }
        // a capture's file is the owner's alone, as dumpcap's; a copy of a file follows the umask, as tshark's
        OutputStream raw = s.writeFile.equals("-") ? stdout
                : s.live ? openCaptureFile(Path.of(s.writeFile)) : OutputFiles.create(s.writeFile, false);
        if (log != null && !s.writeFile.equals("-")) {
            log.fileOpened(s.writeFile);
        }
        return writer(new BufferedOutputStream(raw, 1 << 16));
    }

    private FrameSink writer(OutputStream out) {
        return switch (s.fileType) {
            case PCAP -> new PcapWriter(out, false);
            case NSECPCAP -> new PcapWriter(out, true);
            case PCAPNG -> new PcapngWriter(out, "jcap " + Jcap.VERSION);
        };
    }

    /** -b, -C or -G: a sequence of files, each complete, its first opened now. */
    private RotatingSink openRotating(FrameSource source) throws IOException {
        ZoneId zone = ZoneId.systemDefault();
        RotationPlan plan = s.ring != null ? new RingPlan(s.writeFile, s.ring, zone)
                : new TcpdumpPlan(s.writeFile, s.tcpdumpBytes, s.tcpdumpSeconds, s.tcpdumpFiles, zone);
        PrintStream names = null;
        if (s.printName != null) {
            names = switch (s.printName) {
                case "stdout", "-" -> new PrintStream(stdout, true);
                case "stderr" -> stderr;
                default -> printNames = new PrintStream(OutputFiles.create(s.printName, false), true);
            };
        }
        RotatingSink sink = new RotatingSink(plan, out -> writer(out), System::currentTimeMillis, names);
        if (source.interfaceCount() > 0) {
            sink.defaults(source.interfaceInfo(0).linkType(), source.interfaceInfo(0).snapLength());
        }
        if (log != null) {
            sink.onOpen(log::fileOpened);
        }
        sink.start();
        return sink;
    }

    /** A file a capture cannot write: dumpcap's message, reported as a failed capture. */
    static final class CaptureFileError extends IOException {
        CaptureFileError(String message) {
            super(message, null);
        }
    }

    /** A capture's file, created readable by its owner only, as dumpcap does. */
    private OutputStream openCaptureFile(Path path) throws CaptureFileError {
        try {
            return OutputFiles.createOwnerOnly(path.toString());
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "No such file or directory"
                    : e instanceof AccessDeniedException ? "Permission denied"
                    : e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getMessage();
            throw new CaptureFileError("The file to which the capture would be saved (\"" + s.writeFile
                    + "\") could not be opened: " + why + ".\n");
        }
    }

    /** Completes the output file: headers even when no packet was written, then flush and close. */
    private void finish(FrameSink sink, FrameSource source) throws IOException {
        if (sink instanceof RotatingSink) {
            // completes and closes its own files
            try {
                sink.close();
            } finally {
                if (printNames != null) {
                    printNames.close();
                }
            }
            return;
        }
        if (sink instanceof PcapWriter w && w.linkType() < 0) {
            int linkType = source.interfaceCount() > 0 ? source.interfaceInfo(0).linkType() : 1;
            int snap = source.interfaceCount() > 0 ? source.interfaceInfo(0).snapLength() : 0;
            w.start(linkType, snap);
        } else if (sink instanceof PcapngWriter w) {
            w.startIfNeeded();
        }
        sink.flush();
        if (!"-".equals(s.writeFile)) {
            sink.close();
        }
    }
}
