package io.jcap.cli;

/** tshark's exit statuses. */
public final class ExitStatus {
    public static final int OK = 0;
    /** A bad option or option argument (tshark's INVALID_OPTION). */
    public static final int INVALID_OPTION = 1;
    /** A file that cannot be read or written, a bad filter, a bad interface. */
    public static final int INVALID_FILE = 2;
    /** A display or read filter tshark cannot compile (INVALID_FILTER, the same number). */
    public static final int INVALID_FILTER = 2;

    private ExitStatus() {
    }
}
