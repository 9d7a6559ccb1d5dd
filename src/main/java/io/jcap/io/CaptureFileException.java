package io.jcap.io;

/**
 * A capture file that cannot be read further, with tshark's wording. The message is
 * completed with the file name by {@link #describe(String)}.
 */
public final class CaptureFileException extends java.io.IOException {
    public enum Kind {
        NOT_FOUND("The file \"%s\" doesn't exist."),
        IS_DIRECTORY("\"%s\" is a directory (folder), not a file."),
        NO_PERMISSION("You don't have permission to read the file \"%s\"."),
        NOT_CAPTURE("The file \"%s\" isn't a capture file in a format TShark understands."),
        CUT_SHORT_AT_OPEN("The file \"%s\" appears to have been cut short in the middle of a packet or other data."),
        CUT_SHORT("The file \"%s\" appears to have been cut short in the middle of a packet."),
        DAMAGED("The file \"%s\" appears to be damaged or corrupt."),
        UNSUPPORTED("The file \"%s\" contains record data that TShark doesn't support."),
        READ_ERROR("An error occurred while reading from the file \"%s\"."),
        OPEN_ERROR("The file \"%s\" could not be opened.");

        final String template;

        Kind(String template) {
            this.template = template;
        }
    }

    private final Kind kind;
    private final String detail;

    public CaptureFileException(Kind kind, String detail) {
        super(kind.name() + (detail == null ? "" : ": " + detail));
        this.kind = kind;
        this.detail = detail;
    }

    public CaptureFileException(Kind kind) {
        this(kind, null);
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    /**
     * tshark's text for this error on file {@code name}, detail in parentheses on a second
     * line; standard input ("-") is "The standard input".
     */
    public String describe(String name) {
        String head = name.equals("-") && kind.template.startsWith("The file \"%s\"")
                ? "The standard input" + kind.template.substring("The file \"%s\"".length())
                : String.format(kind.template, name);
        return detail == null ? head : head + "\n(" + detail + ")";
    }
}
