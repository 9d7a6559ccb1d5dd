package io.jcap.buffer;

/**
 * A read past the end of a layer. <em>Truncated</em>: the bytes existed on the wire but
 * were not captured (tshark's "Packet size limited during capture"); <em>malformed</em>:
 * a header claims more than the packet holds ("Malformed Packet"). Both are shared,
 * stackless and immutable: throwing them costs no allocation.
 */
public final class BoundsException extends RuntimeException {
    public static final BoundsException TRUNCATED = new BoundsException("truncated");
    public static final BoundsException MALFORMED = new BoundsException("malformed");
    /** A sub-item claims to run past the item that contains it (Wireshark's ContainedBoundsError). */
    public static final BoundsException CONTAINED = new BoundsException("contained");

    private BoundsException(String what) {
        super(what, null, false, false);
    }

    /** True for the kinds tshark reports as malformed (the packet itself is inconsistent). */
    public boolean malformed() {
        return this != TRUNCATED;
    }
}
