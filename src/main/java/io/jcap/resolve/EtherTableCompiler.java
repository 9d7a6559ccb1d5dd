package io.jcap.resolve;

import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Build step: compiles Wireshark's {@code manuf} and {@code wka} files (gzip snapshots
 * of Debian's libwireshark-data, in src/tables) into the sorted binary table that
 * {@link EtherNames} loads in a few milliseconds.
 *
 * <p>Lines are sorted into whole addresses, 24-bit vendor prefixes and masked ranges
 * (only the masked address is kept, as tshark keeps it); later lines win. Format: for
 * each of the three tables, a count, the sorted keys (longs) and a name index per key
 * (ints); then the count of names, their byte offsets (ints) and the UTF-8 bytes.
 *
 * <p>A second file beside it, {@code oui-names.bin}, holds the manuf file's vendor
 * names (the long name, else the short one) for {@link OuiNames}: the count, the
 * sorted 24-bit prefixes (ints), the names' byte offsets (ints) and the UTF-8 bytes.
 */
public final class EtherTableCompiler {
    private final Map<Long, String> exact = new TreeMap<>();
    private final Map<Long, String> vendors = new TreeMap<>();
    private final Map<Long, String> ranges = new TreeMap<>();
    private final Map<Integer, String> vendorLongNames = new TreeMap<>();

    public static void main(String[] args) throws IOException {
        EtherTableCompiler c = new EtherTableCompiler();
        for (int i = 0; i < args.length - 1; i++) {
            c.read(Path.of(args[i]));
        }
        Path out = Path.of(args[args.length - 1]);
        Files.createDirectories(out.getParent());
        c.write(out);
        c.writeVendors(out.resolveSibling(OuiNames.RESOURCE));
    }

    private void read(Path gz) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new FileInputStream(gz.toFile())), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                parse(line);
            }
        }
    }

    void parse(String line) {
        int hash = line.indexOf('#');
        if (hash >= 0) {
            line = line.substring(0, hash);
        }
        String[] tabs = line.split("\t");
        String[] cols = line.strip().split("\\s+");
        if (cols.length < 2) {
            return;
        }
        String addr = cols[0];
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
                ranges.put(value & EtherNames.mask(mask), cols[1]);
            }
        } else if (octets.length == 3) {
            vendors.put(value >>> 24, cols[1]);
            String longName = tabs.length > 2 ? tabs[2].strip() : "";
            vendorLongNames.put((int) (value >>> 24), longName.isEmpty() ? cols[1] : longName);
        } else if (octets.length == 6) {
            exact.put(value, cols[1]);
        }
    }

    private void write(Path out) throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new TreeMap<>();
        try (DataOutputStream o = new DataOutputStream(new FileOutputStream(out.toFile()))) {
            for (Map<Long, String> table : List.of(exact, vendors, ranges)) {
                o.writeInt(table.size());
                for (long k : table.keySet()) {
                    o.writeLong(k);
                }
                for (String n : table.values()) {
                    Integer i = index.get(n);
                    if (i == null) {
                        i = names.size();
                        names.add(n);
                        index.put(n, i);
                    }
                    o.writeInt(i);
                }
            }
            o.writeInt(names.size());
            writeStrings(o, names);
        }
    }

    /** The strings' byte offsets (one more than there are strings), then their UTF-8 bytes. */
    private static void writeStrings(DataOutputStream o, java.util.Collection<String> strings) throws IOException {
        List<byte[]> utf8 = new ArrayList<>();
        int offset = 0;
        for (String n : strings) {
            byte[] b = n.getBytes(StandardCharsets.UTF_8);
            utf8.add(b);
            o.writeInt(offset);
            offset += b.length;
        }
        o.writeInt(offset);
        for (byte[] b : utf8) {
            o.write(b);
        }
    }

    private void writeVendors(Path out) throws IOException {
        try (DataOutputStream o = new DataOutputStream(new FileOutputStream(out.toFile()))) {
            o.writeInt(vendorLongNames.size());
            for (int k : vendorLongNames.keySet()) {
                o.writeInt(k);
            }
            writeStrings(o, vendorLongNames.values());
        }
    }
}
