package io.jcap.print;

import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * tshark's hex dump lines ("0000  45 00 00 20 ...   E.. ....@......."): a 4-digit offset
 * (more when needed), 16 bytes in hex, then the printable ASCII (others as '.').
 */
public final class HexDump {
    private final StringBuilder line = new StringBuilder(80);

    public void print(Output out, ByteBuf bytes, int from, int length) throws IOException {
        for (int row = 0; row < length; row += 16) {
            line.setLength(0);
            int digits = length <= 0xffff ? 4 : length <= 0xffffff ? 6 : 8;
            io.jcap.field.Formats.hex(line, row, digits).append("  ");
            int n = Math.min(16, length - row);
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    io.jcap.field.Formats.hex(line, bytes.getUnsignedByte(from + row + i), 2);
                    line.append(' ');
                } else {
                    line.append("   ");
                }
            }
            line.append("  ");
            for (int i = 0; i < n; i++) {
                int b = bytes.getUnsignedByte(from + row + i);
                line.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            out.text(line).newline();
        }
    }
}
