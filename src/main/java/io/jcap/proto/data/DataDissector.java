package io.jcap.proto.data;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;

/** The fallback for payloads nobody dissects: a "data" layer, columns untouched. */
public final class DataDissector implements Dissector {
    public DataDissector(EngineBuilder b) {
        b.protocol(DataFields.PROTOCOL);
    }

    /** Adds the data layer for the bytes from {@code offset}, if there are any. */
    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        int n = buf.reportedRemaining(offset);
        if (n <= 0) {
            return 0;
        }
        d.enter(DataFields.PROTOCOL);
        if (d.tree()) {
            int cap = Math.min(n, buf.capturedRemaining(offset));
            int row;
            if (d.frame != null && buf.raw() != d.frame.data) {
                // bytes of another data source (reassembled, de-chunked, uncompressed): kept with the rows
                byte[] b = new byte[cap];
                buf.bytes(offset, b, 0, cap);
                row = d.addObject(DataFields.PROTOCOL.field, offset, cap, b);
                d.openRow(row);
                d.addObject(DataFields.DATA, offset, cap, b);
            } else {
                row = d.open(DataFields.PROTOCOL.field, offset, cap);
                d.addBytes(DataFields.DATA, offset, cap);
            }
            d.setText(row, "Data (" + n + (n == 1 ? " byte)" : " bytes)"));
            d.flag(row, Dissection.BYTES_DUMP);
            d.flag(d.add(DataFields.LEN, offset, 0, n), Dissection.GENERATED);
            d.close();
        }
        return n;
    }
}
