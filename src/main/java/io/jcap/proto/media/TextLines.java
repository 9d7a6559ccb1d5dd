package io.jcap.proto.media;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.Protocol;
import io.jcap.proto.http.HttpText;
import io.jcap.proto.http.TextLinesFields;

/**
 * tshark's "data-text-lines" tree: "Line-based text data: text/html (3 lines)", then each
 * line (its end of line included) as format_text shows it. A line ends at CR, LF or CRLF;
 * the last one may have no end.
 */
public final class TextLines {
    /** Items that are only text (proto_tree_add_format_text). */
    static final FieldDef TEXT = new Protocol("", "", "").field;

    private TextLines() {
    }

    /** Adds the layer's item and its lines for [off, off+len); {@code mediaType} may be null. */
    public static void tree(Dissection d, PacketBuffer buf, int off, int len, String mediaType) {
        if (!d.tree()) {
            return;
        }
        int end = Math.min(off + len, buf.capturedEnd());
        int lines = 0;
        for (int o = off; o < end; o = lineEnd(buf, o, end)) {
            lines++;
        }
        int top = d.open(TextLinesFields.PROTOCOL.field, off, len);
        d.setText(top, "Line-based text data" + (mediaType != null ? ": " + mediaType : "") + " (" + lines + " lines)");
        StringBuilder sb = new StringBuilder(128);
        for (int o = off; o < end; ) {
            int next = lineEnd(buf, o, end);
            sb.setLength(0);
            HttpText.formatText(sb, buf, o, next - o);
            d.addText(TEXT, o, next - o, sb.toString());
            o = next;
        }
        d.close();
    }

    /** Where the line at {@code o} is followed by the next (after its CR, LF or CRLF), or {@code end}. */
    static int lineEnd(PacketBuffer buf, int o, int end) {
        for (int i = o; i < end; i++) {
            int c = buf.byteAt(i);
            if (c == '\n') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < end && buf.byteAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return end;
    }
}
