package io.jcap.cli;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.frame.Frame;
import io.jcap.frame.FrameSink;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFileException;
import io.jcap.io.CaptureFiles;
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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;

/** Reads a capture file: prints its summary lines and/or copies it to another file. */
final class ReadJob {
    private final ReadSettings s;
    private final OutputStream stdout;
    private final PrintStream stderr;
    private EtherNames names;

    ReadJob(ReadSettings s, OutputStream stdout, PrintStream stderr) {
        this.s = s;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    int run() throws IOException {
        FrameSource source = CaptureFiles.open(s.readFile);
        FrameSink sink = null;
        try {
            if (s.writeFile != null) {
                if (s.fileType != OutputFileType.PCAPNG && severalLinkTypes(source)) {
                    throw new IOException("The capture file being read can't be written as a \""
                            + s.fileType.name + "\" file.");
                }
                sink = openWriter();
            }
            // as tshark: writing a file, no headers or trailers are printed, and -T json nothing
            boolean printing = s.printPackets && !(sink != null && s.format.startsWith("json"));
            return loop(source, sink, printing);
        } finally {
            source.close();
        }
    }

    private int loop(FrameSource source, FrameSink sink, boolean printing) throws IOException {
        Output out = new Output(stdout);
        DissectorEngine engine = printing ? StandardProtocols.engine(s.limits) : null;
        if (engine != null) {
            for (io.jcap.dissect.DecodeAs rule : s.decodeAs) {
                rule.apply(engine);
            }
        }
        Dissection d = new Dissection();
        TimeColumn time = new TimeColumn(s.timeFormat, ZoneId.systemDefault());
        PacketView printer = view(out, time, engine != null);
        d.etherNames = names;
        d.recordFields(printer.needsFields());
        if (engine != null) {
            d.recordOnly(recordedLayers(engine.registry()));
        }
        boolean frame = printing && sink == null;
        if (frame) {
            printer.start();
        }
        Frame f = new Frame();
        long n = 0;
        int status = ExitStatus.OK;
        try {
            while ((s.count < 0 || n < s.count) && source.next(f)) {
                n++;
                if (engine != null) {
                    engine.dissect(f, d);
                    time.captured(f);
                    printer.print(d);
                    time.done(f, true);
                    if (s.lineBuffered) {
                        printer.drain();
                        out.flush();
                    }
                }
                if (sink != null) {
                    sink.write(f, source.interfaceInfo(f.interfaceId));
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
        switch (s.format) {
            case "fields" -> {
                return new FieldsPrinter(out, s.fields, s.fieldOptions, text);
            }
            case "json", "jsonraw" -> {
                return new JsonPrinter(out, values, s.format.equals("jsonraw"), s.hex, s.noDuplicateKeys,
                        s.protocolFilter, s.fields, s.fieldOptions, zone);
            }
            case "ek" -> {
                // -P alone prints the summary columns without the tree; -V adds the tree back
                SummaryPrinter columns = s.print ? new SummaryPrinter(out, time, addresses) : null;
                return new EkPrinter(out, values, columns, s.verbose || !s.print, s.hex, s.protocolFilter,
                        s.fields, s.fieldOptions, zone);
            }
            case "pdml" -> {
                return new PdmlPrinter(out, values, s.readFile, s.protocolFilter, s.fields, s.fieldOptions, zone);
            }
            case "psml" -> {
                return new PsmlPrinter(out, new SummaryPrinter(out, time, addresses));
            }
            default -> {
            }
        }
        char delimiter = s.format.equals("tabs") ? '\t' : ' ';
        if (printing && !s.verbose && !s.hex && s.tcpdumpHex == 0 && !s.lineBuffered
                && Runtime.getRuntime().availableProcessors() > 1) {
            // summary lines alone: formatted on a second core (with a Time column of its own)
            return new PipelinedSummary(out, new TimeColumn(s.timeFormat, zone), addresses, delimiter);
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

    private FrameSink openWriter() throws IOException {
        OutputStream raw;
        if (s.writeFile.equals("-")) {
            raw = stdout;
        } else {
            Path path = Path.of(s.writeFile);
            if (Files.isDirectory(path)) {
                throw new IOException("\"" + s.writeFile + "\" is a directory (folder), not a file.");
            }
            try {
                raw = Files.newOutputStream(path);
            } catch (NoSuchFileException e) {
                throw new IOException("The path to the file \"" + s.writeFile + "\" doesn't exist.");
            } catch (AccessDeniedException e) {
                throw new IOException("You don't have permission to create or write to the file \""
                        + s.writeFile + "\".");
            } catch (IOException e) {
                throw new IOException("The file \"" + s.writeFile + "\" could not be created: " + e.getMessage() + ".");
            }
        }
        OutputStream out = new BufferedOutputStream(raw, 1 << 16);
        return switch (s.fileType) {
            case PCAP -> new PcapWriter(out, false);
            case NSECPCAP -> new PcapWriter(out, true);
            case PCAPNG -> new PcapngWriter(out, "jcap " + Jcap.VERSION);
        };
    }

    /** Completes the output file: headers even when no packet was written, then flush and close. */
    private void finish(FrameSink sink, FrameSource source) throws IOException {
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
