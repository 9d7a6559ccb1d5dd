package io.jcap.proto;

import io.jcap.dissect.Dissection;
import io.jcap.dissect.DissectorEngine;
import io.jcap.field.FieldDef;
import io.jcap.frame.Frame;
import io.jcap.print.AddressText;
import io.jcap.print.Output;
import io.jcap.print.SummaryPrinter;
import io.jcap.print.TimeColumn;
import io.jcap.print.TimeFormat;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Frames from hex, tshark-style summary lines of them, and the cut-at-every-length check. */
public final class DissectorTestKit {
    public static final String MALFORMED = "[Malformed Packet]";
    public static final String TRUNCATED = "[Packet size limited during capture]";

    private DissectorTestKit() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** A frame of {@code captured} of the bytes, {@code original} long on the wire. */
    public static Frame frame(int linkType, byte[] bytes, int captured, int original, long number) {
        Frame f = new Frame();
        f.number = number;
        f.seconds = 1_700_000_000L;
        f.precision = 6;
        f.linkType = linkType;
        f.data = Unpooled.wrappedBuffer(bytes, 0, captured);
        f.offset = 0;
        f.capturedLength = captured;
        f.originalLength = original;
        return f;
    }

    public static Frame frame(int linkType, String hex) {
        return frame(linkType, hex, 1);
    }

    public static Frame frame(int linkType, String hex, long number) {
        byte[] b = bytes(hex);
        return frame(linkType, b, b.length, b.length, number);
    }

    /** Dissects one frame with a fresh engine, fields recorded. */
    public static Dissection dissect(Frame f) {
        Dissection d = new Dissection();
        d.recordFields(true);
        StandardProtocols.engine().dissect(f, d);
        return d;
    }

    /** tshark -n's summary line for a single frame (frame 1, relative time 0). */
    public static String line(int linkType, String hex) {
        return lines(StandardProtocols.engine(), frame(linkType, hex));
    }

    /** Summary lines of consecutive frames through one engine (state carries over). */
    public static String lines(DissectorEngine engine, Frame... frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output out = new Output(bytes);
        TimeColumn time = new TimeColumn(TimeFormat.RELATIVE, ZoneOffset.UTC);
        SummaryPrinter printer = new SummaryPrinter(out, time, new AddressText(null));
        Dissection d = new Dissection();
        try {
            for (Frame f : frames) {
                engine.dissect(f, d);
                time.captured(f);
                printer.print(d);
                time.done(f, true);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    /** The value of the first occurrence of {@code field}; fails if absent. */
    public static long value(Dissection d, FieldDef field) {
        int row = d.find(field);
        assertTrue(row >= 0, field.abbrev + " missing");
        return d.fieldValue(row);
    }

    /**
     * Cuts the frame at every length, once as a short packet (reported = captured = cut)
     * and once as a snap-length cut (captured = cut, reported = whole): dissection must
     * never throw, and a cut inside the first {@code headerEnd} bytes must end in
     * tshark's malformed or truncated mark.
     */
    public static void cutAtEveryLength(int linkType, String hex, int headerEnd) {
        byte[] b = bytes(hex);
        for (int cut = 0; cut < b.length; cut++) {
            for (boolean snap : new boolean[] {false, true}) {
                Frame f = frame(linkType, b, cut, snap ? b.length : cut, 1);
                Dissection d = new Dissection();
                d.recordFields(true);
                try {
                    StandardProtocols.engine().dissect(f, d);
                } catch (RuntimeException e) {
                    fail("cut at " + cut + (snap ? " (snap)" : "") + " threw " + e, e);
                }
                String info = d.info.toString();
                if (cut < headerEnd) {
                    String mark = snap ? TRUNCATED : MALFORMED;
                    assertTrue(info.endsWith(mark) || info.endsWith("[BoundErrorUnreassembled Packet]"),
                            "cut at " + cut + (snap ? " (snap)" : "") + ": expected " + mark + " in \"" + info + "\"");
                }
            }
        }
    }

    public static void assertLine(String expected, int linkType, String hex) {
        assertEquals(expected, line(linkType, hex));
    }
}
