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

/** Parses a command line, checks it the way tshark does and runs the job it asks for. */
public final class Jcap {
    static final String VERSION = "0.1.0";

    private Jcap() {
    }

    /** Runs {@code args}; returns the exit status. Nothing escapes but the status and the two streams. */
    public static int run(String[] args, OutputStream stdout, PrintStream stderr) {
        Options o = new Options();
        try {
            CommandLine cl = new CommandLine(o);
            cl.setPosixClusteredShortOptionsAllowed(true);
            cl.setUnmatchedOptionsArePositionalParams(false);
            // getopt's ways: the next word is an option's argument whatever it looks like,
            // and a repeated option overrides the earlier one
            cl.setAllowOptionsAsOptionParameters(true);
            cl.setOverwrittenOptionsAllowed(true);
            cl.parseArgs(args);
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
        if (o.version) {
            PrintStream out = new PrintStream(stdout, true);
            out.println("jcap " + VERSION + " (a tshark workalike; Java " + System.getProperty("java.version") + ")");
            return ExitStatus.OK;
        }
        try {
            ReadSettings s = settings(o);
            if (o.readFile == null) {
                stderr.println("jcap: Live capture is not available yet; use -r to read a capture file.");
                return ExitStatus.INVALID_FILE;
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
        } catch (IOException e) {
            stderr.println("jcap: " + e.getMessage());
            return ExitStatus.INVALID_FILE;
        }
    }

    private static int usageError(PrintStream stderr, String message) {
        stderr.println("jcap: " + message);
        stderr.println();
        Usage.print(stderr, false);
        return ExitStatus.INVALID_OPTION;
    }

    private static ReadSettings settings(Options o) throws UsageException {
        ReadSettings s = new ReadSettings();
        s.readFile = o.readFile;
        s.writeFile = o.writeFile;
        s.quiet = o.quiet;
        s.print = o.print;
        s.lineBuffered = o.lineBuffered;
        s.verbose = o.verbose || o.expandProtocols != null;
        s.hex = o.hex;
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
        if (o.fileType != null) {
            s.fileType = OutputFileType.of(o.fileType);
            if (s.fileType == null) {
                throw new UsageException("\"" + o.fileType + "\" isn't a valid capture file type\n"
                        + "jcap: The available capture file types for the \"-F\" flag are:\n"
                        + OutputFileType.listing().stripTrailing());
            }
        }
        outputFormat(o, s);
        if (!o.trailing.isEmpty()) {
            throw new UsageException("Display filters are not supported yet (trailing arguments: "
                    + String.join(" ", o.trailing) + ")", ExitStatus.INVALID_OPTION, false);
        }
        return s;
    }

    private static final String T_FORMATS = "\t\"fields\"  The values of fields specified with the -e option, in a form\n"
            + "\t          specified by the -E option.\n"
            + "\t\"text\"    Text of a human-readable one-line summary of each of the packets, or a\n"
            + "\t          multi-line view of the details of each of the packets, depending on\n"
            + "\t          whether the -V flag was specified.";

    /** -T, -e and -E, checked as tshark checks them. */
    private static void outputFormat(Options o, ReadSettings s) throws UsageException {
        if (o.outputFormat != null && !o.outputFormat.equals("fields") && !o.outputFormat.equals("text")) {
            throw new UsageException("Invalid -T parameter \"" + o.outputFormat + "\"; it must be one of:\n" + T_FORMATS);
        }
        boolean fields = "fields".equals(o.outputFormat);
        if (fields && o.fields.isEmpty()) {
            throw new UsageException("\"-Tfields\" was specified, but no fields were specified with \"-e\".");
        }
        if (!fields && !o.fields.isEmpty()) {
            throw new UsageException("\"-Tfields\" was not specified, but fields were specified with \"-e\".");
        }
        s.fieldOptions = FieldOptionParser.parse(o.fieldOptions);
        if (fields) {
            io.jcap.field.FieldRegistry registry = StandardProtocols.engine().registry();
            java.util.List<io.jcap.field.FieldDef> defs = new java.util.ArrayList<>();
            StringBuilder bad = new StringBuilder();
            for (String name : o.fields) {
                io.jcap.field.FieldDef f = registry.find(name);
                if (f == null) {
                    bad.append("\n\t").append(name);
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
