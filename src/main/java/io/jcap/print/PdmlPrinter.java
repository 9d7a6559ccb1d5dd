package io.jcap.print;

import io.jcap.dissect.Dissection;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * tshark's -T pdml (print.c's write_pdml_proto_tree): per packet the "geninfo"
 * pseudo-protocol, then every item, hidden ones marked hide="yes": protocols as
 * &lt;proto&gt;, the rest as &lt;field&gt;, with name, showname (the -V text), size, pos,
 * show (the value), value (the bytes in hex; for bit fields the masked value, and the
 * bytes as unmaskedvalue). Top-level items that are not protocols are wrapped in a
 * "fake-field-wrapper" protocol; text items have an empty name and only show; the data
 * protocol is a field with its bytes as value. -j/-J replace unlisted protocols'
 * children with a "filtered" field; -e prints only the given fields.
 */
public final class PdmlPrinter implements PacketView {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private final Output out;
    private final FieldValues values;
    private final String fileName;
    private final ZoneId zone;
    private final SpecifiedFields specified;
    private ProtocolFilter filter;
    private final TreeIndex index = new TreeIndex();
    private final StringBuilder sb = new StringBuilder(1 << 14);
    private final StringBuilder tmp = new StringBuilder(256);
    private Dissection d;

    public PdmlPrinter(Output out, FieldValues values, String fileName, ProtocolFilter filter,
                       List<FieldDef> fields, FieldsPrinter.Options fieldOptions, ZoneId zone) {
        this(out, values, fileName, filter, fields, fieldOptions, zone, null);
    }

    /** {@code columnFields}: the summary, when -e names column fields (_ws.col.Info ...), else null. */
    public PdmlPrinter(Output out, FieldValues values, String fileName, ProtocolFilter filter,
                       List<FieldDef> fields, FieldsPrinter.Options fieldOptions, ZoneId zone,
            SummaryPrinter columnFields) {
        this.out = out;
        this.values = values;
        this.fileName = fileName;
        this.filter = filter;
        this.zone = zone;
        this.specified = SpecifiedFields.of(fields, fieldOptions, values, columnFields);
    }

    @Override
    public boolean needsFields() {
        return true;
    }

    @Override
    public void start() throws IOException {
        sb.setLength(0);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        sb.append("<?xml-stylesheet type=\"text/xsl\" href=\"pdml2html.xsl\"?>\n");
        sb.append("<!-- You can find pdml2html.xsl in /usr/share/wireshark or at "
                + "https://gitlab.com/wireshark/wireshark/-/raw/master/pdml2html.xsl. -->\n");
        sb.append("<pdml version=\"0\" creator=\"").append(PsmlPrinter.CREATOR).append("\" time=\"");
        asctime(sb, LocalDateTime.now(zone));
        sb.append("\" capture_file=\"");
        if (fileName != null) {
            escape(sb, fileName);
        }
        sb.append("\">\n");
        out.text(sb);
    }

    /** C's asctime without its newline: "Sun Nov 22 02:09:54 2026". */
    static void asctime(StringBuilder sb, LocalDateTime t) {
        sb.append(DAYS[t.getDayOfWeek().getValue() - 1]).append(' ').append(MONTHS[t.getMonthValue() - 1]);
        sb.append(String.format("%3d %02d:%02d:%02d %d", t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), t.getYear()));
    }

    @Override
    public void finish() throws IOException {
        out.text("</pdml>\n");
    }

    @Override
    public void print(Dissection d) throws IOException {
        this.d = d;
        sb.setLength(0);
        sb.append("<packet>\n");
        geninfo();
        if (specified == null) {
            index.build(d);
            for (int r = index.firstChild(-1); r >= 0; r = index.next(r)) {
                node(r, 0);
            }
        } else {
            specified.collect(d);
            List<FieldDef> fs = specified.fields();
            for (int i = 0; i < fs.size(); i++) {
                for (String v : specified.values(i)) {
                    sb.append("  <field name=\"").append(fs.get(i).abbrev).append("\" value=\"");
                    escape(sb, v);
                    sb.append("\"/>\n");
                }
            }
        }
        sb.append("</packet>\n\n\n");
        out.text(sb);
        sb.setLength(0);
    }

    /** The geninfo pseudo-protocol, from the frame item's length and the packet's numbers. */
    private void geninfo() {
        if (d.fieldCount() == 0 || d.fieldDef(0).type != FieldType.PROTOCOL || !d.fieldDef(0).abbrev.equals("frame")) {
            return;
        }
        int size = d.fieldLength(0);
        long num = d.frame.number;
        long len = d.frame.originalLength;
        long caplen = d.frame.capturedLength;
        sb.append("  <proto name=\"geninfo\" pos=\"0\" showname=\"General information\" size=\"").append(size)
                .append("\">\n");
        sb.append("    <field name=\"num\" pos=\"0\" show=\"").append(num).append("\" showname=\"Number\" value=\"")
                .append(Long.toHexString(num)).append("\" size=\"").append(size).append("\"/>\n");
        sb.append("    <field name=\"len\" pos=\"0\" show=\"").append(len)
                .append("\" showname=\"Frame Length\" value=\"").append(Long.toHexString(len)).append("\" size=\"")
                .append(size).append("\"/>\n");
        sb.append("    <field name=\"caplen\" pos=\"0\" show=\"").append(caplen)
                .append("\" showname=\"Captured Length\" value=\"").append(Long.toHexString(caplen))
                .append("\" size=\"").append(size).append("\"/>\n");
        long sec = d.frame.hasTime ? d.frame.seconds : 0;
        int nanos = d.frame.hasTime ? d.frame.nanos : 0;
        sb.append("    <field name=\"timestamp\" pos=\"0\" show=\"");
        values.text().absolute(sb, sec * 1_000_000_000L + nanos);
        sb.append("\" showname=\"Captured Time\" value=\"").append((int) sec).append('.')
                .append(String.format("%09d", nanos)).append("\" size=\"").append(size).append("\"/>\n");
        sb.append("  </proto>\n");
    }

    private void indent(int level) {
        for (int i = 0; i < level; i++) {
            sb.append("  ");
        }
    }

    /** proto_tree_write_node_pdml. */
    private void node(int row, int level) {
        FieldDef f = d.fieldDef(row);
        boolean text = FieldValues.isTextItem(f);
        boolean data = !text && FieldValues.isDataProtocol(f);
        boolean expert = !text && FieldValues.isExpertProtocol(f);
        // TCP options are protocols whose value is their bytes: PDML prints them as fields
        boolean protocol = !text && f.type == FieldType.PROTOCOL && !FieldValues.isSubProtocol(f);
        boolean children = index.hasChildren(row);
        boolean wrap = (!protocol || data) && level == 0;
        indent(level + 1);
        if (wrap) {
            sb.append("<proto name=\"fake-field-wrapper\">\n");
            level++;
            indent(level + 1);
        }
        if (text) {
            sb.append("<field name=\"\" show=\"");
            String label = d.fieldLabel(row);
            if (label != null) {
                escape(sb, label);
            }
            sb.append("\" size=\"").append(d.fieldLength(row)).append("\" pos=\"").append(FieldValues.pdmlPos(d, row));
            if (d.fieldLength(row) > 0) {
                sb.append("\" value=\"");
                values.rawHex(sb, d, row);
            }
            sb.append(children ? "\">\n" : "\"/>\n");
        } else if (data) {
            sb.append("<field name=\"data\" value=\"");
            values.rawHex(sb, d, row);
            sb.append("\">\n");
        } else {
            sb.append(protocol && !expert ? "<proto name=\"" : "<field name=\"");
            escape(sb, f.abbrev);
            sb.append("\" showname=\"");
            tmp.setLength(0);
            values.label(tmp, d, row);
            escape(sb, tmp);
            if ((d.fieldFlags(row) & Dissection.HIDDEN) != 0) {
                sb.append("\" hide=\"yes");
            }
            sb.append("\" size=\"").append(d.fieldLength(row)).append("\" pos=\"").append(FieldValues.pdmlPos(d, row));
            if (f.type == FieldType.NONE) {
                sb.append("\" show=\"\" value=\"");
            } else if (!protocol) {
                tmp.setLength(0);
                if (values.repr(tmp, d, row)) {
                    sb.append("\" show=\"");
                    escape(sb, tmp);
                }
                if (d.fieldLength(row) > 0) {
                    sb.append("\" value=\"");
                    if (FieldValues.hasMask(f)) {
                        values.maskedHex(sb, d, row);
                        sb.append("\" unmaskedvalue=\"");
                    }
                    values.rawHex(sb, d, row);
                }
            }
            sb.append(children ? "\">\n" : "\"/>\n");
        }
        if (children) {
            String abbrev = text ? "text" : f.abbrev;
            if (filter == null || filter.matches(abbrev)) {
                ProtocolFilter saved = filter;
                if (filter != null && filter.includeChildren()) {
                    filter = null;
                }
                for (int c = index.firstChild(row); c >= 0; c = index.next(c)) {
                    node(c, level + 1);
                }
                filter = saved;
            } else {
                indent(level + 2);
                sb.append("<field name=\"filtered\" value=\"");
                escape(sb, abbrev);
                sb.append("\" />\n");
            }
        }
        if (wrap) {
            level--;
        }
        if (children) {
            indent(level + 1);
            sb.append(protocol && !data && !expert ? "</proto>\n" : "</field>\n");
        }
        if (wrap) {
            indent(level + 1);
            sb.append("</proto>\n");
        }
    }

    /** print_escaped_xml: &amp; &lt; &gt; &quot; and &#x27;, everything else as it is. */
    public static void escape(StringBuilder sb, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                default -> sb.append(c);
            }
        }
    }
}
