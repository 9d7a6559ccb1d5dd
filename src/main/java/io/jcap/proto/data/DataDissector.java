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
            int row = d.open(DataFields.PROTOCOL.field, offset, Math.min(n, buf.capturedRemaining(offset)));
            d.setText(row, "Data (" + n + (n == 1 ? " byte)" : " bytes)"));
            d.flag(row, Dissection.BYTES_DUMP);
            d.addBytes(DataFields.DATA, offset, Math.min(n, buf.capturedRemaining(offset)));
            d.flag(d.add(DataFields.LEN, offset, 0, n), Dissection.GENERATED);
            d.close();
        }
        return n;
    }
}
