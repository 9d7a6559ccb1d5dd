package io.jcap.proto.icmp;

import io.jcap.dissect.Address;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Echo request/reply matching as tshark's ICMP and ICMPv6 dissectors do it in one pass:
 * per unordered pair of network addresses (a conversation), a request stores its key
 * (checksum-derived value, identifier, sequence number) with its frame; the first reply
 * with the same key in the same conversation is matched ("request in N"), later ones are
 * not. A later identical request replaces the earlier one.
 *
 * <p>Lookups reuse one probe key; only a request allocates (its entry). Only requests not
 * yet answered are kept, and at most {@link #MAX_ENTRIES} of them (the oldest go first).
 */
public final class EchoTracker {
    static final int MAX_ENTRIES = 100_000;

    private final Map<Key, long[]> requests = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, long[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Key probe = new Key();

    /** The time of the request the last {@link #reply} matched. */
    public long requestSeconds;
    public int requestNanos;

    /** Records a request seen in {@code frame} at {@code seconds}.{@code nanos}. */
    public void request(Address src, Address dst, int checksumKey, int id, int seq, long frame, long seconds,
                        int nanos) {
        Key k = new Key();
        k.set(src, dst, checksumKey, id, seq);
        // a later identical request replaces the earlier one (in its place in the order)
        requests.put(k, new long[] {frame, seconds, nanos});
    }

    /** Matches a reply: the request's frame number, or 0 when there is none (or it was answered already). */
    public long reply(Address src, Address dst, int checksumKey, int id, int seq, long frame) {
        probe.set(src, dst, checksumKey, id, seq);
        // an answered request is forgotten: a second reply finds none, as it would find
        // one already answered, and a repeated request starts afresh either way
        long[] v = requests.remove(probe);
        if (v == null) {
            return 0;
        }
        requestSeconds = v[1];
        requestNanos = (int) v[2];
        return v[0];
    }

    /** Conversation (unordered address pair) plus the 48-bit transaction key. */
    static final class Key {
        long a0;
        long a1;
        long b0;
        long b1;
        int kind;
        long key;

        void set(Address src, Address dst, int checksumKey, int id, int seq) {
            long s0 = high(src);
            long s1 = low(src);
            long d0 = high(dst);
            long d1 = low(dst);
            int c = Long.compareUnsigned(s0, d0);
            if (c == 0) {
                c = Long.compareUnsigned(s1, d1);
            }
            if (c <= 0) {
                a0 = s0;
                a1 = s1;
                b0 = d0;
                b1 = d1;
            } else {
                a0 = d0;
                a1 = d1;
                b0 = s0;
                b1 = s1;
            }
            kind = src.type.ordinal() * 32 + dst.type.ordinal();
            key = ((long) (checksumKey & 0xffff) << 32) | ((long) (id & 0xffff) << 16) | (seq & 0xffff);
        }

        private static long high(Address a) {
            return a.length == 4 ? a.ipv4() & 0xFFFFFFFFL : a.high64();
        }

        private static long low(Address a) {
            return a.length == 4 ? 0 : a.low64();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return a0 == k.a0 && a1 == k.a1 && b0 == k.b0 && b1 == k.b1 && kind == k.kind && key == k.key;
        }

        @Override
        public int hashCode() {
            long h = a0 * 31 + a1;
            h = h * 31 + b0;
            h = h * 31 + b1;
            h = h * 31 + key;
            h = h * 31 + kind;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** The one's-complement sum tshark uses to derive a reply's checksum from a request's. */
    public static int expectedChecksum(int checksum, int typeDifference) {
        int s = (~checksum & 0xffff) + (~typeDifference & 0xffff);
        s = (s & 0xffff) + (s >>> 16);
        s = (s & 0xffff) + (s >>> 16);
        return ~s & 0xffff;
    }
}
