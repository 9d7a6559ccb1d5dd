package io.jcap.io.pcapng;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.frame.InterfaceInfo;
import io.jcap.io.CaptureFileException;
import io.jcap.io.CaptureFileException.Kind;
import io.jcap.io.InputWindow;
import io.jcap.io.pcap.PcapFormat;
import io.netty.buffer.ByteBuf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.jcap.io.pcapng.PcapngFormat.*;

/**
 * pcapng: several sections (each with its own byte order and interfaces), enhanced,
 * simple and obsolete packet blocks; every other block is skipped.
 */
public final class PcapngReader implements FrameSource {
    private final InputWindow in;
    private boolean littleEndian;
    /** Interfaces of all sections, in file order; a section's interface i is {@code sectionBase + i}. */
    private final List<Interface> interfaces = new ArrayList<>();
    private int sectionBase;
    private int sections;
    private long count;
    /** True while the constructor reads the blocks ahead of the first packet. */
    private boolean opening;

    /** One interface description: its link type and how to read its time stamps. */
    /** {@code unitsPerSecond} is unsigned (2^64-1 stands for resolutions too fine to count). */
    private record Interface(int index, InterfaceInfo info, long unitsPerSecond, long offsetSeconds,
                             int section, int inSection, String description) {
    }

    /**
     * Reads the section header and the interface descriptions that follow it, as
     * wiretap does when it opens a file: a file cut short there is reported at open.
     */
    public PcapngReader(InputWindow in) throws IOException {
        this.in = in;
        if (in.fill(12) < 12) {
            throw new CaptureFileException(Kind.NOT_CAPTURE);
        }
        if (in.buffer().getInt(in.position()) != SHB) {
            throw new CaptureFileException(Kind.NOT_CAPTURE);
        }
        int magic = in.buffer().getInt(in.position() + 8);
        if (magic != BYTE_ORDER_MAGIC && Integer.reverseBytes(magic) != BYTE_ORDER_MAGIC) {
            throw new CaptureFileException(Kind.NOT_CAPTURE);
        }
        opening = true;
        block(null);
        while (true) {
            int have = in.fill(12);
            if (have == 0) {
                break;
            }
            if (have < 12) {
                throw cutShort();
            }
            if (u32(in.buffer(), in.position()) != IDB) {
                break;
            }
            block(null);
        }
        opening = false;
    }

    private CaptureFileException cutShort() {
        return new CaptureFileException(opening ? Kind.CUT_SHORT_AT_OPEN : Kind.CUT_SHORT);
    }

    private int u16(ByteBuf b, int i) {
        return littleEndian ? b.getUnsignedShortLE(i) : b.getUnsignedShort(i);
    }

    private int u32(ByteBuf b, int i) {
        return littleEndian ? b.getIntLE(i) : b.getInt(i);
    }

    @Override
    public boolean next(Frame f) throws IOException {
        while (true) {
            int more = block(f);
            if (more != 0) {
                return more > 0;
            }
        }
    }

    /** Reads one block: 1 when it was a packet (into {@code f}), 0 for any other block, -1 at the end. */
    private int block(Frame f) throws IOException {
        int have = in.fill(12);
        if (have == 0) {
            return -1;
        }
        if (have < 12) {
            throw cutShort();
        }
        ByteBuf b = in.buffer();
        int p = in.position();
        int type = b.getInt(p);
        if (type == SHB) {
            int magic = b.getInt(p + 8);
            if (magic == BYTE_ORDER_MAGIC) {
                littleEndian = false;
            } else if (Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC) {
                littleEndian = true;
            } else {
                throw new CaptureFileException(Kind.DAMAGED, String.format(
                        "pcapng: unknown byte-order magic number 0x%08x", magic));
            }
        } else {
            type = u32(b, p);
        }
        long total = u32(b, p + 4) & 0xFFFFFFFFL;
        if (total < 12) {
            throw new CaptureFileException(Kind.DAMAGED,
                    "pcapng: total block length " + total + " of block is too small (< 12)");
        }
        if (total % 4 != 0) {
            throw new CaptureFileException(Kind.DAMAGED,
                    "pcapng: total block length " + total + " is not a multiple of 4");
        }
        if (total > MAX_BLOCK) {
            throw new CaptureFileException(Kind.DAMAGED,
                    "pcapng: total block length " + total + " is too large (> " + MAX_BLOCK + ")");
        }
        int len = (int) total;
        if (in.fill(len) < len) {
            throw cutShort();
        }
        b = in.buffer();
        p = in.position();
        int trailer = u32(b, p + len - 4);
        if (trailer != len) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: total block lengths (first " + len
                    + " and second " + (trailer & 0xFFFFFFFFL) + ") don't match");
        }
        boolean frame = switch (type) {
            case SHB -> {
                section(b, p, len);
                yield false;
            }
            case IDB -> {
                iface(b, p, len);
                yield false;
            }
            case EPB -> f != null && enhanced(b, p, len, f);
            case SPB -> f != null && simple(b, p, len, f);
            case OPB -> f != null && obsolete(b, p, len, f);
            case CB_COPY, CB_NO_COPY -> f != null && custom(b, p, len, f, type == CB_COPY);
            default -> false;
        };
        in.skip(len);
        return frame ? 1 : 0;
    }

    private void section(ByteBuf b, int p, int len) throws CaptureFileException {
        if (len < 28) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: total block length " + len
                    + " of an SHB is less than the minimum SHB size 28");
        }
        int major = u16(b, p + 12);
        int minor = u16(b, p + 14);
        if (major != 1 || minor > 2) {
            throw new CaptureFileException(Kind.UNSUPPORTED,
                    "pcapng: unknown SHB version " + major + "." + minor);
        }
        sectionBase = interfaces.size();
        sections++;
    }

    private void iface(ByteBuf b, int p, int len) throws CaptureFileException {
        if (len < 20) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: total block length " + len
                    + " of an IDB is less than the minimum IDB size 20");
        }
        int linkType = u16(b, p + 8);
        int snap = u32(b, p + 12);
        int tsresol = 6;
        long offset = 0;
        String name = null;
        String description = null;
        int o = p + 16;
        int end = p + len - 4;
        while (o + 4 <= end) {
            int code = u16(b, o);
            int olen = u16(b, o + 2);
            if (code == OPT_END || o + 4 + olen > end) {
                break;
            }
            if (code == IF_TSRESOL && olen == 1) {
                tsresol = b.getUnsignedByte(o + 4);
            } else if (code == IF_TSOFFSET && olen >= 8) {
                offset = littleEndian ? b.getLongLE(o + 4) : b.getLong(o + 4);
            } else if (code == IF_NAME) {
                name = b.toString(o + 4, olen, java.nio.charset.StandardCharsets.UTF_8);
            } else if (code == IF_DESCRIPTION) {
                description = b.toString(o + 4, olen, java.nio.charset.StandardCharsets.UTF_8);
            }
            o += 4 + ((olen + 3) & ~3);
        }
        if (!PcapFormat.knownLinkType(linkType)) {
            throw new CaptureFileException(Kind.UNSUPPORTED,
                    "pcapng: network type " + linkType + " unknown or unsupported");
        }
        interfaces.add(new Interface(interfaces.size(), new InterfaceInfo(linkType, snap, name, precisionOf(tsresol), tsresol),
                unitsPerSecond(tsresol), offset, sections, interfaces.size() - sectionBase, description));
    }

    /** Time stamp units per second for an if_tsresol value (wiretap's rules, unsigned). */
    static long unitsPerSecond(int tsresol) {
        int n = tsresol & 0x7F;
        if ((tsresol & 0x80) != 0) {
            return n >= 64 ? -1L : 1L << n;
        }
        if (n >= 20) {
            return -1L;
        }
        long units = 1;
        for (int i = 0; i < n; i++) {
            units *= 10;
        }
        return units;
    }

    /** tshark 4.0 shows 0, 1, 2, 3, 6 or 9 decimals, by how many units a second has. */
    static int precisionOf(int tsresol) {
        long ups = unitsPerSecond(tsresol);
        if (Long.compareUnsigned(ups, 1_000_000_000L) >= 0) {
            return 9;
        }
        if (ups >= 1_000_000L) {
            return 6;
        }
        if (ups >= 1_000L) {
            return 3;
        }
        if (ups >= 100L) {
            return 2;
        }
        return ups >= 10L ? 1 : 0;
    }

    private Interface interfaceFor(long localId) throws CaptureFileException {
        long global = sectionBase + localId;
        if (localId < 0 || global >= interfaces.size()) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: interface index " + localId
                    + " is not less than section interface count " + (interfaces.size() - sectionBase));
        }
        return interfaces.get((int) global);
    }

    private void stamp(Frame f, Interface i, long units) {
        long ups = i.unitsPerSecond;
        long rem = Long.remainderUnsigned(units, ups);
        // wiretap's formula: the 64-bit product wraps for resolutions finer than about 10^-10
        f.nanos = (int) Long.divideUnsigned(rem * 1_000_000_000L, ups);
        f.seconds = Long.divideUnsigned(units, ups) + i.offsetSeconds;
        f.hasTime = true;
    }

    private boolean packet(Frame f, Interface i, long units, int dataAt, int cap, long orig, int end)
            throws CaptureFileException {
        if (cap > PcapngFormat.MAX_RECORD) {
            throw new CaptureFileException(Kind.DAMAGED,
                    "pcapng: cap_len " + cap + " is larger than " + PcapngFormat.MAX_RECORD);
        }
        if (dataAt + cap > end) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: total block length is too small for the packet data");
        }
        f.number = ++count;
        f.customBlockPen = -1;
        stamp(f, i, units);
        f.precision = i.info.precision();
        f.capturedLength = cap;
        f.originalLength = (int) Math.min(orig, Integer.MAX_VALUE);
        f.linkType = i.info.linkType();
        f.interfaceId = i.index;
        f.section = i.section;
        f.sectionInterfaceId = i.inSection;
        f.interfaceName = i.info.name();
        f.interfaceDescription = i.description;
        f.data = in.buffer();
        f.offset = dataAt;
        return true;
    }

    private boolean enhanced(ByteBuf b, int p, int len, Frame f) throws CaptureFileException {
        if (len < 32) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: total block length " + len
                    + " of an EPB is less than the minimum EPB size 32");
        }
        Interface i = interfaceFor(u32(b, p + 8) & 0xFFFFFFFFL);
        long units = ((u32(b, p + 12) & 0xFFFFFFFFL) << 32) | (u32(b, p + 16) & 0xFFFFFFFFL);
        int cap = u32(b, p + 20);
        long orig = u32(b, p + 24) & 0xFFFFFFFFL;
        if (cap < 0) {
            cap = Integer.MAX_VALUE;
        }
        return packet(f, i, units, p + 28, cap, orig, p + len - 4);
    }

    private boolean obsolete(ByteBuf b, int p, int len, Frame f) throws CaptureFileException {
        if (len < 32) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: total block length " + len
                    + " of a PB is less than the minimum PB size 32");
        }
        Interface i = interfaceFor(u16(b, p + 8));
        long units = ((u32(b, p + 12) & 0xFFFFFFFFL) << 32) | (u32(b, p + 16) & 0xFFFFFFFFL);
        int cap = u32(b, p + 20);
        long orig = u32(b, p + 24) & 0xFFFFFFFFL;
        if (cap < 0) {
            cap = Integer.MAX_VALUE;
        }
        return packet(f, i, units, p + 28, cap, orig, p + len - 4);
    }

    /**
     * A custom block: wiretap delivers it as a record of its own (no time, no interface),
     * whose bytes are what follows the Private Enterprise Number.
     */
    private boolean custom(ByteBuf b, int p, int len, Frame f, boolean copy) throws CaptureFileException {
        if (len < 16) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: total block length " + len
                    + " of a custom block is less than the minimum custom block size 16");
        }
        f.number = ++count;
        f.hasTime = false;
        f.seconds = 0;
        f.nanos = 0;
        f.precision = 9;
        f.capturedLength = len - 16;
        f.originalLength = len - 16;
        f.linkType = Frame.CUSTOM_BLOCK;
        f.interfaceId = -1;
        f.section = sections;
        f.sectionInterfaceId = -1;
        f.interfaceName = null;
        f.interfaceDescription = null;
        f.customBlockPen = u32(b, p + 8) & 0xFFFFFFFFL;
        f.customBlockCopy = copy;
        f.data = in.buffer();
        f.offset = p + 12;
        return true;
    }

    private boolean simple(ByteBuf b, int p, int len, Frame f) throws CaptureFileException {
        if (len < 16) {
            throw new CaptureFileException(Kind.DAMAGED, "pcapng: total block length " + len
                    + " of an SPB is less than the minimum SPB size 16");
        }
        if (sectionBase >= interfaces.size()) {
            throw new CaptureFileException(Kind.DAMAGED,
                    "pcapng: SPB appeared before any IDBs in the section");
        }
        Interface i = interfaces.get(sectionBase);
        long orig = u32(b, p + 8) & 0xFFFFFFFFL;
        long cap = Math.min(orig, len - 16);
        int snap = i.info.snapLength();
        if (snap != 0 && cap > (snap & 0xFFFFFFFFL)) {
            cap = snap & 0xFFFFFFFFL;
        }
        boolean ok = packet(f, i, 0, p + 12, (int) cap, orig, p + len - 4);
        f.hasTime = false;
        f.seconds = 0;
        f.nanos = 0;
        return ok;
    }

    @Override
    public InterfaceInfo interfaceInfo(int id) {
        return interfaces.get(id).info;
    }

    @Override
    public int interfaceCount() {
        return interfaces.size();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
