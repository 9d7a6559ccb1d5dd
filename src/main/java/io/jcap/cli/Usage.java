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
        out.println("Capture interface:");
        out.println("  -i <interface>, --interface <interface>");
        out.println("                           name or idx of interface (def: first non-loopback)");
        out.println("  -f <capture filter>      packet filter in libpcap filter syntax");
        out.println("  -s <snaplen>, --snapshot-length <snaplen>");
        out.println("                           packet snapshot length (def: appropriate maximum)");
        out.println("  -p, --no-promiscuous-mode");
        out.println("                           don't capture in promiscuous mode");
        out.println("  -I, --monitor-mode       capture in monitor mode, if available");
        out.println("  -B <buffer size>, --buffer-size <buffer size>");
        out.println("                           size of kernel buffer in MiB (def: libpcap's)");
        out.println("  --time-stamp-precision micro|nano  (jcap)");
        out.println("                           tcpdump's option: time stamp precision (def: nano)");
        out.println("  -D, --list-interfaces    print list of interfaces and exit");
        out.println();
        out.println("Capture stop conditions:");
        out.println("  -c <packet count>        stop after n packets (def: infinite)");
        out.println("  -a <autostop cond.> ..., --autostop <autostop cond.> ...");
        out.println("                           duration:NUM - stop after NUM seconds");
        out.println("                            packets:NUM - stop after NUM packets");
        out.println("Input file:");
        out.println("  -r <infile>, --read-file <infile>");
        out.println("                           set the filename to read from (or '-' for stdin)");
        out.println();
        out.println("Processing:");
        out.println("  -2                       perform a two-pass analysis");
        out.println("  -R <read filter>, --read-filter <read filter>");
        out.println("                           packet Read filter in Wireshark display filter syntax");
        out.println("                           (requires -2)");
        out.println("  -Y <display filter>, --display-filter <display filter>");
        out.println("                           packet displaY filter in Wireshark display filter");
        out.println("                           syntax");
        out.println("  -n                       disable all name resolutions (def: \"mNd\" enabled, or");
        out.println("                           as set in preferences)");
        out.println("  -N <name resolve flags>  enable specific name resolution(s): \"mnNtdv\"");
        out.println("  -d <layer_type>==<selector>,<decode_as_protocol> ...");
        out.println("                           \"Decode As\", see the man page for details");
        out.println("                           Example: tcp.port==8888,http");
        out.println();
        out.println("Output:");
        out.println("  -w <outfile|->           write packets to a pcapng-format file named \"outfile\"");
        out.println("                           (or '-' for stdout)");
        out.println("  -F <output file type>    set the output file type, default is pcapng");
        out.println("                           an empty \"-F\" option will list the file types");
        out.println("  -V                       add output of packet tree        (Packet Details)");
        out.println("  -O <protocols>           Only show packet details of these protocols, comma");
        out.println("                           separated");
        out.println("  -P, --print              print packet summary even when writing to a file");
        out.println("  -S <separator>           the line separator to print between packets");
        out.println("  -x                       add output of hex and ASCII dump (Packet Bytes)");
        out.println("  -T pdml|ps|psml|json|jsonraw|ek|tabs|text|fields|?");
        out.println("                           format of text output (def: text)");
        out.println("  -j <protocolfilter>      protocols layers filter if -T ek|pdml|json selected");
        out.println("                           (e.g. \"ip ip.flags text\", filter does not expand child");
        out.println("                           nodes, unless child is specified also in the filter)");
        out.println("  -J <protocolfilter>      top level protocol filter if -T ek|pdml|json selected");
        out.println("                           (e.g. \"http tcp\", filter which expands all child nodes)");
        out.println("  -e <field>               field to print if -Tfields selected (e.g. tcp.port,");
        out.println("                           ip.src)");
        out.println("                           this option can be repeated to print multiple fields");
        out.println("  -E<fieldsoption>=<value> set options for output when -Tfields selected:");
        out.println("     bom=y|n               print a UTF-8 BOM");
        out.println("     header=y|n            switch headers on and off");
        out.println("     separator=/t|/s|<char> select tab, space, printable character as separator");
        out.println("     occurrence=f|l|a      print first, last or all occurrences of each field");
        out.println("     aggregator=,|/s|<char> select comma, space, printable character as");
        out.println("                           aggregator");
        out.println("     quote=d|s|n           select double, single, no quotes for values");
        out.println("  -t a|ad|adoy|d|dd|e|r|u|ud|udoy");
        out.println("                           output format of time stamps (def: r: rel. to first)");
        out.println("  -l                       flush standard output after each packet");
        out.println("  -q                       be more quiet on stdout (e.g. when using statistics)");
        out.println("  -X <key>:<value>         eXtension options (accepted; none is used yet)");
        out.println("  -X, -XX                  (jcap) add tcpdump's hex and ASCII dump of each packet,");
        out.println("                           without (-X) or with (-XX) the link-layer header");
        out.println("  --no-duplicate-keys      If -T json is specified, merge duplicate keys in an object");
        out.println("                           into a single key with as value a json array containing all");
        out.println("                           values");
        out.println();
        out.println("Miscellaneous:");
        out.println("  -h, --help               display this help and exit");
        out.println("  -v, --version            display version info and exit");
        out.println("  -o <name>:<value> ...    override preference setting");
        out.println("                           (jcap: ip.reassembly_max_datagrams,");
        out.println("                           ip.reassembly_max_fragments, ip.reassembly_max_bytes,");
        out.println("                           tcp.reassembly_max_flows, tcp.reassembly_max_bytes,");
        out.println("                           tcp.reassembly_max_pdus_per_flow, tcp.reassembly_max_pdu_bytes,");
        out.println("                           http.max_conversations, dns.max_conversations,");
        out.println("                           dns.max_transactions)");
        out.println("  -G [report]              dump one of several available reports and exit");
        out.println("                           default report=\"fields\"");
        out.println("                           reports: fields, protocols");
        out.println("  --explain-filter <filter> (jcap) print the checked tree of a display filter,");
        out.println("                           with the type of every value, and exit");
    }
}
