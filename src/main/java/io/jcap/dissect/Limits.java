package io.jcap.dissect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounds on per-run state (reassembly buffers, flow and request tables), settable
 * with {@code -o name:value} as tshark's preferences are. Past a bound the oldest state
 * is dropped and the frame that caused it gets an expert note, so memory stays flat on
 * any capture.
 */
public final class Limits {
    /** Every limit with its default, in the order -G lists them. */
    private static final Map<String, Long> DEFAULTS = new LinkedHashMap<>();

    public static final String IP_DATAGRAMS = define("ip.reassembly_max_datagrams", 4096);
    public static final String IP_FRAGMENTS = define("ip.reassembly_max_fragments", 1024);
    public static final String IP_BYTES = define("ip.reassembly_max_bytes", 64L << 20);
    public static final String TCP_FLOWS = define("tcp.reassembly_max_flows", 16_384);
    public static final String TCP_PDUS = define("tcp.reassembly_max_pdus_per_flow", 64);
    public static final String TCP_PDU_BYTES = define("tcp.reassembly_max_pdu_bytes", 16L << 20);
    public static final String TCP_BYTES = define("tcp.reassembly_max_bytes", 128L << 20);
    public static final String TCP_CONVERSATIONS = define("tcp.max_conversations", 1 << 17);
    public static final String UDP_STREAMS = define("udp.max_streams", 1 << 18);
    public static final String HTTP_CONVERSATIONS = define("http.max_conversations", 65_536);
    public static final String DNS_CONVERSATIONS = define("dns.max_conversations", 1 << 18);
    public static final String DNS_TRANSACTIONS = define("dns.max_transactions", 1 << 19);

    private static String define(String name, long value) {
        DEFAULTS.put(name, value);
        return name;
    }

    private final Map<String, Long> values = new LinkedHashMap<>(DEFAULTS);

    /** A preference this class does not know. */
    public static final class Unknown extends Exception {
        public Unknown(String name) {
            super(name, null, false, false);
        }
    }

    public long get(String name) {
        Long v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no limit " + name);
        }
        return v;
    }

    /** An int limit, clamped to [1, Integer.MAX_VALUE]. */
    public int getInt(String name) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, get(name)));
    }

    public static boolean known(String name) {
        return DEFAULTS.containsKey(name);
    }

    /** Sets {@code name} to {@code value} (a positive decimal number). */
    public void set(String name, String value) throws Unknown {
        if (!known(name)) {
            throw new Unknown(name);
        }
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(value);
        }
        if (v < 1) {
            throw new IllegalArgumentException(value);
        }
        values.put(name, v);
    }

    public static Map<String, Long> defaults() {
        return java.util.Collections.unmodifiableMap(DEFAULTS);
    }
}
