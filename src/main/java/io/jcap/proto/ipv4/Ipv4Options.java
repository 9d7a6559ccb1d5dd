package io.jcap.proto.ipv4;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;

/**
 * IPv4 options (RFC 791 §3.1, RFC 2113 router alert): each as an ip.opt.type item with
 * its length and values, and the source-route rule of the Destination column.
 */
final class Ipv4Options {
    static final int EOL = 0;
    static final int NOP = 1;
    static final int RR = 7;
    static final int TS = 68;
    static final int LSRR = 131;
    static final int SSRR = 137;
    static final int RA = 148;

    private Ipv4Options() {
    }

    /**
     * Offset of the final hop of the first loose or strict source route whose pointer
     * still points into the route (tshark shows it as Destination), or -1. Stops at EOL
     * and at any option whose length is below 2 or runs past the header.
     */
    static int sourceRouteDestination(PacketBuffer buf, int start, int end) {
        int o = start;
        while (o < end) {
            int type = buf.u8(o);
            if (type == EOL) {
                return -1;
            }
            if (type == NOP) {
                o++;
                continue;
            }
            if (o + 1 >= end) {
                return -1;
            }
            int len = buf.u8(o + 1);
            if (len < 2 || o + len > end) {
                return -1;
            }
            if ((type == LSRR || type == SSRR) && len >= 3) {
                int ptr = buf.u8(o + 2);
                return ptr >= 4 && ptr % 4 == 0 && ptr <= len && len >= 7 ? o + len - 4 : -1;
            }
            o += len;
        }
        return -1;
    }

    /** Records the options between {@code start} and {@code end} as fields. */
    static void fields(PacketBuffer buf, int start, int end, Dissection d) {
        int o = start;
        while (o < end) {
            int type = buf.u8(o);
            int len = type == EOL || type == NOP ? 1 : o + 1 < end ? buf.u8(o + 1) : 1;
            if (len < 1 || o + len > end) {
                len = end - o;
            }
            d.openRow(d.add(Ipv4Fields.OPT_TYPE, o, 1, type));
            d.add(Ipv4Fields.OPT_TYPE_COPY, o, 1, type);
            d.add(Ipv4Fields.OPT_TYPE_CLASS, o, 1, (type >> 5) & 3);
            d.add(Ipv4Fields.OPT_TYPE_NUMBER, o, 1, type & 0x1F);
            d.close();
            if (type != EOL && type != NOP && len >= 2) {
                d.add(Ipv4Fields.OPT_LEN, o + 1, 1, len);
                switch (type) {
                    case RR, LSRR, SSRR -> {
                        if (len >= 3) {
                            d.add(Ipv4Fields.OPT_PTR, o + 2, 1, buf.u8(o + 2));
                        }
                        for (int a = o + 3; a + 4 <= o + len; a += 4) {
                            d.add(Ipv4Fields.OPT_ADDR, a, 4, buf.i32(a));
                        }
                    }
                    case RA -> {
                        if (len >= 4) {
                            d.add(Ipv4Fields.OPT_RA, o + 2, 2, buf.u16(o + 2));
                        }
                    }
                    case TS -> {
                        if (len >= 4) {
                            d.add(Ipv4Fields.OPT_PTR, o + 2, 1, buf.u8(o + 2));
                            d.add(Ipv4Fields.OPT_OVERFLOW, o + 3, 1, buf.u8(o + 3) >> 4);
                            d.add(Ipv4Fields.OPT_FLAG, o + 3, 1, buf.u8(o + 3) & 0x0F);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (type == EOL) {
                if (o + 1 < end) {
                    d.addBytes(Ipv4Fields.OPT_PADDING, o + 1, end - o - 1);
                }
                return;
            }
            o += len;
        }
    }
}
