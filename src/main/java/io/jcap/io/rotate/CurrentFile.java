package io.jcap.io.rotate;

/** What a rotation plan may know of the file being written. */
public interface CurrentFile {
    /** Bytes written to it so far, headers included. */
    long bytes();

    /** Frames written to it. */
    long packets();

    /** When it was opened, in milliseconds since the epoch. */
    long openedMillis();

    /** Files opened so far, this one included. */
    long files();
}
