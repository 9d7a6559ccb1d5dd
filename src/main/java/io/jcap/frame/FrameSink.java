package io.jcap.frame;

import java.io.Closeable;
import java.io.IOException;

/** Where frames go: a capture-file writer, a ring buffer. */
public interface FrameSink extends Closeable {
    void write(Frame frame, InterfaceInfo iface) throws IOException;

    void flush() throws IOException;
}
