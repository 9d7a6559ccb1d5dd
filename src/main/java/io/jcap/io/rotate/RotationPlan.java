package io.jcap.io.rotate;

/** When a recording moves to its next file, what the files are called and when it ends. */
public interface RotationPlan {
    /** The name of the first file. */
    String firstName(long nowMillis);

    /** Checked before each frame is written: that frame goes to the file chosen here. */
    Step beforeFrame(CurrentFile file, long nowMillis);

    /** Checked after each frame is written. */
    Step afterFrame(CurrentFile file, long nowMillis);

    /** Checked when time passes with no frame (a live capture's timer). */
    Step timer(CurrentFile file, long nowMillis);

    /** The name of the next file, or null when the file limit ends the recording instead. */
    String nextName(CurrentFile file, long nowMillis);

    /** How many of the newest files to keep (older ones are deleted); 0 keeps all. */
    int keep();

    /**
     * The message when file {@code name} cannot be created, {@code reason} being the
     * system's words (strerror).
     */
    String openError(String name, String reason);

    /** A line for the standard error when the file limit ended the recording, or null. */
    default String limitNote() {
        return null;
    }
}
