package io.jcap.dissect;

import io.jcap.buffer.PacketBuffer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Datagrams being put back together from fragments (IPv4, IPv6), keyed by whatever
 * identifies a datagram. Bounded: past {@code maxDatagrams} the oldest incomplete
 * datagram is dropped, so a capture full of stray fragments uses flat memory.
 *
 * @param <K> the datagram key (a record of addresses, identification, protocol)
 */
public final class FragmentTable<K> {
    /** The largest datagram kept (IPv4's and IPv6's 16-bit lengths). */
    private static final int MAX_DATAGRAM = 65535 + 8;

    private static final class Datagram {
        byte[] data;
        /** Covered byte ranges [start, end), sorted and merged. */
        final List<int[]> ranges = new ArrayList<>();
        int total = -1;
        int fragments;
    }

    private final Map<K, Datagram> pending;

    public FragmentTable(int maxDatagrams) {
        this.pending = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Datagram> eldest) {
                return size() > maxDatagrams;
            }
        };
    }

    /**
     * Adds bytes [off, off+len) of the packet as the fragment at {@code fragOffset};
     * {@code last} when it is the final fragment. Returns the reassembled datagram
     * (a buffer of exactly its length) when this fragment completes it, else null.
     * Captured bytes only: a fragment cut short by the snap length leaves a hole.
     */
    public ByteBuf add(K key, PacketBuffer buf, int off, int len, int fragOffset, boolean last) {
        if (fragOffset < 0 || fragOffset + len > MAX_DATAGRAM) {
            return null;
        }
        Datagram g = pending.get(key);
        if (g == null) {
            g = new Datagram();
            // room for the usual datagram: this fragment and as much again
            g.data = new byte[Math.min(MAX_DATAGRAM, Math.max(4096, 2 * (fragOffset + len)))];
            pending.put(key, g);
        }
        int have = Math.min(len, buf.capturedRemaining(off));
        int end = fragOffset + have;
        if (end > g.data.length) {
            g.data = Arrays.copyOf(g.data, Math.min(MAX_DATAGRAM, Math.max(end, g.data.length * 2)));
        }
        if (have > 0) {
            buf.bytes(off, g.data, fragOffset, have);
            cover(g.ranges, fragOffset, end);
        }
        g.fragments++;
        if (last) {
            g.total = fragOffset + len;
        }
        if (g.total >= 0 && g.ranges.size() == 1 && g.ranges.get(0)[0] == 0 && g.ranges.get(0)[1] >= g.total) {
            pending.remove(key);
            return Unpooled.wrappedBuffer(g.data, 0, g.total);
        }
        return null;
    }

    private static void cover(List<int[]> ranges, int start, int end) {
        int i = 0;
        while (i < ranges.size() && ranges.get(i)[1] < start) {
            i++;
        }
        int s = start;
        int e = end;
        while (i < ranges.size() && ranges.get(i)[0] <= e) {
            s = Math.min(s, ranges.get(i)[0]);
            e = Math.max(e, ranges.get(i)[1]);
            ranges.remove(i);
        }
        ranges.add(i, new int[] {s, e});
    }

    public int size() {
        return pending.size();
    }
}
