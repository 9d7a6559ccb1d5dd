package io.jcap.print;

import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.frame.Frame;

import java.io.IOException;
import java.util.List;

/**
 * tshark's default one-line summary: No., Time, Source, Destination, Protocol,
 * Length, Info. Number, time and source are right-aligned and destination
 * left-aligned in columns at least 5, 10, 12 and 12 wide; source and destination are
 * joined by " → ". With -T tabs the columns are separated by tabs instead of spaces
 * (the padding stays, the arrow becomes tab, arrow, tab).
 */
public final class SummaryPrinter implements PacketView {
    /** The column titles, as -T psml's structure and -T ek -P name them. */
    public static final List<String> TITLES = List.of("No.", "Time", "Source", "Destination", "Protocol", "Length",
            "Info");

    private final Output out;
    private final TimeColumn time;
    private final AddressText addresses;
    private final char delimiter;
    private final StringBuilder cell = new StringBuilder(64);
    private char[] infoChars = new char[256];
    private static final String ARROW = "\u2192";

    public SummaryPrinter(Output out, TimeColumn time, AddressText addresses) {
        this(out, time, addresses, ' ');
    }

    /** {@code delimiter}: ' ', or '\t' for -T tabs. */
    public SummaryPrinter(Output out, TimeColumn time, AddressText addresses, char delimiter) {
        this.out = out;
        this.time = time;
        this.addresses = addresses;
        this.delimiter = delimiter;
    }

    @Override
    public boolean needsFields() {
        return false;
    }

    /** The seven column texts of the packet, unpadded (-T psml, -T ek -P). */
    public void cells(Dissection d, List<String> to) {
        Frame f = d.frame;
        to.add(Long.toString(f.number));
        cell.setLength(0);
        time.append(cell, f);
        to.add(cell.toString());
        cell.setLength(0);
        addresses.append(cell, d.src);
        to.add(cell.toString());
        cell.setLength(0);
        addresses.append(cell, d.dst);
        to.add(cell.toString());
        to.add(d.protocol);
        to.add(Long.toString(f.originalLength));
        to.add(d.info.toString());
    }

    @Override
    public void print(Dissection d) throws IOException {
        int n = d.info.length();
        if (infoChars.length < n) {
            infoChars = new char[Math.max(n, infoChars.length * 2)];
        }
        d.info.getRawChars(infoChars, 0);
        line(d.frame, d.src, d.dst, d.protocol, infoChars, 0, n);
    }

    /**
     * The packet's line from its column values ({@link PipelinedSummary} keeps copies of
     * them); the Info column's raw characters (InfoColumn#getRawChars) are
     * {@code info[infoStart, infoStart + infoLength)}.
     */
    void line(Frame f, Address src, Address dst, String protocol, char[] info, int infoStart, int infoLength)
            throws IOException {
        int digits = Output.digits(f.number);
        out.spaces(5 - digits).number(f.number).ascii(delimiter);

        // time and IPv4 addresses go straight to the output bytes (ASCII: bytes are columns)
        int mark = out.mark(64);
        if (time.write(out, f)) {
            out.padLeft(mark, 10);
        } else {
            cell.setLength(0);
            time.append(cell, f);
            out.spaces(10 - cell.length()).text(cell);
        }
        out.ascii(delimiter);

        if (AddressText.direct(src)) {
            mark = out.mark(16);
            addresses.write(out, src);
            out.padLeft(mark, 12);
        } else {
            cell.setLength(0);
            addresses.append(cell, src);
            out.spaces(12 - cell.length()).text(cell);
        }
        out.ascii(delimiter).text(ARROW).ascii(delimiter);

        if (AddressText.direct(dst)) {
            mark = out.mark(16);
            addresses.write(out, dst);
            out.spaces(12 - out.since(mark));
        } else {
            cell.setLength(0);
            addresses.append(cell, dst);
            out.text(cell).spaces(12 - cell.length());
        }
        out.ascii(delimiter);

        out.text(protocol).ascii(delimiter).number(f.originalLength).ascii(delimiter).info(info, infoStart, infoLength)
                .newline();
    }
}
