package io.jcap.frame;

/** LINKTYPE_* numbers (https://www.tcpdump.org/linktypes.html) that jcap dissects. */
public final class LinkType {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    /** DLT_RAW as written by some BSDs. */
    public static final int RAW_BSD12 = 12;
    public static final int RAW_BSD14 = 14;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }
}
