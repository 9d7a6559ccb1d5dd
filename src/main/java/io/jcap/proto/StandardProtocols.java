package io.jcap.proto;

import io.jcap.dissect.DissectorEngine;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.eth.EthDissector;
import io.jcap.proto.eth.EtherTypeDispatch;
import io.jcap.proto.frame.FrameDissector;

/**
 * Assembles the dissectors jcap ships, wiring each to the tables it registers in and
 * hands off through. One call builds a fresh engine (and fresh per-run state).
 */
public final class StandardProtocols {
    private StandardProtocols() {
    }

    public static DissectorEngine engine() {
        EngineBuilder b = new EngineBuilder();
        DataDissector data = new DataDissector(b);
        new FrameDissector(b, data);
        EtherTypeDispatch etherTypes = new EtherTypeDispatch(b, data);
        new EthDissector(b, etherTypes, data);
        return b.build();
    }
}
