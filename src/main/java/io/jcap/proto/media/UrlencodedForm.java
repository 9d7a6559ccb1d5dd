package io.jcap.proto.media;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.proto.http.HttpText;
import io.jcap.proto.http.UrlencodedFormFields;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * tshark's "urlencoded-form" tree (application/x-www-form-urlencoded):
 * "HTML Form URL Encoded: application/x-www-form-urlencoded", then one
 * {@code Form item: "key" = "value"} per pair with its Key and Value, both %-decoded
 * ('+' is a space). A bad %-escape ends the dissection there.
 */
public final class UrlencodedForm {
    private UrlencodedForm() {
    }

    public static void tree(Dissection d, PacketBuffer buf, int off, int len, String mediaType) {
        if (!d.tree()) {
            return;
        }
        int end = Math.min(off + len, buf.capturedEnd());
        int top = d.open(UrlencodedFormFields.PROTOCOL.field, off, len);
        d.setText(top, "HTML Form URL Encoded" + (mediaType != null ? ": " + mediaType : ""));
        int o = off;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        while (o < end) {
            int item = d.addText(TextLines.TEXT, o, 0, "Form item");
            d.openRow(item);
            StringBuilder label = new StringBuilder("Form item");
            int next = decode(buf, o, end, '=', out);
            if (next < 0) {
                d.setText(item, io.jcap.dissect.Expert.cut(label.toString(), io.jcap.dissect.Expert.LABEL_MAX));
                d.close();
                break;
            }
            String key = new String(out.toByteArray(), StandardCharsets.UTF_8);
            d.addObject(UrlencodedFormFields.KEY, o, next - o, key);
            label.append(": \"").append(key).append('"');
            o = next + 1;
            next = decode(buf, o, end, '&', out);
            if (next < 0) {
                d.setText(item, io.jcap.dissect.Expert.cut(label.toString(), io.jcap.dissect.Expert.LABEL_MAX));
                d.close();
                break;
            }
            String value = new String(out.toByteArray(), StandardCharsets.UTF_8);
            d.addObject(UrlencodedFormFields.VALUE, o, Math.max(0, next - o), value);
            label.append(" = \"").append(value).append('"');
            d.setText(item, io.jcap.dissect.Expert.cut(label.toString(), io.jcap.dissect.Expert.LABEL_MAX));
            d.close();
            o = next + 1;
        }
        d.close();
    }

    /**
     * get_form_key_value: decodes from {@code o} up to {@code stop} or the end into
     * {@code out}; returns where it stopped, or -1 on a bad %-escape.
     */
    static int decode(PacketBuffer buf, int o, int end, char stop, ByteArrayOutputStream out) {
        out.reset();
        int i = o;
        while (i < end) {
            int c = buf.byteAt(i);
            if (c == stop) {
                return i;
            }
            if (c == '%') {
                if (i + 2 >= end) {
                    return -1;
                }
                int h = Character.digit(buf.byteAt(i + 1), 16);
                int l = Character.digit(buf.byteAt(i + 2), 16);
                if (h < 0 || l < 0) {
                    return -1;
                }
                out.write(h << 4 | l);
                i += 3;
                continue;
            }
            out.write(c == '+' ? ' ' : c);
            i++;
        }
        return i;
    }
}
