package io.jcap.proto.http;

import io.jcap.dissect.Hindsight;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.Expert;
import io.jcap.frame.Frame;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.tcp.TcpDissector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.x over TCP as tshark 4.0 shows it with default preferences (http.desegment_headers
 * and http.desegment_body on): on the ports of the http.tcp.port preference and, through
 * the "http" TCP heuristic, on connections whose first line starts or ends with
 * "HTTP/1.". The request or status line goes to the Info column followed by a space
 * ({@code GET / HTTP/1.1 }); headers are complete before a message is dissected, and so is
 * its body: by Content-Length, chunked transfer coding, or (responses without either) up
 * to the end of the connection. Until then TCP shows the segments as
 * "[TCP segment of a reassembled PDU]". The body goes to the media-type dissectors
 * ({@link HttpBodies}), which add e.g. {@code  (text/html)} or make the Protocol
 * {@code HTTP/JSON}.
 *
 * <p>The -V tree is tshark's: the request or status line as a text item holding the chat
 * expert info and its fields (method, URI with its path, query and parameters, version; or
 * version, code, description, phrase), each header line (known headers as their field with a
 * hidden http.request.line / http.response.line, others as that line), the empty line, the
 * generated full URI, request/response numbers, links and time, then the body items
 * (chunks, content coding, File Data). The layers the body goes to are top-level items
 * after HTTP's, except raw data when there is no Content-Type, which stays under HTTP.
 *
 * <p>Per-connection state (the last request's method and URI, the request/response
 * matching) is kept per TCP stream, bounded to {@link #MAX_CONVERSATIONS} connections.
 */
public final class HttpDissector implements Dissector {
    /** The http.tcp.port preference's default range. */
    static final int[] TCP_PORTS = {80, 3128, 3132, 5985, 8080, 8088, 11371, 1900, 2869, 2710};
    static final int MAX_CONVERSATIONS = 65_536;

    static final int REQUEST = 0;
    static final int RESPONSE = 1;
    static final int NOTIFICATION = 2;
    static final int OTHERS = 3;

    // transfer codings other than chunked
    static final int TE_NONE = 0;
    static final int TE_COMPRESS = 1;
    static final int TE_DEFLATE = 2;
    static final int TE_GZIP = 3;
    static final int TE_IDENTITY = 4;
    static final int TE_UNKNOWN = 5;

    /** A request and its response (http_req_res_t). */
    static final class ReqRes {
        int number;
        long reqFrame;
        long resFrame;
        long reqTime = Long.MIN_VALUE;
        ReqRes prev;
    }

    /** What HTTP remembers about one connection (http_conv_t). */
    static final class Conv {
        String requestMethod;
        String requestUri;
        String fullUri;
        String httpHost;
        int responseCode;
        long startFrame;
        int startOffset;
        int reqResNum;
        ReqRes tail;
    }

    private final TcpDissector tcp;
    /** The connections whose request/response state is kept (-o http.max_conversations). */
    private int maxConversations = MAX_CONVERSATIONS;
    /** Connections forgotten at the bound since the last note. */
    private int evicted;
    /** jcap's expert item for connection state dropped at -o http.max_conversations. */
    static final io.jcap.field.FieldDef CONVERSATIONS_LIMIT = HttpFields.PROTOCOL.label("http.conversations.limit",
            "Conversation limit reached");
    private final HttpBodies bodies;
    /** What the first pass of -2 learned of later messages (responses, next requests, totals). */
    private final io.jcap.dissect.Hindsight hindsight;
    private final HttpText t = new HttpText();
    private final Map<Integer, Conv> conversations = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Conv> eldest) {
            if (size() > maxConversations) {
                evicted++;
                return true;
            }
            return false;
        }
    };
    private final Dissector heuristic = this::heuristic;

    // ---- the message being dissected (headers_t and stat_info)
    private String contentType;
    private String contentTypeParameters;
    private boolean haveContentLength;
    private long contentLength;
    private String contentEncoding;
    private boolean chunked;
    private int transferEncoding;
    private String upgrade;
    private int responseCode;
    private String statRequestUri;
    private String statHost;
    private boolean statRequest;
    private int messageType;
    /** pinfo->desegment_offset left set (without a length) by the end of a chunked body. */
    private boolean chunkEndSeen;
    /** The HTTP item is still the open item (the body layers after it go to the top level). */
    private boolean httpTreeOpen;
    /** Whether this segment showed anything of HTTP: if not, its layer leaves frame.protocols. */
    private boolean visible;
    /** The request/response of the first message of the current frame (p_get_proto_data). */
    private long curFrame = -1;
    private ReqRes curReqRes;

    public HttpDissector(EngineBuilder b, DataDissector data) {
        this.hindsight = b.hindsight();
        b.protocol(HttpFields.PROTOCOL);
        this.bodies = new HttpBodies(b, data);
        this.tcp = TcpDissector.of(b);
        this.maxConversations = b.limits().getInt(io.jcap.dissect.Limits.HTTP_CONVERSATIONS);
        DissectorTable ports = b.table("tcp.port", "TCP port", 1 << 16);
        for (int p : TCP_PORTS) {
            ports.add(p, this, "http");
        }
        tcp.addHeuristic("http_tcp", heuristic, this);
    }

    private Conv conversation() {
        Integer key = tcp.stream();
        Conv c = conversations.get(key);
        if (c == null) {
            c = new Conv();
            conversations.put(key, c);
        }
        return c;
    }

    // ------------------------------------------------------------------------------------------
    // dissect_http_heur_tcp / dissect_http_tcp

    /** The TCP heuristic: a first line (with its end) that starts or ends with "HTTP/1.". */
    private int heuristic(PacketBuffer buf, int offset, Dissection d) {
        int cap = buf.capturedRemaining(offset);
        if (cap == 0) {
            return REJECT;
        }
        int linelen = t.findLineEnd(buf, offset, cap, true);
        if (linelen == -1 || linelen == 8) {
            return REJECT;
        }
        // a negative offset counts from the end of the bytes, as tvb offsets do
        int at = linelen - 8 >= 0 ? offset + linelen - 8 : buf.capturedEnd() + (linelen - 8);
        if (!(at >= offset && HttpText.equalsIgnoreCase(buf, at, "HTTP/1."))
                && !HttpText.equalsIgnoreCase(buf, offset, "HTTP/1.")) {
            return REJECT;
        }
        return dissect(buf, offset, d);
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        int layersBefore = d.layerCount();
        visible = false;
        d.enter(HttpFields.PROTOCOL);
        Conv cv = conversation();
        Frame f = d.frame;
        long frameNo = f == null ? 0 : f.number;
        if (frameNo >= cv.startFrame && cv.responseCode == 200 && cv.requestMethod != null
                && cv.requestMethod.startsWith("CONNECT") && cv.requestUri != null) {
            // a CONNECT tunnel: its protocol is not dissected
            if (cv.startFrame == 0) {
                cv.startFrame = frameNo;
                cv.startOffset = 0;
            }
            bodies.data(buf, offset, buf.end(), d);
            return Math.max(1, buf.capturedRemaining(offset));
        }
        boolean endOfStream = tcp.fin();
        chunkEndSeen = false;
        int off = offset;
        while (buf.end() - off > 0) {
            if (cv.startFrame != 0 && (frameNo > cv.startFrame || frameNo == cv.startFrame
                    && off - offset >= cv.startOffset)) {
                // after a protocol switch (101 Switching Protocols): not dissected here
                visible = true;
                bodies.data(buf, off, buf.end(), d);
                break;
            }
            int len = message(buf, offset, off, d, cv, endOfStream, frameNo);
            if (len == -1) {
                break;
            }
            off += len;
            d.info.fence();
        }
        if (!visible) {
            // text that never looked like HTTP: tshark shows neither HTTP nor data for it
            d.truncateLayers(layersBefore);
        }
        return Math.max(1, buf.capturedRemaining(offset));
    }

    // ------------------------------------------------------------------------------------------
    // dissect_http_message

    /** Items that are only text in tshark's tree (proto_tree_add_format_text). */
    static final io.jcap.field.FieldDef TEXT = new io.jcap.field.Protocol("", "", "").field;

    /** A line as format_text shows it, its end of line included ("GET / HTTP/1.1\\r\\n"). */
    static String lineText(PacketBuffer buf, int off, int len) {
        StringBuilder sb = new StringBuilder(len + 8);
        HttpText.formatText(sb, buf, off, len);
        return sb.toString();
    }

    private static boolean isPrint(int c) {
        return c >= 0x20 && c < 0x7F;
    }

    /** Opens the HTTP item of a message, with the notes that head it; -1 when no tree is built. */
    private int openTop(PacketBuffer buf, int start, Dissection d, boolean leadingCrlf) {
        if (!d.tree()) {
            evicted = 0;
            return -1;
        }
        int top = d.open(HttpFields.PROTOCOL.field, start, buf.capturedRemaining(start));
        if (evicted > 0) {
            Expert.add(d, CONVERSATIONS_LIMIT, Expert.Severity.NOTE, Expert.Group.SEQUENCE,
                    "Conversation limit reached: " + evicted + (evicted == 1 ? " connection" : " connections")
                            + " forgotten", start, 0);
        }
        evicted = 0;
        if (leadingCrlf) {
            String m = HttpFields.LEADING_CRLF.name;
            d.openRow(d.addText(TEXT, start, 2, m));
            Expert.add(d, HttpFields.LEADING_CRLF, Expert.Severity.ERROR, Expert.Group.MALFORMED, m, start, 2);
            d.close();
        }
        return top;
    }

    /** One message at {@code start} of the bytes from {@code base}; its length, or -1 when it needs more or is not HTTP. */
    private int message(PacketBuffer buf, int base, int start, Dissection d, Conv cv, boolean endOfStream,
                        long frameNo) {
        final boolean tree = d.tree();
        int offset = start;
        int end = buf.end();
        if (end - offset < 1) {
            return -1;
        }
        boolean leadingCrlf = false;
        if (end - offset > 3 && buf.u16(offset) == 0x0d0a) {
            leadingCrlf = true;
            offset += 2;
        }
        boolean haveSeenHttp = cv.requestUri != null;
        if (!isPrint(buf.u8(offset))) {
            if (haveSeenHttp) {
                visible = true;
                d.setProtocol("HTTP");
                d.info.set("Continuation");
                int top = tree ? d.open(HttpFields.PROTOCOL.field, offset, buf.capturedRemaining(offset)) : -1;
                bodies.data(buf, start, end, d);
                if (top >= 0) {
                    d.close();
                }
            }
            return -1;
        }
        int capRem = ensureCapturedRemaining(buf, offset);
        int firstLen = t.findLineEnd(buf, offset, capRem, true);
        if (firstLen == -1 && !doReassembly(buf, base, offset, d, true, false)) {
            return -1;
        }
        int firstType = firstLen >= 0 ? classify(buf, offset, firstLen) : -1;
        boolean isReqResp = firstType >= 0;
        if (isReqResp) {
            d.info.clear();
            StringBuilder sb = d.info.builder();
            HttpText.formatText(sb, buf, offset, firstLen);
            sb.append(' ');
            boolean tryBody = !endOfStream;
            if (tryBody && firstType == RESPONSE) {
                int code = statusCode(buf, offset, firstLen);
                String m = cv.requestMethod;
                if ("HEAD".equals(m) || code / 100 == 2 && ("CONNECT".equals(m) || "SSTP_DUPLEX_POST".equals(m))
                        || code / 100 == 1 || code == 204 || code == 304) {
                    tryBody = false;
                }
            }
            if (!doReassembly(buf, base, offset, d, tryBody, firstType == RESPONSE)) {
                return -1;
            }
        } else if (haveSeenHttp) {
            d.info.set("Continuation");
        }
        int top = -1;
        // text that is neither a message start nor known HTTP shows nothing until a line looks like HTTP
        boolean shown = isReqResp || haveSeenHttp;
        if (shown) {
            d.setProtocol("HTTP");
            top = openTop(buf, start, d, leadingCrlf);
        }
        // ---- the lines
        messageType = OTHERS;
        contentType = null;
        contentTypeParameters = null;
        haveContentLength = false;
        contentLength = 0;
        contentEncoding = null;
        chunked = false;
        transferEncoding = TE_NONE;
        upgrade = null;
        responseCode = 0;
        statRequestUri = null;
        statHost = null;
        statRequest = false;
        boolean sawLine = false;
        int capEnd = buf.capturedEnd();
        while (offset < capEnd) {
            int linelen = t.findLineEnd(buf, offset, capEnd - offset, false);
            int next = t.nextOffset;
            int type = classify(buf, offset, linelen);
            int colon = -1;
            if (type < 0 && linelen != 0) {
                for (int i = offset; i < offset + linelen; i++) {
                    if (buf.byteAt(i) == ':') {
                        colon = i;
                        break;
                    }
                }
                if (colon < 0) {
                    if (sawLine) {
                        buf.check(offset, linelen + 1);
                    }
                    break;
                }
            }
            if (!shown) {
                shown = true;
                top = openTop(buf, start, d, leadingCrlf);
            }
            if (linelen == 0) {
                if (tree) {
                    // the empty line that ends the headers
                    d.addText(TEXT, offset, next - offset, lineText(buf, offset, next - offset));
                }
                offset = next;
                break;
            }
            sawLine = true;
            if (type >= 0) {
                messageType = type;
                if (tree) {
                    // the request or status line: a text item with the chat expert info and its fields
                    String text = lineText(buf, offset, next - offset);
                    d.openRow(d.addText(TEXT, offset, next - offset, text));
                    Expert.add(d, HttpFields.CHAT, Expert.Severity.CHAT, Expert.Group.SEQUENCE, text, offset, 0);
                }
                if (type == RESPONSE) {
                    responseLine(buf, offset, linelen, next, d, cv, tree);
                } else {
                    String method = HttpText.ascii(buf, offset + methodStart(buf, offset, linelen),
                            methodLength(buf, offset, linelen));
                    cv.requestMethod = method;
                    statRequest = true;
                    requestLine(buf, offset, linelen, next, d, cv, tree);
                }
                if (tree) {
                    d.close();
                }
            } else {
                header(buf, offset, next, linelen, colon, d, cv, tree);
            }
            offset = next;
        }

        if (!shown) {
            return -1;
        }
        visible = true;

        // ---- the full URI, request/response matching
        if (statHost != null && statRequestUri != null) {
            String uri;
            if (regionIgnoreCase(statRequestUri, "http://") || regionIgnoreCase(statRequestUri, "https://")
                    || cv.requestMethod != null && regionIgnoreCase(cv.requestMethod, "CONNECT")) {
                uri = statRequestUri;
            } else {
                uri = "http://" + statHost.strip() + statRequestUri;
            }
            cv.fullUri = uri;
            if (tree) {
                d.flag(d.addObject(HttpFields.REQUEST_FULL_URI, 0, 0, uri), Dissection.GENERATED);
            }
        }
        if (messageType == REQUEST) {
            ReqRes r = new ReqRes();
            r.number = ++cv.reqResNum;
            r.prev = cv.tail;
            cv.tail = r;
            r.reqFrame = frameNo;
            r.reqTime = d.frame == null ? 0 : d.frame.seconds * 1_000_000_000L + d.frame.nanos;
            remember(frameNo, r);
            if (r.prev != null) {
                hindsight.note(Hindsight.Fact.HTTP_NEXT_REQUEST_IN, r.prev.reqFrame, frameNo);
                hindsight.note(Hindsight.Fact.HTTP_NEXT_REQUEST_IN, r.prev.resFrame, frameNo);
            }
            hindsight.note(Hindsight.Fact.HTTP_MESSAGES, tcp.stream(), cv.reqResNum);
        } else if (messageType == RESPONSE) {
            ReqRes r = cv.tail;
            if (r == null || r.resFrame > 0) {
                ReqRes n = new ReqRes();
                n.number = ++cv.reqResNum;
                n.prev = cv.tail;
                cv.tail = n;
                r = n;
            }
            r.resFrame = frameNo;
            remember(frameNo, r);
            hindsight.note(Hindsight.Fact.HTTP_RESPONSE_IN, r.reqFrame, frameNo);
            if (r.prev != null) {
                hindsight.note(Hindsight.Fact.HTTP_NEXT_RESPONSE_IN, r.prev.resFrame, frameNo);
            }
            hindsight.note(Hindsight.Fact.HTTP_MESSAGES, tcp.stream(), cv.reqResNum);
        }
        if (cv.tail != null && cv.tail.prev != null) {
            cv.tail.prev.prev = null; // only the previous pair is ever shown: older ones are let go
        }
        if (tree) {
            matching(d, cv, frameNo);
        }

        // ---- the body
        if (top >= 0) {
            // tshark's HTTP item spans the headers; the body's items follow in its tree
            d.setLength(top, offset - start);
        }
        int reportedDatalen = Math.max(0, end - offset);
        int datalen = Math.max(0, capEnd - offset);
        boolean toEnd = false;
        if (haveContentLength && transferEncoding == TE_NONE) {
            if (datalen > contentLength) {
                datalen = (int) contentLength;
            }
            if (reportedDatalen > contentLength) {
                reportedDatalen = (int) contentLength;
            }
        } else {
            switch (messageType) {
                case REQUEST -> {
                    if (transferEncoding == TE_NONE) {
                        datalen = 0;
                    } else {
                        toEnd = true;
                    }
                }
                case RESPONSE -> {
                    if (responseCode / 100 == 1 || responseCode == 204 || responseCode == 304) {
                        datalen = 0;
                    } else {
                        toEnd = true;
                    }
                }
                default -> toEnd = true;
            }
        }
        if (datalen > 0) {
            int reported = toEnd ? Math.max(0, end - offset) : reportedDatalen;
            httpTreeOpen = top >= 0;
            int used = bodies.body(buf, offset, datalen, reported, d, this, tree);
            offset += used;
        }

        // ---- protocol switches after a complete response
        if (cv.requestMethod != null && messageType == RESPONSE && d.desegmentLength == 0 && !chunkEndSeen) {
            boolean acked = false;
            if ("SSTP_DUPLEX_POST".equals(cv.requestMethod) && cv.responseCode == 200) {
                acked = true;
            }
            if (upgrade != null && cv.responseCode == 101) {
                acked = true;
            }
            if (acked) {
                cv.startFrame = frameNo;
                cv.startOffset = offset - base;
            }
        }
        if (top >= 0 && httpTreeOpen) {
            d.close();
        }
        httpTreeOpen = false;
        return offset - start;
    }

    private void remember(long frameNo, ReqRes r) {
        if (curFrame != frameNo) {
            curFrame = frameNo;
            curReqRes = r;
        }
    }

    private void matching(Dissection d, Conv cv, long frameNo) {
        ReqRes curr = curFrame == frameNo ? curReqRes : null;
        ReqRes prev = curr != null ? curr.prev : null;
        switch (messageType) {
            case NOTIFICATION -> d.flag(d.add(HttpFields.NOTIFICATION, 0, 0, 1), Dissection.HIDDEN);
            case RESPONSE -> {
                d.flag(d.add(HttpFields.RESPONSE, 0, 0, 1), Dissection.HIDDEN);
                if (curr != null) {
                    int row = d.add(HttpFields.RESPONSE_NUMBER, 0, 0, curr.number);
                    d.setText(row, "HTTP response " + curr.number + "/" + messages(cv));
                    d.flag(row, Dissection.GENERATED);
                    if (curr.reqTime != Long.MIN_VALUE) {
                        long now = d.frame == null ? 0 : d.frame.seconds * 1_000_000_000L + d.frame.nanos;
                        d.flag(d.add(HttpFields.TIME, 0, 0, now - curr.reqTime), Dissection.GENERATED);
                    }
                }
                if (prev != null && prev.reqFrame != 0) {
                    d.flag(d.add(HttpFields.PREV_REQUEST_IN, 0, 0, prev.reqFrame), Dissection.GENERATED);
                }
                if (prev != null && prev.resFrame != 0) {
                    d.flag(d.add(HttpFields.PREV_RESPONSE_IN, 0, 0, prev.resFrame), Dissection.GENERATED);
                }
                if (curr != null && curr.reqFrame != 0) {
                    d.flag(d.add(HttpFields.REQUEST_IN, 0, 0, curr.reqFrame), Dissection.GENERATED);
                }
                later(d, Hindsight.Fact.HTTP_NEXT_REQUEST_IN, HttpFields.NEXT_REQUEST_IN, frameNo);
                later(d, Hindsight.Fact.HTTP_NEXT_RESPONSE_IN, HttpFields.NEXT_RESPONSE_IN, frameNo);
                String uri = cv.fullUri != null ? cv.fullUri : cv.requestUri;
                if (uri != null) {
                    d.flag(d.addObject(HttpFields.RESPONSE_FOR_URI, 0, 0, uri), Dissection.GENERATED);
                }
            }
            case REQUEST -> {
                d.flag(d.add(HttpFields.REQUEST, 0, 0, 1), Dissection.HIDDEN);
                if (curr != null) {
                    int row = d.add(HttpFields.REQUEST_NUMBER, 0, 0, curr.number);
                    d.setText(row, "HTTP request " + curr.number + "/" + messages(cv));
                    d.flag(row, Dissection.GENERATED);
                }
                if (prev != null && prev.reqFrame != 0) {
                    d.flag(d.add(HttpFields.PREV_REQUEST_IN, 0, 0, prev.reqFrame), Dissection.GENERATED);
                }
                if (curr != null && curr.resFrame != 0) {
                    d.flag(d.add(HttpFields.RESPONSE_IN, 0, 0, curr.resFrame), Dissection.GENERATED);
                } else {
                    later(d, Hindsight.Fact.HTTP_RESPONSE_IN, HttpFields.RESPONSE_IN, frameNo);
                }
                later(d, Hindsight.Fact.HTTP_NEXT_REQUEST_IN, HttpFields.NEXT_REQUEST_IN, frameNo);
            }
            default -> {
            }
        }
    }

    /** The conversation's message count: its final one in the second pass of -2, as tshark shows it. */
    private long messages(Conv cv) {
        return hindsight.recall(Hindsight.Fact.HTTP_MESSAGES, tcp.stream(), cv.reqResNum);
    }

    /** A frame the first pass of -2 saw later (a response, the next request), as a generated item. */
    private void later(Dissection d, Hindsight.Fact fact, io.jcap.field.FieldDef field, long frameNo) {
        long in = hindsight.recall(fact, frameNo, 0);
        if (in > 0) {
            d.flag(d.add(field, 0, 0, in), Dissection.GENERATED);
        }
    }

    /** tvb_ensure_captured_length_remaining: at least one byte must be there. */
    private static int ensureCapturedRemaining(PacketBuffer buf, int offset) {
        int n = buf.capturedRemaining(offset);
        if (n == 0) {
            buf.check(offset, 1);
        }
        return n;
    }

    private static boolean regionIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    // ------------------------------------------------------------------------------------------
    // is_http_request_or_reply

    private static final String[][] METHODS = new String[17][];

    static {
        METHODS[3] = new String[] {"GET", "PUT"};
        METHODS[4] = new String[] {"COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST"};
        METHODS[5] = new String[] {"BCOPY", "BMOVE", "MKCOL", "TRACE", "PATCH", "LABEL", "MERGE"};
        METHODS[6] = new String[] {"DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY"};
        METHODS[7] = new String[] {"BDELETE", "CONNECT", "OPTIONS", "CHECKIN"};
        METHODS[8] = new String[] {"PROPFIND", "CHECKOUT", "CCM_POST"};
        METHODS[9] = new String[] {"SUBSCRIBE", "PROPPATCH", "BPROPFIND"};
        METHODS[10] = new String[] {"BPROPPATCH", "UNCHECKOUT", "MKACTIVITY"};
        METHODS[11] = new String[] {"MKWORKSPACE", "RPC_CONNECT", "RPC_IN_DATA", "UNSUBSCRIBE"};
        METHODS[12] = new String[] {"RPC_OUT_DATA"};
        METHODS[15] = new String[] {"VERSION-CONTROL"};
        METHODS[16] = new String[] {"BASELINE-CONTROL", "SSTP_DUPLEX_POST"};
    }

    private static int methodStart(PacketBuffer buf, int off, int len) {
        return len >= 2 && buf.byteAt(off) == 'M' && buf.byteAt(off + 1) == '-' ? 2 : 0;
    }

    private static int methodLength(PacketBuffer buf, int off, int len) {
        int s = methodStart(buf, off, len);
        int i = 0;
        while (i < len - s && buf.byteAt(off + s + i) != ' ') {
            i++;
        }
        return i;
    }

    /** REQUEST, RESPONSE or NOTIFICATION when the line is a request or status line, else -1. */
    static int classify(PacketBuffer buf, int off, int len) {
        if (len < 0) {
            return -1;
        }
        int s = methodStart(buf, off, len);
        int o = off + s;
        int n = len - s;
        if (n >= 5 && HttpText.startsWith(buf, o, n, "HTTP/") || n >= 3 && HttpText.startsWith(buf, o, n, "ICY")) {
            return RESPONSE;
        }
        int idx = 0;
        while (idx < n && buf.byteAt(o + idx) != ' ') {
            idx++;
        }
        if (idx >= METHODS.length || METHODS[idx] == null) {
            return -1;
        }
        for (String m : METHODS[idx]) {
            if (HttpText.startsWith(buf, o, idx, m)) {
                return m.equals("NOTIFY") || m.equals("SUBSCRIBE") || m.equals("UNSUBSCRIBE") ? NOTIFICATION
                        : REQUEST;
            }
        }
        return -1;
    }

    /** get_token_len: the token's length; sets {@link #tokenNext} past it and the blanks after it. */
    private int tokenNext;

    private int token(PacketBuffer buf, int p, int lineEnd) {
        int s = p;
        while (p < lineEnd && buf.byteAt(p) != ' ' && buf.byteAt(p) != '\r' && buf.byteAt(p) != '\n') {
            p++;
        }
        int len = p - s;
        while (p < lineEnd && buf.byteAt(p) == ' ') {
            p++;
        }
        tokenNext = p;
        return len;
    }

    /** parse_http_status_code: the second token when it has three characters, else 0. */
    private int statusCode(PacketBuffer buf, int off, int len) {
        int lineEnd = off + len;
        if (token(buf, off, lineEnd) == 0) {
            return 0;
        }
        int p = tokenNext;
        if (token(buf, p, lineEnd) != 3) {
            return 0;
        }
        String s = HttpText.ascii(buf, p, 3);
        long v = t.strtoll(s, 0);
        if (t.parsedEnd == 0 || t.parsedEnd != 3) {
            return 0;
        }
        return (int) v;
    }

    private void requestLine(PacketBuffer buf, int off, int linelen, int next, Dissection d, Conv cv, boolean tree) {
        // (tshark shows the line as a text item holding these fields; they are kept directly under http)
        int row = -1;
        int lineEnd = off + linelen;
        int line = off;
        int tl = token(buf, line, lineEnd);
        if (tl != 0) {
            if (tree) {
                d.addObject(HttpFields.REQUEST_METHOD, line, tl, HttpText.ascii(buf, line, tl));
            }
            int nt = tokenNext;
            if (nt - line > 2 && buf.byteAt(nt - 1) == ' ' && buf.byteAt(nt - 2) == ' ') {
                nt--;
            }
            int uri = nt;
            int ul = token(buf, uri, lineEnd);
            String requestUri = HttpText.utf8(buf, uri, ul);
            statRequestUri = requestUri;
            cv.requestUri = requestUri;
            if (tree) {
                int uriRow = d.addObject(HttpFields.REQUEST_URI, uri, ul, requestUri);
                int q = requestUri.indexOf('?');
                if (q >= 0 && requestUri.length() - q > 1) {
                    d.openRow(uriRow);
                    d.addObject(HttpFields.REQUEST_URI_PATH, uri, q, requestUri.substring(0, q));
                    String query = requestUri.substring(q + 1);
                    d.openRow(d.addObject(HttpFields.REQUEST_URI_QUERY, uri + q + 1, query.length(), query));
                    int qo = uri + q + 1;
                    for (String p : query.split("&")) {
                        if (!p.isEmpty()) {
                            d.addObject(HttpFields.REQUEST_URI_QUERY_PARAMETER, qo, p.length(), p);
                        }
                        qo += p.length() + 1;
                    }
                    d.close();
                    d.close();
                }
                int v = tokenNext;
                d.addObject(HttpFields.REQUEST_VERSION, v, lineEnd - v, HttpText.ascii(buf, v, lineEnd - v));
            }
        }
        if (row >= 0) {
            d.close();
        }
    }

    private void responseLine(PacketBuffer buf, int off, int linelen, int next, Dissection d, Conv cv,
                              boolean tree) {
        // (tshark shows the line as a text item holding these fields; they are kept directly under http)
        int row = -1;
        int lineEnd = off + linelen;
        int tl = token(buf, off, lineEnd);
        if (tl != 0) {
            if (tree) {
                d.addObject(HttpFields.RESPONSE_VERSION, off, tl, HttpText.ascii(buf, off, tl));
            }
            int p = tokenNext;
            int cl = token(buf, p, lineEnd);
            if (cl >= 3) {
                String s = HttpText.ascii(buf, p, 3);
                long v = t.strtoll(s, 0);
                if (t.parseRange) {
                    v = 0;
                }
                int code = (int) (v & 0xFFFFFFFFL);
                responseCode = code;
                cv.responseCode = code;
                if (tree) {
                    d.add(HttpFields.RESPONSE_CODE, p, 3, code & 0xFFFF);
                    d.flag(d.addObject(HttpFields.RESPONSE_CODE_DESC, p, 3, HttpStatus.describe(code)),
                            Dissection.GENERATED);
                    int ph = tokenNext;
                    if (lineEnd - ph >= 1) {
                        d.addObject(HttpFields.RESPONSE_PHRASE, ph, lineEnd - ph, HttpText.ascii(buf, ph, lineEnd - ph));
                    }
                }
            }
        }
        if (row >= 0) {
            d.close();
        }
    }

    // ------------------------------------------------------------------------------------------
    // process_header

    private static boolean tokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&\\:*+-.^_`|~".indexOf(c) >= 0;
    }

    private void header(PacketBuffer buf, int off, int next, int linelen, int colon, Dissection d, Conv cv,
                        boolean tree) {
        int len = next - off;
        int lineEnd = off + linelen;
        int nameLen = colon - off;
        boolean valid = nameLen != 0;
        for (int i = 0; valid && i < nameLen; i++) {
            int c = buf.byteAt(off + i);
            if (c == 0 || !tokenChar(c)) {
                valid = false;
            }
        }
        if (!valid) {
            if (tree) {
                int row = lineItem(buf, off, len, d, false);
                d.openRow(row);
                Expert.add(d, HttpFields.BAD_HEADER_NAME, Expert.Severity.WARNING, Expert.Group.PROTOCOL,
                        HttpFields.BAD_HEADER_NAME.name, off, len);
                d.close();
            }
            return;
        }
        HttpHeaders.Header h = HttpHeaders.find(buf, off, nameLen);
        int vo = colon + 1;
        while (vo < lineEnd && (buf.byteAt(vo) == ' ' || buf.byteAt(vo) == '\t')) {
            vo++;
        }
        int vl = lineEnd - vo;
        if (h == null) {
            if (tree) {
                lineItem(buf, off, len, d, false);
            }
            return;
        }
        int special = h.special();
        String value = tree || special == HttpHeaders.CONTENT_TYPE || special == HttpHeaders.CONTENT_LENGTH
                || special == HttpHeaders.CONTENT_ENCODING || special == HttpHeaders.TRANSFER_ENCODING
                || special == HttpHeaders.HOST || special == HttpHeaders.UPGRADE
                ? HttpText.utf8(buf, vo, vl) : null;
        int hdr = -1;
        if (tree) {
            StringBuilder sb = new StringBuilder();
            HttpText.formatText(sb, buf, off, len);
            hdr = d.addObject(h.field(), off, len, value);
            d.setText(hdr, sb.toString());
            lineItem(buf, off, len, d, true);
        }
        switch (special) {
            case HttpHeaders.AUTHORIZATION -> {
                if (tree && value.startsWith("Basic ")) {
                    String v = value.substring(6);
                    if (v.length() > 1) {
                        v = HttpHeaders.base64(v);
                    }
                    d.openRow(hdr);
                    d.addObject(HttpFields.AUTHBASIC, 0, 0, v);
                    d.close();
                }
            }
            case HttpHeaders.CONTENT_TYPE -> {
                int i = 0;
                StringBuilder ct = new StringBuilder(vl);
                while (i < value.length()) {
                    char c = value.charAt(i);
                    if (c == ';' || HttpText.isSpace(c)) {
                        break;
                    }
                    ct.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                    i++;
                }
                contentType = ct.toString();
                i++;
                while (i < value.length() && (value.charAt(i) == ';' || HttpText.isSpace(value.charAt(i)))) {
                    i++;
                }
                contentTypeParameters = i < value.length() ? value.substring(i) : null;
            }
            case HttpHeaders.CONTENT_LENGTH -> {
                long v = t.strtoll(value, 0);
                int e = t.parsedEnd;
                if (v < 0 || e == 0 || t.parseRange || e < value.length() && !HttpText.isSpace(value.charAt(e))) {
                    haveContentLength = false;
                } else {
                    haveContentLength = true;
                    contentLength = v;
                    if (tree) {
                        d.openRow(hdr);
                        d.flag(d.add(HttpFields.CONTENT_LENGTH, off, len, v), Dissection.GENERATED);
                        d.close();
                    }
                }
            }
            case HttpHeaders.CONTENT_ENCODING -> contentEncoding = value;
            case HttpHeaders.TRANSFER_ENCODING -> transferCoding(value);
            case HttpHeaders.HOST -> {
                statHost = value;
                cv.httpHost = value;
            }
            case HttpHeaders.UPGRADE -> upgrade = value.toLowerCase(java.util.Locale.ROOT);
            case HttpHeaders.COOKIE -> {
                if (tree) {
                    d.openRow(hdr);
                    int i = 0;
                    while (i < vl) {
                        int c = buf.byteAt(vo + i);
                        while (i < vl && (c == ';' || HttpText.isSpace((char) c))) {
                            i++;
                            c = i < vl ? buf.byteAt(vo + i) : 0;
                        }
                        if (i >= vl) {
                            break;
                        }
                        int s = i;
                        while (i < vl && buf.byteAt(vo + i) != ';') {
                            i++;
                        }
                        d.addObject(HttpFields.COOKIE_PAIR, vo + s, i - s, HttpText.utf8(buf, vo + s, i - s));
                    }
                    d.close();
                }
            }
            default -> {
            }
        }
    }

    /** http.request.line / http.response.line (hidden under a known header), or http.unknown_header. */
    private int lineItem(PacketBuffer buf, int off, int len, Dissection d, boolean hidden) {
        io.jcap.field.FieldDef f = messageType == REQUEST ? HttpFields.REQUEST_LINE
                : messageType == RESPONSE ? HttpFields.RESPONSE_LINE : null;
        StringBuilder sb = new StringBuilder();
        HttpText.formatText(sb, buf, off, len);
        if (f == null) {
            if (!hidden) {
                int row = d.addObject(HttpFields.UNKNOWN_HEADER, off, len, sb.toString());
                d.setText(row, sb.toString());
                return row;
            }
            return -1;
        }
        int row = d.addObject(f, off, len, HttpText.utf8(buf, off, len));
        d.setText(row, sb.toString());
        if (hidden) {
            d.flag(row, Dissection.HIDDEN);
        }
        return row;
    }

    /** http_parse_transfer_coding. */
    private void transferCoding(String v) {
        transferEncoding = TE_UNKNOWN;
        int i = 0;
        int n = v.length();
        while (i < n) {
            while (i < n && (v.charAt(i) == ' ' || v.charAt(i) == '\t' || v.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (v.startsWith("chunked", i)) {
                chunked = true;
                i += 7;
                continue;
            }
            if (transferEncoding != TE_UNKNOWN) {
                break;
            }
            if (v.startsWith("compress", i)) {
                transferEncoding = TE_COMPRESS;
                i += 8;
            } else if (v.startsWith("deflate", i)) {
                transferEncoding = TE_DEFLATE;
                i += 7;
            } else if (v.startsWith("gzip", i)) {
                transferEncoding = TE_GZIP;
                i += 4;
            } else if (v.startsWith("identity", i)) {
                transferEncoding = TE_IDENTITY;
                i += 8;
            } else if (v.startsWith("x-compress", i)) {
                transferEncoding = TE_COMPRESS;
                i += 10;
            } else if (v.startsWith("x-gzip", i)) {
                transferEncoding = TE_GZIP;
                i += 6;
            } else {
                int c = v.indexOf(',', i);
                if (c < 0) {
                    break;
                }
                i = c;
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // the message body, for HttpBodies

    String contentType() {
        return contentType;
    }

    String contentTypeParameters() {
        return contentTypeParameters;
    }

    boolean chunked() {
        return chunked;
    }

    int transferEncoding() {
        return transferEncoding;
    }

    String contentEncoding() {
        return contentEncoding;
    }

    HttpText text() {
        return t;
    }

    /** Ends the HTTP item: what follows (the media-type layers) is at the top level. */
    void closeTree(Dissection d) {
        if (httpTreeOpen) {
            d.close();
            httpTreeOpen = false;
        }
    }

    // ------------------------------------------------------------------------------------------
    // req_resp_hdrs_do_reassembly

    private static void request(Dissection d, int offset, int length) {
        d.desegmentOffset = offset;
        d.desegmentLength = length;
    }

    /**
     * Whether the message at {@code offset} is complete: its headers end with an empty line
     * and its body (Content-Length, chunked, or up to the end of the stream for responses)
     * is there. When not, asks TCP for more and returns false.
     */
    private boolean doReassembly(PacketBuffer buf, int base, int offset, Dissection d, boolean body,
                                 boolean untilFin) {
        int next = offset;
        int end = buf.end();
        int cap = buf.capturedEnd();
        boolean clFound = false;
        long cl = 0;
        String ct = null;
        boolean isChunked = false;
        if (d.canDesegment) {
            while (true) {
                int sav = next;
                int rrem = end - next;
                if (rrem < 1) {
                    request(d, offset, Dissection.DESEGMENT_ONE_MORE_SEGMENT);
                    return false;
                }
                int rem = Math.max(0, cap - next);
                int linelen = t.findLineEnd(buf, next, rem, true);
                if (linelen == -1 && rem >= rrem) {
                    request(d, offset, Dissection.DESEGMENT_ONE_MORE_SEGMENT);
                    return false;
                }
                if (linelen == -1) {
                    break; // the rest was not captured
                }
                next = t.nextOffset;
                if (linelen == 0) {
                    break;
                }
                if (body) {
                    int fb = buf.byteAt(sav);
                    if (!(fb == 'c' || fb == 'C' || fb == 't' || fb == 'T')) {
                        continue;
                    }
                    // (names compared on the bytes, ASCII only as g_ascii_strncasecmp: a string
                    // only for the three headers that matter)
                    boolean length = linelen >= 15 && HttpText.equalsIgnoreCase(buf, sav, "Content-Length:");
                    boolean type = !length && linelen >= 13 && HttpText.equalsIgnoreCase(buf, sav, "Content-Type:");
                    if (!length && !type
                            && !(linelen >= 18 && HttpText.equalsIgnoreCase(buf, sav, "Transfer-Encoding:"))) {
                        continue;
                    }
                    String line = HttpText.utf8(buf, sav, linelen);
                    if (length) {
                        String hv = gstrip(line.substring(15));
                        long v = t.strtoll(hv, 0);
                        boolean ok = !(t.parsedEnd == 0 && v == 0) && t.parsedEnd == hv.length() && !t.parseRange
                                && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
                        if (ok) {
                            cl = v;
                            if (v >= 0) {
                                clFound = true;
                            }
                        } else {
                            cl = t.parseRange || v > Integer.MAX_VALUE ? Integer.MAX_VALUE
                                    : v < Integer.MIN_VALUE ? Integer.MIN_VALUE : 0;
                        }
                    } else if (type) {
                        int i = 13;
                        while (i < line.length() && line.charAt(i) == ' ') {
                            i++;
                        }
                        ct = line.substring(i);
                    } else {
                        int i = 18;
                        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                            i++;
                        }
                        if (line.regionMatches(true, i, "chunked", 0, 7)) {
                            isChunked = true;
                        }
                    }
                }
            }
        }
        if (!body) {
            return true;
        }
        if (isChunked) {
            while (true) {
                int rrem = end - next;
                if (rrem < 1) {
                    request(d, offset, Dissection.DESEGMENT_ONE_MORE_SEGMENT);
                    return false;
                }
                int rem = Math.max(0, cap - next);
                int linelen = t.findLineEnd(buf, next, rem, true);
                if (linelen == -1) {
                    if (rem >= rrem) {
                        request(d, offset, Dissection.DESEGMENT_ONE_MORE_SEGMENT);
                        return false;
                    }
                    return true;
                }
                int chunkOffset = t.nextOffset;
                String cs = HttpText.ascii(buf, next, linelen);
                int semi = cs.indexOf(';');
                if (semi >= 0) {
                    cs = cs.substring(0, semi);
                }
                long size = scanHex(cs);
                if (size < 0) {
                    return true; // no chunk size
                }
                if (size > (1L << 31)) {
                    return true;
                }
                if (size == 0) {
                    int trem = Math.max(0, cap - chunkOffset);
                    linelen = trem == 0 ? -1 : t.findLineEnd(buf, chunkOffset, trem, true);
                    if (linelen == -1) {
                        if (trem >= end - chunkOffset) {
                            request(d, offset, Dissection.DESEGMENT_ONE_MORE_SEGMENT);
                            return false;
                        }
                        // (the end of the trailer was not captured)
                    } else {
                        chunkOffset = t.nextOffset;
                    }
                    chunkEndSeen = true;
                    d.desegmentLength = 0;
                    return true;
                }
                if (rrem > (int) size) {
                    next = (int) (chunkOffset + size + 2);
                } else {
                    request(d, offset, Dissection.DESEGMENT_ONE_MORE_SEGMENT);
                    return false;
                }
            }
        } else if (clFound) {
            if (cl >= 128 * 1024) {
                if (ct != null && ct.startsWith("application/rpc")) {
                    return true;
                }
                if (buf.capturedRemaining(base) >= 12) {
                    String tmp = HttpText.ascii(buf, base, 12);
                    if (tmp.startsWith("RPC_IN_DATA") || tmp.startsWith("RPC_OUT_DATA")) {
                        return true;
                    }
                } else {
                    buf.check(base, 12);
                }
            }
            if ((long) next + cl > cap) {
                int lrem = cap - next;
                int rrem = end - next;
                if (lrem < rrem) {
                    return true;
                }
                if (lrem < 0) {
                    lrem = 0;
                }
                request(d, offset, (int) (cl - lrem));
                return false;
            }
        } else if (untilFin && d.canDesegment) {
            if (cap - next < end - next) {
                return true;
            }
            request(d, offset, Dissection.DESEGMENT_UNTIL_FIN);
            return false;
        }
        return true;
    }

    /** g_strstrip: ASCII white space off both ends. */
    private static String gstrip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && HttpText.isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && HttpText.isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** sscanf("%x"): leading blanks, an optional sign and 0x, hex digits; -1 when there are none. */
    static long scanHex(String s) {
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
        if (i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        int start = i;
        long v = 0;
        while (i < n && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
            v = (v << 4) | Character.digit(s.charAt(i), 16);
            if (v > 0xFFFFFFFFL) {
                v = 0xFFFFFFFFL;
            }
            i++;
        }
        if (i == start) {
            return -1;
        }
        if (neg) {
            v = (-v) & 0xFFFFFFFFL;
        }
        return v;
    }
}
