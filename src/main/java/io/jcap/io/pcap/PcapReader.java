package io.jcap.io.pcap;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.frame.InterfaceInfo;
import io.jcap.io.CaptureFileException;
import io.jcap.io.CaptureFileException.Kind;
import io.jcap.io.InputWindow;
import io.netty.buffer.ByteBuf;

import java.io.IOException;

/** Classic pcap, either byte order, microsecond or nanosecond time stamps. */
public final class PcapReader implements FrameSource {
    private final InputWindow in;
    private final boolean littleEndian;
    private final boolean nanos;
    private final InterfaceInfo iface;
    private long count;

    /** Reads the file header; the window is positioned at its first byte. */
    public PcapReader(InputWindow in) throws IOException {
        this.in = in;
        if (in.fill(PcapFormat.HEADER_LENGTH) < PcapFormat.HEADER_LENGTH) {
            throw new CaptureFileException(Kind.CUT_SHORT_AT_OPEN);
        }
        ByteBuf b = in.buffer();
        int p = in.position();
        int magic = b.getInt(p);
        if (magic == PcapFormat.MAGIC_MICROS || magic == PcapFormat.MAGIC_NANOS) {
            littleEndian = false;
        } else if (Integer.reverseBytes(magic) == PcapFormat.MAGIC_MICROS
                || Integer.reverseBytes(magic) == PcapFormat.MAGIC_NANOS) {
            littleEndian = true;
            magic = Integer.reverseBytes(magic);
        } else {
            throw new CaptureFileException(Kind.NOT_CAPTURE);
        }
        nanos = magic == PcapFormat.MAGIC_NANOS;
        int major = u16(b, p + 4);
        if (major < 2) {
            throw new CaptureFileException(Kind.UNSUPPORTED, "pcap: major version " + major + " unsupported");
        }
        int snap = u32(b, p + 16);
        int network = u32(b, p + 20) & 0xFFFF;
        if (!PcapFormat.knownLinkType(network)) {
            throw new CaptureFileException(Kind.UNSUPPORTED,
                    "pcap: network type " + network + " unknown or unsupported");
        }
        iface = new InterfaceInfo(network, snap, null, nanos ? 9 : 6);
        in.skip(PcapFormat.HEADER_LENGTH);
    }

    public boolean nanosecond() {
        return nanos;
    }

    private int u16(ByteBuf b, int i) {
        return littleEndian ? b.getUnsignedShortLE(i) : b.getUnsignedShort(i);
    }

    private int u32(ByteBuf b, int i) {
        return littleEndian ? b.getIntLE(i) : b.getInt(i);
    }

    private int u32(byte[] b, int i) {
        return littleEndian
                ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24
                : b[i] << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    @Override
    public boolean next(Frame f) throws IOException {
        int have = in.fill(PcapFormat.RECORD_HEADER_LENGTH);
        if (have == 0) {
            return false;
        }
        if (have < PcapFormat.RECORD_HEADER_LENGTH) {
            throw new CaptureFileException(Kind.CUT_SHORT);
        }
        byte[] b = in.array();
        int p = in.position();
        long sec = u32(b, p) & 0xFFFFFFFFL;
        long frac = u32(b, p + 4) & 0xFFFFFFFFL;
        long incl = u32(b, p + 8) & 0xFFFFFFFFL;
        long orig = u32(b, p + 12) & 0xFFFFFFFFL;
        if (incl > PcapFormat.MAX_RECORD) {
            throw new CaptureFileException(Kind.DAMAGED, "pcap: File has " + incl
                    + "-byte packet, bigger than maximum of " + PcapFormat.MAX_RECORD);
        }
        int len = (int) incl;
        if (in.fill(PcapFormat.RECORD_HEADER_LENGTH + len) < PcapFormat.RECORD_HEADER_LENGTH + len) {
            throw new CaptureFileException(Kind.CUT_SHORT);
        }
        // fill() may have moved the window
        p = in.position();
        f.number = ++count;
        // as wiretap: seconds unsigned, the fraction in a signed 32-bit int and not normalised
        f.seconds = sec;
        f.nanos = nanos ? (int) frac : (int) frac * 1000;
        f.precision = iface.precision();
        f.hasTime = true;
        f.capturedLength = len;
        f.originalLength = (int) Math.min(orig, Integer.MAX_VALUE);
        f.linkType = iface.linkType();
        f.interfaceId = 0;
        f.section = 0;
        f.sectionInterfaceId = 0;
        f.interfaceName = null;
        f.interfaceDescription = null;
        f.data = in.buffer();
        f.offset = p + PcapFormat.RECORD_HEADER_LENGTH;
        in.skip(PcapFormat.RECORD_HEADER_LENGTH + len);
        return true;
    }

    @Override
    public InterfaceInfo interfaceInfo(int id) {
        return iface;
    }

    @Override
    public int interfaceCount() {
        return 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
