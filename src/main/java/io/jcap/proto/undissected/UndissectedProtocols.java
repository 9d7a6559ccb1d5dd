package io.jcap.proto.undissected;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.field.Protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocols tshark 4.0 hands a TCP or UDP port's payload to that jcap does not decode
 * (ssh on 22, nbns on 137 ...). Their layer is marked, so that frame.protocols and filters
 * such as {@code ssh} or {@code !dns} see what tshark sees, and neither the data dissector
 * nor a heuristic (DNS, HTTP) claims a payload tshark gives to another protocol. Only the
 * dissectors that take any payload are listed: those that check their bytes (SNMP's BER,
 * TLS records) would give some back, so jcap leaves their ports to heuristics and data.
 */
public final class UndissectedProtocols {
    private static final String PORTS = "tshark-ports.tsv";

    /** One port of the table: transport ("tcp", "udp"), port and the protocol's layer. */
    private record Port(String transport, int port, Layer layer) {
    }

    /** The table, read once; its protocols are shared by every engine, as declared fields are. */
    private static final List<Port> PORT_TABLE = load();

    private UndissectedProtocols() {
    }

    /** Fills the empty slots of the tcp.port and udp.port tables; call after every real dissector. */
    public static void register(EngineBuilder b) {
        for (Port p : PORT_TABLE) {
            DissectorTable table = b.table(p.transport + ".port");
            Protocol protocol = p.layer.protocol;
            if (table.get(p.port) != null || b.hasProtocol(protocol.filterName)) {
                continue; // jcap decodes this port or this protocol itself
            }
            table.add(p.port, p.layer, protocol.filterName);
        }
        for (Port p : PORT_TABLE) {
            if (b.table(p.transport + ".port").get(p.port) == p.layer) {
                b.protocol(p.layer.protocol);
            }
        }
    }

    private static List<Port> load() {
        List<Port> ports = new ArrayList<>();
        Map<String, Layer> byName = new HashMap<>();
        try (InputStream in = UndissectedProtocols.class.getResourceAsStream(PORTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + PORTS);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                Layer layer = byName.computeIfAbsent(c[2], n -> new Layer(new Protocol(n, c[3], c[4])));
                ports.add(new Port(c[0], Integer.parseInt(c[1]), layer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(ports);
    }

    /** A protocol's layer over the whole payload, with no fields: tshark would decode it. */
    private record Layer(Protocol protocol) implements Dissector {
        @Override
        public int dissect(PacketBuffer buf, int offset, Dissection d) {
            int n = buf.reportedRemaining(offset);
            if (n <= 0) {
                return REJECT;
            }
            d.enter(protocol);
            if (d.tree()) {
                d.open(protocol.field, offset, Math.min(n, buf.capturedRemaining(offset)));
                d.close();
            }
            return n;
        }
    }
}
