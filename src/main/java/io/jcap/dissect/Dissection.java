package io.jcap.dissect;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.field.FieldDef;
import io.jcap.field.Protocol;
import io.jcap.frame.Frame;

import java.util.Arrays;

/**
 * Everything dissecting one frame produced: the columns, the protocol layers and, when
 * a consumer asked for them, the fields as a flat tree (parallel primitive arrays, one
 * row per item, each with its parent's row). One instance is reused for every frame,
 * so steady-state dissection allocates nothing.
 */
public final class Dissection {
    public final PacketBuffer buf = new PacketBuffer();
    public Frame frame;

    // ---- columns
    /** The Protocol column. */
    public String protocol = "";
    public final InfoColumn info = new InfoColumn();
    public final Address src = new Address();
    public final Address dst = new Address();

    // ---- packet info shared between layers (Wireshark's pinfo)
    public final Address netSrc = new Address();
    public final Address netDst = new Address();
    public int srcPort;
    public int dstPort;
    /** TTL of the innermost IPv4 header, hop limit of the innermost IPv6 header (-1: none). */
    public int ipTtl;
    public int ipv6HopLimit;
    /** IP protocol number of the innermost IP layer's payload (-1: none). */
    public int ipProto;
    /** Set by IP while dissecting a fragment that was not reassembled. */
    public boolean fragmented;
    /** Set while dissecting the packet quoted in an ICMP error. */
    public boolean inErrorPacket;

    // ---- desegmentation (Wireshark's pinfo->can_desegment / desegment_offset / desegment_len)
    /** A PDU needs one more segment, length unknown yet. */
    public static final int DESEGMENT_ONE_MORE_SEGMENT = 0x0fffffff;
    /** A PDU runs until the connection closes (HTTP bodies without a length). */
    public static final int DESEGMENT_UNTIL_FIN = 0x0ffffffe;
    /** Set by TCP before it hands a payload up: the layer above may ask for more bytes. */
    public boolean canDesegment;
    /**
     * Set by the layer above when its PDU is not complete: the PDU starts at
     * {@code desegmentOffset} (absolute) and needs {@code desegmentLength} more bytes
     * (or one of the constants above); 0 means nothing is needed.
     */
    public int desegmentOffset;
    public int desegmentLength;

    // ---- layers (frame.protocols)
    private Protocol[] layers = new Protocol[16];
    private int layerCount;
    /** The protocol being dissected, named in "[Malformed Packet: X]". */
    public Protocol current;
    /** Where {@link #current}'s bytes begin (the offset it was called at). */
    private int currentStart;
    private int callOffset;

    // ---- fields
    private boolean tree;
    /** Fields are recorded at all (a view or filter wants some). */
    private boolean recording;
    private boolean labels = true;
    private java.util.Set<FieldDef> labelValues;
    /** The protocols whose fields are wanted, or null for all. */
    private java.util.Set<Protocol> wanted;
    /**
     * No layer was entered yet in the current call scope (see {@link #call}): the next
     * {@link #enter} decides whether the scope records; later ones can only turn it on.
     */
    private boolean freshScope;
    private FieldDef[] def = new FieldDef[64];
    private int[] off = new int[64];
    private int[] len = new int[64];
    /** The length of a row's value (a protocol's bytes), which {@link #shrinkItem} leaves as it was. */
    private int[] valueLen = new int[64];
    private int[] parent = new int[64];
    private long[] value = new long[64];
    private Object[] object = new Object[64];
    private String[] label = new String[64];
    private byte[] flags = new byte[64];
    /** The bytes each row's offset counts in: the frame's, or a reassembled PDU's (see {@link #fieldSource}). */
    private io.netty.buffer.ByteBuf[] source = new io.netty.buffer.ByteBuf[64];
    private int[] sourceBase = new int[64];
    private int[] sourceLength = new int[64];
    /** Data sources besides the frame, in the order they were made (see {@link #dataSource}). */
    private String[] sourceNames = new String[4];
    private io.netty.buffer.ByteBuf[] sourceBytes = new io.netty.buffer.ByteBuf[4];
    private int[] sourceLengths = new int[4];
    private int sources;
    private int count;
    private int open = -1;

    public static final byte GENERATED = 1;
    public static final byte HIDDEN = 2;
    /** tshark -V prints the row's bytes as a hex dump under its line (the data protocol). */
    public static final byte BYTES_DUMP = 4;

    // ---- names
    /** MAC names for item texts ("Broadcast (ff:ff:ff:ff:ff:ff)"), null with -n. */
    public io.jcap.resolve.EtherNames etherNames;

    /** A MAC address as item texts show it: "Name (aa:bb:cc:dd:ee:ff)", or the plain number with -n. */
    public String macText(long mac) {
        StringBuilder sb = new StringBuilder(40);
        if (etherNames != null) {
            sb.append(etherNames.name(mac)).append(" (");
            io.jcap.field.Formats.ether(sb, mac);
            return sb.append(')').toString();
        }
        return io.jcap.field.Formats.ether(sb, mac).toString();
    }

    // ---- display filtering (kept across frames)
    /**
     * Set by a run that filters what it displays: frame.time_delta_displayed then counts
     * from the last frame shown ({@link #displayed}) rather than from the previous one.
     */
    public boolean trackDisplayed;
    private boolean anyDisplayed;
    private long lastDisplayedNs;

    /**
     * Set while a frame the read filter of -2 -R dropped is dissected again in the second
     * pass, only so that state moves as in the first: it is nobody's previous frame.
     */
    public boolean replayOnly;

    /** The frame just dissected passed the display filter. */
    public void displayed(Frame f) {
        anyDisplayed = true;
        lastDisplayedNs = f.seconds * 1_000_000_000L + f.nanos;
    }

    /** The time of the last frame shown, or {@code otherwise} when none was. */
    public long lastDisplayedNs(long otherwise) {
        return anyDisplayed ? lastDisplayedNs : otherwise;
    }

    // ---- marks
    /** Set when a layer ran past the captured or reported bytes. */
    public BoundsException exception;
    public Protocol exceptionIn;
    /** Where the layer that failed begins: tshark places the malformed item there. */
    public int exceptionAt;

    /** Whether dissectors record fields for this run. */
    public void recordFields(boolean on) {
        recording = on;
        tree = on;
    }

    /** True when fields are recorded: dissectors skip work that only fields need otherwise. */
    public boolean tree() {
        return tree;
    }

    /**
     * Whether dissectors build the tree text of the items they record. Views that print
     * whole trees need it; -T fields, -e and filters read values, and of the texts only
     * those that are values: of text-only items, and of the protocol items in {@code values}
     * (null: none).
     */
    public void labels(boolean all, java.util.Set<FieldDef> values) {
        labels = all;
        labelValues = values == null || values.isEmpty() ? null : values;
    }

    /**
     * True when {@code row}'s text is wanted: dissectors build a text that is only tree
     * text (bits, units, notes) only then, and skip the string work otherwise.
     */
    public boolean labelled(int row) {
        if (row < 0) {
            return false;
        }
        if (labels) {
            return true;
        }
        // a text-only item is nothing but its text
        return def[row].isTextOnly() || labelValues != null && labelValues.contains(def[row]);
    }

    /**
     * Limits recording to the layers of these protocols (-T fields, -e): the other layers
     * skip their tree work. Null records every protocol.
     * <p>
     * Recording is decided per call scope, so that a layer's items never depend on what
     * the layers it hands off to record: a scope is a {@link #call} (restored when it
     * returns) or the link layer under the frame. The first layer entered in a scope
     * decides; a layer entered later in the same scope (Ethernet's ethertype, HTTP's
     * media types, an ICMP error's quoted IP header) can only turn recording on. Items of
     * unwanted layers may thus be recorded too: views must pick their fields by
     * definition, as -T fields and -e do, and must not rely on the tree's shape.
     */
    public void recordOnly(java.util.Set<Protocol> protocols) {
        wanted = protocols == null ? null : java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (protocols != null) {
            wanted.addAll(protocols);
        }
    }

    public void reset(Frame f) {
        frame = f;
        sources = 0;
        tree = recording && wanted == null;
        freshScope = true;
        buf.reset(f);
        protocol = "";
        info.reset();
        src.clear();
        dst.clear();
        netSrc.clear();
        netDst.clear();
        srcPort = dstPort = 0;
        ipTtl = ipv6HopLimit = ipProto = -1;
        fragmented = false;
        inErrorPacket = false;
        canDesegment = false;
        desegmentOffset = 0;
        desegmentLength = 0;
        layerCount = 0;
        current = null;
        currentStart = 0;
        callOffset = 0;
        exception = null;
        exceptionIn = null;
        exceptionAt = 0;
        if (count > 0) {
            Arrays.fill(object, 0, count, null);
            Arrays.fill(label, 0, count, null);
            Arrays.fill(source, 0, count, null);
        }
        count = 0;
        open = -1;
    }

    // ---- columns

    public void setProtocol(String name) {
        if (info.writable) {
            protocol = name;
        }
    }

    public boolean columnsWritable() {
        return info.writable;
    }

    /** col_set_writable: false while a quoted packet must not change the columns. */
    public boolean setColumnsWritable(boolean on) {
        boolean was = info.writable;
        info.writable = on;
        return was;
    }

    /** Sets the Source and Destination columns (and pinfo's dl/net addresses share the same rule: last layer wins). */
    public void setAddresses(Address.Type type, int srcOff, int dstOff, int length) {
        if (info.writable) {
            src.set(type, buf, srcOff, length);
            dst.set(type, buf, dstOff, length);
        }
    }

    /** Sets both address columns to a text such as "N/A" (raw and loopback link layers). */
    public void setAddressText(String text) {
        if (info.writable) {
            src.setText(text);
            dst.setText(text);
        }
    }

    // ---- layers

    /** Enters a protocol layer: it names exceptions from now on and joins frame.protocols. */
    public void enter(Protocol p) {
        current = p;
        currentStart = callOffset;
        if (wanted != null) {
            // the frame hands off to its link layer without a call: a scope of its own
            boolean on = recording && wanted.contains(p);
            tree = freshScope || layerCount == 1 ? on : tree || on;
            freshScope = false;
        }
        if (layerCount == layers.length) {
            layers = Arrays.copyOf(layers, layerCount * 2);
        }
        layers[layerCount++] = p;
    }

    /**
     * Forgets the layers entered after the first {@code count}: a layer that took none of
     * the bytes (it asked TCP for more before its PDU began) leaves frame.protocols, as a
     * Wireshark dissector that returns 0 does.
     */
    public void truncateLayers(int count) {
        if (count >= 0 && count < layerCount) {
            layerCount = count;
        }
    }

    public int layerCount() {
        return layerCount;
    }

    public Protocol layer(int i) {
        return layers[i];
    }

    /**
     * Calls {@code next} on [offset, end) of the packet, keeping the outer layer's end.
     * Bounds errors propagate, as tvb exceptions do, unless a layer catches them.
     */
    public int call(Dissector next, int offset, int end) {
        int saved = buf.narrow(end);
        boolean savedTree = tree;
        boolean savedFresh = freshScope;
        int savedCall = callOffset;
        freshScope = true;
        callOffset = offset;
        try {
            return next.dissect(buf, offset, this);
        } finally {
            callOffset = savedCall;
            buf.restore(saved);
            tree = savedTree;
            freshScope = savedFresh;
        }
    }

    /** Records a bounds error the way Wireshark's frame dissector shows it. */
    public void markException(BoundsException e) {
        if (exception == null) {
            exception = e;
            exceptionIn = current;
            exceptionAt = currentStart;
        }
    }

    // ---- fields

    private int row(FieldDef f, int o, int l) {
        if (count == def.length) {
            grow();
        }
        int i = count++;
        def[i] = f;
        off[i] = o;
        len[i] = l;
        valueLen[i] = l;
        parent[i] = open;
        flags[i] = 0;
        value[i] = 0;
        source[i] = buf.raw();
        sourceBase[i] = buf.rawBase();
        sourceLength[i] = buf.frameCaptured();
        return i;
    }

    private void grow() {
        int n = def.length * 2;
        def = Arrays.copyOf(def, n);
        off = Arrays.copyOf(off, n);
        len = Arrays.copyOf(len, n);
        valueLen = Arrays.copyOf(valueLen, n);
        parent = Arrays.copyOf(parent, n);
        value = Arrays.copyOf(value, n);
        object = Arrays.copyOf(object, n);
        label = Arrays.copyOf(label, n);
        flags = Arrays.copyOf(flags, n);
        source = Arrays.copyOf(source, n);
        sourceBase = Arrays.copyOf(sourceBase, n);
        sourceLength = Arrays.copyOf(sourceLength, n);
    }

    /**
     * Adds an integer, boolean, IPv4 (as int), Ethernet (48 bits) or time (ns) field;
     * returns its row or -1. Integers are the field's value (what -T fields prints);
     * a boolean with a bitmask is its containing value (see {@link #addBits}).
     */
    public int add(FieldDef f, int offset, int length, long v) {
        if (!tree) {
            return -1;
        }
        int i = row(f, offset, length);
        value[i] = v;
        return i;
    }

    /**
     * Adds a bit field from its containing bytes: integers keep the bits under the
     * field's mask, shifted down; booleans keep the container (the printer tests the mask).
     */
    public int addBits(FieldDef f, int offset, int length, long container) {
        if (!tree) {
            return -1;
        }
        long v = f.type == io.jcap.field.FieldType.BOOLEAN || f.mask == 0 ? container
                : (container & f.mask) >>> f.shift();
        return add(f, offset, length, v);
    }

    /** Adds a field whose value is an object (String, byte[], IPv6 as byte[16], Double). */
    public int addObject(FieldDef f, int offset, int length, Object v) {
        if (!tree) {
            return -1;
        }
        int i = row(f, offset, length);
        object[i] = v;
        return i;
    }

    /** Adds a field whose value is its bytes in the packet (FT_BYTES, FT_NONE, FT_PROTOCOL). */
    public int addBytes(FieldDef f, int offset, int length) {
        if (!tree) {
            return -1;
        }
        return row(f, offset, length);
    }

    /** Adds a protocol item and opens it: following items are its children until {@link #close}. */
    public int open(FieldDef f, int offset, int length) {
        if (!tree) {
            return -1;
        }
        int i = row(f, offset, length);
        open = i;
        return i;
    }

    /** Opens an existing row as the parent of the following items. */
    public void openRow(int row) {
        if (tree) {
            open = row;
        }
    }

    /** The row new items go under (-1: the top level). */
    public int openRowIndex() {
        return open;
    }

    /** Closes every open item: what follows is at the top level. */
    public void closeAll() {
        open = -1;
    }

    /**
     * Makes {@code row}, saved from {@link #openRowIndex}, the open item again, whether or
     * not the current layer records: undoes a {@link #closeAll} around a hand-off.
     */
    public void reopen(int row) {
        open = row;
    }

    /** Closes the innermost open item. */
    public void close() {
        if (tree && open >= 0) {
            open = parent[open];
        }
    }

    /**
     * Removes rows {@code [from, to)}, which must hold a subtree of their own (no later row
     * has its parent among them): what a layer added before knowing whether it stays, such
     * as the reassembly tree of a PDU the layer above then found incomplete.
     */
    public void removeRows(int from, int to) {
        int n = to - from;
        if (n <= 0 || from < 0 || to > count) {
            return;
        }
        int tail = count - to;
        System.arraycopy(def, to, def, from, tail);
        System.arraycopy(off, to, off, from, tail);
        System.arraycopy(len, to, len, from, tail);
        System.arraycopy(valueLen, to, valueLen, from, tail);
        System.arraycopy(parent, to, parent, from, tail);
        System.arraycopy(value, to, value, from, tail);
        System.arraycopy(object, to, object, from, tail);
        System.arraycopy(label, to, label, from, tail);
        System.arraycopy(flags, to, flags, from, tail);
        System.arraycopy(source, to, source, from, tail);
        System.arraycopy(sourceBase, to, sourceBase, from, tail);
        System.arraycopy(sourceLength, to, sourceLength, from, tail);
        count -= n;
        Arrays.fill(object, count, count + n, null);
        Arrays.fill(label, count, count + n, null);
        Arrays.fill(source, count, count + n, null);
        for (int i = from; i < count; i++) {
            if (parent[i] >= to) {
                parent[i] -= n;
            }
        }
        if (open >= to) {
            open -= n;
        } else if (open >= from) {
            open = parent[from] >= 0 && parent[from] < from ? parent[from] : -1;
        }
    }

    /** Marks a row generated ([brackets] in the tree) or hidden. */
    public void flag(int row, byte flag) {
        if (row >= 0) {
            flags[row] |= flag;
        }
    }

    /** Sets a row's length once it is known. */
    public void setLength(int row, int length) {
        if (row >= 0) {
            len[row] = length;
            valueLen[row] = length;
        }
    }

    /**
     * Shortens the item a row shows but not its value: Wireshark's proto_item_set_len on
     * a protocol added "to the end" (TCP's item covers its header, its value the segment).
     */
    public void shrinkItem(int row, int length) {
        if (row >= 0) {
            len[row] = length;
        }
    }

    /** The length of a row's value, as it was when the row was added (see {@link #shrinkItem}). */
    public int fieldValueLength(int row) {
        return valueLen[row];
    }

    /** Attaches the text the tree shows for a row instead of its default "Name: value". */
    public void setText(int row, String text) {
        if (row >= 0) {
            label[row] = text;
        }
    }

    /** The tree text set for a row, or null for the default. */
    public String fieldLabel(int row) {
        return label[row];
    }

    /** Adds an item that is only text in the tree (Wireshark's proto_tree_add_text / format_text). */
    public int addText(FieldDef f, int offset, int length, String text) {
        int row = addBytes(f, offset, length);
        setText(row, text);
        return row;
    }

    /**
     * Adds frame.protocols ("eth:ethertype:ip:tcp"), built from the layers after the
     * frame, as a child of the first row (the frame's own item): its last child, as in tshark.
     */
    public void addProtocolList(FieldDef f) {
        if (!recording || count == 0 || def[0].protocol != f.protocol) {
            return;
        }
        StringBuilder sb = new StringBuilder(64);
        for (int i = 1; i < layerCount; i++) {
            if (i > 1) {
                sb.append(':');
            }
            sb.append(layers[i].filterName);
        }
        int saved = open;
        boolean savedTree = tree;
        open = 0;
        tree = true;
        int row = addObject(f, 0, 0, sb.toString());
        flag(row, GENERATED);
        open = saved;
        tree = savedTree;
    }

    public int fieldCount() {
        return count;
    }

    public FieldDef fieldDef(int row) {
        return def[row];
    }

    public int fieldOffset(int row) {
        return off[row];
    }

    public int fieldLength(int row) {
        return len[row];
    }

    public int fieldParent(int row) {
        return parent[row];
    }

    public long fieldValue(int row) {
        return value[row];
    }

    public Object fieldObject(int row) {
        return object[row];
    }

    public byte fieldFlags(int row) {
        return flags[row];
    }

    /**
     * Records a data source besides the frame (Wireshark's add_new_data_source): bytes a
     * dissector made and dissects on, such as a reassembled datagram. -x prints each one
     * after the frame's bytes, under its name.
     */
    public void dataSource(String name, io.netty.buffer.ByteBuf bytes, int length) {
        if (sources == sourceNames.length) {
            sourceNames = Arrays.copyOf(sourceNames, sources * 2);
            sourceBytes = Arrays.copyOf(sourceBytes, sources * 2);
            sourceLengths = Arrays.copyOf(sourceLengths, sources * 2);
        }
        sourceNames[sources] = name;
        sourceBytes[sources] = bytes;
        sourceLengths[sources] = length;
        sources++;
    }

    /** Takes back the last data source (remove_last_data_source: its bytes proved to be an incomplete PDU). */
    public void removeLastDataSource() {
        if (sources > 0) {
            sources--;
            sourceBytes[sources] = null;
        }
    }

    /** Data sources recorded for this frame besides the frame itself. */
    public int dataSourceCount() {
        return sources;
    }

    public String dataSourceName(int i) {
        return sourceNames[i];
    }

    public io.netty.buffer.ByteBuf dataSourceBytes(int i) {
        return sourceBytes[i];
    }

    public int dataSourceLength(int i) {
        return sourceLengths[i];
    }

    /**
     * The buffer a row's offset counts in: the frame's bytes, or those of a reassembled
     * datagram or PDU the row was dissected from (Wireshark's data source). The row's
     * first byte is at {@code fieldSourceBase(row) + fieldOffset(row)} in it, and only
     * {@link #fieldSourceLength} bytes of that source were captured.
     */
    public io.netty.buffer.ByteBuf fieldSource(int row) {
        return source[row];
    }

    public int fieldSourceBase(int row) {
        return sourceBase[row];
    }

    public int fieldSourceLength(int row) {
        return sourceLength[row];
    }

    /** How many of a row's bytes its data source holds: its length, less what was not captured. */
    public int fieldCapturedLength(int row) {
        return Math.max(0, Math.min(len[row], sourceLength[row] - off[row]));
    }

    /** The first row of {@code f}, or -1. */
    public int find(FieldDef f) {
        for (int i = 0; i < count; i++) {
            if (def[i] == f) {
                return i;
            }
        }
        return -1;
    }
}
