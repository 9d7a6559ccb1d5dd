package io.jcap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** The command line, spelled as tshark spells it. Values are checked by {@link Jcap}, in tshark's words. */
@Command(name = "jcap")
final class Options {
    @Option(names = {"-r", "--read-file"}, paramLabel = "<infile>")
    String readFile;

    @Option(names = {"-w"}, paramLabel = "<outfile|->")
    String writeFile;

    @Option(names = {"-F"}, paramLabel = "<output file type>")
    String fileType;

    @Option(names = {"-d"}, paramLabel = "<layer_type>==<selector>,<decode_as_protocol>")
    java.util.List<String> decodeAs = new java.util.ArrayList<>();

    @Option(names = {"-o"}, paramLabel = "<preference>:<value>")
    java.util.List<String> preferences = new java.util.ArrayList<>();

    @Option(names = {"-c"}, paramLabel = "<packet count>")
    String count;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "<displaY filter>")
    String displayFilter;

    @Option(names = {"-R", "--read-filter"}, paramLabel = "<read filter>")
    String readFilter;

    @Option(names = {"-2"})
    boolean twoPass;

    /** -a autostop conditions; with -r only packets:N applies (the others need a capture). */
    @Option(names = {"-a", "--autostop"}, paramLabel = "<autostop cond.>")
    List<String> autostop = new ArrayList<>();

    /** -b ring buffer options (dumpcap's multiple files). */
    @Option(names = {"-b", "--ring-buffer"}, paramLabel = "<ringbuffer opt.>")
    List<String> ringBuffer = new ArrayList<>();

    /** tcpdump's -C: a new file after so many millions of bytes. */
    @Option(names = {"-C"}, paramLabel = "<file_size>")
    String tcpdumpFileSize;

    /** tcpdump's -W: how many files -C rotates through, or -G makes. */
    @Option(names = {"-W"}, paramLabel = "<filecount>")
    String tcpdumpFileCount;

    /** tcpdump's -G seconds: a numeric -G argument, moved here from {@link #glossary}. */
    String tcpdumpRotateSeconds;

    /** Prints the checked tree of a display filter (as Wireshark's dftest) and exits. */
    @Option(names = {"--explain-filter"}, paramLabel = "<filter>")
    String explainFilter;

    @Option(names = {"-n"})
    boolean noNameResolution;

    @Option(names = {"-N"}, paramLabel = "<name resolve flags>")
    String nameResolutionFlags;

    @Option(names = {"-t"}, paramLabel = "a|ad|adoy|d|dd|e|r|u|ud|udoy")
    String timeFormat;

    /** -u s|hms: relative and delta times in seconds or in hours, minutes and seconds. */
    @Option(names = {"-u"}, paramLabel = "s|hms")
    String secondsType;

    @Option(names = {"-l"})
    boolean lineBuffered;

    @Option(names = {"-q"})
    boolean quiet;

    @Option(names = {"-P", "--print"})
    boolean print;

    @Option(names = {"-V"})
    boolean verbose;

    @Option(names = {"-x"})
    boolean hex;

    @Option(names = {"-O"}, paramLabel = "<protocols>")
    String expandProtocols;

    @Option(names = {"-T"}, paramLabel = "pdml|psml|json|jsonraw|ek|tabs|text|fields")
    List<String> outputFormat = new ArrayList<>();

    @Option(names = {"-j"}, paramLabel = "<protocolfilter>")
    String protocolFilter;

    @Option(names = {"-J"}, paramLabel = "<protocolfilter>")
    String protocolFilterWithChildren;

    @Option(names = {"--no-duplicate-keys"})
    boolean noDuplicateKeys;

    @Option(names = {"-S"}, paramLabel = "<separator>")
    String separator;

    /** -X key:value, tshark's extension options (accepted, not used). */
    @Option(names = {"-X"}, paramLabel = "<key>:<value>")
    List<String> extensions = new ArrayList<>();

    /** -X or -XX without a key:value argument: tcpdump's hex and ASCII (see {@link Jcap#tcpdumpHexFlags}). */
    @Option(names = {Jcap.TCPDUMP_HEX}, hidden = true)
    boolean[] tcpdumpHex = new boolean[0];

    /** Threads a read may use (1: everything on one; 0: as many as help, up to the cores). For comparisons. */
    @Option(names = {"--jcap-threads"}, hidden = true)
    int threads;

    @Option(names = {"-e"}, paramLabel = "<field>")
    List<String> fields = new ArrayList<>();

    @Option(names = {"-E"}, paramLabel = "<fieldsoption>=<value>")
    List<String> fieldOptions = new ArrayList<>();

    @Option(names = {"-G"}, arity = "0..1", fallbackValue = "fields", paramLabel = "[report]")
    String glossary;

    @Option(names = {"-v", "--version"})
    boolean version;

    @Option(names = {"-h", "--help"})
    boolean help;

    /** -i, -f, -s, -p, -B, -I in the order given (their order decides what applies where). */
    final CaptureArgs capture = new CaptureArgs();

    @Option(names = {"-i", "--interface"}, paramLabel = "<interface>")
    void iface(String name) {
        capture.iface(name);
    }

    @Option(names = {"-f"}, paramLabel = "<capture filter>")
    void captureFilter(String filter) {
        capture.filter(filter);
    }

    @Option(names = {"-s", "--snapshot-length"}, paramLabel = "<snaplen>")
    void snapLength(String s) {
        capture.snapLength(s);
    }

    @Option(names = {"-p", "--no-promiscuous-mode"})
    void noPromiscuous(boolean b) {
        capture.noPromiscuous();
    }

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "<buffer size>")
    void bufferSize(String b) {
        capture.bufferSize(b);
    }

    @Option(names = {"-I", "--monitor-mode"})
    void monitor(boolean b) {
        capture.monitor();
    }

    @Option(names = {"-D", "--list-interfaces"})
    boolean listInterfaces;

    /** tcpdump's option (tshark 4.0 always asks for nanoseconds): micro or nano. */
    @Option(names = {"--time-stamp-precision"}, paramLabel = "micro|nano")
    String timeStampPrecision;

    @Parameters
    List<String> trailing = new ArrayList<>();
}
