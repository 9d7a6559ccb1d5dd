package io.jcap.capture;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * Gives a capture thread a higher scheduling priority than the rest of the process. The
 * kernel's ring holds only tens of milliseconds of a fast link; while the JVM compiles
 * and the writer runs, a capture thread at the same priority sometimes waited longer
 * than that for a core and the kernel dropped packets (measured in bench/live-capture.sh).
 * Needs CAP_SYS_NICE, as capturing usually has; without it the thread keeps its priority.
 */
final class CaptureThreadPriority {
    /** Nice value: about nine tenths of a shared core for the capture thread under Linux's scheduler. */
    private static final int NICE = -10;
    private static final int PRIO_PROCESS = 0;

    private CaptureThreadPriority() {
    }

    /** Raises the calling thread's priority if the system lets it; never fails. */
    static void raise() {
        try {
            Libc.setpriority(PRIO_PROCESS, Libc.gettid(), NICE);
        } catch (LinkageError e) {
            // not Linux, or a C library without gettid: the thread keeps its priority
        }
    }

    private static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance("c"));
        }

        static native int gettid();

        static native int setpriority(int which, int who, int prio);
    }
}
