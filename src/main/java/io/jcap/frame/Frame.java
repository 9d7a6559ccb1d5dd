package io.jcap.frame;

import io.netty.buffer.ByteBuf;

/**
 * One captured record as a reader delivers it: timestamp, lengths, link type and a
 * slice of the reader's buffer. Readers reuse one instance; whoever keeps a frame
 * beyond the next {@code FrameSource.next} call must copy it ({@link #copy()}).
 */
public final class Frame {
    /** 1-based number within the run. */
    public long number;
    /** Seconds since the epoch, and nanoseconds within that second (0..999,999,999). */
    public long seconds;
    public int nanos;
    /** Decimal digits the source's time stamps carry (0, 1, 2, 3, 6 or 9). */
    public int precision = 6;
    /** False for records without a time stamp (pcapng simple packet blocks). */
    public boolean hasTime = true;
    public int capturedLength;
    public int originalLength;
    /** LINKTYPE_* value (tcpdump.org numbering), or {@link #CUSTOM_BLOCK}. */
    public int linkType;
    /** The link type of a pcapng custom block's record: no link layer, no time, no interface. */
    public static final int CUSTOM_BLOCK = -2;
    /** A custom block's Private Enterprise Number (-1 for packets) and whether it may be copied. */
    public long customBlockPen = -1;
    public boolean customBlockCopy;
    /** Interface index across the whole file (pcapng), 0 for pcap. */
    public int interfaceId;
    /** pcapng only (section 0 otherwise): the section (from 1) and the interface's id within it. */
    public int section;
    public int sectionInterfaceId;
    /** pcapng only: the interface's if_name and if_description, or null. */
    public String interfaceName;
    public String interfaceDescription;
    /** The bytes are {@code data[offset, offset + capturedLength)}. */
    public ByteBuf data;
    public int offset;

    /** A frame that owns a copy of its bytes. */
    public Frame copy() {
        Frame f = new Frame();
        copyMetadataTo(f);
        byte[] bytes = new byte[capturedLength];
        data.getBytes(offset, bytes);
        f.data = io.netty.buffer.Unpooled.wrappedBuffer(bytes);
        f.offset = 0;
        return f;
    }

    /** Copies everything but the bytes ({@code data}, {@code offset}) into {@code into}. */
    public void copyMetadataTo(Frame into) {
        into.number = number;
        into.seconds = seconds;
        into.nanos = nanos;
        into.precision = precision;
        into.hasTime = hasTime;
        into.capturedLength = capturedLength;
        into.originalLength = originalLength;
        into.linkType = linkType;
        into.customBlockPen = customBlockPen;
        into.customBlockCopy = customBlockCopy;
        into.interfaceId = interfaceId;
        into.section = section;
        into.sectionInterfaceId = sectionInterfaceId;
        into.interfaceName = interfaceName;
        into.interfaceDescription = interfaceDescription;
    }
}
