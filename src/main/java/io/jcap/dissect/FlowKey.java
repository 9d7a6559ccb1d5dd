package io.jcap.dissect;

/**
 * The two endpoints of a conversation (address and port each), in a canonical order
 * so that both directions give the same key. Mutable so that one instance serves
 * every lookup; {@link #copy()} makes the immutable-by-convention key to store.
 */
public final class FlowKey {
    private long aHigh;
    private long aLow;
    private long bHigh;
    private long bLow;
    private int aPort;
    private int bPort;
    private int family;
    /** True when the packet's source is endpoint b (the key was swapped). */
    private boolean swapped;

    /** Sets the key from a packet's network addresses and ports. */
    public FlowKey set(Address src, int srcPort, Address dst, int dstPort) {
        long sh = src.high64();
        long sl = src.low64();
        long dh = dst.high64();
        long dl = dst.low64();
        int c = Long.compareUnsigned(sh, dh);
        if (c == 0) {
            c = Long.compareUnsigned(sl, dl);
        }
        if (c == 0) {
            c = Integer.compare(srcPort, dstPort);
        }
        swapped = c > 0;
        if (swapped) {
            aHigh = dh;
            aLow = dl;
            aPort = dstPort;
            bHigh = sh;
            bLow = sl;
            bPort = srcPort;
        } else {
            aHigh = sh;
            aLow = sl;
            aPort = srcPort;
            bHigh = dh;
            bLow = dl;
            bPort = dstPort;
        }
        family = src.type.ordinal() * 31 + src.length;
        return this;
    }

    public boolean swapped() {
        return swapped;
    }

    long aHigh() {
        return aHigh;
    }

    long aLow() {
        return aLow;
    }

    long bHigh() {
        return bHigh;
    }

    long bLow() {
        return bLow;
    }

    /** Both ports in one int, a's above b's. */
    int ports() {
        return aPort << 16 | bPort;
    }

    int family() {
        return family;
    }

    public FlowKey copy() {
        FlowKey k = new FlowKey();
        k.aHigh = aHigh;
        k.aLow = aLow;
        k.bHigh = bHigh;
        k.bLow = bLow;
        k.aPort = aPort;
        k.bPort = bPort;
        k.family = family;
        k.swapped = swapped;
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowKey k && aHigh == k.aHigh && aLow == k.aLow && bHigh == k.bHigh
                && bLow == k.bLow && aPort == k.aPort && bPort == k.bPort && family == k.family;
    }

    @Override
    public int hashCode() {
        long h = aHigh * 31 + aLow;
        h = h * 31 + bHigh;
        h = h * 31 + bLow;
        h = h * 31 + ((long) aPort << 16 | bPort);
        h = h * 31 + family;
        return (int) (h ^ (h >>> 32));
    }
}
