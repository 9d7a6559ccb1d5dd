package io.jcap.bench;

import java.io.OutputStream;

/** Counts what would be written: the printers' work without a file system's. */
final class CountingSink extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }
}
