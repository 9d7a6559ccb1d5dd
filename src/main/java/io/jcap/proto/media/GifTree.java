package io.jcap.proto.media;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.Formats;
import io.jcap.proto.http.GifFields;

/**
 * The tree of tshark 4.0's image-gif dissector: version, logical screen, global settings
 * (with their bits), background, global color map, then extension blocks ("Extension:
 * Graphics Control" with its label and data blocks), images (position, size, local settings,
 * LZW code size, data blocks) and the trailer. Reads past the bytes throw as tvb reads do.
 */
public final class GifTree {
    private GifTree() {
    }

    /** Adds the items under the open item (the GIF layer, whose text it sets). */
    public static void tree(Dissection d, PacketBuffer buf, int off, int end, int top) {
        String version = io.jcap.proto.http.HttpText.utf8(buf, off, 6);
        d.setText(top, "Compuserve GIF, Version: " + version);
        boolean v89a = version.equals("GIF89a");
        d.addObject(GifFields.VERSION, off, 6, version);
        d.add(GifFields.SCREEN_WIDTH, off + 6, 2, buf.u16le(off + 6));
        d.add(GifFields.SCREEN_HEIGHT, off + 8, 2, buf.u16le(off + 8));
        int flags = buf.u8(off + 10);
        boolean globalMap = (flags & 0x80) != 0;
        int bpp = 1 + (flags & 0x07);
        settings(d, off + 10, flags, "Global", globalMap, GifFields.GLOBAL_COLOR_MAP_PRESENT, GifFields.GLOBAL_COLOR_BPP,
                v89a ? GifFields.GLOBAL_COLOR_MAP_ORDERED : null, GifFields.GLOBAL_BPP);
        d.add(GifFields.IMAGE_BACKGROUND_INDEX, off + 11, 1, buf.u8(off + 11));
        if (v89a && buf.u8(off + 12) != 0) {
            d.add(GifFields.GLOBAL_PIXEL_ASPECT_RATIO, off + 12, 1, buf.u8(off + 12));
        }
        int o = off + 13;
        if (globalMap) {
            int len = 3 * (1 << bpp);
            bytes(d, buf, GifFields.GLOBAL_COLOR_MAP, o, len);
            o += len;
        }
        while (o < end) {
            int peek = buf.u8(o);
            if (peek == 0x21) {
                int ext = d.addBytes(GifFields.EXTENSION, o, 1);
                d.openRow(ext);
                o++;
                int label = buf.u8(o);
                String name = switch (label) {
                    case 0x01 -> "Plain Text";
                    case 0xF9 -> "Graphics Control";
                    case 0xFE -> "Comment";
                    case 0xFF -> "Application";
                    default -> null;
                };
                StringBuilder sb = new StringBuilder("Extension label: ")
                        .append(name != null ? name : "<Warning: Unknown extension label>").append(" (0x");
                Formats.hex(sb, label, 2).append(')');
                d.setText(d.add(GifFields.EXTENSION_LABEL, o, 1, label), sb.toString());
                d.setText(ext, "Extension: " + (name != null ? name : "Unknown"));
                o++;
                o = blocks(d, buf, o);
                d.close();
            } else if (peek == 0x2C) {
                int img = d.addBytes(GifFields.IMAGE, o, 1);
                d.openRow(img);
                o++;
                d.add(GifFields.IMAGE_LEFT, o, 2, buf.u16le(o));
                d.add(GifFields.IMAGE_TOP, o + 2, 2, buf.u16le(o + 2));
                d.add(GifFields.IMAGE_WIDTH, o + 4, 2, buf.u16le(o + 4));
                d.add(GifFields.IMAGE_HEIGHT, o + 6, 2, buf.u16le(o + 6));
                o += 8;
                int lf = buf.u8(o);
                boolean localMap = (lf & 0x80) != 0;
                int lbpp = 1 + (lf & 0x07);
                settings(d, o, lf, "Local", localMap, GifFields.LOCAL_COLOR_MAP_PRESENT, GifFields.LOCAL_COLOR_BPP,
                        v89a ? GifFields.LOCAL_COLOR_MAP_ORDERED : null, GifFields.LOCAL_BPP);
                o++;
                if (localMap) {
                    int len = 3 * (1 << lbpp);
                    bytes(d, buf, GifFields.LOCAL_COLOR_MAP, o, len);
                    o += len;
                }
                d.add(GifFields.IMAGE_CODE_SIZE, o, 1, buf.u8(o));
                o++;
                o = blocks(d, buf, o);
                d.close();
            } else {
                if (peek == 0x3B) {
                    d.addBytes(GifFields.END, o, 1);
                }
                break;
            }
        }
    }

    private static void settings(Dissection d, int o, int flags, String which, boolean map, FieldDef present,
                                 FieldDef colorBpp, FieldDef ordered, FieldDef bppField) {
        // (tshark 4.0 masks with 0x60 here, not the field's 0x70)
        int resolution = 1 + ((flags & 0x60) >> 4);
        int bpp = 1 + (flags & 0x07);
        StringBuilder sb = new StringBuilder(which).append(" settings:");
        if (map) {
            sb.append(" (").append(which).append(" color table present)");
        }
        sb.append(" (").append(resolution).append(resolution == 1 ? " bit" : " bits").append(" per color) (")
                .append(bpp).append(bpp == 1 ? " bit" : " bits").append(" per pixel)");
        int row = d.addText(TextLines.TEXT, o, 1, sb.toString());
        d.openRow(row);
        d.addBits(present, o, 1, flags);
        d.addBits(colorBpp, o, 1, flags);
        if (ordered != null) {
            d.addBits(ordered, o, 1, flags);
        }
        d.addBits(bppField, o, 1, flags);
        d.close();
    }

    private static void bytes(Dissection d, PacketBuffer buf, FieldDef f, int o, int len) {
        buf.check(o, len);
        byte[] b = new byte[len];
        buf.bytes(o, b, 0, len);
        d.addObject(f, o, len, b);
    }

    /** Data blocks (a length byte, then the data) up to the empty one; where they end. */
    private static int blocks(Dissection d, PacketBuffer buf, int o) {
        while (true) {
            int len = buf.u8(o);
            buf.check(o + 1, len);
            byte[] b = new byte[len];
            buf.bytes(o + 1, b, 0, len);
            StringBuilder sb = new StringBuilder("Data block: ");
            if (len == 0) {
                sb.append("<none>");
            } else {
                Formats.hexBytes(sb, b, 0, Math.min(len, 36));
                if (len > 36) {
                    sb.append('\u2026');
                }
            }
            sb.append(" (length = ").append(len).append(')');
            d.setText(d.addObject(GifFields.DATA_BLOCK, o, 1 + len, b), sb.toString());
            o += 1 + len;
            if (len == 0) {
                return o;
            }
        }
    }
}
