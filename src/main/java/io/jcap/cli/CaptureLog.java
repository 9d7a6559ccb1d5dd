package io.jcap.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * tshark's log lines while it records a capture (" ** (tshark:PID) 01:23:36.983922 [Main
 * MESSAGE] -- Capture started."), with jcap's name; on a terminal MESSAGE is coloured as
 * GLib colours it.
 */
final class CaptureLog {
    private final PrintStream err;
    private final boolean colour;
    private boolean started;

    CaptureLog(PrintStream err, boolean terminal) {
        this.err = err;
        this.colour = terminal;
    }

    /** "Capture started.", once, then the name of the file being written. */
    void fileOpened(String name) {
        if (!started) {
            started = true;
            message("Capture started.");
        }
        message("File: \"" + name + "\"");
    }

    private void message(String text) {
        LocalTime t = LocalTime.now(ZoneId.systemDefault());
        String level = colour ? "\u001b[36mMESSAGE\u001b[0m" : "MESSAGE";
        err.printf(" ** (jcap:%d) %02d:%02d:%02d.%06d [Main %s] -- %s%n", ProcessHandle.current().pid(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000, level, text);
        err.flush();
    }
}
