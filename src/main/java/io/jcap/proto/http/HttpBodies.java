package io.jcap.proto.http;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.data.DataDissector;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An HTTP message body as tshark 4.0 handles it: chunked transfer coding removed,
 * gzip/deflate content coding undone, then the dissector registered for the media type
 * (Wireshark's "media_type" table), else the body heuristics (PNG, GIF, JFIF signatures),
 * else the "media" dissector when there is a Content-Type, else raw data. The columns:
 * {@code  (text/html)}, {@code , JavaScript Object Notation (application/json)} with Protocol
 * {@code HTTP/JSON}, {@code HTTP/XML}, {@code  (PNG)}, {@code  (GIF89a)},
 * {@code  (JPEG JFIF image)}. The trees: "HTTP chunked response" with its chunks,
 * "Content-encoded entity body (gzip): N bytes -> M bytes" (or its decompression failure with
 * the data below it), "File Data: N bytes", then line-based text
 * ({@link io.jcap.proto.media.TextLines}), JSON ({@link io.jcap.proto.json.JsonTree}), form
 * items ({@link io.jcap.proto.media.UrlencodedForm}), XML ({@link io.jcap.proto.xml.XmlTree})
 * or "Media Type"; image layers show their top line only. Inflating stops at
 * {@link #MAX_INFLATED} bytes.
 */
final class HttpBodies {
    private static final int TEXT = 1;
    private static final int JSON = 2;
    private static final int XML = 3;
    private static final int PNG = 4;
    private static final int GIF = 5;
    private static final int JFIF = 6;
    private static final int URLENCODED = 7;
    private static final int DATA = 8;
    private static final int MULTIPART = 9;
    /** Registered in tshark for a dissector jcap does not have: shown as the media dissector would. */
    private static final int OTHER = 10;

    private static final Map<String, Integer> MEDIA = new HashMap<>();
    private static final Map<String, String> XML_NAMESPACES = Map.of(
            "application/mediaservercontrol+xml", "/MSCML",
            "application/cpim-pidf+xml", "/PRESENCE",
            "application/smil", "/SMIL");

    static {
        for (String s : new String[] {"text/plain", "text/richtext", "text/enriched", "text/parameters", "text/html",
            "text/xml-external-parsed-entity", "text/css", "application/xml-external-parsed-entity", "text/javascript",
            "application/x-javascript", "application/x-tia-p25-issi", "application/x-tia-p25-sndcp",
            "application/x-ns-proxy-autoconfig", "text/vnd.sun.j2me.app-descriptor", "application/vnd.poc.refer-to",
            "application/vnd.drm.message", "application/x-wms-logplaystats", "application/x-rtsp-udp-packetpair",
            "text/x-ref-simple", "text/x-ref-list"}) {
            MEDIA.put(s, TEXT);
        }
        for (String s : new String[] {"application/json", "application/senml+json", "application/sensml+json",
            "application/json-rpc", "application/jsonrequest", "application/dds-web+json",
            "application/vnd.oma.lwm2m+json", "application/problem+json", "application/merge-patch+json",
            "application/json-patch+json", "application/x-ndjson"}) {
            MEDIA.put(s, JSON);
        }
        for (String s : new String[] {"text/xml", "text/vnd.wap.wml", "text/vnd.wap.si", "text/vnd.wap.sl",
            "text/vnd.wap.co", "text/vnd.wap.emn", "application/3gpp-ims+xml", "application/atom+xml",
            "application/auth-policy+xml", "application/ccmp+xml", "application/conference-info+xml",
            "application/cpim-pidf+xml", "application/cpl+xml", "application/dds-web+xml",
            "application/im-iscomposing+xml", "application/load-control+xml", "application/mathml+xml",
            "application/media_control+xml", "application/note+xml", "application/pidf+xml",
            "application/pidf-diff+xml", "application/poc-settings+xml", "application/rdf+xml",
            "application/reginfo+xml", "application/resource-lists+xml", "application/rlmi+xml",
            "application/rls-services+xml", "application/rss+xml", "application/rs-metadata+xml", "application/smil",
            "application/simple-filter+xml", "application/simple-message-summary+xml", "application/simservs+xml",
            "application/soap+xml", "application/vnd.etsi.aoc+xml", "application/vnd.etsi.cug+xml",
            "application/vnd.etsi.iptvcommand+xml", "application/vnd.etsi.iptvdiscovery+xml",
            "application/vnd.etsi.iptvprofile+xml", "application/vnd.etsi.iptvsad-bc+xml",
            "application/vnd.etsi.iptvsad-cod+xml", "application/vnd.etsi.iptvsad-npvr+xml",
            "application/vnd.etsi.iptvservice+xml", "application/vnd.etsi.iptvsync+xml",
            "application/vnd.etsi.iptvueprofile+xml", "application/vnd.etsi.mcid+xml",
            "application/vnd.etsi.overload-control-policy-dataset+xml", "application/vnd.etsi.pstn+xml",
            "application/vnd.etsi.sci+xml", "application/vnd.etsi.simservs+xml", "application/vnd.etsi.tsl+xml",
            "application/vnd.oma.xdm-apd+xml", "application/vnd.oma.fnl+xml",
            "application/vnd.oma.access-permissions-list+xml", "application/vnd.oma.alias-principals-list+xml",
            "application/upp-directory+xml", "application/vnd.oma.xdm-hi+xml", "application/vnd.oma.xdm-rhi+xml",
            "application/vnd.oma.xdm-prefs+xml", "application/vnd.oma.xdcp+xml", "application/vnd.oma.bcast.associated-procedure-parameter+xml",
            "application/vnd.oma.bcast.drm-trigger+xml", "application/vnd.oma.bcast.imd+xml",
            "application/vnd.oma.bcast.notification+xml", "application/vnd.oma.bcast.sgdd+xml",
            "application/vnd.oma.bcast.smartcard-trigger+xml", "application/vnd.oma.bcast.sprov+xml",
            "application/vnd.oma.cab-address-book+xml", "application/vnd.oma.cab-feature-handler+xml",
            "application/vnd.oma.cab-pcc+xml", "application/vnd.oma.cab-subs-invite+xml",
            "application/vnd.oma.cab-user-prefs+xml", "application/vnd.oma.dd2+xml", "application/vnd.oma.drm.risd+xml",
            "application/vnd.oma.group-usage-list+xml", "application/vnd.oma.pal+xml",
            "application/vnd.oma.poc.detailed-progress-report+xml", "application/vnd.oma.poc.final-report+xml",
            "application/vnd.oma.poc.groups+xml", "application/vnd.oma.poc.invocation-descriptor+xml",
            "application/vnd.oma.poc.optimized-progress-report+xml", "application/vnd.oma.scidm.messages+xml",
            "application/vnd.oma.suppnot+xml", "application/vnd.oma.xdm-xcap-directory+xml",
            "application/vnd.omaloc-supl-init", "application/vnd.3gpp.access-transfer-events+xml",
            "application/vnd.3gpp.bsf+xml", "application/vnd.3gpp.comm-div-info+xml",
            "application/vnd.3gpp.cw+xml", "application/vnd.3gpp.iut+xml", "application/vnc.3gpp.iut-config+xml",
            "application/vnd.3gpp.mcptt-info+xml", "application/vnd.3gpp.mcptt-mbms-usage-info+xml",
            "application/vnd.3gpp.mcptt-location-info+xml", "application/vnd.3gpp.mcptt-affiliation-command+xml",
            "application/vnd.3gpp.mcptt-floor-request+xml", "application/vnd.3gpp.mcptt-signed+xml",
            "application/vnd.3gpp.mid-call+xml", "application/vnd.3gpp-prose-pc3ch+xml",
            "application/vnd.3gpp-prose+xml", "application/vnd.3gpp.replication+xml",
            "application/vnd.3gpp.sms+xml", "application/vnd.3gpp.srvcc-info+xml",
            "application/vnd.3gpp.srvcc-ext+xml", "application/vnd.3gpp.state-and-event-info+xml",
            "application/vnd.3gpp.ussd+xml", "application/vnd.3gpp2.bcmcsinfo+xml",
            "application/vnd.wv.csp+xml", "application/vnd.wv.csp.xml", "application/watcherinfo+xml",
            "application/xcap-att+xml", "application/xcap-caps+xml", "application/xcap-diff+xml",
            "application/xcap-el+xml", "application/xcap-error+xml", "application/xcap-ns+xml",
            "application/xml", "application/xml-dtd", "application/xpidf+xml", "application/xslt+xml",
            "application/x-crd+xml", "application/x-wms-logconnectstats", "application/x-wms-sendevent",
            "image/svg+xml", "message/imdn+xml", "application/mediaservercontrol+xml"}) {
            MEDIA.put(s, XML);
        }
        MEDIA.put("image/png", PNG);
        MEDIA.put("image/gif", GIF);
        MEDIA.put("image/jfif", JFIF);
        MEDIA.put("image/jpg", JFIF);
        MEDIA.put("image/jpeg", JFIF);
        MEDIA.put("application/x-www-form-urlencoded", URLENCODED);
        MEDIA.put("application/octet-stream", DATA);
        for (String s : new String[] {"multipart/mixed", "multipart/related", "multipart/alternative",
            "multipart/form-data", "multipart/report", "multipart/signed", "multipart/encrypted",
            "multipart/byteranges", "multipart/"}) {
            MEDIA.put(s, MULTIPART);
        }
        for (String s : new String[] {"application/ocsp-request", "application/ocsp-response",
            "application/pkix-cert", "application/pkix-crl", "application/x-x509-ca-cert",
            "application/x-x509-user-cert", "application/pkcs7-mime", "application/pkcs7-signature",
            "application/pkcs10", "application/dns-message", "application/grpc", "application/grpc+proto",
            "application/sdp", "application/x-amf", "application/vnd.ms-sstr+xml", "application/x-fcs",
            "application/isup", "application/qsig", "application/simple-message-summary",
            "application/x-dmap-tagged", "application/x-thrift", "message/http", "message/sip",
            "message/sipfrag", "message/cpim", "image/tiff", "application/x-msn-messenger",
            "application/x-jxta-msg", "application/x-coredump", "application/x-executable",
            "application/x-sharedlib", "application/x-object", "application/x-pkixcmp",
            "application/x-pkixcmp-poll", "application/dicom", "application/vnd.3gpp.mcptt-info",
            "application/mikey", "application/msc-ivr+xml", "application/msc-mixer+xml"}) {
            MEDIA.putIfAbsent(s, OTHER);
        }
    }

    private final DataDissector data;

    HttpBodies(EngineBuilder b, DataDissector data) {
        this.data = data;
        b.protocol(TextLinesFields.PROTOCOL);
        b.protocol(MediaFields.PROTOCOL);
        b.protocol(JsonFields.PROTOCOL);
        b.protocol(XmlFields.PROTOCOL);
        b.protocol(PngFields.PROTOCOL);
        b.protocol(GifFields.PROTOCOL);
        b.protocol(JfifFields.PROTOCOL);
        b.protocol(UrlencodedFormFields.PROTOCOL);
    }

    void data(PacketBuffer buf, int off, int end, Dissection d) {
        d.call(data, off, end);
    }

    /**
     * The body at [off, off+datalen) ({@code reported} bytes on the wire); returns how much
     * of the message it used.
     */
    int body(PacketBuffer buf, int off, int datalen, int reported, Dissection d, HttpDissector h, boolean tree) {
        boolean canDesegment = d.canDesegment;
        d.canDesegment = false;
        try {
            byte[] bytes = null;
            int length = datalen;
            int repLength = reported;
            int used = datalen;
            if (h.chunked()) {
                Dechunked dc = dechunk(buf, off, datalen, reported, h.text(), d, tree);
                if (dc.consumed == 0) {
                    return used;
                }
                bytes = dc.data;
                length = dc.length;
                repLength = length;
                used = dc.consumed;
                d.dataSource("De-chunked entity body", Unpooled.wrappedBuffer(bytes, 0, length), length);
            }
            int te = h.transferEncoding();
            if (te == HttpDissector.TE_COMPRESS || te == HttpDissector.TE_DEFLATE || te == HttpDissector.TE_GZIP) {
                callData(buf, off, bytes, length, d);
                return used;
            }
            String ce = h.contentEncoding();
            if (ce != null && !ce.equalsIgnoreCase("identity")) {
                byte[] in = bytes != null ? java.util.Arrays.copyOf(bytes, length) : copy(buf, off, length);
                byte[] out = null;
                if (ce.equalsIgnoreCase("gzip") || ce.equalsIgnoreCase("deflate") || ce.equalsIgnoreCase("x-gzip")
                        || ce.equalsIgnoreCase("x-deflate")) {
                    out = uncompress(in);
                }
                int row = -1;
                if (tree) {
                    row = d.addText(HttpDissector.TEXT, off, length, "Content-encoded entity body (" + ce + "): "
                            + length + " bytes" + (out != null ? " -> " + out.length + " bytes" : ""));
                }
                if (out == null) {
                    // the encoded body as data under that item
                    d.openRow(row);
                    io.jcap.dissect.Expert.add(d, HttpFields.DECOMPRESSION_FAILED, io.jcap.dissect.Expert.Severity.WARNING,
                            io.jcap.dissect.Expert.Group.UNDECODED, HttpFields.DECOMPRESSION_FAILED.name, off, length);
                    callData(buf, off, bytes, length, d);
                    if (row >= 0) {
                        d.close();
                    }
                    return used;
                }
                bytes = out;
                length = out.length;
                repLength = length;
                d.dataSource("Uncompressed entity body", Unpooled.wrappedBuffer(out), out.length);
            }
            if (tree) {
                int row = d.addObject(HttpFields.FILE_DATA, off, length, fileData(buf, off, bytes, length));
                d.setText(row, "File Data: " + repLength + " bytes");
            }
            if (length == 0) {
                return used;
            }
            if (bytes == null) {
                media(buf, off, length, d, h, tree);
            } else {
                PacketBuffer.Saved saved = buf.switchTo(Unpooled.wrappedBuffer(bytes, 0, length), length);
                try {
                    media(buf, 0, length, d, h, tree);
                } finally {
                    buf.switchBack(saved);
                }
            }
            return used;
        } finally {
            d.canDesegment = canDesegment;
        }
    }

    /** http.file_data's value: the body as text (its bytes as ISO 8859-1 characters where not UTF-8). */
    private static String fileData(PacketBuffer buf, int off, byte[] bytes, int length) {
        String s;
        if (bytes != null) {
            s = new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
        } else {
            int n = Math.max(0, Math.min(length, buf.capturedRemaining(off)));
            s = HttpText.utf8(buf, off, n);
        }
        // a C string: what tshark shows ends at the first NUL
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private void callData(PacketBuffer buf, int off, byte[] bytes, int length, Dissection d) {
        if (bytes == null) {
            d.call(data, off, off + length);
            return;
        }
        PacketBuffer.Saved saved = buf.switchTo(Unpooled.wrappedBuffer(bytes, 0, length), length);
        try {
            d.call(data, 0, length);
        } finally {
            buf.switchBack(saved);
        }
    }

    private static byte[] copy(PacketBuffer buf, int off, int len) {
        byte[] b = new byte[len];
        buf.bytes(off, b, 0, len);
        return b;
    }

    // ------------------------------------------------------------------------------------------
    // the media-type dissectors

    private void media(PacketBuffer buf, int off, int len, Dissection d, HttpDissector h, boolean tree) {
        String ct = h.contentType();
        int kind = 0;
        if (ct != null) {
            Integer k = MEDIA.get(ct);
            if (k == null && ct.startsWith("multipart/")) {
                k = MULTIPART;
            }
            kind = k == null ? 0 : k;
        }
        int end = off + len;
        if (ct == null && !isPng(buf, off, end) && !isJfif(buf, off, end) && !isGif(buf, off, end)) {
            // no media type: the data dissector, under the HTTP item
            d.call(data, off, end);
            return;
        }
        if (tree && (kind == PNG && !isPng(buf, off, end) || kind == GIF && !isGif(buf, off, end)
                || kind == JFIF && !isJfif(buf, off, end))) {
            // the dissector registered for the media type refused the body
            io.jcap.dissect.Expert.add(d, HttpFields.SUBDISSECTOR_FAILED, io.jcap.dissect.Expert.Severity.NOTE,
                    io.jcap.dissect.Expert.Group.MALFORMED, HttpFields.SUBDISSECTOR_FAILED.name, off, 0);
        }
        // the layers of the body are at the top level of the tree
        h.closeTree(d);
        boolean done = kind != 0 && call(kind, buf, off, end, d, ct, h, tree);
        if (!done) {
            done = png(buf, off, end, d, tree) || jfif(buf, off, end, d, tree) || gif(buf, off, end, d, tree);
        }
        if (!done) {
            d.enter(MediaFields.PROTOCOL);
            d.info.append(" (").append(ct).append(')');
            if (tree) {
                d.open(MediaFields.PROTOCOL.field, off, len);
                int row = bytesItem(d, buf, MediaFields.TYPE, off, len);
                String params = h.contentTypeParameters();
                d.setText(row, "Media type: " + ct + (params != null ? "; " + params : "") + " (" + len
                        + (len == 1 ? " byte)" : " bytes)"));
                d.close();
            }
        }
    }

    /** A bytes item; its value kept with the row when the bytes are not the frame's. */
    static int bytesItem(Dissection d, PacketBuffer buf, io.jcap.field.FieldDef f, int off, int len) {
        if (d.frame != null && buf.raw() != d.frame.data) {
            int n = Math.max(0, Math.min(len, buf.capturedRemaining(off)));
            byte[] b = new byte[n];
            buf.bytes(off, b, 0, n);
            return d.addObject(f, off, len, b);
        }
        return d.addBytes(f, off, len);
    }

    private static void layer(Dissection d, io.jcap.field.Protocol p, int off, int len, boolean tree) {
        if (tree) {
            d.open(p.field, off, len);
            d.close();
        }
    }

    private boolean call(int kind, PacketBuffer buf, int off, int end, Dissection d, String ct, HttpDissector h,
                         boolean tree) {
        int len = end - off;
        switch (kind) {
            case TEXT -> {
                if (len > 38 && HttpText.equalsIgnoreCase(buf, off, "<?xml")) {
                    xml(buf, d, "/XML", off, len, tree);
                    return true;
                }
                d.enter(TextLinesFields.PROTOCOL);
                d.info.sep(" ").append('(').append(ct).append(')');
                io.jcap.proto.media.TextLines.tree(d, buf, off, len, ct);
                return true;
            }
            case JSON -> {
                d.enter(JsonFields.PROTOCOL);
                appendProtocol(d, "/JSON");
                d.info.sep(", ").append("JavaScript Object Notation");
                d.info.sep(" ").append('(').append(ct).append(')');
                if (d.tree()) {
                    int row = d.open(JsonFields.PROTOCOL.field, off, len);
                    d.setText(row, "JavaScript Object Notation: " + ct);
                    boolean valid = io.jcap.proto.json.JsonTree.valid(buf, off, len);
                    if (valid) {
                        io.jcap.proto.json.JsonTree.tree(d, buf, off, len);
                    }
                    d.close();
                    if (!valid) {
                        // not JSON after all: the lines of text
                        d.enter(TextLinesFields.PROTOCOL);
                        io.jcap.proto.media.TextLines.tree(d, buf, off, len, ct);
                    }
                }
                return true;
            }
            case XML -> {
                xml(buf, d, XML_NAMESPACES.getOrDefault(ct, "/XML"), off, len, tree);
                return true;
            }
            case PNG -> {
                return png(buf, off, end, d, tree);
            }
            case GIF -> {
                return gif(buf, off, end, d, tree);
            }
            case JFIF -> {
                return jfif(buf, off, end, d, tree);
            }
            case URLENCODED -> {
                d.enter(UrlencodedFormFields.PROTOCOL);
                d.info.sep(" ").append('(').append(ct).append(')');
                io.jcap.proto.media.UrlencodedForm.tree(d, buf, off, len, ct);
                return true;
            }
            case DATA, MULTIPART -> {
                d.call(data, off, end);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void appendProtocol(Dissection d, String suffix) {
        if (d.columnsWritable()) {
            d.protocol = d.protocol.isEmpty() ? suffix.substring(1) : d.protocol + suffix;
        }
    }

    private static void xml(PacketBuffer buf, Dissection d, String suffix, int off, int len, boolean tree) {
        d.enter(XmlFields.PROTOCOL);
        appendProtocol(d, suffix);
        if (d.tree()) {
            d.open(XmlFields.PROTOCOL.field, off, len);
            io.jcap.proto.xml.XmlTree.tree(d, buf, off, len);
            d.close();
        }
    }

    private static final byte[] PNG_MAGIC = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private static boolean isPng(PacketBuffer buf, int off, int end) {
        if (Math.min(end, buf.capturedEnd()) - off < 20) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (buf.byteAt(off + i) != (PNG_MAGIC[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean png(PacketBuffer buf, int off, int end, Dissection d, boolean tree) {
        if (!isPng(buf, off, end)) {
            return false;
        }
        d.enter(PngFields.PROTOCOL);
        d.info.append(" (PNG)");
        layer(d, PngFields.PROTOCOL, off, end - off, tree);
        return true;
    }

    private static boolean isGif(PacketBuffer buf, int off, int end) {
        if (end - off < 20 || buf.capturedRemaining(off) < 6) {
            return false;
        }
        String v = HttpText.ascii(buf, off, 6);
        return v.equals("GIF87a") || v.equals("GIF89a");
    }

    private static boolean gif(PacketBuffer buf, int off, int end, Dissection d, boolean tree) {
        if (!isGif(buf, off, end)) {
            return false;
        }
        String v = HttpText.ascii(buf, off, 6);
        d.enter(GifFields.PROTOCOL);
        d.info.append(" (").append(v).append(')');
        if (d.tree()) {
            int top = d.open(GifFields.PROTOCOL.field, off, end - off);
            try {
                io.jcap.proto.media.GifTree.tree(d, buf, off, end, top);
            } finally {
                d.close();
            }
        }
        return true;
    }

    private static boolean isJfif(PacketBuffer buf, int off, int end) {
        if (end - off < 20 || buf.capturedRemaining(off) < 2) {
            return false;
        }
        if (buf.u16(off) != 0xFFD8) {
            return false;
        }
        if (buf.capturedRemaining(off + 6) < 5) {
            return false;
        }
        boolean exif = HttpText.startsWith(buf, off + 6, 4, "Exif") && buf.byteAt(off + 10) == 0;
        boolean jfif = HttpText.startsWith(buf, off + 6, 4, "JFIF") && buf.byteAt(off + 10) == 0;
        return exif || jfif;
    }

    private static boolean jfif(PacketBuffer buf, int off, int end, Dissection d, boolean tree) {
        if (!isJfif(buf, off, end)) {
            return false;
        }
        d.enter(JfifFields.PROTOCOL);
        d.info.sep(" ").append("(JPEG JFIF image)");
        layer(d, JfifFields.PROTOCOL, off, end - off, tree);
        return true;
    }

    // ------------------------------------------------------------------------------------------
    // chunked transfer coding

    private static final class Dechunked {
        byte[] data;
        int length;
        int consumed;
    }

    /** chunked_encoding_dissector: the chunks' data, and how much of the body the chunks used (0: none). */
    private static Dechunked dechunk(PacketBuffer buf, int start, int captured, int reported, HttpText t,
                                     Dissection d, boolean tree) {
        int capEnd = start + captured;
        int repEnd = start + reported;
        int datalen = reported;
        int orig = datalen;
        ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.min(Math.max(captured, 0), 1 << 20));
        int offset = start;
        int saved = buf.narrow(repEnd);
        boolean opened = false;
        try {
            if (tree) {
                d.open(HttpDissector.TEXT, start, reported);
                d.setText(d.openRowIndex(), "HTTP chunked response");
                opened = true;
            }
            while (datalen > 0) {
                int avail = Math.max(0, Math.min(capEnd, buf.capturedEnd()) - offset);
                int linelen = avail == 0 ? -1 : t.findLineEnd(buf, offset, avail, true);
                if (linelen <= 0) {
                    break;
                }
                int chunkOffset = t.nextOffset;
                String cs = HttpText.ascii(buf, offset, linelen);
                int semi = cs.indexOf(';');
                if (semi >= 0) {
                    cs = cs.substring(0, semi);
                }
                long size = strtolHex(cs) & 0xFFFFFFFFL;
                if (size > datalen) {
                    size = datalen;
                }
                int n = (int) size;
                if (n > 0) {
                    // a size beyond the bytes there (it was clamped to what follows the size line): tshark's
                    // copy of the chunk fails here, before any item of the chunk is added
                    buf.check(chunkOffset, n);
                    int got = Math.max(0, Math.min(n, buf.capturedEnd() - chunkOffset));
                    byte[] tmp = new byte[got];
                    buf.bytes(chunkOffset, tmp, 0, got);
                    raw.write(tmp, 0, got);
                }
                if (tree) {
                    int sub = d.open(HttpDissector.TEXT, offset, chunkOffset - offset + n + (n > 0 ? 2 : 0));
                    d.setText(sub, n == 0 ? "End of chunked encoding" : "Data chunk (" + n + " octets)");
                    d.add(HttpFields.CHUNK_SIZE, offset, 1, n);
                    if (n > 0) {
                        bytesItem(d, buf, HttpFields.CHUNK_DATA, chunkOffset, n);
                        buf.check(chunkOffset + n, 2);
                        bytesItem(d, buf, HttpFields.CHUNK_BOUNDARY, chunkOffset + n, 2);
                    }
                    d.close();
                }
                offset = chunkOffset + n;
                if (n > 0) {
                    offset += 2;
                }
                datalen = Math.max(0, repEnd - offset);
                if (offset > repEnd) {
                    datalen = 0;
                }
                if (n == 0) {
                    int trailerOffset = offset;
                    int trailerLen;
                    int fieldLen;
                    do {
                        trailerLen = trailerOffset - offset;
                        int lim = Math.min(datalen - trailerLen, Math.max(0, buf.capturedEnd() - trailerOffset));
                        fieldLen = lim <= 0 ? -1 : t.findLineEnd(buf, trailerOffset, lim, true);
                        if (fieldLen >= 0) {
                            trailerOffset = t.nextOffset;
                        }
                    } while (fieldLen > 0);
                    if (trailerLen > 0) {
                        if (tree) {
                            d.addObject(HttpFields.CHUNKED_TRAILER_PART, offset, trailerLen,
                                    HttpText.utf8(buf, offset, trailerLen));
                        }
                        offset += trailerLen;
                        datalen -= trailerLen;
                    }
                    if (fieldLen == 0) {
                        if (tree) {
                            d.addText(HttpDissector.TEXT, offset, trailerOffset - offset,
                                    HttpDissector.lineText(buf, offset, trailerOffset - offset));
                        }
                        datalen -= trailerOffset - offset;
                    }
                    break;
                }
            }
        } finally {
            if (opened) {
                d.close();
            }
            buf.restore(saved);
        }
        Dechunked r = new Dechunked();
        r.consumed = datalen < orig ? orig - datalen : 0;
        r.data = raw.toByteArray();
        r.length = r.data.length;
        return r;
    }

    /** strtol(s, NULL, 16) narrowed to 32 bits. */
    private static long strtolHex(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && HttpText.isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        long v = 0;
        boolean overflow = false;
        while (i < n && s.charAt(i) < 128 && Character.digit(s.charAt(i), 16) >= 0) {
            if (v > (Long.MAX_VALUE >> 4)) {
                overflow = true;
            } else {
                v = (v << 4) | Character.digit(s.charAt(i), 16);
            }
            i++;
        }
        if (overflow) {
            v = neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        } else if (neg) {
            v = -v;
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------
    // content coding (tvb_uncompress)

    /** zlib, then gzip (header skipped, raw deflate), then raw deflate; partial output counts, none is a failure. */
    static byte[] uncompress(byte[] in) {
        if (in.length == 0) {
            return null;
        }
        byte[] out = inflate(in, 0, in.length, false);
        if (out != null) {
            return out;
        }
        int start = 0;
        if (in.length >= 2 && (in[0] & 0xFF) == 0x1f && (in[1] & 0xFF) == 0x8b) {
            if (in.length < 10 || in[2] != 8) {
                return null;
            }
            int flags = in[3] & 0xFF;
            int c = 10;
            if ((flags & 4) != 0) {
                int x = 0;
                if (c < in.length) {
                    x += in[c++] & 0xFF;
                }
                if (c < in.length) {
                    x += (in[c++] & 0xFF) << 8;
                }
                c += x;
            }
            if ((flags & 8) != 0) {
                while (c < in.length && in[c] != 0) {
                    c++;
                }
                c++;
            }
            if ((flags & 16) != 0) {
                while (c < in.length && in[c] != 0) {
                    c++;
                }
                c++;
            }
            if (c > in.length) {
                return null;
            }
            start = c;
        }
        return inflate(in, start, in.length - start, true);
    }

    private static final int MAX_INFLATED = 64 << 20;

    private static byte[] inflate(byte[] in, int off, int len, boolean raw) {
        Inflater inf = new Inflater(raw);
        try {
            inf.setInput(in, off, len);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, Math.min(len * 4, 1 << 20)));
            byte[] chunk = new byte[32768];
            boolean any = false;
            while (!inf.finished()) {
                int n;
                try {
                    n = inf.inflate(chunk);
                } catch (DataFormatException e) {
                    return any ? out.toByteArray() : null;
                }
                if (n > 0) {
                    out.write(chunk, 0, n);
                    any = true;
                    if (out.size() > MAX_INFLATED) {
                        break;
                    }
                } else if (inf.needsInput() || inf.needsDictionary()) {
                    return any ? out.toByteArray() : null;
                }
            }
            return out.toByteArray();
        } finally {
            inf.end();
        }
    }
}
