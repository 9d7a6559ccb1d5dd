package io.jcap.io.rotate;

import java.io.IOException;

/** A recording file that could not be made; its message is the capture tool's, the exit status 1. */
public final class RecordingException extends IOException {
    public RecordingException(String message) {
        super(message, null);
    }
}
