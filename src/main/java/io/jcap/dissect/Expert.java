package io.jcap.dissect;

import io.jcap.field.FieldDef;

/**
 * Expert information items (Wireshark's expert_add_info): under the item they annotate,
 * "[Expert Info (Severity/Group): message]" with the specific expert field, the
 * severity and the group below it, all generated.
 */
public final class Expert {
    /** Severity levels with Wireshark's PI_* values. */
    public enum Severity {
        COMMENT(0x00100000, "Comment"), CHAT(0x00200000, "Chat"), NOTE(0x00400000, "Note"),
        WARNING(0x00600000, "Warning"), ERROR(0x00800000, "Error");

        public final int value;
        public final String text;

        Severity(int value, String text) {
            this.value = value;
            this.text = text;
        }
    }

    /** Groups with Wireshark's PI_* values. */
    public enum Group {
        CHECKSUM(0x01000000, "Checksum"), SEQUENCE(0x02000000, "Sequence"), RESPONSE_CODE(0x03000000, "Response"),
        REQUEST_CODE(0x04000000, "Request"), UNDECODED(0x05000000, "Undecoded"), REASSEMBLE(0x06000000, "Reassemble"),
        MALFORMED(0x07000000, "Malformed"), DEBUG(0x08000000, "Debug"), PROTOCOL(0x09000000, "Protocol"),
        SECURITY(0x0a000000, "Security"), COMMENTS(0x0b000000, "Comment"), DECRYPTION(0x0c000000, "Decryption"),
        ASSUMPTION(0x0d000000, "Assumption"), DEPRECATED(0x0e000000, "Deprecated");

        public final int value;
        public final String text;

        Group(int value, String text) {
            this.value = value;
            this.text = text;
        }
    }

    private Expert() {
    }

    /** Wireshark formats expert messages (and appended item texts) into 240 bytes, its NUL included. */
    public static final int LABEL_MAX = 239;

    /** {@code s} cut to at most {@code max} bytes of UTF-8, never inside a character. */
    public static String cut(String s, int max) {
        if (s.length() * 3 <= max) {
            return s;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int b = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
            if (bytes + b > max) {
                return s.substring(0, i);
            }
            bytes += b;
        }
        return s;
    }

    /**
     * Adds an expert item under the currently open item. {@code specific} is the
     * protocol's expert field (e.g. http.chat, FT_NONE); its line shows the message.
     */
    public static void add(Dissection d, FieldDef specific, Severity severity, Group group, String message,
                           int offset, int length) {
        if (!d.tree()) {
            return;
        }
        message = cut(message, LABEL_MAX);
        int item = d.addBytes(ExpertFields.PROTOCOL.field, offset, length);
        d.setText(item, "Expert Info (" + severity.text + "/" + group.text + "): " + message);
        d.flag(item, Dissection.GENERATED);
        d.openRow(item);
        if (specific != null) {
            int row = d.addBytes(specific, offset, length);
            d.setText(row, message);
            d.flag(row, Dissection.GENERATED);
        }
        d.flag(d.addObject(ExpertFields.MESSAGE, offset, length, message), Dissection.HIDDEN);
        d.flag(d.add(ExpertFields.SEVERITY, offset, length, severity.value), Dissection.GENERATED);
        d.flag(d.add(ExpertFields.GROUP, offset, length, group.value), Dissection.GENERATED);
        d.close();
    }
}
