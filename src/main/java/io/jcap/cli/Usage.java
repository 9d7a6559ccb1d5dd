package io.jcap.cli;

import java.io.PrintStream;

/** The -h text, in tshark's layout. */
final class Usage {
    private Usage() {
    }

    static void print(PrintStream out, boolean full) {
        if (full) {
            out.println("jcap " + Jcap.VERSION + " (a tshark workalike)");
            out.println("Dump and analyze network traffic.");
            out.println();
        }
        out.println("Usage: jcap [options] ...");
        out.println();
        out.println("Input file:");
        out.println("  -r <infile>, --read-file <infile>");
        out.println("                           set the filename to read from (or '-' for stdin)");
        out.println();
        out.println("Processing:");
        out.println("  -n                       disable all name resolutions (def: \"mNd\" enabled, or");
        out.println("                           as set in preferences)");
        out.println("  -N <name resolve flags>  enable specific name resolution(s): \"mnNtdv\"");
        out.println();
        out.println("Output:");
        out.println("  -w <outfile|->           write packets to a pcapng-format file named \"outfile\"");
        out.println("                           (or '-' for stdout)");
        out.println("  -F <output file type>    set the output file type, default is pcapng");
        out.println("                           an empty \"-F\" option will list the file types");
        out.println("  -c <packet count>        stop after n packets (def: infinite)");
        out.println("  -P, --print              print packet summary even when writing to a file");
        out.println("  -t a|ad|adoy|d|dd|e|r|u|ud|udoy");
        out.println("                           output format of time stamps (def: r: rel. to first)");
        out.println("  -l                       flush standard output after each packet");
        out.println("  -q                       be more quiet on stdout (e.g. when using statistics)");
        out.println();
        out.println("Miscellaneous:");
        out.println("  -h, --help               display this help and exit");
        out.println("  -v, --version            display version info and exit");
    }
}
