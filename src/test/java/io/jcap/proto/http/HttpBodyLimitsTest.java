package io.jcap.proto.http;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.proto.json.JsonTree;
import io.jcap.proto.xml.XmlTree;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile bodies: bounded memory and stack whatever the bytes say. */
class HttpBodyLimitsTest {
    private static PacketBuffer buffer(byte[] b) {
        PacketBuffer buf = new PacketBuffer();
        buf.reset(Unpooled.wrappedBuffer(b), 0, b.length);
        return buf;
    }

    @Test
    void gzipBombIsCut() throws Exception {
        // 200 MiB of zeros in about 200 KiB: inflating stops after the limit
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(z)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                g.write(zeros);
            }
        }
        byte[] out = HttpBodies.uncompress(z.toByteArray());
        assertNotNull(out);
        assertTrue(out.length <= (64 << 20) + 32768, "inflated " + out.length);
        assertTrue(out.length >= 64 << 20);
    }

    @Test
    void garbageDoesNotInflate() {
        assertNull(HttpBodies.uncompress("not compressed at all".getBytes(StandardCharsets.US_ASCII)));
        assertNull(HttpBodies.uncompress(new byte[0]));
    }

    @Test
    void deepJsonIsRefusedWithoutRecursingForever() {
        byte[] b = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        assertFalse(JsonTree.valid(buffer(b), 0, b.length));
        byte[] ok = ("[".repeat(100) + "]".repeat(100)).getBytes(StandardCharsets.US_ASCII);
        assertTrue(JsonTree.valid(buffer(ok), 0, ok.length));
    }

    @Test
    void jsonValidity() {
        for (String s : new String[] {"{}", " [1, -2.5e3, \"x\\u00e9\", true, false, null] ", "{\"a\":{\"b\":[]}}"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertTrue(JsonTree.valid(buffer(b), 0, b.length), s);
        }
        for (String s : new String[] {"", "{", "[1,]", "{\"a\" 1}", "01x", "\"\\q\"", "[1] 2", "tru"}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertFalse(JsonTree.valid(buffer(b), 0, b.length), s);
        }
    }

    @Test
    void deepXmlKeepsTheTreeBounded() {
        byte[] b = "<a>".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
        Dissection d = new Dissection();
        d.recordFields(true);
        PacketBuffer buf = buffer(b);
        XmlTree.tree(d, buf, 0, b.length);
        assertEquals(50_000, d.fieldCount());
        int deepest = 0;
        for (int r = 0; r < d.fieldCount(); r++) {
            int depth = 0;
            for (int p = d.fieldParent(r); p >= 0; p = d.fieldParent(p)) {
                depth++;
            }
            deepest = Math.max(deepest, depth);
        }
        assertEquals(256, deepest);
        assertEquals(-1, d.openRowIndex());
    }
}
