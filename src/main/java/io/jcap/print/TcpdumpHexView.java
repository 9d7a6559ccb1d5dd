package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.frame.Frame;
import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * tcpdump's -X and -XX after each packet's text: the bytes as lines of
 * "\t0x0000:  4500 0054 ... E..T", 16 bytes per line in groups of two, the printable
 * characters (other than space) in the last column. -X leaves out the link-layer header
 * (and prints nothing when the packet is no longer than it), -XX shows every byte.
 */
public final class TcpdumpHexView implements PacketView {
    private final Output out;
    private final PacketView before;
    private final boolean withLinkHeader;
    private final StringBuilder line = new StringBuilder(80);
    private final StringBuilder hex = new StringBuilder(40);
    private final StringBuilder ascii = new StringBuilder(16);

    /** {@code before}: the view printed first (the summary line), or null. */
    public TcpdumpHexView(Output out, PacketView before, boolean withLinkHeader) {
        this.out = out;
        this.before = before;
        this.withLinkHeader = withLinkHeader;
    }

    @Override
    public boolean needsFields() {
        return before != null && before.needsFields();
    }

    @Override
    public void start() throws IOException {
        if (before != null) {
            before.start();
        }
    }

    @Override
    public void finish() throws IOException {
        if (before != null) {
            before.finish();
        }
    }

    @Override
    public void print(Dissection d) throws IOException {
        if (before != null) {
            before.print(d);
        }
        Frame f = d.frame;
        int caplen = f.capturedLength;
        int skip = withLinkHeader ? 0 : linkHeaderLength(f);
        if (skip >= caplen && !withLinkHeader) {
            return;
        }
        dump(f.data, f.offset + skip, caplen - skip);
    }

    /**
     * The length tcpdump gives the link-layer header: Ethernet 14 plus 4 for each VLAN
     * tag, Linux cooked 16 (v2: 20), BSD loopback 4, raw IP 0.
     */
    static int linkHeaderLength(Frame f) {
        ByteBuf b = f.data;
        int caplen = f.capturedLength;
        switch (f.linkType) {
            case 1 -> {
                int hdr = 14;
                int at = 12;
                while (at + 2 <= caplen) {
                    int type = b.getUnsignedShort(f.offset + at);
                    if (type != 0x8100 && type != 0x9100 && type != 0x9200 && type != 0x88a8) {
                        break;
                    }
                    hdr += 4;
                    at += 4;
                }
                return hdr;
            }
            case 113 -> {
                return 16;
            }
            case 276 -> {
                return 20;
            }
            case 0, 108 -> {
                return 4;
            }
            default -> {
                return 0;
            }
        }
    }

    /** hex_and_ascii_print_with_offset with the "\n\t" prefix, each line ending in a newline. */
    private void dump(ByteBuf b, int from, int length) throws IOException {
        int offset = 0;
        int i = 0;
        hex.setLength(0);
        ascii.setLength(0);
        int pos = 0;
        for (int shorts = length / 2; shorts > 0; shorts--) {
            int s1 = b.getUnsignedByte(from + pos++);
            int s2 = b.getUnsignedByte(from + pos++);
            hex.append(' ');
            FieldValues.hex2(hex, s1);
            FieldValues.hex2(hex, s2);
            ascii.append(graph(s1)).append(graph(s2));
            if (++i >= 8) {
                line(offset);
                i = 0;
                offset += 16;
            }
        }
        if ((length & 1) != 0) {
            int s1 = b.getUnsignedByte(from + pos);
            hex.append(' ');
            FieldValues.hex2(hex, s1);
            ascii.append(graph(s1));
            i++;
        }
        if (i > 0) {
            line(offset);
        }
    }

    private static char graph(int c) {
        return c > 0x20 && c <= 0x7e ? (char) c : '.';
    }

    private void line(int offset) throws IOException {
        line.setLength(0);
        line.append("\t0x");
        String o = Integer.toHexString(offset);
        for (int k = o.length(); k < 4; k++) {
            line.append('0');
        }
        line.append(o).append(": ").append(hex);
        for (int k = hex.length(); k < 40; k++) {
            line.append(' ');
        }
        line.append("  ").append(ascii);
        out.text(line).newline();
        hex.setLength(0);
        ascii.setLength(0);
    }
}
