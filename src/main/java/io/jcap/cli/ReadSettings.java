package io.jcap.cli;

import io.jcap.print.TimeFormat;

/** What a read job was asked to do, after the command line was checked. */
final class ReadSettings {
    String readFile;
    String writeFile;
    OutputFileType fileType = OutputFileType.PCAPNG;
    long count = -1;
    /** -b and -a filesize/files: dumpcap's multiple files, or null. */
    io.jcap.io.rotate.RingPlan.Settings ring;
    /** -b printname: where each closed file's name goes (stdout, -, stderr or a file), or null. */
    String printName;
    /** tcpdump's -C (in bytes), -G (seconds) and -W; 0 when not given. */
    long tcpdumpBytes;
    long tcpdumpSeconds;
    int tcpdumpFiles;
    /** Capturing rather than reading a file: output files are created 0600, output is flushed when idle. */
    boolean live;
    /** -a duration:N (live only), in milliseconds; -1 none. */
    long durationMillis = -1;
    /** -a packets:N: stop after N displayed (or written) frames; -1 none. */
    long autostopPackets = -1;
    /** -Y (or the trailing arguments) and -R, compiled; null when not given. */
    io.jcap.filter.DisplayFilter displayFilter;
    io.jcap.filter.DisplayFilter readFilter;
    /** A capture filter (BPF) applied to the file's frames before anything else, or null. */
    String captureFilter;
    /** -2: a first pass over the file (applying -R), then the second that prints. */
    boolean twoPass;
    TimeFormat timeFormat = TimeFormat.RELATIVE;
    /** -u hms: relative and delta times as "1h  2m  4.623456s". */
    boolean hms;
    boolean resolveMac = true;
    boolean quiet;
    boolean print;
    boolean lineBuffered;
    /** Whether work may move to a second thread (summary lines are then formatted on it). */
    boolean secondThread;
    /** -V: the detail tree; -O: expand only these protocols (null: all). */
    boolean verbose;
    /** -x: hex dumps. */
    boolean hex;
    java.util.Set<String> expandOnly;
    /** -T: text, tabs, fields, json, jsonraw, ek, pdml or psml. */
    String format = "text";
    /** Whether packets are printed at all (tshark's print_packet_info). */
    boolean printPackets = true;
    /** -j / -J, or null. */
    io.jcap.print.ProtocolFilter protocolFilter;
    /** --no-duplicate-keys. */
    boolean noDuplicateKeys;
    /** -S: the line printed after each packet's tree or hex dump. */
    String separator = "";
    /** 1 for -X, 2 for -XX: tcpdump's hex and ASCII after each packet. */
    int tcpdumpHex;
    /** -T fields: the fields to print, with the -E options. */
    java.util.List<io.jcap.field.FieldDef> fields;
    io.jcap.print.FieldsPrinter.Options fieldOptions = io.jcap.print.FieldsPrinter.Options.defaults();
    /** -d rules, applied in order to the run's engine. */
    final java.util.List<io.jcap.dissect.DecodeAs> decodeAs = new java.util.ArrayList<>();
    /** -o limits on the run's state. */
    final io.jcap.dissect.Limits limits = new io.jcap.dissect.Limits();
}
