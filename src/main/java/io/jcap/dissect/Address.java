package io.jcap.dissect;

/**
 * A link or network address as a column shows it (Wireshark's address). Mutable and
 * reused per packet: the bytes are copied into a fixed array, never allocated.
 */
public final class Address {
    public enum Type { NONE, ETHER, IPV4, IPV6, OTHER, TEXT }

    public Type type = Type.NONE;
    public final byte[] bytes = new byte[16];
    public int length;
    /** For TEXT: what the column shows (e.g. "N/A"). */
    public String text;

    public void clear() {
        type = Type.NONE;
        length = 0;
    }

    public void setText(String s) {
        type = Type.TEXT;
        length = 0;
        text = s;
    }

    public void set(Type t, io.jcap.buffer.PacketBuffer buf, int off, int len) {
        buf.bytes(off, bytes, 0, len);
        type = t;
        length = len;
    }

    public void copyFrom(Address o) {
        type = o.type;
        length = o.length;
        text = o.text;
        System.arraycopy(o.bytes, 0, bytes, 0, o.length);
    }

    public boolean sameAs(Address o) {
        if (type != o.type || length != o.length) {
            return false;
        }
        if (type == Type.TEXT) {
            return text.equals(o.text);
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] != o.bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** The address as an int (IPv4) for tables keyed by it. */
    public int ipv4() {
        return ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
    }

    public long high64() {
        long v = 0;
        for (int i = 0; i < 8 && i < length; i++) {
            v = (v << 8) | (bytes[i] & 0xFF);
        }
        return v;
    }

    public long low64() {
        long v = 0;
        for (int i = 8; i < 16 && i < length; i++) {
            v = (v << 8) | (bytes[i] & 0xFF);
        }
        return v;
    }
}
