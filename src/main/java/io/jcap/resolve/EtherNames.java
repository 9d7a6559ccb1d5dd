package io.jcap.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * MAC address names as tshark 4.0 shows them without -n, from Wireshark's own tables
 * (Debian's libwireshark-data {@code manuf} and {@code wka}, copied into the jar at
 * build time, read in that order, later lines winning).
 *
 * <p>Lines are sorted into three tables: whole addresses ("Broadcast"), 24-bit vendor
 * prefixes, and masked ranges, of which only the masked address is kept. A lookup
 * tries the whole address, then ranges at prefix lengths 47 down to 24, then the
 * vendor prefix (again with the group bit cleared), then ranges at 23 down to 1. A
 * range hit at length L shows the bytes from L on ("IPv6mcast_01"), a vendor hit the
 * last three ("VMware_aa:bb:cc"). Because the range's own mask is not kept, an address
 * can match a range at a longer length than the range's, exactly as in tshark.
 */
public final class EtherNames {
    private final Map<Long, String> exact = new HashMap<>();
    private final Map<Integer, String> vendors = new HashMap<>();
    private final Map<Long, String> ranges = new HashMap<>();
    private final Map<Long, String> cache = new HashMap<>();

    private EtherNames() {
    }

    public static EtherNames load() {
        EtherNames n = new EtherNames();
        n.read("manuf.gz");
        n.read("wka.gz");
        return n;
    }

    private void read(String resource) {
        InputStream raw = EtherNames.class.getResourceAsStream(resource);
        if (raw == null) {
            return;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                parse(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void parse(String line) {
        int hash = line.indexOf('#');
        if (hash >= 0) {
            line = line.substring(0, hash);
        }
        line = line.strip();
        if (line.isEmpty()) {
            return;
        }
        int sep = 0;
        while (sep < line.length() && !Character.isWhitespace(line.charAt(sep))) {
            sep++;
        }
        int nameStart = sep;
        while (nameStart < line.length() && Character.isWhitespace(line.charAt(nameStart))) {
            nameStart++;
        }
        int nameEnd = nameStart;
        while (nameEnd < line.length() && !Character.isWhitespace(line.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameStart == nameEnd) {
            return;
        }
        String addr = line.substring(0, sep);
        String name = line.substring(nameStart, nameEnd);
        int mask = -1;
        int slash = addr.indexOf('/');
        if (slash >= 0) {
            try {
                mask = Integer.parseInt(addr.substring(slash + 1));
            } catch (NumberFormatException e) {
                return;
            }
            addr = addr.substring(0, slash);
        }
        String[] octets = addr.split("[:.-]");
        long value = 0;
        try {
            for (int i = 0; i < 6; i++) {
                value = (value << 8) | (i < octets.length ? Integer.parseInt(octets[i], 16) : 0);
            }
        } catch (NumberFormatException e) {
            return;
        }
        if (mask >= 0) {
            if (mask >= 1 && mask <= 47) {
                ranges.put(value & mask(mask), name);
            }
        } else if (octets.length == 3) {
            vendors.put((int) (value >>> 24), name);
        } else if (octets.length == 6) {
            exact.put(value, name);
        }
    }

    private static long mask(int bits) {
        return (0xFFFFFFFFFFFFL << (48 - bits)) & 0xFFFFFFFFFFFFL;
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
        String name = exact.get(mac);
        if (name != null) {
            return name;
        }
        for (int bits = 47; bits >= 24; bits--) {
            name = ranges.get(mac & mask(bits));
            if (name != null) {
                return suffixed(name, mac, bits);
            }
        }
        int oui = (int) (mac >>> 24);
        name = vendors.get(oui);
        if (name == null && (oui & 0x010000) != 0) {
            name = vendors.get(oui & ~0x010000);
        }
        if (name != null) {
            return suffixed(name, mac, 24);
        }
        for (int bits = 23; bits >= 1; bits--) {
            name = ranges.get(mac & mask(bits));
            if (name != null) {
                return suffixed(name, mac, bits);
            }
        }
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            Hex.appendByte(sb, (int) (mac >>> (8 * (5 - i))) & 0xFF);
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
