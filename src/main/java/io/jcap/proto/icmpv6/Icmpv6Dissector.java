package io.jcap.proto.icmpv6;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;

/** Placeholder: dissects nothing yet. */
public final class Icmpv6Dissector implements Dissector {
    public Icmpv6Dissector(EngineBuilder b) {
        b.protocol(Icmpv6Fields.PROTOCOL);
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        return REJECT;
    }
}
