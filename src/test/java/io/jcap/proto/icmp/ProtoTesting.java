package io.jcap.proto.icmp;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.field.FieldDef;
import io.jcap.frame.Frame;
import io.jcap.proto.StandardProtocols;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test support shared by the ARP, ICMP and ICMPv6 tests: frames from hex (link type
 * Ethernet), dissection through the standard engine, and the spec's example captures.
 */
public final class ProtoTesting {
    public static final long T0 = 1_700_000_000L;
    public static final String MALFORMED = "[Malformed Packet]";
    public static final String TRUNCATED = "[Packet size limited during capture]";

    private ProtoTesting() {
    }

    /** One capture of the spec: its frames and tshark's Protocol and Info for each. */
    public record Example(String title, List<byte[]> frames, List<int[]> lengths, List<String> protocols,
                          List<String> infos) {
    }

    public static List<Example> examples(String text) {
        List<Example> out = new ArrayList<>();
        String title = null;
        List<byte[]> frames = new ArrayList<>();
        List<int[]> lengths = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        List<String> infos = new ArrayList<>();
        for (String line : (text + "# end\n").split("\n")) {
            String l = line.strip();
            if (l.startsWith("# ")) {
                if (title != null) {
                    out.add(new Example(title, frames, lengths, protocols, infos));
                }
                title = l.substring(2);
                frames = new ArrayList<>();
                lengths = new ArrayList<>();
                protocols = new ArrayList<>();
                infos = new ArrayList<>();
            } else if (l.startsWith("f ")) {
                String[] p = l.split(" ");
                byte[] b = HexFormat.of().parseHex(p[1]);
                frames.add(b);
                lengths.add(p.length > 2 ? new int[] {Integer.parseInt(p[2]), Integer.parseInt(p[3])}
                        : new int[] {b.length, b.length});
            } else if (l.startsWith("= ")) {
                // the Info may end in spaces: "|" marks its end
                String rest = line.substring(line.indexOf("= ") + 2, line.lastIndexOf('|'));
                int tab = rest.indexOf('\t');
                protocols.add(rest.substring(0, tab));
                infos.add(rest.substring(tab + 1));
            }
        }
        return out;
    }

    /** An Ethernet frame whose first {@code captured} bytes were captured out of {@code original}. */
    public static Frame frame(long number, byte[] bytes, int captured, int original) {
        Frame f = new Frame();
        f.data = Unpooled.wrappedBuffer(bytes);
        f.offset = 0;
        f.capturedLength = captured;
        f.originalLength = original;
        f.linkType = 1;
        f.number = number;
        f.seconds = T0 + number - 1;
        return f;
    }

    public static Frame frame(long number, String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return frame(number, b, b.length, b.length);
    }

    /** Dissects {@code f}; no exception may escape the engine. */
    public static void dissect(DissectorEngine engine, Frame f, Dissection d) {
        try {
            engine.dissect(f, d);
        } catch (RuntimeException e) {
            throw new AssertionError("exception escaped the engine on frame " + f.number, e);
        }
    }

    /** Runs one example through a fresh engine and checks every frame's Protocol and Info. */
    public static void check(Example ex, boolean fields) {
        DissectorEngine engine = StandardProtocols.engine();
        Dissection d = new Dissection();
        d.recordFields(fields);
        for (int i = 0; i < ex.frames().size(); i++) {
            int[] len = ex.lengths().get(i);
            dissect(engine, frame(i + 1, ex.frames().get(i), len[0], len[1]), d);
            String where = ex.title() + ", frame " + (i + 1);
            assertEquals(ex.protocols().get(i), d.protocol, where);
            assertEquals(ex.infos().get(i), d.info.toString(), where);
        }
    }

    /** The single frame {@code hex}, dissected with fields. */
    public static Dissection one(String hex) {
        Dissection d = new Dissection();
        d.recordFields(true);
        dissect(StandardProtocols.engine(), frame(1, hex), d);
        return d;
    }

    /** The value of the first row of {@code f}; fails when the field is absent. */
    public static long value(Dissection d, FieldDef f) {
        int row = d.find(f);
        assertTrue(row >= 0, () -> f.abbrev + " missing");
        return d.fieldValue(row);
    }

    public static Object object(Dissection d, FieldDef f) {
        int row = d.find(f);
        assertTrue(row >= 0, () -> f.abbrev + " missing");
        return d.fieldObject(row);
    }

    public static boolean has(Dissection d, FieldDef f) {
        return d.find(f) >= 0;
    }

    /**
     * Cuts {@code hex} at every length, both as a shorter packet (reported = captured = cut)
     * and as a snaplen cut (captured = cut, reported = full), with and without fields. No
     * exception may escape; a cut in [{@code from}, {@code to}) (the layer's fixed part)
     * must end Info with a mark: malformed for the shorter packet, truncated for the snaplen
     * cut, unless {@code eitherMark}.
     */
    public static void cuts(String hex, int from, int to, boolean eitherMark) {
        byte[] b = HexFormat.of().parseHex(hex);
        for (boolean fields : new boolean[] {false, true}) {
            for (int cut = 0; cut <= b.length; cut++) {
                for (boolean snap : new boolean[] {false, true}) {
                    DissectorEngine engine = StandardProtocols.engine();
                    Dissection d = new Dissection();
                    d.recordFields(fields);
                    byte[] copy = java.util.Arrays.copyOf(b, cut);
                    Frame f = frame(1, copy, cut, snap ? b.length : cut);
                    dissect(engine, f, d);
                    if (cut >= from && cut < to) {
                        String info = d.info.toString();
                        String what = (snap ? "snaplen " : "length ") + cut + ": " + info;
                        if (eitherMark) {
                            assertTrue(info.endsWith(MALFORMED) || info.endsWith(TRUNCATED), what);
                        } else if (snap) {
                            assertTrue(info.endsWith(TRUNCATED), what);
                        } else {
                            assertTrue(info.endsWith(MALFORMED), what);
                        }
                    }
                }
            }
        }
    }
}
