package io.jcap.resolve;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * MAC address names as tshark 4.0 shows them without -n, from Wireshark's own tables
 * (Debian's libwireshark-data {@code manuf} and {@code wka}), compiled at build time
 * by {@link EtherTableCompiler} into sorted arrays that load in milliseconds.
 *
 * <p>A lookup tries the whole address ("Broadcast"), then masked ranges at prefix
 * lengths 47 down to 24, then the 24-bit vendor prefix (again with the group bit
 * cleared), then ranges at 23 down to 1. A range hit at length L shows the bytes from
 * bit L on ("IPv6mcast_01"), a vendor hit the last three ("VMware_aa:bb:cc"). A range's
 * own mask is not kept, so an address can match it at a longer length, as in tshark.
 */
public final class EtherNames {
    private static final String RESOURCE = "ether-names.bin";

    private final long[] exactKeys;
    private final int[] exactNames;
    private final long[] vendorKeys;
    private final int[] vendorNames;
    private final long[] rangeKeys;
    private final int[] rangeNames;
    private final int[] nameOffsets;
    private final byte[] nameBytes;
    private final Map<Long, String> cache = new HashMap<>();

    private EtherNames(DataInputStream in) throws IOException {
        exactKeys = longs(in);
        exactNames = ints(in, exactKeys.length);
        vendorKeys = longs(in);
        vendorNames = ints(in, vendorKeys.length);
        rangeKeys = longs(in);
        rangeNames = ints(in, rangeKeys.length);
        int names = in.readInt();
        nameOffsets = ints(in, names + 1);
        nameBytes = in.readNBytes(nameOffsets[names]);
    }

    public static EtherNames load() {
        try (DataInputStream in = table(RESOURCE)) {
            return new EtherNames(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of this package's compiled tables (built by {@link EtherTableCompiler}), to read. */
    static DataInputStream table(String resource) {
        InputStream raw = EtherNames.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException(resource + " is missing from the build");
        }
        return new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16));
    }

    private static long[] longs(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] b = in.readNBytes(n * 8);
        long[] out = new long[n];
        ByteBuffer.wrap(b).asLongBuffer().get(out);
        return out;
    }

    static int[] ints(DataInputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n * 4);
        int[] out = new int[n];
        ByteBuffer.wrap(b).asIntBuffer().get(out);
        return out;
    }

    static long mask(int bits) {
        return (0xFFFFFFFFFFFFL << (48 - bits)) & 0xFFFFFFFFFFFFL;
    }

    private String name(int index) {
        int from = nameOffsets[index];
        return new String(nameBytes, from, nameOffsets[index + 1] - from, StandardCharsets.UTF_8);
    }

    private static int find(long[] keys, long key) {
        int i = Arrays.binarySearch(keys, key);
        return i >= 0 ? i : -1;
    }

    /** The name tshark shows for the 48-bit address {@code mac}. */
    public String name(long mac) {
        String s = cache.get(mac);
        if (s == null) {
            s = resolve(mac);
            if (cache.size() > 100_000) {
                cache.clear();
            }
            cache.put(mac, s);
        }
        return s;
    }

    private String resolve(long mac) {
        int i = find(exactKeys, mac);
        if (i >= 0) {
            return name(exactNames[i]);
        }
        for (int bits = 47; bits >= 24; bits--) {
            i = find(rangeKeys, mac & mask(bits));
            if (i >= 0) {
                return suffixed(name(rangeNames[i]), mac, bits);
            }
        }
        long oui = mac >>> 24;
        i = find(vendorKeys, oui);
        if (i < 0 && (oui & 0x010000) != 0) {
            i = find(vendorKeys, oui & ~0x010000L);
        }
        if (i >= 0) {
            return suffixed(name(vendorNames[i]), mac, 24);
        }
        for (int bits = 23; bits >= 1; bits--) {
            i = find(rangeKeys, mac & mask(bits));
            if (i >= 0) {
                return suffixed(name(rangeNames[i]), mac, bits);
            }
        }
        StringBuilder sb = new StringBuilder(17);
        for (int b = 0; b < 6; b++) {
            if (b > 0) {
                sb.append(':');
            }
            Hex.appendByte(sb, (int) (mac >>> (8 * (5 - b))) & 0xFF);
        }
        return sb.toString();
    }

    /** name_ then the address bytes from bit {@code bits} on, the first masked to its remaining bits. */
    private static String suffixed(String name, long mac, int bits) {
        StringBuilder sb = new StringBuilder(name.length() + 18).append(name).append('_');
        int first = bits / 8;
        for (int i = first; i < 6; i++) {
            int b = (int) (mac >>> (8 * (5 - i))) & 0xFF;
            if (i == first) {
                b &= 0xFF >> (bits % 8);
            } else {
                sb.append(':');
            }
            Hex.appendByte(sb, b);
        }
        return sb.toString();
    }
}
