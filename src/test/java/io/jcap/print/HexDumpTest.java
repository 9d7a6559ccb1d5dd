package io.jcap.print;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The offset column is as wide as the last offset needs, at least 4 digits (tshark's print_hex_data_buffer). */
class HexDumpTest {
    private static String[] dump(int length) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output out = new Output(bytes);
        new HexDump().print(out, Unpooled.wrappedBuffer(new byte[length]), 0, length);
        out.flush();
        return bytes.toString(StandardCharsets.US_ASCII).split("\n");
    }

    @Test
    void offsetDigitsFollowTheLastOffset() throws Exception {
        assertEquals("0000  00", dump(1)[0].substring(0, 8));
        String[] lines = dump(0x10000);
        assertEquals("fff0  00", lines[lines.length - 1].substring(0, 8));
        lines = dump(0x10001);
        assertEquals("00000  00", lines[0].substring(0, 9));
        assertEquals("10000  00", lines[lines.length - 1].substring(0, 9));
        lines = dump(0x100001);
        assertEquals("100000  00", lines[lines.length - 1].substring(0, 10));
    }
}
