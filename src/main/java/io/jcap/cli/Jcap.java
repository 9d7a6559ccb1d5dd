package io.jcap.cli;

import io.jcap.io.CaptureFileException;
import io.jcap.print.TimeFormat;
import io.jcap.proto.StandardProtocols;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/** Parses a command line, checks it the way tshark does and runs the job it asks for. */
public final class Jcap {
    static final String VERSION = "0.1.0";
    /** The hidden option that -X and -XX without a key:value argument become. */
    static final String TCPDUMP_HEX = "--jcap-tcpdump-hex";

    private Jcap() {
    }

    /** Runs {@code args}; returns the exit status. Nothing escapes but the status and the two streams. */
    public static int run(String[] args, OutputStream stdout, PrintStream stderr) {
        Options o = new Options();
        try {
            CommandLine cl = new CommandLine(Options.spec(o));
            cl.setPosixClusteredShortOptionsAllowed(true);
            cl.setUnmatchedOptionsArePositionalParams(false);
            // as tshark (getopt stops at the first argument that is not an option): what follows
            // is the trailing filter, even words that look like options ("dns -c 40")
            cl.setStopAtPositional(true);
            // getopt's ways: the next word is an option's argument whatever it looks like,
            // and a repeated option overrides the earlier one
            cl.setAllowOptionsAsOptionParameters(true);
            cl.setOverwrittenOptionsAllowed(true);
            cl.parseArgs(tcpdumpHexFlags(args, cl.getCommandSpec()));
        } catch (UnmatchedArgumentException e) {
            String arg = e.getUnmatched().isEmpty() ? "?" : e.getUnmatched().get(0);
            return usageError(stderr, "unrecognized option: " + arg.replaceFirst("^--?", ""));
        } catch (MissingParameterException e) {
            String name = e.getMissing().isEmpty() || !(e.getMissing().get(0) instanceof OptionSpec opt)
                    ? "?" : opt.shortestName().replaceFirst("^--?", "");
            if (name.equals("F")) {
                // tshark lists the file types instead of the usage
                stderr.println("jcap: option requires an argument: F");
                stderr.println("jcap: The available capture file types for the \"-F\" flag are:");
                stderr.print(OutputFileType.listing());
                return ExitStatus.INVALID_OPTION;
            }
            return usageError(stderr, "option requires an argument: " + name);
        } catch (ParameterException e) {
            return usageError(stderr, e.getMessage());
        }
        if (RecordingOptions.isRotateSeconds(o.glossary)) {
            // -G with a number is tcpdump's rotation, not a glossary report
            o.tcpdumpRotateSeconds = o.glossary;
            o.glossary = null;
        }
        if (o.help) {
            Usage.print(new PrintStream(stdout, true), true);
            return ExitStatus.OK;
        }
        if (o.glossary != null) {
            PrintStream out = new PrintStream(stdout, false, java.nio.charset.StandardCharsets.UTF_8);
            boolean known = Glossary.print(o.glossary, StandardProtocols.engine().registry(), out);
            out.flush();
            if (!known) {
                stderr.println("jcap: Invalid \"" + o.glossary + "\" option for -G flag, enter -G ? for more help.");
                return ExitStatus.INVALID_OPTION;
            }
            return ExitStatus.OK;
        }
        if (o.explainFilter != null) {
            return explain(o.explainFilter, stdout, stderr);
        }
        if (o.version) {
            PrintStream out = new PrintStream(stdout, true);
            out.print(versionText(io.jcap.capture.LiveCapture.libraryVersion()));
            return ExitStatus.OK;
        }
        if (o.listInterfaces) {
            return CaptureJob.listInterfaces(stdout, stderr);
        }
        io.jcap.saved.SavedFilters saved = new io.jcap.saved.SavedFilters(
                io.jcap.saved.SavedFilters.standardDirectories(), problem -> stderr.println("jcap: " + problem));
        try {
            predefinedCaptureFilters(o.capture, saved);
            // tshark checks -s and -B as it meets them, reading a file or not
            CaptureSettings capture = captureSettings(o, o.readFile == null);
            ReadSettings s = settings(o, saved);
            if (o.readFile != null && o.capture.defaults.filter != null) {
                // tcpdump's -r FILE with a capture filter (tshark refuses -f when reading)
                String f = o.capture.defaults.filter;
                captureFilter(s.captureFilter == null ? f : "(" + f + ") and (" + s.captureFilter + ")", o.readFile, s);
            }
            if (!o.decodeAs.isEmpty()) {
                io.jcap.dissect.DissectorEngine check = StandardProtocols.engine();
                for (String spec : o.decodeAs) {
                    try {
                        s.decodeAs.add(io.jcap.dissect.DecodeAs.parse(spec, check, w -> stderr.println("jcap: " + w)));
                    } catch (io.jcap.dissect.DecodeAs.Invalid e) {
                        // tshark prefixes every line but the tab-indented lists
                        String text = e.getMessage().replaceAll("\n(?!\t)", "\njcap: ");
                        throw new UsageException(text, ExitStatus.INVALID_OPTION, false);
                    }
                }
            }
            if (o.readFile == null) {
                return new CaptureJob(s, capture, stdout, stderr).run();
            }
            return new ReadJob(s, stdout, stderr).run();
        } catch (UsageException e) {
            stderr.println("jcap: " + e.getMessage());
            if (e.showUsage) {
                Usage.print(stderr, false);
            }
            return e.status;
        } catch (CaptureFileException e) {
            stderr.println("jcap: " + e.describe(o.readFile));
            return ExitStatus.INVALID_FILE;
        } catch (io.jcap.io.rotate.RecordingException e) {
            // as tshark (and tcpdump) when the capture's file cannot be made
            stderr.println("jcap: " + e.getMessage());
            return ExitStatus.INVALID_OPTION;
        } catch (IOException e) {
            stderr.println("jcap: " + e.getMessage());
            return ExitStatus.INVALID_FILE;
        }
    }

    /**
     * -v, laid out as tshark's: the version line, then what jcap runs on (the system, the
     * Java runtime and the libpcap it found, or that it found none: reading files still works).
     */
    static String versionText(String libpcap) {
        String pcap = libpcap == null ? "without libpcap (no live capture)"
                : "with " + libpcap.replaceFirst("^libpcap version ", "libpcap ");
        String running = "Running on " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", with " + Runtime.getRuntime().availableProcessors() + " processors, with Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + pcap + ".";
        return "jcap " + VERSION + " (a workalike of TShark (Wireshark) 4.0 and tcpdump).\n\n"
                + "Reads and writes pcap and pcapng; captures through libpcap with pcap4j.\n\n"
                + wrap(running, 80) + "\n";
    }

    /** {@code text} broken at spaces into lines of at most {@code width} characters. */
    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > width) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    private static int usageError(PrintStream stderr, String message) {
        stderr.println("jcap: " + message);
        stderr.println();
        Usage.print(stderr, false);
        return ExitStatus.INVALID_OPTION;
    }

    private static ReadSettings settings(Options o, io.jcap.saved.SavedFilters saved) throws UsageException {
        ReadSettings s = new ReadSettings();
        s.readFile = o.readFile;
        s.writeFile = o.writeFile;
        s.quiet = o.quiet;
        s.print = o.print;
        s.lineBuffered = o.lineBuffered;
        s.secondThread = o.threads == 0 ? Runtime.getRuntime().availableProcessors() > 1 : o.threads > 1;
        s.verbose = o.verbose || o.expandProtocols != null;
        s.hex = o.hex;
        s.tcpdumpHex = Math.min(2, o.tcpdumpHex);
        s.separator = o.separator != null ? o.separator : "";
        s.noDuplicateKeys = o.noDuplicateKeys;
        if (o.protocolFilterWithChildren != null) {
            s.protocolFilter = io.jcap.print.ProtocolFilter.parse(o.protocolFilterWithChildren, true);
        } else if (o.protocolFilter != null) {
            s.protocolFilter = io.jcap.print.ProtocolFilter.parse(o.protocolFilter, false);
        }
        if (o.expandProtocols != null) {
            s.expandOnly = new java.util.LinkedHashSet<>(java.util.Arrays.asList(o.expandProtocols.split(",")));
        }
        s.resolveMac = !o.noNameResolution;
        if (o.nameResolutionFlags != null) {
            s.resolveMac = o.nameResolutionFlags.indexOf('m') >= 0;
            for (char c : o.nameResolutionFlags.toCharArray()) {
                if ("mnNtdsv".indexOf(c) < 0) {
                    throw new UsageException("-N specifies unknown resolving option '" + c
                            + "'; valid options are:\n"
                            + "\t'd' to enable address resolution from captured DNS packets\n"
                            + "\t'm' to enable MAC address resolution\n"
                            + "\t'n' to enable network address resolution\n"
                            + "\t'N' to enable using external resolvers (e.g., DNS)\n"
                            + "\t    for network address resolution\n"
                            + "\t's' to enable address resolution using SNI information found in captured\n"
                            + "\t    handshake packets\n"
                            + "\t't' to enable transport-layer port number resolution\n"
                            + "\t'v' to enable VLAN IDs to names resolution");
                }
            }
        }
        if (o.count != null) {
            s.count = parseCount(o.count);
        }
        if (o.timeFormat != null) {
            s.timeFormat = TimeFormat.of(o.timeFormat);
            if (s.timeFormat == null) {
                throw new UsageException("Invalid time stamp type \"" + o.timeFormat + "\"; it must be one of:\n"
                        + "\t\"a\"    for absolute\n"
                        + "\t\"ad\"   for absolute with YYYY-MM-DD date\n"
                        + "\t\"adoy\" for absolute with YYYY/DOY date\n"
                        + "\t\"d\"    for delta\n"
                        + "\t\"dd\"   for delta displayed\n"
                        + "\t\"e\"    for epoch\n"
                        + "\t\"r\"    for relative\n"
                        + "\t\"u\"    for absolute UTC\n"
                        + "\t\"ud\"   for absolute UTC with YYYY-MM-DD date\n"
                        + "\t\"udoy\" for absolute UTC with YYYY/DOY date");
            }
        }
        if (o.secondsType != null) {
            if (!o.secondsType.equals("s") && !o.secondsType.equals("hms")) {
                throw new UsageException("Invalid seconds type \"" + o.secondsType + "\"; it must be one of:\n"
                        + "\t\"s\"   for seconds\n"
                        + "\t\"hms\" for hours, minutes and seconds");
            }
            s.hms = o.secondsType.equals("hms");
        }
        if (o.fileType != null) {
            s.fileType = OutputFileType.of(o.fileType);
            if (s.fileType == null) {
                throw new UsageException("\"" + o.fileType + "\" isn't a valid capture file type\n"
                        + "jcap: The available capture file types for the \"-F\" flag are:\n"
                        + OutputFileType.listing().stripTrailing());
            }
        }
        for (String pref : o.preferences) {
            int colon = pref.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("Invalid -o flag \"" + pref + "\"");
            }
            try {
                s.limits.set(pref.substring(0, colon), pref.substring(colon + 1));
            } catch (io.jcap.dissect.Limits.Unknown e) {
                throw new UsageException("-o flag \"" + pref + "\" specifies unknown preference");
            } catch (IllegalArgumentException e) {
                throw new UsageException("Invalid -o flag \"" + pref + "\"");
            }
        }
        outputFormat(o, s);
        filters(o, s, saved);
        return s;
    }

    /**
     * -Y, -R, -2, -a and the trailing arguments, checked in tshark's order: reading a file,
     * the trailing arguments are the display filter; -R needs -2; the read filter is
     * compiled before the display filter, and a bad one stops jcap (status 2) before any
     * file is opened.
     */
    private static void filters(Options o, ReadSettings s, io.jcap.saved.SavedFilters saved) throws UsageException {
        String display = o.displayFilter;
        if (!o.trailing.isEmpty() && o.readFile != null) {
            if (display != null) {
                throw new UsageException("Display filters were specified both with \"-Y\" "
                        + "and with additional command-line arguments.");
            }
            display = String.join(" ", o.trailing);
        }
        s.live = o.readFile == null;
        io.jcap.io.rotate.RingPlan.Settings ring = new io.jcap.io.rotate.RingPlan.Settings();
        for (String b : o.ringBuffer) {
            RecordingOptions.ring(b, ring, s);
        }
        for (String a : o.autostop) {
            autostop(a, s, ring);
        }
        RecordingOptions.check(o, ring, s);
        RecordingOptions.tcpdump(o, s);
        if (o.readFilter != null && !o.twoPass) {
            throw new UsageException("-R without -2 is deprecated. For single-pass filtering use -Y.");
        }
        s.twoPass = o.twoPass;
        if (s.live && s.twoPass) {
            throw new UsageException("Live captures do not support two-pass analysis.");
        }
        // the registry is only built here when a filter needs it: the read builds its own engine
        boolean filtering = o.readFilter != null || display != null;
        io.jcap.field.FieldRegistry registry = filtering ? StandardProtocols.engine().registry() : null;
        // read once for -R and -Y: tshark reads the macros at start-up, so a bad line is
        // reported (once) whatever the filters hold
        java.util.Map<String, String> macros = filtering ? saved.macros() : java.util.Map.of();
        if (o.readFilter != null) {
            s.readFilter = compile(o.readFilter, registry, macros);
        }
        if (display != null) {
            boolean trailing = o.displayFilter == null;
            try {
                s.displayFilter = compile(display, registry, macros);
            } catch (UsageException e) {
                // tcpdump's habit: trailing words that are only a capture filter filter the file with BPF
                if (!trailing || !io.jcap.capture.CaptureFilters.compiles(display)) {
                    throw e;
                }
                captureFilter(display, o.readFile, s);
            }
        }
    }

    /** A capture filter for the frames of a file, checked by libpcap (tshark's wording for a bad one). */
    static void captureFilter(String text, String file, ReadSettings s) throws UsageException {
        try {
            io.jcap.capture.OfflineFilter.compile(text).close();
        } catch (io.jcap.capture.OfflineFilter.CaptureFilterError e) {
            throw new UsageException("Invalid capture filter \"" + text + "\" for file \"" + file + "\".\n\n"
                    + "That string isn't a valid capture filter (" + e.getMessage() + ").\n"
                    + "See the User's Guide for a description of the capture filter syntax.",
                    ExitStatus.INVALID_FILTER, false);
        }
        s.captureFilter = text;
    }

    /**
     * -f predef:NAME, as tshark: the capture filter saved under NAME in cfilters (shipped
     * with jcap or the user's own).
     */
    private static void predefinedCaptureFilters(CaptureArgs args, io.jcap.saved.SavedFilters saved) {
        java.util.Map<String, String> filters = null;
        java.util.List<CaptureArgs.Iface> all = new java.util.ArrayList<>(args.interfaces);
        all.add(args.defaults);
        for (CaptureArgs.Iface i : all) {
            if (i.filter == null || !i.filter.startsWith(PREDEFINED)) {
                continue;
            }
            if (filters == null) {
                filters = saved.captureFilters();
            }
            String name = i.filter.substring(PREDEFINED.length());
            String filter = filters.get(name);
            if (filter != null) {
                // an unknown name stays as it is: libpcap then refuses it, in tshark's words
                i.filter = filter;
            }
        }
    }

    private static final String PREDEFINED = "predef:";

    /** A display filter, its macros expanded from dfilter_macros first, as tshark does. */
    private static io.jcap.filter.DisplayFilter compile(String text, io.jcap.field.FieldRegistry registry,
                                                        java.util.Map<String, String> macros) throws UsageException {
        String expanded = text;
        if (text.contains("${")) {
            try {
                expanded = io.jcap.filter.DisplayFilter.expandMacros(text, registry, macros);
            } catch (io.jcap.filter.FilterException e) {
                throw new UsageException(e.render(text), ExitStatus.INVALID_FILTER, false);
            }
        }
        return compile(expanded, registry);
    }

    private static io.jcap.filter.DisplayFilter compile(String text, io.jcap.field.FieldRegistry registry)
            throws UsageException {
        try {
            return io.jcap.filter.DisplayFilter.compile(text, registry);
        } catch (io.jcap.filter.FilterException e) {
            String message = e.render(text);
            if (io.jcap.capture.CaptureFilters.compiles(text)) {
                // tshark's hint, for -Y as for -R
                message += "\n  Note: That read filter code looks like a valid capture filter;"
                        + "\n        maybe you mixed them up?";
            }
            throw new UsageException(message, ExitStatus.INVALID_FILTER, false);
        }
    }

    /**
     * One -a condition; reading a file, only packets:N has an effect, as in tshark (and
     * filesize:N and files:N with -b, which jcap allows there).
     */
    private static void autostop(String cond, ReadSettings s, io.jcap.io.rotate.RingPlan.Settings ring)
            throws UsageException {
        int colon = cond.indexOf(':');
        String key = colon < 0 ? cond : cond.substring(0, colon);
        String value = colon < 0 ? "" : cond.substring(colon + 1);
        if (colon < 0 || value.isEmpty() || !java.util.Set.of("packets", "duration", "filesize", "files")
                .contains(key)) {
            throw new UsageException("Invalid or unknown -a flag \"" + key + (colon < 0 ? "" : value.isEmpty()
                    && !key.isEmpty() ? ":" : "") + "\"");
        }
        switch (key) {
            case "packets" -> s.autostopPackets = RecordingOptions.positive(value, "packet write count");
            case "duration" -> {
                if (!s.live) {
                    throw new UsageException("A maximum capture time was specified, but a capture isn't"
                            + " being done.");
                }
                s.durationMillis = seconds(value);
            }
            case "files" -> ring.autostopFiles = RecordingOptions.positive(value, "autostop files");
            default -> ring.filesizeKb = RecordingOptions.uint32(value, "autostop filesize");
        }
    }

    /** -a duration's seconds as C's strtod reads them: the longest number at the start, 0 when none. */
    static long seconds(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)")
                .matcher(text);
        if (!m.find()) {
            return 0;
        }
        return (long) Math.min(Long.MAX_VALUE / 2, Double.parseDouble(m.group(1)) * 1000);
    }

    /**
     * The interfaces to capture on and their options, checked as tshark checks them; the
     * trailing arguments are the capture filter of every interface.
     */
    private static CaptureSettings captureSettings(Options o, boolean live) throws UsageException {
        CaptureArgs a = o.capture;
        CaptureSettings c = new CaptureSettings();
        if (live && !o.trailing.isEmpty()) {
            String filter = String.join(" ", o.trailing);
            if (a.defaults.filter != null) {
                throw new UsageException("A default capture filter was specified both with \"-f\" and with"
                        + " additional command-line arguments.");
            }
            for (CaptureArgs.Iface i : a.interfaces) {
                if (i.filter != null) {
                    throw new UsageException("A capture filter was specified both with \"-f\" and with"
                            + " additional command-line arguments.");
                }
            }
            a.defaults.filter = filter;
        }
        List<CaptureArgs.Iface> all = new java.util.ArrayList<>();
        for (CaptureArgs.Iface i : a.interfaces) {
            all.add(i.over(a.defaults));
        }
        // no -i: the default interface, chosen when the capture starts
        if (all.isEmpty()) {
            all.add(a.defaults.over(a.defaults));
        }
        for (CaptureArgs.Iface i : all) {
            int snap = i.snapLength == null ? 0 : RecordingOptions.natural(i.snapLength, "snapshot length");
            int buffer = i.bufferSize == null ? 0 : (int) RecordingOptions.positive(i.bufferSize, "buffer size");
            c.interfaces.add(new CaptureSettings.Iface(i.name, i.filter, snap, !Boolean.TRUE.equals(i.noPromiscuous),
                    buffer, Boolean.TRUE.equals(i.monitor)));
        }
        if (o.timeStampPrecision != null) {
            switch (o.timeStampPrecision) {
                case "nano" -> c.nanoseconds = true;
                case "micro" -> c.nanoseconds = false;
                default -> throw new UsageException("invalid time stamp precision \"" + o.timeStampPrecision
                        + "\"; it must be \"micro\" or \"nano\"");
            }
        }
        return c;
    }

    /** --explain-filter: the checked tree of a filter, or tshark's message for a bad one (status 2). */
    private static int explain(String text, OutputStream stdout, PrintStream stderr) {
        try {
            io.jcap.filter.DisplayFilter f = io.jcap.filter.DisplayFilter.compile(text,
                    StandardProtocols.engine().registry());
            PrintStream out = new PrintStream(stdout, false, java.nio.charset.StandardCharsets.UTF_8);
            out.print(f.explain());
            out.flush();
            return ExitStatus.OK;
        } catch (io.jcap.filter.FilterException e) {
            stderr.println("jcap: " + e.render(text));
            return ExitStatus.INVALID_FILTER;
        }
    }

    private static final String T_FORMATS = "\t\"fields\"  The values of fields specified with the -e option, in a form\n"
            + "\t          specified by the -E option.\n"
            + "\t\"pdml\"    Packet Details Markup Language, an XML-based format for the\n"
            + "\t          details of a decoded packet. This information is equivalent to\n"
            + "\t          the packet details printed with the -V flag.\n"
            + "\t\"ps\"      PostScript for a human-readable one-line summary of each of\n"
            + "\t          the packets, or a multi-line view of the details of each of\n"
            + "\t          the packets, depending on whether the -V flag was specified.\n"
            + "\t\"psml\"    Packet Summary Markup Language, an XML-based format for the\n"
            + "\t          summary information of a decoded packet. This information is\n"
            + "\t          equivalent to the information shown in the one-line summary\n"
            + "\t          printed by default.\n"
            + "\t\"json\"    Packet Summary, an JSON-based format for the details\n"
            + "\t          summary information of a decoded packet. This information is \n"
            + "\t          equivalent to the packet details printed with the -V flag.\n"
            + "\t\"jsonraw\" Packet Details, a JSON-based format for machine parsing\n"
            + "\t          including only raw hex decoded fields (same as -T json -x but\n"
            + "\t          without text decoding, only raw fields included). \n"
            + "\t\"ek\"      Packet Details, an EK JSON-based format for the bulk insert \n"
            + "\t          into elastic search cluster. This information is \n"
            + "\t          equivalent to the packet details printed with the -V flag.\n"
            + "\t\"text\"    Text of a human-readable one-line summary of each of the\n"
            + "\t          packets, or a multi-line view of the details of each of the\n"
            + "\t          packets, depending on whether the -V flag was specified.\n"
            + "\t          This is the default.\n"
            + "\t\"tabs\"    Similar to the text report except that each column of the\n"
            + "\t          human-readable one-line summary is delimited with an ASCII\n"
            + "\t          horizontal tab character.";

    private static final java.util.Set<String> FORMATS = java.util.Set.of("fields", "pdml", "ps", "psml", "json",
            "jsonraw", "ek", "text", "tabs");

    /** -T, -e, -E, -x and --no-duplicate-keys, checked as tshark checks them; decides what gets printed. */
    private static void outputFormat(Options o, ReadSettings s) throws UsageException {
        String format = null;
        for (String t : o.outputFormat) {
            if (format != null) {
                throw new UsageException("Multiple -T parameters are unsupported");
            }
            if (!FORMATS.contains(t)) {
                throw new UsageException("Invalid -T parameter \"" + t + "\"; it must be one of:\n" + T_FORMATS);
            }
            format = t;
        }
        if (format == null) {
            format = "text";
        }
        if ("ps".equals(format)) {
            throw new UsageException("PostScript output (-T ps) is not supported");
        }
        s.format = format;
        if (o.noDuplicateKeys && !format.equals("json") && !format.equals("jsonraw")) {
            throw new UsageException("--no-duplicate-keys can only be used with \"-T json\" and \"-T jsonraw\"");
        }
        boolean fields = format.equals("fields");
        // tshark's check is on its output action: psml shares pdml's (and then ignores -e)
        boolean takesFields = fields || format.equals("pdml") || format.equals("psml") || format.equals("json")
                || format.equals("ek");
        if (!takesFields && !o.fields.isEmpty()) {
            throw new UsageException("Output fields were specified with \"-e\", "
                    + "but \"-Tek, -Tfields, -Tjson or -Tpdml\" was not specified.");
        }
        if (fields && o.fields.isEmpty()) {
            throw new UsageException("\"-Tfields\" was specified, but no fields were specified with \"-e\".");
        }
        if (o.hex && !format.equals("text") && !format.equals("tabs") && !format.equals("json")
                && !format.equals("jsonraw") && !format.equals("ek")) {
            throw new UsageException("Raw packet hex data can only be printed as text, PostScript, JSON, JSONRAW or EK JSON");
        }
        // tshark prints packets when -T, -V, -O, -x or -P asks for them, even with -q or -w;
        // otherwise only when it writes no file and is not quiet
        boolean asked = !o.outputFormat.isEmpty() || o.verbose || o.expandProtocols != null || o.hex || o.print
                || s.tcpdumpHex > 0;
        s.printPackets = asked || (o.writeFile == null && !o.quiet);
        if ("-".equals(o.writeFile) && s.printPackets) {
            throw new UsageException("You can't write both raw packet data and dissected packets"
                    + " to the standard output.");
        }
        s.fieldOptions = FieldOptionParser.parse(o.fieldOptions);
        if (!o.fields.isEmpty()) {
            io.jcap.field.FieldRegistry registry = StandardProtocols.engine().registry();
            java.util.List<io.jcap.field.FieldDef> defs = new java.util.ArrayList<>();
            StringBuilder bad = new StringBuilder();
            for (String name : o.fields) {
                io.jcap.field.FieldDef f = io.jcap.print.ColumnFields.isColumn(name)
                        ? io.jcap.print.ColumnFields.field(name) : registry.find(name);
                if (f == null) {
                    // tshark lists the invalid names last first
                    bad.insert(0, "\n\t" + name);
                } else {
                    defs.add(f);
                }
            }
            if (bad.length() > 0) {
                throw new UsageException("Some fields aren't valid:" + bad);
            }
            s.fields = defs;
        }
    }

    /**
     * tshark's -X takes a key:value argument (extension options); jcap also reads -X and
     * -XX as tcpdump's hex flags when no key:value follows. Walks the arguments as getopt
     * does (option arguments skipped, clusters split) and turns each such -X into the
     * hidden {@link #TCPDUMP_HEX} option, once for -X and twice for -XX.
     */
    static String[] tcpdumpHexFlags(String[] args, CommandLine.Model.CommandSpec spec) {
        java.util.List<String> out = new java.util.ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                out.addAll(java.util.Arrays.asList(args).subList(i, args.length));
                break;
            }
            if (a.startsWith("--")) {
                out.add(a);
                OptionSpec opt = spec.findOption(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
                if (opt != null && !a.contains("=") && opt.arity().min() > 0 && i + 1 < args.length) {
                    out.add(args[++i]);
                }
                continue;
            }
            if (!a.startsWith("-") || a.length() < 2) {
                out.add(a);
                continue;
            }
            StringBuilder before = new StringBuilder("-");
            boolean done = false;
            for (int k = 1; k < a.length() && !done; k++) {
                char c = a.charAt(k);
                String rest = a.substring(k + 1);
                if (c == 'X') {
                    if (before.length() > 1) {
                        out.add(before.toString());
                    }
                    before.setLength(1);
                    if (rest.equals("X")) {
                        out.add(TCPDUMP_HEX);
                        out.add(TCPDUMP_HEX);
                    } else if (!rest.isEmpty()) {
                        out.add("-X");
                        out.add(rest);
                    } else if (i + 1 < args.length && args[i + 1].matches("(?s)[^:]+:.*")) {
                        out.add("-X");
                        out.add(args[++i]);
                    } else {
                        out.add(TCPDUMP_HEX);
                    }
                    done = true;
                    continue;
                }
                before.append(c);
                OptionSpec opt = spec.findOption(c);
                if (opt != null && opt.arity().min() > 0) {
                    if (rest.isEmpty() && i + 1 < args.length) {
                        out.add(before.toString());
                        out.add(args[++i]);
                        before.setLength(1);
                    } else {
                        before.append(rest);
                    }
                    done = true;
                }
            }
            if (before.length() > 1) {
                out.add(before.toString());
            }
        }
        return out.toArray(String[]::new);
    }

    private static long parseCount(String text) throws UsageException {
        String t = text.strip();
        if (!t.matches("[-+]?[0-9]+")) {
            throw new UsageException("The specified packet count \"" + text + "\" isn't a decimal number");
        }
        java.math.BigInteger big = new java.math.BigInteger(t);
        if (big.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new UsageException("The specified packet count \"" + text
                    + "\" is too large (greater than " + Integer.MAX_VALUE + ")");
        }
        long v = big.longValue();
        if (v < 0) {
            throw new UsageException("The specified packet count \"" + text + "\" is a negative number");
        }
        if (v == 0) {
            throw new UsageException("The specified packet count is zero");
        }
        return v;
    }
}
