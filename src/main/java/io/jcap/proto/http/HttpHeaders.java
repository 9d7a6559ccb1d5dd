package io.jcap.proto.http;

import io.jcap.buffer.PacketBuffer;
import io.jcap.field.FieldDef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The header lines HTTP shows as named fields (packet-http.c's headers[] table), matched case-insensitively. */
final class HttpHeaders {
    private HttpHeaders() {
    }

    static final int NO_SPECIAL = 0;
    static final int AUTHORIZATION = 1;
    static final int AUTHENTICATE = 2;
    static final int CONTENT_TYPE = 3;
    static final int CONTENT_LENGTH = 4;
    static final int CONTENT_ENCODING = 5;
    static final int TRANSFER_ENCODING = 6;
    static final int HOST = 7;
    static final int UPGRADE = 8;
    static final int COOKIE = 9;
    static final int WEBSOCKET_PROTOCOL = 10;
    static final int WEBSOCKET_EXTENSIONS = 11;
    static final int REFERER = 12;
    static final int LOCATION = 13;
    static final int HTTP2_SETTINGS = 14;

    record Header(String name, FieldDef field, int special) {
    }

    private static final Header[] HEADERS = {
        new Header("Authorization", HttpFields.AUTHORIZATION, AUTHORIZATION),
        new Header("Proxy-Authorization", HttpFields.PROXY_AUTHORIZATION, AUTHORIZATION),
        new Header("Proxy-Authenticate", HttpFields.PROXY_AUTHENTICATE, AUTHENTICATE),
        new Header("WWW-Authenticate", HttpFields.WWW_AUTHENTICATE, AUTHENTICATE),
        new Header("Content-Type", HttpFields.CONTENT_TYPE, CONTENT_TYPE),
        new Header("Content-Length", HttpFields.CONTENT_LENGTH_HEADER, CONTENT_LENGTH),
        new Header("Content-Encoding", HttpFields.CONTENT_ENCODING, CONTENT_ENCODING),
        new Header("Transfer-Encoding", HttpFields.TRANSFER_ENCODING, TRANSFER_ENCODING),
        new Header("Upgrade", HttpFields.UPGRADE, UPGRADE),
        new Header("User-Agent", HttpFields.USER_AGENT, NO_SPECIAL),
        new Header("Host", HttpFields.HOST, HOST),
        new Header("Connection", HttpFields.CONNECTION, NO_SPECIAL),
        new Header("Cookie", HttpFields.COOKIE, COOKIE),
        new Header("Accept", HttpFields.ACCEPT, NO_SPECIAL),
        new Header("Referer", HttpFields.REFERER, REFERER),
        new Header("Accept-Language", HttpFields.ACCEPT_LANGUAGE, NO_SPECIAL),
        new Header("Accept-Encoding", HttpFields.ACCEPT_ENCODING, NO_SPECIAL),
        new Header("Date", HttpFields.DATE, NO_SPECIAL),
        new Header("Cache-Control", HttpFields.CACHE_CONTROL, NO_SPECIAL),
        new Header("Server", HttpFields.SERVER, NO_SPECIAL),
        new Header("Location", HttpFields.LOCATION, LOCATION),
        new Header("Sec-WebSocket-Accept", HttpFields.SEC_WEBSOCKET_ACCEPT, NO_SPECIAL),
        new Header("Sec-WebSocket-Extensions", HttpFields.SEC_WEBSOCKET_EXTENSIONS, WEBSOCKET_EXTENSIONS),
        new Header("Sec-WebSocket-Key", HttpFields.SEC_WEBSOCKET_KEY, NO_SPECIAL),
        new Header("Sec-WebSocket-Protocol", HttpFields.SEC_WEBSOCKET_PROTOCOL, WEBSOCKET_PROTOCOL),
        new Header("Sec-WebSocket-Version", HttpFields.SEC_WEBSOCKET_VERSION, NO_SPECIAL),
        new Header("Set-Cookie", HttpFields.SET_COOKIE, NO_SPECIAL),
        new Header("Last-Modified", HttpFields.LAST_MODIFIED, NO_SPECIAL),
        new Header("X-Forwarded-For", HttpFields.X_FORWARDED_FOR, NO_SPECIAL),
        new Header("HTTP2-Settings", HttpFields.HTTP2_SETTINGS, HTTP2_SETTINGS),
    };

    /** The header named by the {@code len} bytes at {@code off}, or null. */
    static Header find(PacketBuffer buf, int off, int len) {
        for (Header h : HEADERS) {
            if (h.name.length() == len && HttpText.equalsIgnoreCase(buf, off, h.name)) {
                return h;
            }
        }
        return null;
    }

    /** g_base64_decode_inplace on credentials: invalid characters are skipped, the result read as text. */
    static String base64(String s) {
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                clean.append(c);
            }
        }
        while (clean.length() % 4 != 0) {
            if (clean.length() % 4 == 1) {
                clean.setLength(clean.length() - 1);
            } else {
                clean.append('=');
            }
        }
        try {
            byte[] b = Base64.getDecoder().decode(clean.toString());
            int n = 0;
            while (n < b.length && b[n] != 0) {
                n++;
            }
            return new String(b, 0, n, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
