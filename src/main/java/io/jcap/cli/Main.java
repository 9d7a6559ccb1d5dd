package io.jcap.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Entry point: runs one command line and exits with its status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        QuietNettyLog.install();
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = Jcap.run(args, stdout, stderr);
        } catch (Throwable t) {
            // the last line of defence: a message, never a stack trace
            stderr.println("jcap: internal error: " + t);
            status = 2;
        }
        stderr.flush();
        System.exit(status);
    }
}
