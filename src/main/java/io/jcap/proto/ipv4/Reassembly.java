package io.jcap.proto.ipv4;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IP datagrams put back together from their fragments the way Wireshark's reassembly
 * table does it for IPv4 and IPv6 (fragment_add_check): fragments kept in offset order,
 * the length known from the fragment without "more fragments", the datagram complete
 * when the fragments cover it without a hole; overlaps, conflicting overlaps, several
 * tails and too-long fragments are flagged. The fragment that completes a datagram gets
 * the fragment tree ("[2 IPv4 Fragments (1508 bytes): #24(1480), #25(28)]").
 *
 * <p>Bounded: past {@code maxDatagrams} the oldest incomplete datagram is dropped, so a
 * capture full of stray fragments keeps flat memory.
 *
 * @param <K> what identifies a datagram (addresses, identification, protocol)
 */
public final class Reassembly<K> {
    /** Fragment flags (Wireshark's FD_*). */
    public static final int OVERLAP = 1;
    public static final int OVERLAP_CONFLICT = 2;
    public static final int MULTIPLE_TAILS = 4;
    public static final int TOO_LONG = 8;

    /** The largest datagram kept (IPv4's and IPv6's 16-bit lengths). */
    private static final int MAX_DATAGRAM = 65535 + 8;

    /** One fragment: the frame it came in, its place in the datagram, its bytes. */
    public static final class Fragment {
        public final long frame;
        public final int offset;
        public final int length;
        public int flags;
        /** Its own copy of the bytes when it overlaps an earlier fragment, else null: the bytes are in the datagram's buffer. */
        final byte[] data;

        Fragment(long frame, int offset, int length, byte[] data) {
            this.frame = frame;
            this.offset = offset;
            this.length = length;
            this.data = data;
        }
    }

    /** A datagram: its fragments in offset order and, once complete, its bytes. */
    public static final class Datagram {
        public final List<Fragment> fragments = new ArrayList<>(4);
        /** The datagram's length once a last fragment was seen, else -1. */
        public int length = -1;
        public int flags;
        /** The reassembled bytes (of {@link #length}), when complete. */
        public ByteBuf whole;
        /** The bytes of the fragments that overlap no earlier one, each at its offset. */
        byte[] bytes;

        /** The array that holds fragment {@code x}'s bytes and where they start in it. */
        byte[] source(Fragment x) {
            return x.data != null ? x.data : bytes;
        }

        int sourceOffset(Fragment x) {
            return x.data != null ? 0 : x.offset;
        }
    }

    /** The names tshark shows for one kind of fragment tree. */
    public record Items(FieldDef fragments, FieldDef fragment, FieldDef overlap, FieldDef overlapConflict,
                        FieldDef multipleTails, FieldDef tooLong, FieldDef count, FieldDef reassembledLength,
                        FieldDef reassembledData) {
    }

    private final Map<K, Datagram> pending;
    private final int maxFragments;
    private final long maxBytes;
    /** Bytes held by incomplete datagrams. */
    private long pendingBytes;
    /** Incomplete datagrams dropped by the last {@link #add}: the caller notes it. */
    private int evicted;
    /**
     * The buffer of the last completed datagram, reused for a datagram that starts in a
     * later frame: a completed datagram's bytes are read only while its own frame is
     * dissected and printed (layers above copy what they keep).
     */
    private byte[] spare;
    private long spareFrame;

    /**
     * @param maxDatagrams incomplete datagrams kept at once
     * @param maxFragments fragments kept for one datagram (overlapping copies included)
     * @param maxBytes     bytes kept over all incomplete datagrams
     */
    public Reassembly(int maxDatagrams, int maxFragments, long maxBytes) {
        this.maxFragments = maxFragments;
        this.maxBytes = maxBytes;
        this.pending = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Datagram> eldest) {
                if (size() <= maxDatagrams) {
                    return false;
                }
                drop(eldest.getValue());
                return true;
            }
        };
    }

    /** Bounded by the run's ip.reassembly_* limits. */
    /** Notes, for a first pass of -2, the frame in which each earlier fragment of {@code whole} was reassembled. */
    public static void noteReassembled(io.jcap.dissect.Hindsight h, Datagram whole, long frame) {
        for (Fragment x : whole.fragments) {
            if (x.frame != frame) {
                h.note(io.jcap.dissect.Hindsight.Fact.IP_REASSEMBLED_IN, x.frame, frame);
            }
        }
    }

    /**
     * "[Reassembled IPv4 in frame: N]" on a fragment, when a first pass of -2 saw its
     * datagram completed later; returns that frame, or 0.
     */
    public static long reassembledIn(io.jcap.dissect.Hindsight h, io.jcap.dissect.Dissection d,
                                     io.jcap.field.FieldDef field, long frame) {
        long in = h.recall(io.jcap.dissect.Hindsight.Fact.IP_REASSEMBLED_IN, frame, 0);
        if (in > 0 && d.tree()) {
            d.flag(d.add(field, 0, 0, in), io.jcap.dissect.Dissection.GENERATED);
        }
        return in;
    }

    public Reassembly(io.jcap.dissect.Limits limits) {
        this(limits.getInt(io.jcap.dissect.Limits.IP_DATAGRAMS), limits.getInt(io.jcap.dissect.Limits.IP_FRAGMENTS),
                limits.get(io.jcap.dissect.Limits.IP_BYTES));
    }

    private void drop(Datagram g) {
        for (Fragment f : g.fragments) {
            pendingBytes -= f.length;
        }
        evicted++;
    }

    /**
     * Notes under the open item that the last {@link #add} dropped incomplete datagrams
     * (jcap's expert item: tshark keeps every fragment; -o ip.reassembly_max_* set the bounds).
     */
    public void noteEvictions(Dissection d, FieldDef expert, int offset) {
        if (evicted > 0) {
            io.jcap.dissect.Expert.add(d, expert, io.jcap.dissect.Expert.Severity.NOTE,
                    io.jcap.dissect.Expert.Group.REASSEMBLE, "Reassembly limit reached: " + evicted
                            + (evicted == 1 ? " incomplete datagram" : " incomplete datagrams") + " dropped", offset, 0);
        }
    }

    /** How many incomplete datagrams the last {@link #add} dropped to stay within the limits. */
    public int evicted() {
        return evicted;
    }

    /** Bytes held by incomplete datagrams now. */
    public long pendingBytes() {
        return pendingBytes;
    }

    /** Incomplete datagrams held now. */
    public int pendingDatagrams() {
        return pending.size();
    }

    /**
     * Adds bytes [off, off+len) of the packet as the fragment at {@code fragOffset} of
     * frame {@code frame}; {@code more} when more fragments follow. Returns the datagram
     * when this fragment completes it, else null. The caller checks that the bytes were
     * captured.
     */
    public Datagram add(K key, PacketBuffer buf, int off, int len, int fragOffset, boolean more, long frame) {
        evicted = 0;
        if (fragOffset < 0 || len < 0 || (long) fragOffset + len > MAX_DATAGRAM) {
            return null;
        }
        Datagram g = pending.get(key);
        if (g != null && g.fragments.size() >= maxFragments) {
            // endless overlapping copies: give the datagram up rather than grow
            pending.remove(key);
            drop(g);
            g = null;
        }
        while (pendingBytes + len > maxBytes && !pending.isEmpty()) {
            var eldest = pending.entrySet().iterator();
            Datagram old = eldest.next().getValue();
            eldest.remove();
            drop(old);
            if (old == g) {
                g = null;
            }
        }
        if (g == null) {
            g = new Datagram();
            pending.put(key, g);
        }
        pendingBytes += len;
        // the bytes go to the datagram's buffer at their offset unless they overlap bytes already there
        byte[] data = null;
        if (overlaps(g, fragOffset, len)) {
            data = new byte[len];
            buf.bytes(off, data, 0, len);
        } else {
            int need = fragOffset + len;
            if (g.bytes == null) {
                // exact when this fragment gives the length, else room for three such fragments
                int size = more ? Math.min(MAX_DATAGRAM, Math.max(4 * need, 2048)) : need;
                if (spare != null && spare.length >= size && spareFrame != frame) {
                    g.bytes = spare;
                    spare = null;
                } else {
                    g.bytes = new byte[size];
                }
            } else if (need > g.bytes.length) {
                g.bytes = Arrays.copyOf(g.bytes, more ? Math.min(MAX_DATAGRAM, Math.max(need, g.bytes.length * 4))
                        : need);
            }
            buf.bytes(off, g.bytes, fragOffset, len);
        }
        Fragment f = new Fragment(frame, fragOffset, len, data);
        if (!more) {
            if (g.length >= 0) {
                if (g.length != fragOffset + len) {
                    f.flags |= MULTIPLE_TAILS;
                    g.flags |= MULTIPLE_TAILS;
                }
            } else {
                g.length = fragOffset + len;
            }
        }
        // after every fragment with the same or a lower offset
        int i = 0;
        while (i < g.fragments.size() && g.fragments.get(i).offset <= fragOffset) {
            i++;
        }
        g.fragments.add(i, f);
        if (g.length < 0) {
            return null;
        }
        int max = 0;
        for (Fragment x : g.fragments) {
            if (x.offset <= max && x.offset + x.length > max) {
                max = x.offset + x.length;
            }
        }
        if (max < g.length) {
            return null;
        }
        if (max > g.length) {
            f.flags |= TOO_LONG;
            g.flags |= TOO_LONG;
        }
        defragment(g);
        pending.remove(key);
        for (Fragment x : g.fragments) {
            pendingBytes -= x.length;
        }
        if (g.bytes != null) {
            spare = g.bytes;
            spareFrame = frame;
        }
        return g;
    }

    /** True when [offset, offset+len) shares bytes with a fragment kept in the datagram's buffer. */
    private static boolean overlaps(Datagram g, int offset, int len) {
        for (Fragment x : g.fragments) {
            if (x.data == null && x.length > 0 && len > 0 && x.offset < offset + len && offset < x.offset + x.length) {
                return true;
            }
        }
        return false;
    }

    /** Copies the fragments in offset order, flagging overlaps, conflicting data and fragments past the end. */
    private static void defragment(Datagram g) {
        if (g.flags == 0 && abutting(g)) {
            // the usual case: the fragments follow each other exactly, each already in place
            g.whole = Unpooled.wrappedBuffer(g.bytes == null ? new byte[0] : g.bytes, 0, g.length);
            return;
        }
        byte[] whole = new byte[g.length];
        int pos = 0;
        for (Fragment x : g.fragments) {
            if (x.length == 0) {
                continue;
            }
            if (x.offset < pos) {
                int n = Math.min(x.length, pos - x.offset);
                x.flags |= OVERLAP;
                g.flags |= OVERLAP;
                int m = Math.min(n, whole.length - x.offset);
                if (m > 0 && !Arrays.equals(whole, x.offset, x.offset + m, g.source(x), g.sourceOffset(x),
                        g.sourceOffset(x) + m)) {
                    x.flags |= OVERLAP_CONFLICT;
                    g.flags |= OVERLAP_CONFLICT;
                }
            }
            int end = x.offset + x.length;
            if (end > pos) {
                if (end > g.length) {
                    // the fragment runs past the end the last fragment gave
                    x.flags |= TOO_LONG;
                    g.flags |= TOO_LONG;
                }
                int from = Math.max(pos, x.offset);
                int to = Math.min(end, g.length);
                if (to > from) {
                    System.arraycopy(g.source(x), g.sourceOffset(x) + from - x.offset, whole, from, to - from);
                }
            }
            pos = Math.max(pos, end);
        }
        g.whole = Unpooled.wrappedBuffer(whole);
    }

    private static boolean abutting(Datagram g) {
        int pos = 0;
        for (Fragment x : g.fragments) {
            if (x.offset != pos) {
                return false;
            }
            pos += x.length;
        }
        return pos == g.length;
    }

    /** True when the datagram's fragments make tshark write "[Illegal fragments]" in Info. */
    public static boolean illegal(Datagram g) {
        return (g.flags & (OVERLAP_CONFLICT | MULTIPLE_TAILS | TOO_LONG)) != 0;
    }

    /**
     * Adds the fragment tree of a completed datagram under the open item: the fragments
     * with their frames and payload ranges, the count, the reassembled length and data.
     */
    public static void tree(Dissection d, Datagram g, Items it) {
        if (d.tree()) {
            // (a method of its own: the JIT compiles whole methods, and most runs build no tree)
            fragmentTree(d, g, it);
        }
    }

    private static void fragmentTree(Dissection d, Datagram g, Items it) {
        int n = g.fragments.size();
        int total = g.length;
        // the items' bytes are the reassembled datagram's, the data source the tree is added in
        int top = d.addBytes(it.fragments, 0, total);
        if (d.labelled(top)) {
            StringBuilder sb = new StringBuilder(64);
            sb.append(n).append(' ').append(n == 1 ? it.fragment.name : it.fragments.name).append(" (").append(total)
                    .append(total == 1 ? " byte): " : " bytes): ");
            for (int i = 0; i < n; i++) {
                Fragment f = g.fragments.get(i);
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append('#').append(f.frame).append('(').append(f.length).append(')');
            }
            d.setText(top, sb.toString());
        }
        d.flag(top, Dissection.GENERATED);
        d.openRow(top);
        for (Fragment f : g.fragments) {
            // tshark 4.0 files no ip.fragment value for a fragment shown with flags
            int row = f.flags == 0 ? d.add(it.fragment, f.offset, f.length, f.frame)
                    : d.addBytes(IpTree.TEXT, f.offset, f.length);
            if (f.flags != 0 || d.labelled(row)) {
                d.setText(row, "Frame: " + f.frame + ", payload: " + f.offset + "-" + (f.offset + f.length - 1) + " ("
                        + f.length + (f.length == 1 ? " byte)" : " bytes)"));
            }
            d.flag(row, Dissection.GENERATED);
            if (f.flags != 0) {
                d.openRow(row);
                if ((f.flags & OVERLAP) != 0) {
                    d.flag(d.add(it.overlap, 0, 0, 1), Dissection.GENERATED);
                }
                if ((f.flags & OVERLAP_CONFLICT) != 0) {
                    d.flag(d.add(it.overlapConflict, 0, 0, 1), Dissection.GENERATED);
                }
                if ((f.flags & MULTIPLE_TAILS) != 0) {
                    d.flag(d.add(it.multipleTails, 0, 0, 1), Dissection.GENERATED);
                }
                if ((f.flags & TOO_LONG) != 0) {
                    d.flag(d.add(it.tooLong, 0, 0, 1), Dissection.GENERATED);
                }
                d.close();
            }
        }
        d.flag(d.add(it.count, 0, 0, n), Dissection.GENERATED);
        d.flag(d.add(it.reassembledLength, 0, 0, total), Dissection.GENERATED);
        int data = d.addBytes(it.reassembledData, 0, total);
        if (d.labelled(data)) {
            d.setText(data, it.reassembledData.name + ": " + shortHex(firstBytes(g, 37)));
        }
        d.flag(data, Dissection.GENERATED);
        d.close();
    }

    /** The datagram's first {@code n} bytes at most: enough for {@link #shortHex} to tell it is cut. */
    private static byte[] firstBytes(Datagram g, int n) {
        byte[] b = new byte[Math.min(n, g.whole.readableBytes())];
        g.whole.getBytes(g.whole.readerIndex(), b);
        return b;
    }

    /** Bytes as tshark's tree shows them: hex, cut after 36 bytes with an ellipsis. */
    public static String shortHex(byte[] b) {
        StringBuilder sb = new StringBuilder(80);
        int n = Math.min(b.length, 36);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
        }
        if (b.length > 36) {
            sb.append('\u2026');
        }
        return sb.toString();
    }

    public int size() {
        return pending.size();
    }
}
