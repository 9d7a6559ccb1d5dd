package io.jcap.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;

/** The command line, spelled as tshark spells it. Values are checked by {@link Jcap}, in tshark's words. */
final class Options {
    String readFile;

    String writeFile;

    String fileType;

    java.util.List<String> decodeAs = new java.util.ArrayList<>();

    java.util.List<String> preferences = new java.util.ArrayList<>();

    String count;

    String displayFilter;

    String readFilter;

    boolean twoPass;

    /** -a autostop conditions; with -r only packets:N applies (the others need a capture). */
    List<String> autostop = new ArrayList<>();

    /** -b ring buffer options (dumpcap's multiple files). */
    List<String> ringBuffer = new ArrayList<>();

    /** tcpdump's -C: a new file after so many millions of bytes. */
    String tcpdumpFileSize;

    /** tcpdump's -W: how many files -C rotates through, or -G makes. */
    String tcpdumpFileCount;

    /** tcpdump's -G seconds: a numeric -G argument, moved here from {@link #glossary}. */
    String tcpdumpRotateSeconds;

    /** Prints the checked tree of a display filter (as Wireshark's dftest) and exits. */
    String explainFilter;

    boolean noNameResolution;

    String nameResolutionFlags;

    String timeFormat;

    /** -u s|hms: relative and delta times in seconds or in hours, minutes and seconds. */
    String secondsType;

    boolean lineBuffered;

    boolean quiet;

    boolean print;

    boolean verbose;

    boolean hex;

    String expandProtocols;

    List<String> outputFormat = new ArrayList<>();

    String protocolFilter;

    String protocolFilterWithChildren;

    boolean noDuplicateKeys;

    String separator;

    /** -X key:value, tshark's extension options (accepted, not used). */
    List<String> extensions = new ArrayList<>();

    /** How often -X or -XX came without a key:value argument: tcpdump's hex and ASCII (see {@link Jcap#tcpdumpHexFlags}). */
    int tcpdumpHex;

    /** Threads a read may use (1: everything on one; 0: as many as help, up to the cores). For comparisons. */
    int threads;

    List<String> fields = new ArrayList<>();

    List<String> fieldOptions = new ArrayList<>();

    String glossary;

    boolean version;

    boolean help;

    /** -i, -f, -s, -p, -B, -I in the order given (their order decides what applies where). */
    final CaptureArgs capture = new CaptureArgs();

    void iface(String name) {
        capture.iface(name);
    }

    void captureFilter(String filter) {
        capture.filter(filter);
    }

    void snapLength(String s) {
        capture.snapLength(s);
    }

    void noPromiscuous(boolean b) {
        capture.noPromiscuous();
    }

    void bufferSize(String b) {
        capture.bufferSize(b);
    }

    void monitor(boolean b) {
        capture.monitor();
    }

    boolean listInterfaces;

    /** tcpdump's option (tshark 4.0 always asks for nanoseconds): micro or nano. */
    String timeStampPrecision;

    List<String> trailing = new ArrayList<>();

    /**
     * The picocli model of the command line, built by hand: the annotation-driven model
     * took about 45 ms of reflection at every start (bench/README.md, start-up). One
     * {@link Binding} class reads and sets every option by its number, without lambdas.
     */
    static CommandSpec spec(Options o) {
        CommandSpec spec = CommandSpec.create().name("jcap");
        spec.addOption(option(o, 0, String.class, "<infile>", null, null, false, "-r", "--read-file"));
        spec.addOption(option(o, 1, String.class, "<outfile|->", null, null, false, "-w"));
        spec.addOption(option(o, 2, String.class, "<output file type>", null, null, false, "-F"));
        spec.addOption(option(o, 3, java.util.List.class, "<layer_type>==<selector>,<decode_as_protocol>", null, null, false, "-d"));
        spec.addOption(option(o, 4, java.util.List.class, "<preference>:<value>", null, null, false, "-o"));
        spec.addOption(option(o, 5, String.class, "<packet count>", null, null, false, "-c"));
        spec.addOption(option(o, 6, String.class, "<displaY filter>", null, null, false, "-Y", "--display-filter"));
        spec.addOption(option(o, 7, String.class, "<read filter>", null, null, false, "-R", "--read-filter"));
        spec.addOption(option(o, 8, boolean.class, null, null, null, false, "-2"));
        spec.addOption(option(o, 9, java.util.List.class, "<autostop cond.>", null, null, false, "-a", "--autostop"));
        spec.addOption(option(o, 10, java.util.List.class, "<ringbuffer opt.>", null, null, false, "-b", "--ring-buffer"));
        spec.addOption(option(o, 11, String.class, "<file_size>", null, null, false, "-C"));
        spec.addOption(option(o, 12, String.class, "<filecount>", null, null, false, "-W"));
        spec.addOption(option(o, 13, String.class, "<filter>", null, null, false, "--explain-filter"));
        spec.addOption(option(o, 14, boolean.class, null, null, null, false, "-n"));
        spec.addOption(option(o, 15, String.class, "<name resolve flags>", null, null, false, "-N"));
        spec.addOption(option(o, 16, String.class, "a|ad|adoy|d|dd|e|r|u|ud|udoy", null, null, false, "-t"));
        spec.addOption(option(o, 17, String.class, "s|hms", null, null, false, "-u"));
        spec.addOption(option(o, 18, boolean.class, null, null, null, false, "-l"));
        spec.addOption(option(o, 19, boolean.class, null, null, null, false, "-q"));
        spec.addOption(option(o, 20, boolean.class, null, null, null, false, "-P", "--print"));
        spec.addOption(option(o, 21, boolean.class, null, null, null, false, "-V"));
        spec.addOption(option(o, 22, boolean.class, null, null, null, false, "-x"));
        spec.addOption(option(o, 23, String.class, "<protocols>", null, null, false, "-O"));
        spec.addOption(option(o, 24, java.util.List.class, "pdml|psml|json|jsonraw|ek|tabs|text|fields", null, null, false, "-T"));
        spec.addOption(option(o, 25, String.class, "<protocolfilter>", null, null, false, "-j"));
        spec.addOption(option(o, 26, String.class, "<protocolfilter>", null, null, false, "-J"));
        spec.addOption(option(o, 27, boolean.class, null, null, null, false, "--no-duplicate-keys"));
        spec.addOption(option(o, 28, String.class, "<separator>", null, null, false, "-S"));
        spec.addOption(option(o, 29, java.util.List.class, "<key>:<value>", null, null, false, "-X"));
        spec.addOption(option(o, 30, boolean.class, null, null, null, true, Jcap.TCPDUMP_HEX));
        spec.addOption(option(o, 31, int.class, null, null, null, true, "--jcap-threads"));
        spec.addOption(option(o, 32, java.util.List.class, "<field>", null, null, false, "-e"));
        spec.addOption(option(o, 33, java.util.List.class, "<fieldsoption>=<value>", null, null, false, "-E"));
        spec.addOption(option(o, 34, String.class, "[report]", "0..1", "fields", false, "-G"));
        spec.addOption(option(o, 35, boolean.class, null, null, null, false, "-v", "--version"));
        spec.addOption(option(o, 36, boolean.class, null, null, null, false, "-h", "--help"));
        spec.addOption(option(o, 37, String.class, "<interface>", null, null, false, "-i", "--interface"));
        spec.addOption(option(o, 38, String.class, "<capture filter>", null, null, false, "-f"));
        spec.addOption(option(o, 39, String.class, "<snaplen>", null, null, false, "-s", "--snapshot-length"));
        spec.addOption(option(o, 40, boolean.class, null, null, null, false, "-p", "--no-promiscuous-mode"));
        spec.addOption(option(o, 41, String.class, "<buffer size>", null, null, false, "-B", "--buffer-size"));
        spec.addOption(option(o, 42, boolean.class, null, null, null, false, "-I", "--monitor-mode"));
        spec.addOption(option(o, 43, boolean.class, null, null, null, false, "-D", "--list-interfaces"));
        spec.addOption(option(o, 44, String.class, "micro|nano", null, null, false, "--time-stamp-precision"));
        Binding trailing = new Binding(o, 45);
        spec.addPositional(PositionalParamSpec.builder().type(java.util.List.class).auxiliaryTypes(String.class)
                .arity("0..*").paramLabel("<filter>").getter(trailing).setter(trailing).build());
        return spec;
    }

    private static OptionSpec option(Options o, int id, Class<?> type, String label, String arity, String fallback,
                                     boolean hidden, String... names) {
        Binding b = new Binding(o, id);
        OptionSpec.Builder builder = OptionSpec.builder(names).type(type).getter(b).setter(b).hidden(hidden);
        if (type == java.util.List.class) {
            builder.auxiliaryTypes(String.class);
        }
        if (label != null) {
            builder.paramLabel(label);
        }
        if (arity != null) {
            builder.arity(arity);
        }
        if (fallback != null) {
            builder.fallbackValue(fallback);
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object v) {
        return (List<String>) v;
    }

    /** Reads and sets option {@code id} of {@code o}; picocli's resets (null) leave the field as it is. */
    private static final class Binding implements IGetter, ISetter {
        private final Options o;
        private final int id;

        Binding(Options o, int id) {
            this.o = o;
            this.id = id;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            Object v = switch (id) {
                case 0 -> o.readFile;
                case 1 -> o.writeFile;
                case 2 -> o.fileType;
                case 3 -> o.decodeAs;
                case 4 -> o.preferences;
                case 5 -> o.count;
                case 6 -> o.displayFilter;
                case 7 -> o.readFilter;
                case 8 -> o.twoPass;
                case 9 -> o.autostop;
                case 10 -> o.ringBuffer;
                case 11 -> o.tcpdumpFileSize;
                case 12 -> o.tcpdumpFileCount;
                case 13 -> o.explainFilter;
                case 14 -> o.noNameResolution;
                case 15 -> o.nameResolutionFlags;
                case 16 -> o.timeFormat;
                case 17 -> o.secondsType;
                case 18 -> o.lineBuffered;
                case 19 -> o.quiet;
                case 20 -> o.print;
                case 21 -> o.verbose;
                case 22 -> o.hex;
                case 23 -> o.expandProtocols;
                case 24 -> o.outputFormat;
                case 25 -> o.protocolFilter;
                case 26 -> o.protocolFilterWithChildren;
                case 27 -> o.noDuplicateKeys;
                case 28 -> o.separator;
                case 29 -> o.extensions;
                case 30 -> false;
                case 31 -> o.threads;
                case 32 -> o.fields;
                case 33 -> o.fieldOptions;
                case 34 -> o.glossary;
                case 35 -> o.version;
                case 36 -> o.help;
                case 37 -> null;
                case 38 -> null;
                case 39 -> null;
                case 40 -> false;
                case 41 -> null;
                case 42 -> false;
                case 43 -> o.listInterfaces;
                case 44 -> o.timeStampPrecision;
                case 45 -> o.trailing;
                default -> throw new IllegalStateException("option " + id);
            };
            return (T) v;
        }

        @Override
        public <T> T set(T v) {
            if (v == null) {
                return null;
            }
            switch (id) {
                case 0 -> o.readFile = (String) v;
                case 1 -> o.writeFile = (String) v;
                case 2 -> o.fileType = (String) v;
                case 3 -> o.decodeAs = list(v);
                case 4 -> o.preferences = list(v);
                case 5 -> o.count = (String) v;
                case 6 -> o.displayFilter = (String) v;
                case 7 -> o.readFilter = (String) v;
                case 8 -> o.twoPass = (Boolean) v;
                case 9 -> o.autostop = list(v);
                case 10 -> o.ringBuffer = list(v);
                case 11 -> o.tcpdumpFileSize = (String) v;
                case 12 -> o.tcpdumpFileCount = (String) v;
                case 13 -> o.explainFilter = (String) v;
                case 14 -> o.noNameResolution = (Boolean) v;
                case 15 -> o.nameResolutionFlags = (String) v;
                case 16 -> o.timeFormat = (String) v;
                case 17 -> o.secondsType = (String) v;
                case 18 -> o.lineBuffered = (Boolean) v;
                case 19 -> o.quiet = (Boolean) v;
                case 20 -> o.print = (Boolean) v;
                case 21 -> o.verbose = (Boolean) v;
                case 22 -> o.hex = (Boolean) v;
                case 23 -> o.expandProtocols = (String) v;
                case 24 -> o.outputFormat = list(v);
                case 25 -> o.protocolFilter = (String) v;
                case 26 -> o.protocolFilterWithChildren = (String) v;
                case 27 -> o.noDuplicateKeys = (Boolean) v;
                case 28 -> o.separator = (String) v;
                case 29 -> o.extensions = list(v);
                case 30 -> o.tcpdumpHex++;
                case 31 -> o.threads = (Integer) v;
                case 32 -> o.fields = list(v);
                case 33 -> o.fieldOptions = list(v);
                case 34 -> o.glossary = (String) v;
                case 35 -> o.version = (Boolean) v;
                case 36 -> o.help = (Boolean) v;
                case 37 -> o.iface((String) v);
                case 38 -> o.captureFilter((String) v);
                case 39 -> o.snapLength((String) v);
                case 40 -> o.noPromiscuous((Boolean) v);
                case 41 -> o.bufferSize((String) v);
                case 42 -> o.monitor((Boolean) v);
                case 43 -> o.listInterfaces = (Boolean) v;
                case 44 -> o.timeStampPrecision = (String) v;
                case 45 -> o.trailing = list(v);
                default -> throw new IllegalStateException("option " + id);
            }
            return null;
        }
    }
}
