package io.jcap.resolve;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
        keys = ints(in, n);
        offsets = ints(in, n + 1);
        bytes = in.readNBytes(offsets[n]);
    }

    private static int[] ints(DataInputStream in, int n) throws IOException {
        int[] out = new int[n];
        ByteBuffer.wrap(in.readNBytes(n * 4)).asIntBuffer().get(out);
        return out;
    }

    /** The one table, read when first asked for. */
    public static OuiNames get() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final OuiNames TABLE = load();
    }

    private static OuiNames load() {
        try (InputStream raw = OuiNames.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new OuiNames(new DataInputStream(new BufferedInputStream(raw, 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
