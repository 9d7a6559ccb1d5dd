package io.jcap.io.rotate;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Frames as comparable text (time, lengths, bytes), for tests that count packets in and out. */
public final class Frames {
    private Frames() {
    }

    public static String text(Frame f) {
        byte[] b = new byte[f.capturedLength];
        f.data.getBytes(f.offset, b, 0, b.length);
        return f.seconds + "." + f.nanos + " " + f.capturedLength + "/" + f.originalLength + " "
                + HexFormat.of().formatHex(b);
    }

    /** Every frame of a capture file, read by jcap's readers (which fail on an incomplete file). */
    public static List<String> read(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (FrameSource source = CaptureFiles.open(file.toString())) {
            Frame f = new Frame();
            while (source.next(f)) {
                out.add(text(f));
            }
        }
        return out;
    }

    /** The frames themselves, copied, for writing again. */
    public static List<Frame> copies(Path file) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (FrameSource source = CaptureFiles.open(file.toString())) {
            Frame f = new Frame();
            while (source.next(f)) {
                out.add(f.copy());
            }
        }
        return out;
    }
}
