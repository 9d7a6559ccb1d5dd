package io.jcap.capture;

/**
 * A capture that cannot start, in tshark's words. {@code afterStart} tells whether tshark
 * reports it once capturing began (after "Capturing on ...", followed by the packet
 * count) or before (listing interfaces, choosing one).
 */
public final class CaptureException extends Exception {
    private final boolean afterStart;

    CaptureException(String message, boolean afterStart) {
        super(message, null, false, false);
        this.afterStart = afterStart;
    }

    public boolean afterStart() {
        return afterStart;
    }
}
