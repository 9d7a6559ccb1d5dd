package io.jcap.print;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Wireshark's json_dumper layout, pretty and compact, and json_puts_string's escapes. */
class JsonDumperTest {
    @Test
    void prettyLayout() {
        StringBuilder sb = new StringBuilder();
        JsonDumper j = new JsonDumper(sb, true, false);
        j.beginArray();
        j.beginObject().name("a").value("1").name("b").beginObject().endObject().name("c").beginArray()
                .raw("0").raw("1").endArray().name("d").value(null).endObject();
        j.beginObject().endObject();
        j.endArray().finish();
        assertEquals("""
                [
                  {
                    "a": "1",
                    "b": {},
                    "c": [
                      0,
                      1
                    ],
                    "d": null
                  },
                  {}
                ]
                """, sb.toString());
    }

    @Test
    void emptyArray() {
        StringBuilder sb = new StringBuilder();
        new JsonDumper(sb, true, false).beginArray().endArray().finish();
        assertEquals("[]\n", sb.toString());
    }

    @Test
    void compactWithUnderscores() {
        StringBuilder sb = new StringBuilder();
        JsonDumper j = new JsonDumper(sb, false, true);
        j.beginObject().name("index").beginObject().name("_index").value("a.b").endObject().endObject().finish();
        j.beginObject().name("ip.src").beginArray().value("10.0.0.1").raw("true").endArray().endObject().finish();
        assertEquals("{\"index\":{\"_index\":\"a.b\"}}\n{\"ip_src\":[\"10.0.0.1\",true]}\n", sb.toString());
    }

    @Test
    void escapes() {
        StringBuilder sb = new StringBuilder();
        JsonDumper.escape(sb, "a\"b\\c\r\n\t\b\f\u0001\u001f</x>/ \u2192 \u007f", false);
        assertEquals("a\\\"b\\\\c\\r\\n\\t\\b\\f\\u0001\\u001f<\\/x>/ \u2192 \u007f", sb.toString());
    }
}
