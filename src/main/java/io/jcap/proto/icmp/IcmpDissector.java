package io.jcap.proto.icmp;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;

/** Placeholder: dissects nothing yet. */
public final class IcmpDissector implements Dissector {
    public IcmpDissector(EngineBuilder b) {
        b.protocol(IcmpFields.PROTOCOL);
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        return REJECT;
    }
}
