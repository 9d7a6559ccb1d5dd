package io.jcap.print;

import io.netty.buffer.ByteBuf;

import java.io.IOException;

/**
 * tshark's hex dump lines ("0000  45 00 00 20 ...   E.. ....@......."): the offset in as
 * many hex digits as the last one needs (at least 4), 16 bytes in hex, then the printable
 * ASCII (others as '.'). Lines are built as bytes: a dump is most of -x's output and a good
 * part of -V's.
 */
public final class HexDump {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** offset (8) + 2 + 16 * 3 + 2 + 16 + newline. */
    private final byte[] line = new byte[8 + 2 + 48 + 2 + 16 + 1];
    private byte[] bytes = new byte[2048];

    public void print(Output out, ByteBuf from, int offset, int length) throws IOException {
        if (length <= 0) {
            return;
        }
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        from.getBytes(offset, bytes, 0, length);
        // as many hex digits as the last offset needs, at least 4
        int last = length - 1;
        int digits = Math.max(4, 8 - Integer.numberOfLeadingZeros(last) / 4);
        for (int row = 0; row < length; row += 16) {
            int p = 0;
            for (int i = digits - 1; i >= 0; i--) {
                line[p++] = HEX[(row >>> (4 * i)) & 0xF];
            }
            line[p++] = ' ';
            line[p++] = ' ';
            int n = Math.min(16, length - row);
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    int b = bytes[row + i] & 0xFF;
                    line[p++] = HEX[b >> 4];
                    line[p++] = HEX[b & 0xF];
                } else {
                    line[p++] = ' ';
                    line[p++] = ' ';
                }
                line[p++] = ' ';
            }
            line[p++] = ' ';
            line[p++] = ' ';
            for (int i = 0; i < n; i++) {
                int b = bytes[row + i] & 0xFF;
                line[p++] = b >= 0x20 && b < 0x7f ? (byte) b : (byte) '.';
            }
            line[p++] = '\n';
            out.bytes(line, 0, p);
        }
    }
}
