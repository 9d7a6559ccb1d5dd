package io.jcap.io;

import io.jcap.frame.Frame;
import io.jcap.frame.FrameSource;
import io.jcap.frame.InterfaceInfo;

import java.io.IOException;

/** A zero-byte file: tshark reads it as a capture with no packets. */
final class EmptySource implements FrameSource {
    private final InputWindow in;

    EmptySource(InputWindow in) {
        this.in = in;
    }

    @Override
    public boolean next(Frame into) {
        return false;
    }

    @Override
    public InterfaceInfo interfaceInfo(int id) {
        throw new IndexOutOfBoundsException(id);
    }

    @Override
    public int interfaceCount() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
