package io.jcap.cli;

/** A command line jcap refuses: message in tshark's words, and the exit status. */
final class UsageException extends Exception {
    final int status;
    final boolean showUsage;

    UsageException(String message, int status, boolean showUsage) {
        super(message, null, false, false);
        this.status = status;
        this.showUsage = showUsage;
    }

    UsageException(String message) {
        this(message, ExitStatus.INVALID_OPTION, false);
    }
}
