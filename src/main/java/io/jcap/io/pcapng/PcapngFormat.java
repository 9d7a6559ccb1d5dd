package io.jcap.io.pcapng;

/** Block types and option codes of pcapng (draft-ietf-opsawg-pcapng). */
public final class PcapngFormat {
    public static final int SHB = 0x0A0D0D0A;
    public static final int IDB = 1;
    public static final int OPB = 2;
    public static final int SPB = 3;
    public static final int NRB = 4;
    public static final int ISB = 5;
    public static final int EPB = 6;
    /** Custom blocks whose contents may and may not be copied to other files. */
    public static final int CB_COPY = 0x00000BAD;
    public static final int CB_NO_COPY = 0x40000BAD;
    public static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;

    public static final int OPT_END = 0;
    public static final int OPT_COMMENT = 1;
    public static final int SHB_USERAPPL = 4;
    public static final int IF_NAME = 2;
    public static final int IF_DESCRIPTION = 3;
    public static final int IF_TSRESOL = 9;
    public static final int IF_TSOFFSET = 14;

    /** wiretap refuses larger blocks as damaged. */
    public static final int MAX_BLOCK = 16 * 1024 * 1024;
    public static final int MAX_RECORD = 262144;

    private PcapngFormat() {
    }
}
