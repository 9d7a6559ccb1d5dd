package io.jcap.io;

import io.jcap.frame.FrameSource;
import io.jcap.io.CaptureFileException.Kind;
import io.jcap.io.pcap.PcapFormat;
import io.jcap.io.pcap.PcapReader;
import io.jcap.io.pcapng.PcapngFormat;
import io.jcap.io.pcapng.PcapngReader;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a capture file (or standard input for "-"), gzip-compressed or not, in any format jcap reads. */
public final class CaptureFiles {
    private CaptureFiles() {
    }

    public static FrameSource open(String name) throws IOException {
        InputStream raw;
        if (name.equals("-")) {
            raw = new FileInputStream(FileDescriptor.in);
        } else if (name.isEmpty()) {
            throw new CaptureFileException(Kind.NOT_FOUND);
        } else {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new CaptureFileException(Kind.IS_DIRECTORY);
            }
            try {
                raw = Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new CaptureFileException(Kind.NOT_FOUND);
            } catch (AccessDeniedException e) {
                throw new CaptureFileException(Kind.NO_PERMISSION);
            }
        }
        return open(raw);
    }

    /** Detects the format of {@code raw} (after gunzip if needed) and returns a reader positioned at the first record. */
    public static FrameSource open(InputStream raw) throws IOException {
        BufferedInputStream peek = new BufferedInputStream(raw, 4);
        peek.mark(2);
        int b0 = peek.read();
        int b1 = peek.read();
        peek.reset();
        InputStream in = peek;
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                in = new GZIPInputStream(peek, 1 << 16);
            } catch (java.io.EOFException e) {
                throw new CaptureFileException(Kind.CUT_SHORT_AT_OPEN);
            }
        }
        InputWindow window = new InputWindow(in);
        int have = window.fill(4);
        if (have == 0) {
            return new EmptySource(window);
        }
        if (have < 4) {
            throw new CaptureFileException(Kind.NOT_CAPTURE);
        }
        int magic = window.buffer().getInt(window.position());
        if (magic == PcapngFormat.SHB) {
            return new PcapngReader(window);
        }
        int swapped = Integer.reverseBytes(magic);
        if (magic == PcapFormat.MAGIC_MICROS || magic == PcapFormat.MAGIC_NANOS
                || swapped == PcapFormat.MAGIC_MICROS || swapped == PcapFormat.MAGIC_NANOS) {
            return new PcapReader(window);
        }
        throw new CaptureFileException(Kind.NOT_CAPTURE);
    }
}
