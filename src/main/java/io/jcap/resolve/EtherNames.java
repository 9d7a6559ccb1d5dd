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
 * MAC address names as tshark shows them without -n, from Wireshark's own tables
 * (Debian's libwireshark-data {@code manuf} and {@code wka}, copied into the jar at
 * build time): well-known addresses whole ("Broadcast"), then the longest matching
 * prefix. A 24-bit vendor prefix keeps all three remaining bytes ("VMware_aa:bb:cc");
 * other prefix lengths show the remaining bits without leading zero bytes
 * ("IPv6mcast_01", "Convergi_0a:05").
 */
public final class EtherNames {
    /** names[bits] maps the address masked to its first {@code bits} bits to a name. */
    private final Map<Long, String>[] wellKnown;
    private final Map<Long, String>[] vendors;
    private final Map<Long, String> cache = new HashMap<>();

    @SuppressWarnings("unchecked")
    private EtherNames() {
        wellKnown = new Map[49];
        vendors = new Map[49];
    }

    public static EtherNames load() {
        EtherNames n = new EtherNames();
        n.read("wka.gz", n.wellKnown);
        n.read("manuf.gz", n.vendors);
        return n;
    }

    private void read(String resource, Map<Long, String>[] into) {
        InputStream raw = EtherNames.class.getResourceAsStream(resource);
        if (raw == null) {
            return;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                parse(line, into);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parse(String line, Map<Long, String>[] into) {
        int hash = line.indexOf('#');
        if (hash >= 0) {
            line = line.substring(0, hash);
        }
        String[] cols = line.trim().split("\\s+");
        if (cols.length < 2 || cols[0].isEmpty()) {
            return;
        }
        String addr = cols[0];
        int bits = -1;
        int slash = addr.indexOf('/');
        if (slash >= 0) {
            bits = Integer.parseInt(addr.substring(slash + 1));
            addr = addr.substring(0, slash);
        }
        String[] parts = addr.split("[:.-]");
        long value = 0;
        for (int i = 0; i < 6; i++) {
            value = (value << 8) | (i < parts.length ? Integer.parseInt(parts[i], 16) : 0);
        }
        if (bits < 0) {
            bits = parts.length * 8;
        }
        if (bits <= 0 || bits > 48) {
            return;
        }
        value &= mask(bits);
        Map<Long, String> m = into[bits];
        if (m == null) {
            m = new HashMap<>();
            into[bits] = m;
        }
        m.putIfAbsent(value, cols[1]);
    }

    private static long mask(int bits) {
        return bits == 0 ? 0 : (0xFFFFFFFFFFFFL << (48 - bits)) & 0xFFFFFFFFFFFFL;
    }

    private static String lookup(Map<Long, String> m, long mac, int bits) {
        return m == null ? null : m.get(mac & mask(bits));
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
        for (int bits = 48; bits > 0; bits--) {
            String name = lookup(wellKnown[bits], mac, bits);
            boolean vendor = false;
            if (name == null) {
                name = lookup(vendors[bits], mac, bits);
                vendor = true;
            }
            if (name == null) {
                continue;
            }
            if (bits == 48) {
                return name;
            }
            StringBuilder sb = new StringBuilder(name).append('_');
            int firstByte = bits / 8;
            long rest = mac & ~mask(bits) & 0xFFFFFFFFFFFFL;
            boolean keepZeros = vendor && bits == 24;
            boolean started = false;
            for (int i = firstByte; i < 6; i++) {
                int b = (int) (rest >>> (8 * (5 - i))) & 0xFF;
                if (!started && b == 0 && !keepZeros && i < 5) {
                    continue;
                }
                if (started) {
                    sb.append(':');
                }
                started = true;
                Hex.appendByte(sb, b);
            }
            return sb.toString();
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
}
