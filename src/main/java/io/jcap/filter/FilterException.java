package io.jcap.filter;

/**
 * A display filter jcap rejects, in tshark's words: the message and, when tshark shows
 * one, the part of the filter it points at (byte offset and length in the UTF-8 text).
 */
public final class FilterException extends Exception {
    /** Byte offset of the offending part, or -1 when tshark shows no caret line. */
    public final int start;
    public final int length;

    public FilterException(String message, int start, int length) {
        super(message, null, false, false);
        this.start = start;
        this.length = length;
    }

    public FilterException(String message) {
        this(message, -1, 0);
    }

    /**
     * The lines tshark prints after its "tshark: " prefix: the message, then the filter
     * and a caret line under the offending part ("    ^~~~"), each indented by four spaces.
     */
    public String render(String filter) {
        if (start < 0) {
            return getMessage();
        }
        StringBuilder sb = new StringBuilder(getMessage()).append('\n');
        sb.append("    ").append(filter).append('\n').append("    ");
        sb.append(" ".repeat(start)).append('^');
        for (int i = 1; i < length; i++) {
            sb.append('~');
        }
        return sb.toString();
    }
}
