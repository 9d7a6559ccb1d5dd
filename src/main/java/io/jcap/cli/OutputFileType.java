package io.jcap.cli;

/** The capture file types -F accepts. */
enum OutputFileType {
    PCAP("pcap", "Wireshark/tcpdump/... - pcap"),
    NSECPCAP("nsecpcap", "Wireshark/tcpdump/... - nanosecond pcap"),
    PCAPNG("pcapng", "Wireshark/... - pcapng");

    final String name;
    final String description;

    OutputFileType(String name, String description) {
        this.name = name;
        this.description = description;
    }

    static OutputFileType of(String name) {
        for (OutputFileType t : values()) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        return null;
    }

    static String listing() {
        StringBuilder sb = new StringBuilder();
        for (OutputFileType t : values()) {
            sb.append("    ").append(t.name).append(" - ").append(t.description).append('\n');
        }
        return sb.toString();
    }
}
