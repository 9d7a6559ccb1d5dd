package io.jcap.resolve;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Vendor names of 24-bit OUIs as tshark shows them in OUI fields ("00:0b:db (Dell Inc.)",
 * {@code eth.src.oui_resolved}): manuf's long name, else its short one. tshark shows
 * these with and without -n, so the table is separate from {@link EtherNames}. It is
 * constant data, compiled by {@link EtherTableCompiler} and loaded on first use.
 */
public final class OuiNames {
    static final String RESOURCE = "oui-names.bin";

    private final int[] keys;
    private final int[] offsets;
    private final byte[] bytes;

    private OuiNames(DataInputStream in) throws IOException {
        int n = in.readInt();
        keys = EtherNames.ints(in, n);
        offsets = EtherNames.ints(in, n + 1);
        bytes = in.readNBytes(offsets[n]);
    }

    /** The one table, read when first asked for. */
    public static OuiNames get() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final OuiNames TABLE = load();
    }

    private static OuiNames load() {
        try (DataInputStream in = EtherNames.table(RESOURCE)) {
            return new OuiNames(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The vendor of the 24-bit {@code oui}, or null; the group and local bits are not cleared. */
    public String name(long oui) {
        int i = Arrays.binarySearch(keys, (int) oui);
        if (i < 0) {
            return null;
        }
        return new String(bytes, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }
}
