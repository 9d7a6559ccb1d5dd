package io.jcap.proto.tcp;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.data.DataDissector;

/** Placeholder: dissects nothing yet. */
public final class TcpDissector implements Dissector {
    public TcpDissector(EngineBuilder b, DataDissector data) {
        b.protocol(TcpFields.PROTOCOL);
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        return REJECT;
    }
}
