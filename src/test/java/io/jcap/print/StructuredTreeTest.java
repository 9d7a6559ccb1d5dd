package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.Base;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.field.Protocol;
import io.jcap.frame.Frame;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The structured views on a hand-built tree with what the samples lack or rarely have:
 * a text item with and without children, an FT_NONE item, a hidden generated item, a
 * bit field with a child, and the data protocol at the top level (PDML's
 * fake-field-wrapper). The expected texts follow tshark 4.0's print.c.
 */
class StructuredTreeTest {
    static final Protocol DEMO = new Protocol("demo", "Demo Protocol", "DEMO");
    static final FieldDef FLAGS = DEMO.declare("demo.flags", "Flags", FieldType.UINT8, Base.HEX, null, 0xF0, 0, null,
            null, null, null, null);
    static final FieldDef FLAG = DEMO.flag("demo.flag", "Flag", 8, 0x08);
    static final FieldDef NONE = DEMO.label("demo.none", "Nothing");
    static final FieldDef BYTES = DEMO.field("demo.bytes", "Bytes", FieldType.BYTES);
    static final FieldDef NAME = DEMO.field("demo.name", "Name", FieldType.STRING);
    static final FieldDef TEXT = new Protocol("", "", "").field;
    static final Protocol DATA = new Protocol("data", "Data", "Data");
    static final FieldDef DATA_DATA = DATA.field("data.data", "Data", FieldType.BYTES);

    static Dissection tree() {
        byte[] b = HexFormat.of().parseHex("a5006869deadbeef0102030405060708");
        Frame f = new Frame();
        f.number = 1;
        f.seconds = 1_700_000_000L;
        f.nanos = 5000;
        f.linkType = 1;
        f.data = Unpooled.wrappedBuffer(b);
        f.capturedLength = b.length;
        f.originalLength = b.length;
        Dissection d = new Dissection();
        d.recordFields(true);
        d.reset(f);
        d.open(DEMO.field, 0, 8);
        d.openRow(d.addBits(FLAGS, 0, 1, 0xA5));
        d.addBits(FLAG, 0, 1, 0xA5);
        d.close();
        d.addBytes(NONE, 1, 1);
        d.openRow(d.addText(TEXT, 2, 2, "A note"));
        d.addObject(NAME, 2, 2, "hi");
        d.close();
        d.addText(TEXT, 4, 0, "Empty note");
        d.addBytes(BYTES, 4, 4);
        int hidden = d.addObject(NAME, 0, 0, "x");
        d.flag(hidden, Dissection.HIDDEN);
        d.flag(hidden, Dissection.GENERATED);
        d.closeAll();
        d.open(DATA.field, 8, 8);
        d.addBytes(DATA_DATA, 8, 8);
        d.closeAll();
        return d;
    }

    static String run(java.util.function.Function<Output, PacketView> make) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Output out = new Output(bytes);
        PacketView v = make.apply(out);
        v.start();
        v.print(tree());
        v.finish();
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static FieldValues values() {
        FieldText text = new FieldText(ZoneOffset.UTC);
        return new FieldValues(text, new TreeLabel(text, null));
    }

    @Test
    void json() throws IOException {
        String s = run(out -> new JsonPrinter(out, values(), false, false, false, null, null,
                FieldsPrinter.Options.defaults(), ZoneOffset.UTC));
        assertEquals("""
                [
                  {
                    "_index": "packets-2023-11-14",
                    "_type": "doc",
                    "_score": null,
                    "_source": {
                      "layers": {
                        "demo": {
                          "demo.flags": "0x0a",
                          "demo.flags_tree": {
                            "demo.flag": "0"
                          },
                          "demo.none": "",
                          "A note": {
                            "demo.name": "hi"
                          },
                          "Empty note": "",
                          "demo.bytes": "de:ad:be:ef",
                          "demo.name": "x"
                        },
                        "data": {
                          "data.data": "01:02:03:04:05:06:07:08"
                        }
                      }
                    }
                  }
                ]
                """, s);
    }

    @Test
    void jsonFilteredAndRaw() throws IOException {
        String s = run(out -> new JsonPrinter(out, values(), true, false, false,
                ProtocolFilter.parse("demo", false), null, FieldsPrinter.Options.defaults(), ZoneOffset.UTC));
        assertEquals("""
                [
                  {
                    "_index": "packets-2023-11-14",
                    "_type": "doc",
                    "_score": null,
                    "_source": {
                      "layers": {
                        "demo_raw": [
                          "a5006869deadbeef",
                          0,
                          8,
                          0,
                          1
                        ],
                        "demo": {
                          "demo.flags_raw": [
                            "A",
                            0,
                            1,
                            240,
                            4
                          ],
                          "demo.flags_tree": {
                            "filtered": "demo.flags"
                          },
                          "demo.none_raw": [
                            "00",
                            1,
                            1,
                            0,
                            0
                          ],
                          "A note": {
                            "filtered": "A note"
                          },
                          "Empty note": "",
                          "demo.bytes_raw": [
                            "deadbeef",
                            4,
                            4,
                            0,
                            30
                          ],
                          "demo.name_raw": [
                            "",
                            0,
                            0,
                            0,
                            26
                          ]
                        },
                        "data_raw": [
                          "0102030405060708",
                          8,
                          8,
                          0,
                          1
                        ],
                        "data": {
                          "filtered": "data"
                        }
                      }
                    }
                  }
                ]
                """, s);
    }

    @Test
    void ek() throws IOException {
        String s = run(out -> new EkPrinter(out, values(), null, true, false, null, null,
                FieldsPrinter.Options.defaults(), ZoneOffset.UTC));
        assertEquals("{\"index\":{\"_index\":\"packets-2023-11-14\",\"_type\":\"doc\"}}\n"
                + "{\"timestamp\":\"1700000000000\",\"layers\":{\"demo\":{\"demo_demo_flags\":\"0x0a\","
                + "\"demo_demo_flag\":false,\"demo_demo_none\":null,\"text\":[\"A note\",\"Empty note\"],"
                + "\"demo_demo_name\":\"hi\",\"demo_demo_bytes\":\"de:ad:be:ef\",\"demo_demo_name\":\"x\"},"
                + "\"data\":{\"data_data_data\":\"01:02:03:04:05:06:07:08\"}}}\n", s);
    }

    @Test
    void pdml() throws IOException {
        String s = run(out -> new PdmlPrinter(out, values(), "demo.pcap", null, null,
                FieldsPrinter.Options.defaults(), ZoneOffset.UTC));
        s = ViewGoldenTest.normalize(s);
        assertEquals("""
                <?xml version="1.0" encoding="utf-8"?>
                <?xml-stylesheet type="text/xsl" href="pdml2html.xsl"?>
                <!-- You can find pdml2html.xsl in /usr/share/wireshark or at \
                https://gitlab.com/wireshark/wireshark/-/raw/master/pdml2html.xsl. -->
                <pdml version="0" creator="wireshark/4.0.17" time="" capture_file="demo.pcap">
                <packet>
                  <proto name="demo" showname="Demo Protocol" size="8" pos="0">
                    <field name="demo.flags" showname="1010 .... = Flags: 0xa" size="1" pos="0" show="0x0a" \
                value="A" unmaskedvalue="a5">
                      <field name="demo.flag" showname=".... 0... = Flag: False" size="1" pos="0" show="0" \
                value="0" unmaskedvalue="a5"/>
                    </field>
                    <field name="demo.none" showname="Nothing" size="1" pos="1" show="" value=""/>
                    <field name="" show="A note" size="2" pos="2" value="6869">
                      <field name="demo.name" showname="Name: hi" size="2" pos="2" show="hi" value="6869"/>
                    </field>
                    <field name="" show="Empty note" size="0" pos="4"/>
                    <field name="demo.bytes" showname="Bytes: deadbeef" size="4" pos="4" show="de:ad:be:ef" \
                value="deadbeef"/>
                    <field name="demo.name" showname="Name: x" hide="yes" size="0" pos="0" show="x"/>
                  </proto>
                  <proto name="fake-field-wrapper">
                    <field name="data" value="0102030405060708">
                      <field name="data.data" showname="Data: 0102030405060708" size="8" pos="8" \
                show="01:02:03:04:05:06:07:08" value="0102030405060708"/>
                  </field>
                  </proto>
                </packet>


                </pdml>
                """, s);
    }

    @Test
    void jsonSpecifiedFields() throws IOException {
        String s = run(out -> new JsonPrinter(out, values(), false, false, false, null, List.of(NAME, NONE, FLAGS),
                FieldsPrinter.Options.defaults(), ZoneOffset.UTC));
        assertEquals("""
                [
                  {
                    "_index": "packets-2023-11-14",
                    "_type": "doc",
                    "_score": null,
                    "_source": {
                      "layers": {
                        "demo.name": [
                          "hi",
                          "x"
                        ],
                        "demo.none": [
                          "1"
                        ],
                        "demo.flags": [
                          "0x0a"
                        ]
                      }
                    }
                  }
                ]
                """, s);
    }
}
