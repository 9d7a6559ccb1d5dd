package io.jcap.proto.xml;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.Protocol;
import io.jcap.proto.http.HttpText;
import io.jcap.proto.http.XmlFields;

/**
 * XML as tshark 4.0's xml dissector lays it out under "eXtensible Markup Language":
 * {@code <?xml} with one item per attribute and {@code ?>}; comments, CDATA sections and
 * DOCTYPE declarations as one item each; an element without attributes as {@code <b>}, with
 * attributes as {@code <a} then {@code x="1"} ... the last one followed by {@code >} (or
 * {@code />}); its content below it and its closing tag {@code </a>} as its last child;
 * text without its leading white space.
 */
public final class XmlTree {
    private static final FieldDef TEXT = new Protocol("", "", "").field;
    /** Elements nested deeper than this are shown flat: the tree stays bounded. */
    static final int MAX_DEPTH = 256;

    private final PacketBuffer buf;
    private final int end;
    private final Dissection d;
    private final StringBuilder sb = new StringBuilder(128);
    private int depth;

    private XmlTree(PacketBuffer buf, int end, Dissection d) {
        this.buf = buf;
        this.end = end;
        this.d = d;
    }

    /** Adds the XML items for [off, off+len) under the open item. */
    public static void tree(Dissection d, PacketBuffer buf, int off, int len) {
        if (!d.tree()) {
            return;
        }
        int end = Math.min(off + len, buf.capturedEnd());
        new XmlTree(buf, end, d).parse(off);
    }

    private boolean at(int p, String s) {
        if (p + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (buf.byteAt(p + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private int find(int p, String s) {
        for (int i = p; i + s.length() <= end; i++) {
            if (at(i, s)) {
                return i;
            }
        }
        return -1;
    }

    private String text(int from, int to) {
        sb.setLength(0);
        HttpText.formatText(sb, buf, from, to - from);
        return sb.toString();
    }

    private int item(int from, int to, String text) {
        return d.addText(TEXT, from, to - from, text);
    }

    private void parse(int p) {
        while (p < end) {
            while (p < end && space(buf.byteAt(p))) {
                p++;
            }
            if (p >= end) {
                break;
            }
            if (buf.byteAt(p) != '<') {
                int q = p;
                while (q < end && buf.byteAt(q) != '<') {
                    q++;
                }
                item(p, q, text(p, q));
                p = q;
                continue;
            }
            if (at(p, "<!--")) {
                p = whole(p, "-->");
            } else if (at(p, "<![CDATA[")) {
                p = whole(p, "]]>");
            } else if (at(p, "<?")) {
                p = tag(p, true);
            } else if (at(p, "<!")) {
                p = doctype(p);
            } else if (at(p, "</")) {
                int q = find(p, ">");
                q = q < 0 ? end : q + 1;
                item(p, q, text(p, q));
                if (depth > 0) {
                    d.close();
                    depth--;
                }
                p = q;
            } else {
                p = tag(p, false);
            }
        }
        while (depth > 0) {
            d.close();
            depth--;
        }
    }

    /** A comment or CDATA section: one item up to and with {@code close}. */
    private int whole(int p, String close) {
        int q = find(p, close);
        q = q < 0 ? end : q + close.length();
        item(p, q, text(p, q));
        return q;
    }

    /** A DOCTYPE (or other declaration) with its internal subset in brackets: one item. */
    private int doctype(int p) {
        int q = p + 2;
        int brackets = 0;
        while (q < end) {
            int c = buf.byteAt(q);
            if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == '>' && brackets <= 0) {
                q++;
                break;
            }
            q++;
        }
        item(p, q, text(p, q));
        return q;
    }

    /** A start tag (or a processing instruction when {@code pi}) with its attributes. */
    private int tag(int p, boolean pi) {
        int nameStart = p + (pi ? 2 : 1);
        int q = nameStart;
        while (q < end) {
            int c = buf.byteAt(q);
            if (space(c) || c == '>' || c == '/' || c == '?') {
                break;
            }
            q++;
        }
        String open = text(p, q);
        int row = -1;
        int lastAttr = -1;
        String lastText = null;
        int count = 0;
        while (true) {
            while (q < end && space(buf.byteAt(q))) {
                q++;
            }
            if (q >= end) {
                break;
            }
            int c = buf.byteAt(q);
            if (c == '>' || c == '/' || c == '?') {
                break;
            }
            // an attribute: name, '=', a quoted value (as written)
            int a = q;
            while (q < end && buf.byteAt(q) != '=' && buf.byteAt(q) != '>' && !space(buf.byteAt(q))) {
                q++;
            }
            while (q < end && space(buf.byteAt(q))) {
                q++;
            }
            if (q < end && buf.byteAt(q) == '=') {
                q++;
                while (q < end && space(buf.byteAt(q))) {
                    q++;
                }
                if (q < end && (buf.byteAt(q) == '"' || buf.byteAt(q) == '\'')) {
                    int quote = buf.byteAt(q++);
                    while (q < end && buf.byteAt(q) != quote) {
                        q++;
                    }
                    q = Math.min(end, q + 1);
                } else {
                    while (q < end && !space(buf.byteAt(q)) && buf.byteAt(q) != '>') {
                        q++;
                    }
                }
            }
            if (q == a) {
                q++;
                continue;
            }
            if (count++ == 0) {
                row = item(p, q, open);
                d.openRow(row);
            }
            lastText = text(a, q);
            lastAttr = item(a, q, lastText);
        }
        // the end of the tag: ">", "/>" or "?>"
        int e = q;
        while (q < end && buf.byteAt(q) != '>') {
            q++;
        }
        q = Math.min(end, q + 1);
        String close = text(e, q);
        boolean empty = pi || close.startsWith("/");
        if (count == 0) {
            if (pi) {
                row = item(p, q, open);
                d.openRow(row);
                item(e, q, close);
                d.close();
            } else {
                row = item(p, q, open + close);
                if (!empty) {
                    push(row);
                }
            }
            return q;
        }
        if (pi) {
            item(e, q, close);
            d.close();
            return q;
        }
        d.setText(lastAttr, lastText + close);
        if (empty) {
            d.close();
        } else {
            // stays open for the content
            depth++;
            if (depth > MAX_DEPTH) {
                d.close();
                depth--;
            }
        }
        return q;
    }

    private void push(int row) {
        if (depth < MAX_DEPTH) {
            d.openRow(row);
            depth++;
        }
    }
}
