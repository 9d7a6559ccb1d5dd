package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.frame.Frame;

import java.io.IOException;

/**
 * tshark's default one-line summary: No., Time, Source, Destination, Protocol,
 * Length, Info. Number, time and source are right-aligned and destination
 * left-aligned in columns at least 5, 10, 12 and 12 wide; source and destination are
 * joined by " → ".
 */
public final class SummaryPrinter implements PacketView {
    private final Output out;
    private final TimeColumn time;
    private final AddressText addresses;
    private final StringBuilder cell = new StringBuilder(64);

    public SummaryPrinter(Output out, TimeColumn time, AddressText addresses) {
        this.out = out;
        this.time = time;
        this.addresses = addresses;
    }

    @Override
    public boolean needsFields() {
        return false;
    }

    @Override
    public void print(Dissection d) throws IOException {
        Frame f = d.frame;
        int digits = Output.digits(f.number);
        out.spaces(5 - digits).number(f.number).ascii(' ');

        cell.setLength(0);
        time.append(cell, f);
        out.spaces(10 - cell.length()).text(cell).ascii(' ');

        cell.setLength(0);
        addresses.append(cell, d.src);
        out.spaces(12 - cell.length()).text(cell).text(" \u2192 ");

        cell.setLength(0);
        addresses.append(cell, d.dst);
        out.text(cell).spaces(12 - cell.length()).ascii(' ');

        out.text(d.protocol).ascii(' ').number(f.originalLength).ascii(' ').text(d.info.contents()).newline();
    }
}
