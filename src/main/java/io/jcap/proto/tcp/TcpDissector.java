package io.jcap.proto.tcp;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.DissectorTable;
import io.jcap.dissect.EngineBuilder;
import io.jcap.dissect.Expert;
import io.jcap.dissect.InfoColumn;
import io.jcap.frame.Frame;
import io.jcap.proto.data.DataDissector;
import io.netty.buffer.Unpooled;


/**
 * TCP as tshark 4.0 shows it with default preferences: the Info line (ports, flags,
 * relative Seq/Ack, scaled Win, Urg, Len, option annotations), {@code tcp.stream}
 * numbering with port-reuse detection, the sequence analysis and its {@code [TCP ...]}
 * marks, and the hand-off of the payload through the {@code tcp.port} table.
 *
 * <p>All per-run state lives in {@link TcpConversations}; the per-packet path reads the
 * header at absolute offsets and formats straight into the Info column, allocating
 * nothing unless analysis marks have to be prepended.
 */
public final class TcpDissector implements Dissector {
    // ---- header flags
    static final int FIN = 0x001;
    static final int SYN = 0x002;
    static final int RST = 0x004;
    static final int PSH = 0x008;
    static final int ACK = 0x010;
    static final int URG = 0x020;
    static final int ECE = 0x040;
    static final int CWR = 0x080;
    static final int AE = 0x100;
    static final int RES = 0xE00;

    // ---- analysis marks (a set per packet, as Wireshark's TCP_A_* flags)
    static final int REUSED = 1;
    static final int RETRANS = 1 << 1;
    static final int FAST = 1 << 2;
    static final int SPURIOUS = 1 << 3;
    static final int OOO = 1 << 4;
    static final int LOST = 1 << 5;
    static final int ACKUNSEEN = 1 << 6;
    static final int WUPD = 1 << 7;
    static final int WFULL = 1 << 8;
    static final int KA = 1 << 9;
    static final int KAACK = 1 << 10;
    static final int DUP = 1 << 11;
    static final int ZWP = 1 << 12;
    static final int ZW = 1 << 13;
    static final int ZWPACK = 1 << 14;

    /** Text-only tree items (Wireshark's proto_tree_add_subtree). */
    private static final io.jcap.field.FieldDef TEXT = new io.jcap.field.Protocol("", "", "").field;
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    private static final long FAST_RTX_NS = 20_000_000L;
    private static final long OOO_DEFAULT_NS = 3_000_000L;

    private final DissectorTable ports;
    private final DataDissector data;
    private final TcpConversations conv;
    private final TcpReassembly reassembly;
    /** jcap's expert item for reassembly state dropped at the tcp.reassembly_* limits. */
    static final io.jcap.field.FieldDef REASSEMBLY_LIMIT = TcpFields.PROTOCOL.label("tcp.reassembly.limit",
            "Reassembly limit reached");

    // ---- heuristic subdissectors (Wireshark's "tcp" heuristic list), in the order added
    private Dissector[] heuristics = new Dissector[4];
    /** What the first pass of -2 learned (reassembly frames, completeness, iRTT). */
    private final io.jcap.dissect.Hindsight hindsight;
    private Dissector[] heuristicTargets = new Dissector[4];
    private String[] heuristicNames = new String[4];
    private int heuristicCount;

    // ---- the segment whose payload is being dissected (Wireshark's struct tcpinfo)
    private int curSlot;
    /** The TCP item of the segment being dissected (-1 without a tree), for items added after the payload. */
    private int tcpTop = -1;
    private int curStream;
    private boolean curFin;

    // ---- per-packet scratch (the dissector is used by one thread)
    private final StringBuilder marksText = new StringBuilder(128);
    private int dupNum;
    private int dupFrame;
    // Wireshark's struct tcp_acked of the packet: whether it exists and what it holds
    private boolean taExists;
    private int taAcked;
    private long taRtt;
    private int taBif;
    private int taPush;
    private long taRto;
    private int taRtoFrame;
    /** End of the option being dissected. */
    private int optEnd;

    public TcpDissector(EngineBuilder b, DataDissector data) {
        this(b, data, b.limits().getInt(io.jcap.dissect.Limits.TCP_CONVERSATIONS));
    }

    TcpDissector(EngineBuilder b, DataDissector data, int maxConversations) {
        this.data = data;
        this.hindsight = b.hindsight();
        this.reassembly = new TcpReassembly(b.limits());
        this.conv = new TcpConversations(maxConversations);
        this.conv.reassembly = reassembly;
        this.ports = b.table("tcp.port", "TCP port", 1 << 16);
        b.protocol(TcpFields.PROTOCOL);
        for (io.jcap.field.Protocol p : OPTION_PROTOCOLS) {
            b.protocol(p);
        }
        b.table("ip.proto", "IP protocol", 256).add(6, this, "tcp");
    }

    /** The TCP dissector registered in {@code b} (for layers above that need TCP's per-segment facts). */
    public static TcpDissector of(EngineBuilder b) {
        return (TcpDissector) b.table("ip.proto", "IP protocol", 256).get(6);
    }

    /**
     * Adds a heuristic subdissector, tried after the port tables as Wireshark's "tcp"
     * heuristic list is. When it accepts a payload and {@code conversationDissector} is
     * not null, the conversation is bound to that dissector: later payloads of the
     * connection go to it first, whatever they look like (conversation_set_dissector).
     */
    public void addHeuristic(String name, Dissector heuristic, Dissector conversationDissector) {
        if (heuristicCount == heuristics.length) {
            heuristics = java.util.Arrays.copyOf(heuristics, heuristicCount * 2);
            heuristicTargets = java.util.Arrays.copyOf(heuristicTargets, heuristicCount * 2);
            heuristicNames = java.util.Arrays.copyOf(heuristicNames, heuristicCount * 2);
        }
        heuristics[heuristicCount] = heuristic;
        heuristicTargets[heuristicCount] = conversationDissector;
        heuristicNames[heuristicCount] = name;
        heuristicCount++;
    }

    /** tcp.stream of the segment whose payload is being dissected. */
    public int stream() {
        return curStream;
    }

    /** Whether the segment whose payload is being dissected has FIN set (its data ends the stream). */
    public boolean fin() {
        return curFin;
    }

    /** Flows holding desegmentation state (for tests of the bound). */
    int reassemblyFlows() {
        return reassembly.flowCount();
    }

    /** Conversations currently kept (for tests of the bound). */
    int conversations() {
        return conv.size();
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(TcpFields.PROTOCOL);
        final boolean tree = d.tree();
        final int end = buf.end();
        final int reported = end - offset;
        // as tshark: the ports are read before the protocol item is added, so a segment too
        // short for them has no TCP item (and "tcp" does not match it)
        int sport = buf.u16(offset);
        int dport = buf.u16(offset + 2);
        final int top = tree ? d.open(TcpFields.PROTOCOL.field, offset, buf.capturedRemaining(offset)) : -1;
        tcpTop = top;
        d.setProtocol("TCP");
        InfoColumn info = d.info;
        info.clear();
        info.builder().append(sport).append(InfoColumn.ARROW).append(dport);
        if (tree) {
            if (d.labelled(top)) {
                d.setText(top, "Transmission Control Protocol, Src Port: " + sport + ", Dst Port: " + dport);
            }
            d.add(TcpFields.SRCPORT, offset, 2, sport);
            d.add(TcpFields.DSTPORT, offset + 2, 2, dport);
            d.flag(d.add(TcpFields.PORT, offset, 2, sport), Dissection.HIDDEN);
            d.flag(d.add(TcpFields.PORT, offset + 2, 2, dport), Dissection.HIDDEN);
            if (d.inErrorPacket) {
                // an ICMP error may quote no more than 8 bytes: tshark shows the number as
                // sent at once, without relative number or raw item
                d.add(TcpFields.SEQ, offset + 4, 4, buf.u32(offset + 4));
            }
        }
        d.srcPort = sport;
        d.dstPort = dport;

        final int seq = buf.i32(offset + 4);
        final int ack = buf.i32(offset + 8);
        final int offFlags = buf.u16(offset + 12);
        final int win = buf.u16(offset + 14);
        final int flags = offFlags & 0xFFF;
        final int hlen = (offFlags >>> 12) * 4;
        final Frame frame = d.frame;
        final long now = frame == null ? 0 : frame.seconds * 1_000_000_000L + frame.nanos;
        final int frameNo = frame == null ? 0 : (int) frame.number;

        // ---- conversation (tcp.stream) and the SYN rules of §2.1 / §3
        TcpConversations c = conv;
        c.key(d.netSrc, sport, d.netDst, dport);
        int slot = c.find();
        final boolean isNew = slot < 0;
        if (isNew) {
            slot = c.create();
            c.tsFirst[slot] = now;
            c.tsPrev[slot] = now;
        }
        int fwd = c.fwd(slot);
        int marks = 0;
        boolean repeatedSyn = false;
        int synAck = flags & (SYN | ACK);
        if (synAck == SYN && (c.flowFlags[fwd] & TcpConversations.BASE_SET) != 0) {
            if (seq != c.baseSeq[fwd]) {
                slot = c.create();
                fwd = c.fwd(slot);
                marks |= REUSED;
                c.tsFirst[slot] = now;
                c.tsPrev[slot] = now;
                c.completeness[slot] = 1; // a new conversation that starts with a SYN
            } else {
                c.nextSeq[fwd] = c.maxSeqToBeAcked[fwd];
                repeatedSyn = true; // its acked struct exists, even if empty
            }
        }
        if (synAck == (SYN | ACK) && (c.flowFlags[fwd] & TcpConversations.BASE_SET) != 0 && seq != c.baseSeq[fwd]) {
            c.baseSeq[fwd] = seq;
            marks |= REUSED;
        }
        final int rev = c.rev(slot);
        // AccECN negotiation (§1.2)
        if (synAck == SYN) {
            c.convFlags[slot] = (byte) ((flags & (AE | CWR | ECE)) == (AE | CWR | ECE)
                    ? c.convFlags[slot] | TcpConversations.ACC_SYN
                    : c.convFlags[slot] & ~TcpConversations.ACC_SYN);
        } else if (synAck == (SYN | ACK)) {
            boolean accSynAck = (flags & (AE | CWR)) == CWR || (flags & (AE | ECE)) == AE;
            c.convFlags[slot] = (byte) (accSynAck
                    ? c.convFlags[slot] | TcpConversations.ACC_SYNACK
                    : c.convFlags[slot] & ~TcpConversations.ACC_SYNACK);
        }
        int cf = c.convFlags[slot];
        boolean useAce = (flags & SYN) == 0
                && ((cf & (TcpConversations.ACC_SYN | TcpConversations.ACC_SYNACK))
                        == (TcpConversations.ACC_SYN | TcpConversations.ACC_SYNACK)
                    || (cf & TcpConversations.ACC_OPTION) != 0);
        if (tree) {
            d.flag(d.add(TcpFields.STREAM, offset, 0, c.stream[slot] & 0xFFFFFFFFL), Dissection.GENERATED);
            // a second pass shows the stream's completeness at its end, as tshark's does
            int cm = (int) hindsight.recall(io.jcap.dissect.Hindsight.Fact.TCP_COMPLETENESS, c.stream[slot],
                    c.completeness[slot]);
            int row = d.add(TcpFields.COMPLETENESS, 0, 0, cm);
            if (d.labelled(row)) {
                d.setText(row, "Conversation completeness: " + completenessText(cm) + " (" + cm + ")");
            }
            d.flag(row, Dissection.GENERATED);
        }
        c.sackDelivered[fwd] = 0;
        final long delta = now - c.tsPrev[slot];
        c.tsPrev[slot] = now;
        taExists = repeatedSyn;
        taAcked = 0;
        taBif = 0;
        taRto = 0;

        // ---- segment length, analysis, relative numbers, scaled window
        final boolean haveSeglen = !d.fragmented && !d.inErrorPacket && reported >= hlen;
        int seglen = 0;
        int shownSeq = seq;
        int shownAck = ack;
        int shownWin = win;
        if (haveSeglen) {
            seglen = reported - hlen;
            if (tree) {
                d.flag(d.add(TcpFields.LEN, 0, 0, seglen), Dissection.GENERATED);
            }
            marks = analyze(c, fwd, rev, seq, ack, seglen, flags, win, now, frameNo, marks, tree);
            shownSeq = seq - c.baseSeq[fwd];
            if ((flags & ACK) != 0) {
                shownAck = ack - c.baseSeq[rev];
            }
            if ((flags & SYN) == 0 && c.winScale[fwd] >= 0) {
                shownWin = win << c.winScale[fwd];
            }
        }

        StringBuilder sb = info.builder();
        sb.append(" [");
        appendFlags(sb, flags, useAce);
        sb.append("] Seq=").append(shownSeq & 0xFFFFFFFFL);
        if ((flags & ACK) != 0) {
            sb.append(" Ack=").append(shownAck & 0xFFFFFFFFL);
        }
        sb.append(" Win=").append(shownWin);
        if (tree) {
            if (d.labelled(top)) {
                d.setText(top, "Transmission Control Protocol, Src Port: " + sport + ", Dst Port: " + dport
                        + ", Seq: " + (shownSeq & 0xFFFFFFFFL));
            }
            if (!d.inErrorPacket) {
                int seqRow = d.add(TcpFields.SEQ, offset + 4, 4, shownSeq & 0xFFFFFFFFL);
                if (d.labelled(seqRow)) {
                    d.setText(seqRow, "Sequence Number: " + (shownSeq & 0xFFFFFFFFL) + "    (relative sequence number)");
                }
                d.add(TcpFields.SEQ_RAW, offset + 4, 4, seq & 0xFFFFFFFFL);
            }
        }

        if (hlen < 20) {
            sb.append(", bogus TCP header length (").append(hlen).append(", must be at least 20)");
            if (tree) {
                int row = d.add(TcpFields.HDR_LEN, offset + 12, 1, hlen);
                d.setText(row, hdrLenText(hlen));
                d.openRow(row);
                Expert.add(d, TcpFields.BOGUS_HEADER_LENGTH, Expert.Severity.ERROR, Expert.Group.MALFORMED,
                        "Bogus TCP header length (" + hlen + ", must be at least 20)", offset + 12, 1);
                d.close();
                d.close();
            }
            return 12;
        }

        if ((flags & (SYN | ACK)) == SYN && seglen > 0) {
            c.convFlags[slot] |= TcpConversations.TFO_SYN_DATA;
        }

        // ---- conversation completeness, shown before this segment counts
        {
            int cm = c.completeness[slot];
            int sa = flags & (SYN | ACK);
            if (isNew) {
                if (sa == SYN) {
                    cm |= 1;
                    if (seglen > 0) {
                        cm |= 8;
                    }
                }
            } else {
                if (sa == (SYN | ACK)) {
                    cm |= 2;
                }
                if (sa == ACK) {
                    cm |= seglen > 0 ? 8 : 4;
                }
                if ((flags & (FIN | ACK)) == (FIN | ACK)) {
                    cm |= 16;
                }
                if ((flags & RST) != 0) {
                    cm |= 32;
                }
            }
            c.completeness[slot] = (byte) cm;
            hindsight.note(io.jcap.dissect.Hindsight.Fact.TCP_COMPLETENESS, c.stream[slot], cm);
        }
        if (d.labelled(top)) {
            StringBuilder t = new StringBuilder(96).append("Transmission Control Protocol, Src Port: ").append(sport)
                    .append(", Dst Port: ").append(dport).append(", Seq: ").append(shownSeq & 0xFFFFFFFFL);
            if ((flags & ACK) != 0) {
                t.append(", Ack: ").append(shownAck & 0xFFFFFFFFL);
            }
            if (haveSeglen) {
                t.append(", Len: ").append(seglen & 0xFFFFFFFFL);
            }
            d.setText(top, t.toString());
        }

        // ---- per-packet conversation updates that precede the rest of the header (§4.3 "later")
        if ((flags & SYN) != 0) {
            if ((flags & ACK) != 0) {
                c.serverPort[slot] = sport;
            } else {
                c.serverPort[slot] = dport;
                c.tsMruSyn[slot] = now;
            }
            c.flowFlags[fwd] |= TcpConversations.FIRST_ACK;
        }
        if (synAck == ACK) {
            if (c.tsMruSyn[slot] != 0 && c.firstRtt[slot] == 0) {
                c.firstRtt[slot] = now - c.tsMruSyn[slot];
                hindsight.note(io.jcap.dissect.Hindsight.Fact.TCP_IRTT, c.stream[slot], c.firstRtt[slot]);
            }
            c.flowFlags[fwd] &= ~TcpConversations.FIRST_ACK;
        }

        int synRow = -1;
        int finRow = -1;
        int rstRow = -1;
        int strRow = -1;
        if (tree) {
            // tshark adds the item to the end of the segment and then shows the header only
            d.shrinkItem(top, hlen);
            if (haveSeglen) {
                long nxt = (shownSeq + seglen + ((flags & (SYN | FIN)) != 0 ? 1 : 0)) & 0xFFFFFFFFL;
                int row = d.add(TcpFields.NXTSEQ, offset, 0, nxt);
                if (d.labelled(row)) {
                    d.setText(row, "Next Sequence Number: " + nxt + "    (relative sequence number)");
                }
                d.flag(row, Dissection.GENERATED);
            }
            int ackRow = d.add(TcpFields.ACK, offset + 8, 4, shownAck & 0xFFFFFFFFL);
            if ((flags & ACK) != 0) {
                if (d.labelled(ackRow)) {
                    d.setText(ackRow, "Acknowledgment Number: " + (shownAck & 0xFFFFFFFFL) + "    (relative ack number)");
                }
                if ((flags & SYN) != 0 && haveSeglen) {
                    d.openRow(ackRow);
                    if (Integer.compareUnsigned(shownAck, 1) > 0) {
                        Expert.add(d, TcpFields.ANALYSIS_TFO_ACK, Expert.Severity.NOTE, Expert.Group.SEQUENCE,
                                "TCP SYN-ACK accepting TFO data", 0, 0);
                    } else if ((c.convFlags[slot] & TcpConversations.TFO_SYN_DATA) != 0) {
                        Expert.add(d, TcpFields.ANALYSIS_TFO_IGNORED, Expert.Severity.NOTE, Expert.Group.SEQUENCE,
                                "TCP SYN-ACK ignoring TFO data", 0, 0);
                    }
                    d.openRow(top);
                }
            } else if (ack != 0) {
                d.openRow(ackRow);
                Expert.add(d, TcpFields.ACK_NONZERO, Expert.Severity.NOTE, Expert.Group.PROTOCOL,
                        "The acknowledgment number field is nonzero while the ACK flag is not set", 0, 0);
                d.close();
            }
            d.add(TcpFields.ACK_RAW, offset + 8, 4, ack & 0xFFFFFFFFL);
            int hlenRow = d.add(TcpFields.HDR_LEN, offset + 12, 1, hlen);
            if (d.labelled(hlenRow)) {
                d.setText(hlenRow, hdrLenText(hlen));
            }
            int flagsRow = d.add(TcpFields.FLAGS, offset + 12, 2, flags);
            if (d.labelled(flagsRow)) {
                StringBuilder ft = new StringBuilder(48).append("Flags: 0x");
                ft.append(Character.forDigit((flags >> 8) & 0xF, 16)).append(Character.forDigit((flags >> 4) & 0xF, 16))
                        .append(Character.forDigit(flags & 0xF, 16)).append(" (");
                appendFlags(ft, flags, useAce);
                d.setText(flagsRow, ft.append(')').toString());
            }
            d.openRow(flagsRow);
            d.add(TcpFields.FLAGS_RES, offset + 12, 1, flags);
            if (useAce) {
                d.add(TcpFields.FLAGS_ACE, offset + 12, 2, ace(flags));
            } else {
                d.add(TcpFields.FLAGS_AE, offset + 12, 1, flags);
                d.add(TcpFields.FLAGS_CWR, offset + 13, 1, flags);
                d.add(TcpFields.FLAGS_ECE, offset + 13, 1, flags);
            }
            d.add(TcpFields.FLAGS_URG, offset + 13, 1, flags);
            d.add(TcpFields.FLAGS_ACK, offset + 13, 1, flags);
            d.add(TcpFields.FLAGS_PUSH, offset + 13, 1, flags);
            rstRow = d.add(TcpFields.FLAGS_RESET, offset + 13, 1, flags);
            synRow = d.add(TcpFields.FLAGS_SYN, offset + 13, 1, flags);
            finRow = d.add(TcpFields.FLAGS_FIN, offset + 13, 1, flags);
            strRow = d.addObject(TcpFields.FLAGS_STR, offset + 12, 2, firstLetters(flags));
            d.flag(strRow, Dissection.GENERATED);
            d.close();
            d.add(TcpFields.WINDOW_SIZE_VALUE, offset + 14, 2, win);
            d.flag(d.add(TcpFields.WINDOW_SIZE, offset + 14, 2, shownWin & 0xFFFFFFFFL), Dissection.GENERATED);
            if ((flags & SYN) == 0) {
                int ws = c.winScale[fwd];
                int row = d.add(TcpFields.WINDOW_SIZE_SCALEFACTOR, offset + 14, 2, ws >= 0 ? 1 << ws : ws);
                if (ws == -1) {
                    d.setText(row, "Window size scaling factor: -1 (unknown)");
                } else if (ws == -2) {
                    d.setText(row, "Window size scaling factor: -2 (no window scaling used)");
                }
                d.flag(row, Dissection.GENERATED);
            }
            // the connection experts under their flags
            if ((flags & SYN) != 0) {
                d.openRow(synRow);
                if ((flags & ACK) != 0) {
                    Expert.add(d, TcpFields.CONNECTION_SYNACK, Expert.Severity.CHAT, Expert.Group.SEQUENCE,
                            "Connection establish acknowledge (SYN+ACK): server port " + sport, 0, 0);
                } else {
                    Expert.add(d, TcpFields.CONNECTION_SYN, Expert.Severity.CHAT, Expert.Group.SEQUENCE,
                            "Connection establish request (SYN): server port " + dport, 0, 0);
                }
                d.closeAll();
                d.openRow(top);
            }
        }
        if ((flags & FIN) != 0) {
            boolean initiates = (c.flowFlags[rev] & TcpConversations.CLOSING) == 0;
            if (initiates) {
                c.flowFlags[fwd] |= TcpConversations.CLOSING;
            }
            if (tree) {
                d.openRow(finRow);
                Expert.add(d, TcpFields.CONNECTION_FIN, Expert.Severity.CHAT, Expert.Group.SEQUENCE,
                        "Connection finish (FIN)", 0, 0);
                d.openRow(strRow);
                if (initiates) {
                    Expert.add(d, TcpFields.CONNECTION_FIN_ACTIVE, Expert.Severity.NOTE, Expert.Group.SEQUENCE,
                            "This frame initiates the connection closing", 0, 0);
                } else {
                    Expert.add(d, TcpFields.CONNECTION_FIN_PASSIVE, Expert.Severity.NOTE, Expert.Group.SEQUENCE,
                            "This frame undergoes the connection closing", 0, 0);
                }
                d.closeAll();
                d.openRow(top);
            }
        }
        if ((flags & RST) != 0 && tree) {
            d.openRow(rstRow);
            Expert.add(d, TcpFields.CONNECTION_RST, Expert.Severity.WARNING, Expert.Group.SEQUENCE,
                    "Connection reset (RST)", 0, 0);
            d.closeAll();
            d.openRow(top);
        }

        // ---- checksum, urgent pointer, Len
        int checksum = buf.u16(offset + 16);
        final boolean canDesegment = !d.fragmented && !d.inErrorPacket && buf.capturedRemaining(offset) >= reported;
        int urgent = buf.u16(offset + 18);
        if (tree) {
            int checksumRow = d.add(TcpFields.CHECKSUM, offset + 16, 2, checksum);
            if (d.labelled(checksumRow)) {
                StringBuilder ct = new StringBuilder(40).append("Checksum: 0x");
                for (int sh = 12; sh >= 0; sh -= 4) {
                    ct.append(Character.forDigit((checksum >> sh) & 0xF, 16));
                }
                d.setText(checksumRow, ct.append(" [unverified]").toString());
            }
            d.flag(d.add(TcpFields.CHECKSUM_STATUS, offset + 16, 0, 2), Dissection.GENERATED);
            int ur = d.add(TcpFields.URGENT_POINTER, offset + 18, 2, urgent);
            if ((flags & URG) == 0 && urgent != 0) {
                d.openRow(ur);
                Expert.add(d, TcpFields.URGENT_POINTER_NON_ZERO, Expert.Severity.NOTE, Expert.Group.PROTOCOL,
                        "The urgent pointer field is nonzero while the URG flag is not set", 0, 0);
                d.close();
            }
        }
        sb = info.builder();
        if ((flags & URG) != 0) {
            sb.append(" Urg=").append(urgent);
        }
        if (haveSeglen) {
            sb.append(" Len=").append(seglen & 0xFFFFFFFFL);
        }

        // ---- options (their item comes before the Timestamps, their dissection after)
        if (hlen > 20) {
            if (tree) {
                optionsRow = d.addBytes(TcpFields.OPTIONS, offset + 20,
                        Math.min(hlen - 20, buf.capturedRemaining(offset + 20)));
                optionsText.setLength(0);
                optionsText.append("Options: (").append(hlen - 20).append(" bytes)");
                timestamps(d, now - c.tsFirst[slot], delta);
            }
            // the Ack value TCP computed: relative when ACK is set and the segment length known
            int ackValue = haveSeglen && (flags & ACK) != 0 ? shownAck : ack;
            try {
                options(buf, offset + 20, offset + hlen, d, c, slot, fwd, rev, ackValue, tree, flags);
            } finally {
                if (tree) {
                    d.openRow(top);
                }
            }
        }

        if (hlen <= 20 && tree) {
            timestamps(d, now - c.tsFirst[slot], delta);
        }

        // ---- analysis marks: prepended, with the fence after them
        if (marks != 0) {
            printMarks(d, marks, offset, false);
        }
        if (tree && (taExists || marks != 0)) {
            analysisTree(d, marks, c.firstRtt[slot] != 0 ? c.firstRtt[slot]
                    : hindsight.recall(io.jcap.dissect.Hindsight.Fact.TCP_IRTT, c.stream[slot], 0));
        }

        // ---- window scaling, once the options have been seen (§2.3)
        if ((flags & SYN) != 0) {
            if (c.winScale[fwd] == -1) {
                c.winScale[fwd] = -2;
                c.winScale[rev] = -2;
            } else if ((flags & ACK) != 0 && c.winScale[rev] == -2) {
                c.winScale[fwd] = -2;
            }
        }

        // ---- payload
        int payload = offset + hlen;
        int m = haveSeglen ? marks : 0;
        curSlot = slot;
        curStream = c.stream[slot];
        curFin = (flags & FIN) != 0;
        // a FIN ends a PDU that runs to the end of the stream (DESEGMENT_UNTIL_FIN)
        if (haveSeglen && curFin && canDesegment && c.reasm[fwd] != null && c.reasm[fwd].untilFin) {
            try {
                if (finish(buf, payload, d, m, sport, dport, c.serverPort[slot], fwd, shownSeq, seglen, frameNo,
                        tree)) {
                    return Math.max(1, buf.capturedRemaining(offset));
                }
            } catch (TcpReassembly.ReassemblyError e) {
                reassemblyError(d, e, tree);
                return Math.max(1, buf.capturedRemaining(offset));
            }
        }
        if (buf.capturedRemaining(payload) > 0) {
            if ((flags & RST) != 0) {
                // shown as the reset cause, never dissected
                if (tree) {
                    int n = buf.capturedRemaining(payload);
                    StringBuilder rc = new StringBuilder(n);
                    for (int i = 0; i < n; i++) {
                        int b = buf.u8(payload + i);
                        if (b == 0) {
                            break;
                        }
                        rc.append(b < 0x80 ? (char) b : '\uFFFD');
                    }
                    String cause = rc.toString();
                    d.setText(d.addObject(TcpFields.RESET_CAUSE, payload, n, cause),
                            "Reset cause: " + io.jcap.proto.icmp.TreeItems.formatText(cause));
                    d.close();
                }
            } else {
                if (tree) {
                    int nb = end - payload;
                    d.setText(d.addBytes(TcpFields.PAYLOAD, payload, buf.capturedRemaining(payload)),
                            "TCP payload (" + nb + (nb == 1 ? " byte)" : " bytes)"));
                    d.close();
                }
                if (canDesegment) {
                    // SYN occupies one sequence number before the data (Wireshark's bug 9882 fix)
                    int syn = (flags & SYN) != 0 ? 1 : 0;
                    try {
                        desegment(buf, payload, end, d, m, sport, dport, c.serverPort[slot], fwd,
                                shownSeq + syn, shownSeq + seglen + syn, frameNo);
                    } catch (TcpReassembly.ReassemblyError e) {
                        reassemblyError(d, e, false);
                    }
                    noteEvictions(d, offset);
                } else {
                    // Not reassemblable: subdissector errors show as "[BoundErrorUnreassembled Packet]"
                    boolean saved = d.fragmented;
                    d.fragmented = true;
                    decodePorts(buf, payload, end, d, m, sport, dport, c.serverPort[slot]);
                    d.fragmented = saved; // (left set when an exception escapes, as in Wireshark)
                }
            }
        } else if (tree) {
            d.close();
        }
        return Math.max(1, buf.capturedRemaining(offset));
    }

    // ------------------------------------------------------------------------------------------
    // payload hand-off and desegmentation (§4.6)

    private static final String SEGMENT_MARK = "[TCP segment of a reassembled PDU]";

    /** What escaped the reassembly: Wireshark's frame dissector appends it, as for any exception. */
    private static void reassemblyError(Dissection d, TcpReassembly.ReassemblyError e, boolean closeTree) {
        if (closeTree) {
            d.close();
        }
        boolean was = d.setColumnsWritable(true);
        d.info.append("[Reassembly error, protocol TCP: ").append(e.getMessage()).append(']');
        d.setColumnsWritable(was);
        if (d.tree()) {
            d.closeAll();
            int row = d.addBytes(io.jcap.dissect.MalformedFields.PROTOCOL.field, 0, 0);
            d.setText(row, "Reassembly error, protocol TCP: " + e.getMessage());
            d.flag(row, Dissection.GENERATED);
            d.openRow(row);
            Expert.add(d, io.jcap.dissect.MalformedFields.REASSEMBLY, Expert.Severity.ERROR, Expert.Group.MALFORMED,
                    e.getMessage(), 0, 0);
            d.closeAll();
        }
    }

    /**
     * Wireshark's desegment_tcp, single pass. A segment that continues a pending PDU is added
     * to it; the one that completes it hands the reassembled bytes up; a segment that
     * belongs to no pending PDU goes to the subdissector, which may ask for more
     * ({@link Dissection#desegmentLength}) for a PDU starting at
     * {@link Dissection#desegmentOffset}, which then becomes pending. A segment that only
     * continues a PDU, or whose PDU needs still more, shows as
     * "[TCP segment of a reassembled PDU]" with Protocol "TCP". After a PDU that ended
     * inside the segment the rest is dissected too, the Info fenced and the Protocol kept.
     *
     * <p>{@code seq} and {@code nxtseq} are relative sequence numbers. The per-packet path of
     * a flow without pending PDUs allocates nothing.
     */
    private void desegment(PacketBuffer buf, int payload, int end, Dissection d, int marks, int sport, int dport,
                           int serverPort, int fwd, int seq, int nxtseq, int frameNo) {
        final TcpConversations c = conv;
        final TcpReassembly r = reassembly;
        TcpReassembly.Flow fl = c.reasm[fwd] != null ? r.flow(c, fwd, false) : null;
        int offset = payload;
        boolean firstPdu = true;
        String lockedProtocol = null;
        try {
            while (true) {
                TcpReassembly.Msp msp = null;
                TcpReassembly.Msp done = null;
                int lastFragmentLen = 0;
                boolean mustDesegment = false;
                boolean called = false;
                int another = 0;
                int desegRel = 0;
                int desegLen = 0;
                int desegOffset = offset;
                if (fl != null) {
                    // a segment that starts a known PDU: seen before (a retransmission)
                    TcpReassembly.Msp e = fl.exact(seq);
                    if (e != null && Integer.compareUnsigned(nxtseq, e.nxtpdu) <= 0 && e.lastFrame != frameNo) {
                        if ((e.firstFrame == frameNo || e.firstFrameWithSeq == frameNo) && firstPdu) {
                            d.info.appendSep(" ", SEGMENT_MARK);
                        }
                        segmentData(d, "Retransmitted TCP segment data (", offset, end);
                        return;
                    }
                    msp = e;
                }
                if ((marks & (SPURIOUS | RETRANS)) != 0) {
                    if ((marks & RETRANS) != 0) {
                        segmentData(d, "Retransmitted TCP segment data (", offset, end);
                    }
                    return;
                }
                if (msp == null && fl != null) {
                    msp = fl.atOrBelow(seq - 1);
                }
                if (msp != null && msp.seq - seq <= 0 && msp.nxtpdu - seq > 0) {
                    // the segment continues a pending PDU
                    msp.lastFrame = frameNo;
                    int len = (msp.flags & TcpReassembly.ENTIRE_SEGMENT) != 0
                            ? buf.capturedRemaining(offset)
                            : Integer.compareUnsigned(nxtseq - seq, msp.nxtpdu - seq) <= 0 ? nxtseq - seq
                            : msp.nxtpdu - seq;
                    lastFragmentLen = len;
                    done = r.add(fl, msp, buf, offset, seq - msp.seq, len, nxtseq - msp.nxtpdu < 0, frameNo);
                    if (done != null && (msp.flags & TcpReassembly.ENTIRE_SEGMENT) != 0) {
                        msp.flags &= ~TcpReassembly.ENTIRE_SEGMENT;
                        if (msp.nxtpdu - nxtseq < 0) {
                            msp.nxtpdu = nxtseq;
                        }
                    }
                    if (Integer.compareUnsigned(msp.nxtpdu, nxtseq) < 0 && Integer.compareUnsigned(msp.nxtpdu, seq) >= 0
                            && len > 0) {
                        another = msp.nxtpdu - seq;
                    }
                } else {
                    d.canDesegment = true;
                    d.desegmentOffset = offset;
                    d.desegmentLength = 0;
                    int layersBefore = d.layerCount();
                    // a second pass knows this segment only starts a PDU shown later: its
                    // layer above is asked as before (its state must move the same way) but
                    // shows nothing here, as tshark's second pass does not call it
                    boolean later = firstPdu && reassembledIn(frameNo) > frameNo;
                    boolean writable = later ? d.setColumnsWritable(false) : d.columnsWritable();
                    int rowsBefore = d.fieldCount();
                    decodePorts(buf, offset, end, d, marks, sport, dport, serverPort);
                    if (later) {
                        d.setColumnsWritable(writable);
                        d.removeRows(rowsBefore, d.fieldCount());
                    }
                    called = true;
                    if (d.desegmentLength != 0) {
                        mustDesegment = true;
                        desegLen = d.desegmentLength;
                        desegOffset = d.desegmentOffset;
                        desegRel = desegOffset - offset;
                        if (desegRel == 0) {
                            d.truncateLayers(layersBefore);
                        }
                    }
                }
                if (done != null) {
                    // the segment completed the PDU: the subdissector gets all of it
                    int layersBefore = d.layerCount();
                    callReassembled(buf, done, d, marks, sport, dport, serverPort, true);
                    called = true;
                    desegLen = d.desegmentLength;
                    desegRel = d.desegmentOffset;
                    if (desegLen != 0 && desegRel == 0) {
                        d.truncateLayers(layersBefore);
                    }
                    if (desegLen == 0) {
                        for (int i = 0; i < done.fragCount; i++) {
                            if (done.fragFrame[i] != frameNo) {
                                hindsight.note(io.jcap.dissect.Hindsight.Fact.TCP_REASSEMBLED_IN, done.fragFrame[i],
                                        frameNo);
                            }
                        }
                        r.done(fl, done);
                        segmentData(d, "TCP segment data (", offset, another > 0 ? offset + another : end);
                    } else {
                        // it needs still more (or the rest starts another PDU)
                        if (desegRel == 0 || msp.seq + desegRel - seq <= 0) {
                            TcpReassembly.setPartial(msp);
                        } else {
                            TcpReassembly.Msp first = msp;
                            msp = r.split(fl, msp, desegRel, frameNo);
                            r.done(fl, first);
                        }
                        if (desegLen == Dissection.DESEGMENT_ONE_MORE_SEGMENT) {
                            int a = seq + buf.reportedRemaining(offset);
                            msp.nxtpdu = (Integer.compareUnsigned(a, msp.nxtpdu) >= 0 ? a : msp.nxtpdu) + 1;
                            msp.flags |= TcpReassembly.ENTIRE_SEGMENT;
                        } else if (desegLen == Dissection.DESEGMENT_UNTIL_FIN) {
                            fl.untilFin = true;
                            msp.nxtpdu = msp.seq + 0x40000000;
                        } else if (Integer.compareUnsigned(seq + lastFragmentLen, msp.nxtpdu) >= 0) {
                            msp.nxtpdu = seq + lastFragmentLen + desegLen;
                        } else {
                            msp.nxtpdu += desegLen;
                        }
                        another = 0;
                        offset += lastFragmentLen;
                        seq += lastFragmentLen;
                        if (buf.capturedRemaining(offset) > 0) {
                            continue;
                        }
                    }
                }
                if (mustDesegment) {
                    // a PDU starts here and needs more: remember it
                    int desegSeq = seq + (desegOffset - offset);
                    if (fl == null) {
                        fl = r.flow(c, fwd, true);
                    }
                    if (desegLen == Dissection.DESEGMENT_UNTIL_FIN) {
                        fl.untilFin = true;
                    }
                    if (Integer.compareUnsigned(nxtseq - desegSeq, 1 << 20) <= 0) {
                        TcpReassembly.Msp n;
                        if (desegLen == Dissection.DESEGMENT_ONE_MORE_SEGMENT) {
                            n = r.store(fl, desegSeq, nxtseq + 1, frameNo);
                            n.flags |= TcpReassembly.ENTIRE_SEGMENT;
                        } else if (desegLen == Dissection.DESEGMENT_UNTIL_FIN) {
                            n = r.store(fl, desegSeq, nxtseq + 0x40000000, frameNo);
                        } else {
                            n = r.store(fl, desegSeq, nxtseq + desegLen, frameNo);
                        }
                        r.add(fl, n, buf, desegOffset, 0, nxtseq - desegSeq, nxtseq - n.nxtpdu < 0, frameNo);
                    }
                }
                if ((!called || desegLen != 0) && desegRel == 0) {
                    if (lockedProtocol == null) {
                        d.setProtocol("TCP");
                    }
                    if (firstPdu) {
                        d.info.appendSep(" ", SEGMENT_MARK);
                    }
                }
                if (!called || desegLen != 0) {
                    long in = reassembledIn(frameNo);
                    if (in > 0 && in != frameNo && d.tree() && tcpTop >= 0) {
                        int saved = d.openRowIndex();
                        d.openRow(tcpTop);
                        d.flag(d.add(TcpFields.REASSEMBLED_IN, desegOffset, 0, in), Dissection.GENERATED);
                        d.openRow(saved);
                    }
                    segmentData(d, "TCP segment data (", desegOffset, end);
                }
                if (another > 0) {
                    // another PDU follows in this segment: keep what the first one showed
                    d.info.fence();
                    if (lockedProtocol == null) {
                        lockedProtocol = d.protocol;
                    }
                    firstPdu = false;
                    offset += another;
                    seq += another;
                    continue;
                }
                return;
            }
        } finally {
            if (lockedProtocol != null) {
                d.protocol = lockedProtocol;
            }
            d.canDesegment = false;
            d.desegmentOffset = 0;
            d.desegmentLength = 0;
        }
    }

    /** The frame a first pass of -2 saw this segment's PDU reassembled in, or 0. */
    private long reassembledIn(int frameNo) {
        return hindsight.recall(io.jcap.dissect.Hindsight.Fact.TCP_REASSEMBLED_IN, frameNo, 0);
    }

    /** "TCP segment data (N bytes)" (or its retransmitted form) at the end of the TCP tree. */
    private void segmentData(Dissection d, String prefix, int from, int end) {
        if (!d.tree() || tcpTop < 0) {
            return;
        }
        int n = Math.max(0, end - from);
        int saved = d.openRowIndex();
        d.openRow(tcpTop);
        d.setText(d.addBytes(TcpFields.SEGMENT_DATA, from, Math.max(0, Math.min(n, d.buf.capturedRemaining(from)))),
                prefix + n + (n == 1 ? " byte)" : " bytes)"));
        d.openRow(saved);
    }

    /** An expert note under the TCP item when this segment made reassembly drop old state. */
    private void noteEvictions(Dissection d, int offset) {
        int n = reassembly.takeEvictions();
        if (n == 0 || !d.tree() || tcpTop < 0) {
            return;
        }
        int saved = d.openRowIndex();
        d.openRow(tcpTop);
        io.jcap.dissect.Expert.add(d, REASSEMBLY_LIMIT, io.jcap.dissect.Expert.Severity.NOTE,
                io.jcap.dissect.Expert.Group.REASSEMBLE, "Reassembly limit reached: " + n
                        + (n == 1 ? " reassembly state" : " reassembly states") + " dropped", offset, 0);
        d.openRow(saved);
    }

    /**
     * [PDU Size: N] under the TCP item, for a PDU a layer above found at {@code offset}
     * (Wireshark's tcp_dissect_pdus adds it for every PDU it hands on).
     */
    public void pduSize(Dissection d, int offset, int length) {
        if (!d.tree() || tcpTop < 0) {
            return;
        }
        int saved = d.openRowIndex();
        d.openRow(tcpTop);
        d.flag(d.add(TcpFields.PDU_SIZE, offset, length, length & 0xFFFFFFFFL), Dissection.GENERATED);
        d.openRow(saved);
    }

    /**
     * show_fragment_tree: the top-level "[N Reassembled TCP Segments (B bytes): #f(l), ...]"
     * item with one line per segment, the count, the length and the data, right after the
     * TCP tree (before what the reassembled PDU holds).
     */
    private static void fragmentTree(Dissection d, TcpReassembly.Msp done) {
        int saved = d.openRowIndex();
        d.closeAll();
        int n = done.fragCount;
        int len = done.datalen;
        StringBuilder t = new StringBuilder(64).append(n).append(" Reassembled TCP Segments (").append(len)
                .append(len == 1 ? " byte): " : " bytes): ");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                t.append(", ");
            }
            t.append('#').append(done.fragFrame[i]).append('(').append(done.fragLen[i]).append(')');
        }
        if (t.length() > 239) {
            t.setLength(239); // labels hold at most ITEM_LABEL_LENGTH - 1 characters
        }
        int top = d.addText(TcpFields.SEGMENTS, 0, len, t.toString());
        d.flag(top, Dissection.GENERATED);
        d.openRow(top);
        for (int i = 0; i < n; i++) {
            int fl = done.fragLen[i];
            int off = done.fragOff[i];
            int r = d.add(TcpFields.SEGMENT, off, fl, done.fragFrame[i]);
            if (d.labelled(r)) {
                d.setText(r, fl == 0 ? "Frame: " + done.fragFrame[i] + " (no data)"
                        : "Frame: " + done.fragFrame[i] + ", payload: " + off + "-" + (off + fl - 1) + " (" + fl
                        + (fl == 1 ? " byte)" : " bytes)"));
            }
            d.flag(r, Dissection.GENERATED);
        }
        d.flag(d.add(TcpFields.SEGMENT_COUNT, 0, 0, n), Dissection.GENERATED);
        d.flag(d.add(TcpFields.REASSEMBLED_LENGTH, 0, 0, len), Dissection.GENERATED);
        // its bytes are the reassembled PDU's, the data source the tree is added in
        d.flag(d.addBytes(TcpFields.REASSEMBLED_DATA, 0, len), Dissection.GENERATED);
        d.openRow(saved);
    }

    /** Hands a reassembled PDU to the subdissector (process_tcp_payload on the reassembled bytes). */
    private void callReassembled(PacketBuffer buf, TcpReassembly.Msp done, Dissection d, int marks, int sport,
                                 int dport, int serverPort, boolean canDesegment) {
        int length = done.datalen;
        io.netty.buffer.ByteBuf reassembled = Unpooled.wrappedBuffer(done.data, 0, length);
        d.dataSource("Reassembled TCP", reassembled, length);
        PacketBuffer.Saved saved = buf.switchTo(reassembled, length);
        int first = d.fieldCount();
        if (d.tree()) {
            // the segment items count in the reassembled bytes, as tshark's do
            fragmentTree(d, done);
        }
        int last = d.fieldCount();
        try {
            d.canDesegment = canDesegment;
            d.desegmentOffset = 0;
            d.desegmentLength = 0;
            decodePorts(buf, 0, length, d, marks, sport, dport, serverPort);
        } finally {
            buf.switchBack(saved);
            if (d.desegmentLength != 0) {
                // the PDU needs still more: tshark shows no reassembly tree and no data source yet
                d.removeLastDataSource();
                if (last > first) {
                    d.removeRows(first, last);
                }
            }
        }
    }

    /**
     * The FIN of a flow whose subdissector asked for everything up to the end of the
     * stream: the data is complete now and is dissected, without desegmentation. Returns
     * true when it was (the segment's own payload is then not dissected again).
     */
    private boolean finish(PacketBuffer buf, int payload, Dissection d, int marks, int sport, int dport,
                           int serverPort, int fwd, int seq, int seglen, int frameNo, boolean tree) {
        TcpReassembly.Flow fl = reassembly.flow(conv, fwd, false);
        if (fl.fin != 0 && fl.fin != frameNo) {
            return false; // a retransmitted FIN
        }
        fl.fin = frameNo;
        TcpReassembly.Msp msp = fl.atOrBelow(seq - 1);
        if (msp == null) {
            return false;
        }
        TcpReassembly.Msp done = reassembly.add(fl, msp, buf, payload, seq - msp.seq, seglen, false, frameNo);
        if (done == null) {
            return false;
        }
        if (tree) {
            d.close();
        }
        try {
            callReassembled(buf, done, d, marks, sport, dport, serverPort, false);
            reassembly.done(fl, done);
        } finally {
            d.canDesegment = false;
            d.desegmentOffset = 0;
            d.desegmentLength = 0;
        }
        return true;
    }

    /** Wireshark's decode_tcp_ports: keep-alives to data, no retransmissions, then the ports. */
    private void decodePorts(PacketBuffer buf, int payload, int end, Dissection d, int marks, int sport, int dport,
                             int serverPort) {
        if ((marks & KA) != 0) {
            d.call(data, payload, end);
            return;
        }
        if ((marks & (RETRANS | OOO)) != 0) {
            return;
        }
        // the dissector a heuristic bound the conversation to
        int bound = conv.convDissector[curSlot];
        if (bound != 0 && d.call(heuristicTargets[bound - 1], payload, end) != REJECT) {
            return;
        }
        if (serverPort != 0 && tryPort(serverPort, buf, payload, end, d)) {
            return;
        }
        int low = Math.min(sport, dport);
        int high = Math.max(sport, dport);
        if (low != 0 && tryPort(low, buf, payload, end, d)) {
            return;
        }
        if (high != 0 && tryPort(high, buf, payload, end, d)) {
            return;
        }
        for (int i = 0; i < heuristicCount; i++) {
            if (d.call(heuristics[i], payload, end) != REJECT) {
                if (heuristicTargets[i] != null) {
                    conv.convDissector[curSlot] = (byte) (i + 1);
                }
                return;
            }
        }
        heuristicProbe(buf, payload, end);
        d.call(data, payload, end);
    }

    /**
     * Stands in for the TCP heuristic dissectors tshark 4.0 enables by default (Appendix A),
     * none of which jcap has yet: before rejecting a payload they read its first bytes, so a
     * payload cut short by the snaplen raises "[Packet size limited during capture]" when fewer
     * bytes were captured than they read. The depth depends on the reported length (measured
     * with tshark 4.0.17 on payloads no heuristic accepts). Remove once heuristics exist.
     */
    private static void heuristicProbe(PacketBuffer buf, int payload, int end) {
        int reported = end - payload;
        int captured = buf.capturedRemaining(payload);
        if (captured < reported && captured < probeDepth(reported)) {
            throw BoundsException.TRUNCATED;
        }
    }

    static int probeDepth(int reported) {
        if (reported < 4) {
            return 0;
        }
        if (reported >= 20) {
            return 8;
        }
        return reported == 10 || reported == 11 || reported == 14 || reported == 15 ? 5 : 4;
    }

    private boolean tryPort(int port, PacketBuffer buf, int payload, int end, Dissection d) {
        Dissector sub = ports.get(port);
        return sub != null && d.call(sub, payload, end) != REJECT;
    }

    // ------------------------------------------------------------------------------------------
    // sequence analysis (§2.1, §4.3)

    private int analyze(TcpConversations c, int fwd, int rev, int seq, int ack, int seglen, int flags, int win,
                        long t, int frameNo, int reused, boolean tree) {
        // base sequence numbers
        if ((c.flowFlags[fwd] & TcpConversations.BASE_SET) == 0) {
            c.baseSeq[fwd] = (flags & SYN) != 0 ? seq : seq - 1;
            c.flowFlags[fwd] |= TcpConversations.BASE_SET;
        }
        if ((c.flowFlags[rev] & TcpConversations.BASE_SET) == 0 && (flags & ACK) != 0) {
            c.baseSeq[rev] = ack - 1;
            c.flowFlags[rev] |= TcpConversations.BASE_SET;
        }
        if ((flags & ACK) != 0) {
            c.validBif[rev] = 1;
        }

        int m = reused;
        final boolean plain = (flags & (SYN | FIN | RST)) == 0;
        final int nextSeq = c.nextSeq[fwd];
        analysis:
        {
            // 1. zero window probe
            if (seglen == 1 && seq == nextSeq && c.window[rev] == 0) {
                m |= ZWP;
                break analysis;
            }
            // 2. zero window
            if (win == 0 && plain) {
                m |= ZW;
            }
            // 3. previous segment not captured
            if (nextSeq != 0 && nextSeq - seq < 0 && (flags & RST) == 0) {
                m |= LOST;
                c.validBif[fwd] = 0;
            }
            // 4. keep-alive
            if ((seglen == 0 || seglen == 1) && seq == nextSeq - 1 && plain) {
                m |= KA;
            }
            boolean sameAck = seq == nextSeq && ack == c.lastAck[fwd] && plain && seglen == 0;
            // 5. window update
            if (sameAck && win != 0 && win != c.window[fwd]) {
                m |= WUPD;
            }
            // 6. window full
            byte rs = c.winScale[rev];
            if (seglen > 0 && rs != -1 && plain) {
                int shift = (c.flowFlags[rev] & TcpConversations.FIRST_ACK) != 0 || rs == -2 ? 0 : rs;
                if (seq + seglen == c.lastAck[rev] + (c.window[rev] << shift)) {
                    m |= WFULL;
                }
            }
            // 7. keep-alive ACK
            if (sameAck && win != 0 && win == c.window[fwd] && (c.lastSegmentFlags[rev] & KA) != 0) {
                m |= KAACK;
                break analysis;
            }
            // 8. zero window probe ACK
            if (sameAck && win == 0 && c.window[fwd] == 0 && (c.lastSegmentFlags[rev] & ZWP) != 0) {
                m |= ZWPACK;
                break analysis;
            }
            // 9. duplicate ACK
            if (sameAck && win != 0 && win == c.window[fwd]) {
                int n = c.dupAckNum[fwd] == -1 ? 1 : c.dupAckNum[fwd] + 1;
                c.dupAckNum[fwd] = n;
                m |= DUP;
                dupNum = n;
                dupFrame = c.lastNonDupAck[fwd];
            }
        }
        // 10. a new ack resets the duplicate counting
        if (ack != c.lastAck[fwd]) {
            c.lastNonDupAck[fwd] = frameNo;
            c.dupAckNum[fwd] = 0;
        }
        // 11. ACKed unseen segment
        int revMax = c.maxSeqToBeAcked[rev];
        boolean ta = m != 0;
        if (revMax != 0 && revMax - ack < 0 && (flags & ACK) != 0) {
            ta = true;
            if (revMax - c.nextSeq[rev] < 0) {
                c.maxSeqToBeAcked[rev] = c.nextSeq[rev];
                m |= ACKUNSEEN;
            } else {
                if (c.dupAckNum[rev] == 0) {
                    m |= ACKUNSEEN;
                }
                c.dupAckNum[rev] = -1;
            }
        }
        // 12. retransmission family (dupacknum compares unsigned there: the -1 an ACKed unseen
        // segment leaves counts as "at least 2 duplicate ACKs")
        final int synFin = (flags & (SYN | FIN)) != 0 ? 1 : 0;
        taRto = 0;
        taRtoFrame = 0;
        if ((seglen > 0 || synFin != 0) && (m & KA) == 0) {
            boolean notAdvanced = nextSeq != 0 && seq - nextSeq < 0;
            if (seglen > 1 && nextSeq - 1 == seq) {
                notAdvanced = false;
            }
            int revLastAck = c.lastAck[rev];
            if (seglen > 0 && revLastAck != 0 && seq + seglen - revLastAck <= 0) {
                m |= SPURIOUS;
            } else if (notAdvanced && Integer.compareUnsigned(c.dupAckNum[rev], 2) >= 0 && revLastAck == seq
                    && Long.compareUnsigned(t - c.lastAckTime[rev], FAST_RTX_NS) < 0) {
                m |= FAST;
            } else {
                int slot = fwd >> 1;
                long threshold = c.firstRtt[slot] != 0 ? c.firstRtt[slot] : OOO_DEFAULT_NS;
                if (notAdvanced && Long.compareUnsigned(t - c.nextSeqTime[fwd], threshold) < 0
                        && nextSeq != seq + seglen + synFin) {
                    m |= OOO;
                } else if (notAdvanced) {
                    m |= RETRANS;
                    // the RTO: from the oldest unacked segment, else from the highest one sent
                    taRto = t - c.nextSeqTime[fwd];
                    taRtoFrame = c.nextSeqFrame[fwd];
                    if (c.unackedCount[fwd] > 0) {
                        taRto = t - c.unackedTime[fwd][0];
                        taRtoFrame = c.unackedFrame[fwd][0];
                    }
                }
            }
        }
        // 13. bookkeeping
        int nxt = seq + seglen;
        if ((seglen > 0 || synFin != 0) && c.unackedCount[fwd] < TcpConversations.MAX_UNACKED) {
            nxt += synFin;
            c.addUnacked(fwd, seq, nxt, frameNo, t);
        }
        if ((m & ZWP) == 0) {
            if (c.nextSeq[fwd] == 0 || c.nextSeq[fwd] - nxt < 0) {
                c.nextSeq[fwd] = nxt;
                c.nextSeqTime[fwd] = t;
                c.nextSeqFrame[fwd] = frameNo;
            }
            if (seq == c.maxSeqToBeAcked[fwd] || c.maxSeqToBeAcked[fwd] == 0) {
                c.maxSeqToBeAcked[fwd] = c.nextSeq[fwd];
            }
        }
        c.window[fwd] = win;
        c.lastAck[fwd] = ack;
        c.lastAckTime[fwd] = t;
        c.lastSegmentFlags[fwd] = m;
        c.ackUnacked(rev, ack);
        taAcked = c.ackedFrame;
        taRtt = taAcked != 0 ? t - c.ackedTime : 0;
        ta |= taAcked != 0;
        // bytes in flight and bytes since the last PSH (Wireshark's payload-based method)
        taBif = 0;
        taPush = 0;
        int n = c.unackedCount[fwd];
        if (seglen != 0 && n > 0 && c.validBif[fwd] != 0) {
            ta = true;
            boolean push = (flags & PSH) != 0;
            if (push && c.pushLast[fwd] == 0) {
                c.pushBytes[fwd] += seglen;
            } else if (push || c.pushLast[fwd] != 0) {
                c.pushBytes[fwd] = seglen;
            } else {
                c.pushBytes[fwd] += seglen;
            }
            c.pushLast[fwd] = (byte) (push ? 1 : 0);
            taPush = c.pushBytes[fwd];
        }
        if (seglen != 0 && n > 0 && c.validBif[fwd] != 0 && tree) {
            // only the tree shows it: the walk over the unacked segments is skipped otherwise
            int base = c.baseSeq[fwd];
            int[] sq = c.unackedSeq[fwd];
            int[] nx = c.unacked[fwd];
            int first = sq[n - 1] - base;
            int last = nx[n - 1] - base;
            for (int i = 0; i < n; i++) {
                int l = nx[i] - base;
                if (Integer.compareUnsigned(l, last) > 0) {
                    last = l;
                }
                int f = sq[i] - base;
                if (Integer.compareUnsigned(f, first) < 0) {
                    first = f;
                }
            }
            int inFlight = last - first - c.sackDelivered[rev];
            if (inFlight > 0 && inFlight < 2_000_000_000) {
                taBif = (flags & (SYN | FIN)) != 0 ? inFlight - 1 : inFlight;
            }
        }
        taExists |= ta;
        return m;
    }

    /** Prepends the marks in tshark's order (each prepend goes in front of the previous one). */
    private void printMarks(Dissection d, int m, int offset, boolean tree) {
        StringBuilder s = marksText;
        s.setLength(0);
        if ((m & ZWPACK) != 0) {
            s.append("[TCP ZeroWindowProbeAck] ");
        }
        if ((m & ZW) != 0) {
            s.append("[TCP ZeroWindow] ");
        }
        if ((m & ZWP) != 0) {
            s.append("[TCP ZeroWindowProbe] ");
        }
        if ((m & DUP) != 0) {
            s.append("[TCP Dup ACK ").append(dupFrame & 0xFFFFFFFFL).append('#').append(dupNum & 0xFFFFFFFFL)
                    .append("] ");
        }
        if ((m & KAACK) != 0) {
            s.append("[TCP Keep-Alive ACK] ");
        }
        if ((m & KA) != 0) {
            s.append("[TCP Keep-Alive] ");
        }
        if ((m & WFULL) != 0) {
            s.append("[TCP Window Full] ");
        }
        if ((m & WUPD) != 0) {
            s.append("[TCP Window Update] ");
        }
        if ((m & ACKUNSEEN) != 0) {
            s.append("[TCP ACKed unseen segment] ");
        }
        if ((m & LOST) != 0) {
            s.append("[TCP Previous segment not captured] ");
        }
        if ((m & OOO) != 0) {
            s.append("[TCP Out-Of-Order] ");
        }
        if ((m & SPURIOUS) != 0) {
            s.append("[TCP Spurious Retransmission] ");
        }
        if ((m & FAST) != 0) {
            s.append("[TCP Fast Retransmission] ");
        }
        if ((m & RETRANS) != 0) {
            s.append("[TCP Retransmission] ");
        }
        if ((m & REUSED) != 0) {
            s.append("[TCP Port numbers reused] ");
        }
        d.info.prependFence(s);
        if (tree) {
            recordMarks(d, m, offset);
        }
    }

    /** The [Timestamps] subtree: time since the stream's first frame and its previous one. */
    private static void timestamps(Dissection d, long relative, long delta) {
        int ts = d.addText(TEXT, 0, 0, "Timestamps");
        d.flag(ts, Dissection.GENERATED);
        int saved = d.openRowIndex();
        d.openRow(ts);
        d.flag(d.add(TcpFields.TIME_RELATIVE, 0, 0, relative), Dissection.GENERATED);
        d.flag(d.add(TcpFields.TIME_DELTA, 0, 0, delta), Dissection.GENERATED);
        d.openRow(saved);
    }

    /** tcp_print_sequence_number_analysis: [SEQ/ACK analysis] with the ACK, RTTs, bytes in flight and the flags. */
    private void analysisTree(Dissection d, int m, long firstRtt) {
        int a = d.addBytes(TcpFields.ANALYSIS, 0, 0);
        d.flag(a, Dissection.GENERATED);
        int saved = d.openRowIndex();
        d.openRow(a);
        if (taAcked != 0) {
            d.flag(d.add(TcpFields.ANALYSIS_ACKS_FRAME, 0, 0, taAcked), Dissection.GENERATED);
            if (taRtt != 0) {
                d.flag(d.add(TcpFields.ANALYSIS_ACK_RTT, 0, 0, taRtt), Dissection.GENERATED);
            }
        }
        if (firstRtt != 0) {
            d.flag(d.add(TcpFields.ANALYSIS_INITIAL_RTT, 0, 0, firstRtt), Dissection.GENERATED);
        }
        if (taBif != 0) {
            d.flag(d.add(TcpFields.ANALYSIS_BYTES_IN_FLIGHT, 0, 0, taBif & 0xFFFFFFFFL), Dissection.GENERATED);
            d.flag(d.add(TcpFields.ANALYSIS_PUSH_BYTES_SENT, 0, 0, taPush & 0xFFFFFFFFL), Dissection.GENERATED);
        }
        if (m != 0) {
            int f = d.addBytes(TcpFields.ANALYSIS_FLAGS, 0, 0);
            d.flag(f, Dissection.GENERATED);
            d.openRow(f);
            note(d, m, REUSED, TcpFields.ANALYSIS_REUSED_PORTS, Expert.Severity.NOTE);
            note(d, m, RETRANS, TcpFields.ANALYSIS_RETRANSMISSION, Expert.Severity.NOTE);
            if ((m & RETRANS) != 0 && taRto != 0) {
                d.flag(d.add(TcpFields.ANALYSIS_RTO, 0, 0, taRto), Dissection.GENERATED);
                d.flag(d.add(TcpFields.ANALYSIS_RTO_FRAME, 0, 0, taRtoFrame), Dissection.GENERATED);
            }
            if ((m & FAST) != 0) {
                note(d, m, FAST, TcpFields.ANALYSIS_FAST_RETRANSMISSION, Expert.Severity.NOTE);
                note(d, FAST, FAST, TcpFields.ANALYSIS_RETRANSMISSION, Expert.Severity.NOTE);
            }
            if ((m & SPURIOUS) != 0) {
                note(d, m, SPURIOUS, TcpFields.ANALYSIS_SPURIOUS_RETRANSMISSION, Expert.Severity.NOTE);
                note(d, SPURIOUS, SPURIOUS, TcpFields.ANALYSIS_RETRANSMISSION, Expert.Severity.NOTE);
            }
            note(d, m, OOO, TcpFields.ANALYSIS_OUT_OF_ORDER, Expert.Severity.WARNING);
            note(d, m, LOST, TcpFields.ANALYSIS_LOST_SEGMENT, Expert.Severity.WARNING);
            note(d, m, ACKUNSEEN, TcpFields.ANALYSIS_ACK_LOST_SEGMENT, Expert.Severity.WARNING);
            note(d, m, WUPD, TcpFields.ANALYSIS_WINDOW_UPDATE, Expert.Severity.CHAT);
            note(d, m, WFULL, TcpFields.ANALYSIS_WINDOW_FULL, Expert.Severity.WARNING);
            note(d, m, KA, TcpFields.ANALYSIS_KEEP_ALIVE, Expert.Severity.NOTE);
            note(d, m, KAACK, TcpFields.ANALYSIS_KEEP_ALIVE_ACK, Expert.Severity.NOTE);
            if ((m & DUP) != 0) {
                d.flag(d.addText(TcpFields.ANALYSIS_DUPLICATE_ACK, 0, 0, "This is a TCP duplicate ack"),
                        Dissection.GENERATED);
            }
            note(d, m, ZWP, TcpFields.ANALYSIS_ZERO_WINDOW_PROBE, Expert.Severity.NOTE);
            note(d, m, ZW, TcpFields.ANALYSIS_ZERO_WINDOW, Expert.Severity.WARNING);
            note(d, m, ZWPACK, TcpFields.ANALYSIS_ZERO_WINDOW_PROBE_ACK, Expert.Severity.NOTE);
            d.openRow(a);
            if ((m & DUP) != 0) {
                d.flag(d.add(TcpFields.ANALYSIS_DUPLICATE_ACK_NUM, 0, 0, dupNum & 0xFFFFFFFFL), Dissection.GENERATED);
                int r = d.add(TcpFields.ANALYSIS_DUPLICATE_ACK_FRAME, 0, 0, dupFrame & 0xFFFFFFFFL);
                d.flag(r, Dissection.GENERATED);
                d.openRow(r);
                Expert.add(d, TcpFields.ANALYSIS_DUPLICATE_ACK, Expert.Severity.NOTE, Expert.Group.SEQUENCE,
                        "Duplicate ACK (#" + (dupNum & 0xFFFFFFFFL) + ")", 0, 0);
            }
        }
        d.openRow(saved);
    }

    private static void note(Dissection d, int m, int bit, io.jcap.field.FieldDef f, Expert.Severity severity) {
        if ((m & bit) != 0) {
            Expert.add(d, f, severity, Expert.Group.SEQUENCE, f.name, 0, 0);
        }
    }

    private void recordMarks(Dissection d, int m, int offset) {
        int a = d.addBytes(TcpFields.ANALYSIS, offset, 0);
        d.flag(a, Dissection.GENERATED);
        d.openRow(a);
        d.flag(d.addBytes(TcpFields.ANALYSIS_FLAGS, offset, 0), Dissection.GENERATED);
        mark(d, m, REUSED, TcpFields.ANALYSIS_REUSED_PORTS, offset);
        mark(d, m, RETRANS, TcpFields.ANALYSIS_RETRANSMISSION, offset);
        mark(d, m, FAST, TcpFields.ANALYSIS_FAST_RETRANSMISSION, offset);
        mark(d, m, SPURIOUS, TcpFields.ANALYSIS_SPURIOUS_RETRANSMISSION, offset);
        mark(d, m, OOO, TcpFields.ANALYSIS_OUT_OF_ORDER, offset);
        mark(d, m, LOST, TcpFields.ANALYSIS_LOST_SEGMENT, offset);
        mark(d, m, ACKUNSEEN, TcpFields.ANALYSIS_ACK_LOST_SEGMENT, offset);
        mark(d, m, WUPD, TcpFields.ANALYSIS_WINDOW_UPDATE, offset);
        mark(d, m, WFULL, TcpFields.ANALYSIS_WINDOW_FULL, offset);
        mark(d, m, KA, TcpFields.ANALYSIS_KEEP_ALIVE, offset);
        mark(d, m, KAACK, TcpFields.ANALYSIS_KEEP_ALIVE_ACK, offset);
        if ((m & DUP) != 0) {
            d.flag(d.addBytes(TcpFields.ANALYSIS_DUPLICATE_ACK, offset, 0), Dissection.GENERATED);
            d.flag(d.add(TcpFields.ANALYSIS_DUPLICATE_ACK_NUM, offset, 0, dupNum & 0xFFFFFFFFL),
                    Dissection.GENERATED);
            d.flag(d.add(TcpFields.ANALYSIS_DUPLICATE_ACK_FRAME, offset, 0, dupFrame & 0xFFFFFFFFL),
                    Dissection.GENERATED);
        }
        mark(d, m, ZWP, TcpFields.ANALYSIS_ZERO_WINDOW_PROBE, offset);
        mark(d, m, ZW, TcpFields.ANALYSIS_ZERO_WINDOW, offset);
        mark(d, m, ZWPACK, TcpFields.ANALYSIS_ZERO_WINDOW_PROBE_ACK, offset);
        d.close();
    }

    private static void mark(Dissection d, int m, int bit, io.jcap.field.FieldDef f, int offset) {
        if ((m & bit) != 0) {
            d.flag(d.addBytes(f, offset, 0), Dissection.GENERATED);
        }
    }

    // ------------------------------------------------------------------------------------------
    // flags

    static int ace(int flags) {
        return ((flags & AE) != 0 ? 4 : 0) | ((flags & CWR) != 0 ? 2 : 0) | ((flags & ECE) != 0 ? 1 : 0);
    }

    /** tcp_flags_to_str: names joined by ", ", the ACE form once AccECN is in use. */
    static void appendFlags(StringBuilder sb, int flags, boolean useAce) {
        int start = sb.length();
        int n = useAce ? 6 : 9;
        for (int i = 0; i < n; i++) {
            if ((flags & (1 << i)) != 0) {
                if (sb.length() > start) {
                    sb.append(", ");
                }
                sb.append(FLAG_NAMES[i]);
            }
        }
        if (useAce) {
            sb.append(", ACE=").append(ace(flags));
        }
        if ((flags & RES) != 0) {
            if (sb.length() > start) {
                sb.append(", ");
            }
            sb.append("Reserved");
        }
        if (sb.length() == start) {
            sb.append("<None>");
        }
    }

    /** tcp.completeness as tshark names it (conversation_completeness_fill). */
    static String completenessText(int v) {
        switch (v) {
            case 1:
                return "Incomplete, SYN_SENT";
            case 3:
                return "Incomplete, CLIENT_ESTABLISHED";
            case 7:
                return "Incomplete, ESTABLISHED";
            case 15:
                return "Incomplete, DATA";
            case 31:
            case 47:
            case 63:
                return "Complete, WITH_DATA";
            case 23:
            case 39:
            case 55:
                return "Complete, NO_DATA";
            default:
                return "Incomplete";
        }
    }

    /** "1010 .... = Header Length: 40 bytes (10)" */
    static String hdrLenText(int hlen) {
        int words = hlen >> 2;
        StringBuilder sb = new StringBuilder(48);
        for (int i = 3; i >= 0; i--) {
            sb.append((words >> i & 1) != 0 ? '1' : '0');
        }
        return sb.append(" .... = Header Length: ").append(hlen).append(" bytes (").append(words).append(')')
                .toString();
    }

    private static final char[] LETTERS = "RRRACEUAPRSF".toCharArray();

    /** tcp.flags.str: one letter per bit from the highest, "·" when clear. */
    static String firstLetters(int flags) {
        char[] out = new char[12];
        for (int i = 0; i < 12; i++) {
            out[i] = (flags & (0x800 >>> i)) != 0 ? LETTERS[i] : '\u00b7';
        }
        return new String(out);
    }

    // ------------------------------------------------------------------------------------------
    // options (§1.5)

    private static final String[] SCPS_NAMES = {"BETS", "SNACK1", "SNACK2", "COMP", "NLTS"};

    // ---- the option protocols (each option is its own protocol item in Wireshark's tree)
    static final io.jcap.field.Protocol OPT_EOL = optProto("eol", "End of Option List (EOL)");
    static final io.jcap.field.Protocol OPT_NOP = optProto("nop", "No-Operation (NOP)");
    static final io.jcap.field.Protocol OPT_MSS = optProto("mss", "Maximum segment size");
    static final io.jcap.field.Protocol OPT_WSCALE = optProto("wscale", "Window scale");
    static final io.jcap.field.Protocol OPT_SACK_PERM = optProto("sack_perm", "SACK permitted");
    static final io.jcap.field.Protocol OPT_SACK = optProto("sack", "SACK");
    static final io.jcap.field.Protocol OPT_ECHO = optProto("echo", "Echo");
    static final io.jcap.field.Protocol OPT_ECHOREPLY = optProto("echoreply", "Echo reply");
    static final io.jcap.field.Protocol OPT_TIMESTAMP = optProto("timestamp", "Timestamps");
    static final io.jcap.field.Protocol OPT_CC = optProto("cc", "CC");
    static final io.jcap.field.Protocol OPT_CCNEW = optProto("ccnew", "CC.NEW");
    static final io.jcap.field.Protocol OPT_CCECHO = optProto("ccecho", "CC.ECHO");
    static final io.jcap.field.Protocol OPT_MD5 = optProto("md5", "TCP MD5 signature");
    static final io.jcap.field.Protocol OPT_SCPS = optProto("scps", "SCPS capabilities");
    static final io.jcap.field.Protocol OPT_SNACK = optProto("snack", "Selective Negative Acknowledgment");
    static final io.jcap.field.Protocol OPT_SCPSREC = optProto("scpsrec", "SCPS record boundary");
    static final io.jcap.field.Protocol OPT_SCPSCOR = optProto("scpscor", "SCPS corruption experienced");
    static final io.jcap.field.Protocol OPT_QS = optProto("qs", "Quick-Start");
    static final io.jcap.field.Protocol OPT_USER_TO = optProto("user_to", "User Timeout");
    static final io.jcap.field.Protocol OPT_AO = optProto("ao", "TCP AO");
    static final io.jcap.field.Protocol OPT_TFO = optProto("tfo", "TCP Fast Open");
    static final io.jcap.field.Protocol OPT_ACC_ECN = optProto("acc_ecn", "Accurate ECN");
    static final io.jcap.field.Protocol OPT_EXP = optProto("experimental", "Experimental");
    static final io.jcap.field.Protocol OPT_UNKNOWN = optProto("unknown", "Unknown");
    static final io.jcap.field.Protocol[] OPTION_PROTOCOLS = {OPT_EOL, OPT_NOP, OPT_MSS, OPT_WSCALE, OPT_SACK_PERM,
        OPT_SACK, OPT_ECHO, OPT_ECHOREPLY, OPT_TIMESTAMP, OPT_CC, OPT_CCNEW, OPT_CCECHO, OPT_MD5, OPT_SCPS, OPT_SNACK,
        OPT_SCPSREC, OPT_SCPSCOR, OPT_QS, OPT_USER_TO, OPT_AO, OPT_TFO, OPT_ACC_ECN, OPT_EXP, OPT_UNKNOWN};

    private static io.jcap.field.Protocol optProto(String name, String shortName) {
        return new io.jcap.field.Protocol("tcp.options." + name, "TCP Option - " + shortName, shortName);
    }

    /** The option protocol of a kind: its item in the tree and its name in the Options line. */
    static io.jcap.field.Protocol optionProtocol(int kind) {
        return switch (kind) {
            case 0 -> OPT_EOL;
            case 1 -> OPT_NOP;
            case 2 -> OPT_MSS;
            case 3 -> OPT_WSCALE;
            case 4 -> OPT_SACK_PERM;
            case 5 -> OPT_SACK;
            case 6 -> OPT_ECHO;
            case 7 -> OPT_ECHOREPLY;
            case 8 -> OPT_TIMESTAMP;
            case 11 -> OPT_CC;
            case 12 -> OPT_CCNEW;
            case 13 -> OPT_CCECHO;
            case 19 -> OPT_MD5;
            case 20 -> OPT_SCPS;
            case 21 -> OPT_SNACK;
            case 22 -> OPT_SCPSREC;
            case 23 -> OPT_SCPSCOR;
            case 27 -> OPT_QS;
            case 28 -> OPT_USER_TO;
            case 29 -> OPT_AO;
            case 34 -> OPT_TFO;
            case 0xAC, 0xAE -> OPT_ACC_ECN;
            case 0xFD, 0xFE -> OPT_EXP;
            default -> OPT_UNKNOWN;
        };
    }

    /** The name an option has in the Options line ("Unknown (0x63)" for kinds tshark does not know). */
    private static String optionListName(int kind) {
        if (kind == 30) {
            return "MPTCP";
        }
        io.jcap.field.Protocol p = optionProtocol(kind);
        if (p == OPT_UNKNOWN) {
            return "Unknown (0x" + Character.forDigit(kind >> 4, 16) + Character.forDigit(kind & 0xF, 16) + ")";
        }
        return p.shortName;
    }

    /** The Options item's text while options are dissected. */
    private final StringBuilder optionsText = new StringBuilder(128);
    private int optionsRow = -1;
    private int optionRow = -1;
    private boolean sawMss;

    private void options(PacketBuffer buf, int start, int areaEnd, Dissection d, TcpConversations c, int slot,
                         int fwd, int rev, int ackValue, boolean tree, int flags) {
        int off = start;
        int length = areaEnd - start;
        int nops = 0;
        int prevOpt = 1;
        sawMss = false;
        try {
            while (length > 0) {
                int kind = buf.u8(off);
                length--;
                if (kind == 0 || kind == 1) {
                    if (kind == 1) {
                        // the count runs over the whole header; the previous option only
                        // changes with options that have a length
                        nops++;
                        if (nops == 4 && prevOpt == 1 && tree) {
                            d.openRow(optionsRow);
                            Expert.add(d, TcpFields.NOP, Expert.Severity.WARNING, Expert.Group.PROTOCOL,
                                    "4 NOP in a row - a router may have removed some options", 0, 0);
                        }
                    }
                    if (tree) {
                        d.openRow(optionsRow);
                        io.jcap.field.Protocol p = kind == 0 ? OPT_EOL : OPT_NOP;
                        d.open(p.field, off, 1);
                        d.add(TcpFields.OPTION_KIND, off, 1, kind);
                        optionsText.append(", ").append(p.shortName);
                        d.openRow(optionsRow);
                    }
                    off++;
                    if (kind == 0 && length > 0) {
                        // padding after EOL should be zero; garbage there ends the options
                        buf.check(off, length);
                        boolean zero = true;
                        for (int i = 0; i < length; i++) {
                            if (buf.u8(off + i) != 0) {
                                zero = false;
                                break;
                            }
                        }
                        if (!zero) {
                            if (tree) {
                                int row = d.addText(TcpFields.NON_ZERO_BYTES_AFTER_EOL, off, length,
                                        "Non-zero header padding");
                                d.openRow(row);
                                Expert.add(d, TcpFields.NON_ZERO_BYTES_AFTER_EOL, Expert.Severity.ERROR,
                                        Expert.Group.PROTOCOL, "Non-zero header padding", off, length);
                                d.openRow(optionsRow);
                            }
                            return;
                        }
                    }
                    continue;
                }
                String name = optionListName(kind);
                if (length == 0) {
                    badOption(d, tree, off, 1, name + " (length byte past end of options)");
                    return;
                }
                int optlen = buf.u8(off + 1);
                length--;
                if (optlen < 2) {
                    badOption(d, tree, off, 2, name + " (with too-short option length = " + optlen
                            + (optlen == 1 ? " byte)" : " bytes)"));
                    return;
                }
                if (optlen - 2 > length) {
                    badOption(d, tree, off, length + 2, name + " (option length = " + optlen
                            + (optlen == 1 ? " byte" : " bytes") + " says option goes past end of options)");
                    return;
                }
                if (tree) {
                    d.openRow(optionsRow);
                    optionRow = d.open(kind == 12 || kind == 13 ? OPT_CC.field : optionProtocol(kind).field, off,
                            Math.min(optlen, buf.capturedRemaining(off)));
                    if (kind == 30) {
                        d.setText(optionRow, "Multipath Transmission Control Protocol");
                    }
                    if (kind == 2 && (flags & SYN) == 0) {
                        Expert.add(d, TcpFields.OPTIONS_MSS_PRESENT, Expert.Severity.WARNING, Expert.Group.PROTOCOL,
                                "The non-SYN packet does contain a MSS option", 0, 0);
                    }
                    d.add(TcpFields.OPTION_KIND, off, 1, kind);
                    optLenRow = d.add(TcpFields.OPTION_LEN, off + 1, 1, optlen);
                }
                if (kind == 2) {
                    sawMss = true;
                }
                this.optEnd = off + optlen;
                try {
                    option(buf, kind, off, optlen, d, c, slot, fwd, rev, ackValue, tree, flags);
                    if (tree) {
                        optionsText.append(", ").append(name);
                    }
                } finally {
                    if (tree) {
                        d.openRow(optionsRow);
                    }
                }
                off += optlen;
                length -= optlen - 2;
                prevOpt = kind;
            }
        } finally {
            if (tree) {
                if ((flags & SYN) != 0 && !sawMss) {
                    d.openRow(optionsRow);
                    Expert.add(d, TcpFields.OPTIONS_MSS_ABSENT, Expert.Severity.NOTE, Expert.Group.PROTOCOL,
                            "The SYN packet does not contain a MSS option", 0, 0);
                }
                if (optionsText.length() > 239) {
                    optionsText.setLength(239); // labels hold at most ITEM_LABEL_LENGTH - 1 characters
                }
                if (d.labelled(optionsRow)) {
                    d.setText(optionsRow, optionsText.toString());
                }
                d.openRow(optionsRow);
                d.close();
            }
        }
    }

    private int optLenRow = -1;

    /** An option whose length is wrong: an expert item in the Options tree, and the options end. */
    private void badOption(Dissection d, boolean tree, int off, int len, String text) {
        if (tree) {
            d.openRow(optionsRow);
            int row = d.addText(TcpFields.OPTION_LEN_INVALID, off, len, text);
            d.openRow(row);
            Expert.add(d, TcpFields.OPTION_LEN_INVALID, Expert.Severity.NOTE, Expert.Group.SEQUENCE, text, off, len);
            d.openRow(optionsRow);
        }
    }

    /** tcp_option_len_check: a fixed-length option of another length gets a note under its Length. */
    private boolean lenCheck(Dissection d, int o, int optlen, int expected) {
        if (optlen == expected) {
            return true;
        }
        if (d.tree()) {
            d.openRow(optLenRow);
            Expert.add(d, TcpFields.OPTION_LEN_INVALID, Expert.Severity.NOTE, Expert.Group.SEQUENCE,
                    "option length should be " + expected, 0, 0);
            d.openRow(optionRow);
        }
        return false;
    }

    /** Appends to the current option item's text ("TCP Option - Maximum segment size" + ": 1460 bytes"). */
    private void optionText(Dissection d, int kind, String more) {
        if (d.labelled(optionRow)) {
            io.jcap.field.Protocol p = kind == 12 || kind == 13 ? OPT_CC : optionProtocol(kind);
            d.setText(optionRow, p.name + more);
        }
    }

    /** A read inside an option that the option covers but the segment does not (a short segment). */

    /**
     * Checks a read inside the current option as Wireshark's option sub-tvb does: past the
     * captured bytes "truncated", past the segment but inside the option a contained-length
     * error, past the option "malformed".
     */
    private void optCheck(PacketBuffer buf, int at, int n) {
        int e = at + n;
        if (e <= optEnd && e <= buf.capturedEnd()) {
            return;
        }
        if (e <= optEnd && e <= buf.end()) {
            throw BoundsException.TRUNCATED;
        }
        if (e <= optEnd) {
            throw BoundsException.CONTAINED;
        }
        throw BoundsException.MALFORMED;
    }

    private int optU8(PacketBuffer buf, int at) {
        optCheck(buf, at, 1);
        return buf.u8(at);
    }

    private int optU16(PacketBuffer buf, int at) {
        optCheck(buf, at, 2);
        return buf.u16(at);
    }

    private int optI32(PacketBuffer buf, int at) {
        optCheck(buf, at, 4);
        return buf.i32(at);
    }

    private long optU32(PacketBuffer buf, int at) {
        optCheck(buf, at, 4);
        return buf.u32(at);
    }

    private void option(PacketBuffer buf, int kind, int o, int optlen, Dissection d, TcpConversations c, int slot,
                        int fwd, int rev, int ackValue, boolean tree, int flags) {
        switch (kind) {
            case 2 -> { // MSS
                if (!lenCheck(d, o, optlen, 4)) {
                    return;
                }
                int mss = optU16(buf, o + 2);
                d.add(TcpFields.OPTIONS_MSS_VAL, o + 2, 2, mss);
                d.info.builder().append(" MSS=").append(mss);
                optionText(d, kind, d.labelled(optionRow) ? ": " + mss + " bytes" : null);
            }
            case 3 -> { // window scale
                if (!lenCheck(d, o, optlen, 3)) {
                    return;
                }
                int shift = optU8(buf, o + 2);
                int row = d.add(TcpFields.OPTIONS_WSCALE_SHIFT, o + 2, 1, shift);
                int raw = shift;
                if (shift > 14) {
                    if (tree) {
                        d.openRow(row);
                        Expert.add(d, TcpFields.OPTIONS_WSCALE_SHIFT_INVALID, Expert.Severity.WARNING,
                                Expert.Group.PROTOCOL, "Window scale shift exceeds 14", 0, 0);
                        d.openRow(optionRow);
                    }
                    shift = 14;
                }
                d.flag(d.add(TcpFields.OPTIONS_WSCALE_MULTIPLIER, o + 2, 1, 1 << shift), Dissection.GENERATED);
                d.info.builder().append(" WS=").append(1 << shift);
                optionText(d, kind, d.labelled(optionRow) ? ": " + raw + " (multiply by " + (1 << shift) + ")" : null);
                c.winScale[fwd] = (byte) shift;
            }
            case 4 -> {
                lenCheck(d, o, optlen, 2);
                d.info.append(" SACK_PERM");
            }
            case 5 -> sack(buf, o, optlen, d, c, fwd, rev, ackValue, tree);
            case 6, 7 -> { // echo, echo reply
                if (!lenCheck(d, o, optlen, 6)) {
                    return;
                }
                long v = optU32(buf, o + 2);
                d.add(TcpFields.OPTIONS_ECHO_VALUE, o + 2, 4, v);
                d.info.builder().append(" ECHO=").append(v);
                if (tree) {
                    d.setText(optionRow, OPT_ECHO.name + ": " + v);
                }
            }
            case 8 -> { // timestamps
                if (!lenCheck(d, o, optlen, 10)) {
                    return;
                }
                long tsval = optU32(buf, o + 2);
                long tsecr = optU32(buf, o + 6);
                d.add(TcpFields.OPTIONS_TIMESTAMP_TSVAL, o + 2, 4, tsval);
                d.add(TcpFields.OPTIONS_TIMESTAMP_TSECR, o + 6, 4, tsecr);
                d.info.builder().append(" TSval=").append(tsval).append(" TSecr=").append(tsecr);
                optionText(d, kind, d.labelled(optionRow) ? ": TSval " + tsval + ", TSecr " + tsecr : null);
            }
            case 11, 12, 13 -> { // CC, CC.NEW, CC.ECHO
                if (!lenCheck(d, o, optlen, 6)) {
                    return;
                }
                long v = optU32(buf, o + 2);
                d.add(TcpFields.OPTIONS_CC_VALUE, o + 2, 4, v);
                d.info.builder().append(" CC=").append(v);
            }
            case 19 -> { // MD5 signature
                d.info.append(" MD5");
                if (lenCheck(d, o, optlen, 18)) {
                    d.addBytes(TcpFields.OPTIONS_MD5_DIGEST, o + 2, Math.min(16, buf.capturedRemaining(o + 2)));
                }
            }
            case 20 -> scps(buf, o, optlen, d, c, fwd);
            case 21 -> { // SCPS SNACK: its handler reads past the option
                if (!lenCheck(d, o, optlen, 6)) {
                    return;
                }
                optCheck(buf, o + 2, 4);
                throw BoundsException.MALFORMED;
            }
            case 27 -> { // Quick-Start response
                if (!lenCheck(d, o, optlen, 8)) {
                    return;
                }
                int rate = optU8(buf, o + 2) & 0x0F;
                d.add(TcpFields.OPTIONS_QS_RATE, o + 2, 1, rate);
                d.add(TcpFields.OPTIONS_QS_TTL_DIFF, o + 3, 1, optU8(buf, o + 3));
                d.info.builder().append(" QSresp=").append(TcpFields.OPTIONS_QS_RATE.values.name(rate, "?"));
            }
            case 28 -> { // user timeout
                if (!lenCheck(d, o, optlen, 4)) {
                    return;
                }
                int v = optU16(buf, o + 2);
                d.add(TcpFields.OPTIONS_USER_TO_GRANULARITY, o + 2, 2, v);
                d.add(TcpFields.OPTIONS_USER_TO_VAL, o + 2, 2, v & 0x7FFF);
                d.info.builder().append(" USER_TO=").append(v & 0x7FFF);
            }
            case 29 -> { // TCP-AO: no leading space; its MAC is read
                d.info.append("TCP AO");
                d.add(TcpFields.OPTIONS_AO_KEYID, o + 2, 1, optU8(buf, o + 2));
                d.add(TcpFields.OPTIONS_AO_RNEXTKEYID, o + 3, 1, optU8(buf, o + 3));
                optCheck(buf, o, optlen);
                if (optlen > 4) {
                    d.addBytes(TcpFields.OPTIONS_AO_MAC, o + 4, optlen - 4);
                }
            }
            case 30 -> { // MPTCP
                d.setProtocol("MPTCP");
                int subtype = optU8(buf, o + 2) >> 4;
                d.add(TcpFields.OPTIONS_MPTCP_SUBTYPE, o + 2, 1, subtype);
                if (tree) {
                    String n = TcpFields.OPTIONS_MPTCP_SUBTYPE.values.name(subtype);
                    d.setText(optionRow, "Multipath Transmission Control Protocol: " + (n != null ? n : "Unknown"));
                }
                optCheck(buf, o, optlen);
            }
            case 34 -> tfo(buf, d, o, optlen, 2, flags);
            case 0xAC, 0xAE -> {
                if (optlen == 2 || optlen == 5 || optlen == 8 || optlen == 11) {
                    accEcn(buf, o + 2, optlen - 2, kind == 0xAC, d);
                    c.convFlags[slot] |= TcpConversations.ACC_OPTION;
                }
            }
            case 0xFD, 0xFE -> experimental(buf, o, optlen, d, c, slot, flags);
            case 22, 23, 76, 78 -> {
                // SCPS record boundary / corruption experienced, Riverbed probe / transparency:
                // nothing shown (Riverbed's rare prepended texts are not reproduced)
            }
            default -> {
                // unknown kinds: the handler takes the whole option, which must have been captured
                optCheck(buf, o, optlen);
                if (tree && optlen > 2) {
                    d.addBytes(TcpFields.OPTIONS_UNKNOWN_PAYLOAD, o + 2, optlen - 2);
                }
            }
        }
    }

    private void sack(PacketBuffer buf, int o, int optlen, Dissection d, TcpConversations c, int fwd, int rev,
                      int ackValue, boolean tree) {
        int base = (c.flowFlags[rev] & TcpConversations.BASE_SET) != 0 ? c.baseSeq[rev] : 0;
        int rem = optlen - 2;
        int p = o + 2;
        int blocks = 0;
        long dle = -1;
        long dre = -1;
        StringBuilder text = tree ? new StringBuilder(OPT_SACK.name) : null;
        while (rem >= 8) {
            long le = (optI32(buf, p) - base) & 0xFFFFFFFFL;
            long re = (optI32(buf, p + 4) - base) & 0xFFFFFFFFL;
            if (tree) {
                d.setText(d.add(TcpFields.OPTIONS_SACK_LE, p, 4, le), "left edge = " + le + " (relative)");
                d.setText(d.add(TcpFields.OPTIONS_SACK_RE, p + 4, 4, re), "right edge = " + re + " (relative)");
                text.append(' ').append(le).append('-').append(re);
            }
            if (blocks == 0 && (int) le - ackValue < 0) {
                dle = le;
                dre = re;
            }
            if (blocks < 4) {
                c.sackDelivered[fwd] += (int) (re - le);
            }
            d.info.builder().append(" SLE=").append(le).append(" SRE=").append(re);
            p += 8;
            rem -= 8;
            blocks++;
        }
        if (rem >= 4) {
            optI32(buf, p); // a left edge without its right edge
        }
        if (tree) {
            d.flag(d.add(TcpFields.OPTIONS_SACK_COUNT, o, 0, blocks), Dissection.GENERATED);
            if (dle >= 0) {
                int r = d.add(TcpFields.OPTIONS_SACK_DSACK_LE, o + 2, 4, dle);
                d.setText(r, "D-SACK Left Edge = " + dle + " (relative)");
                d.flag(r, Dissection.GENERATED);
                r = d.add(TcpFields.OPTIONS_SACK_DSACK_RE, o + 6, 4, dre);
                d.setText(r, "D-SACK Right Edge = " + dre + " (relative)");
                d.flag(r, Dissection.GENERATED);
                r = d.addText(TcpFields.OPTIONS_SACK_DSACK, o + 2, 8, "D-SACK Sequence");
                d.openRow(r);
                Expert.add(d, TcpFields.OPTIONS_SACK_DSACK, Expert.Severity.WARNING, Expert.Group.SEQUENCE,
                        "D-SACK Sequence", o + 2, 8);
                d.openRow(optionRow);
            }
            d.setText(optionRow, text.toString());
        }
        if (blocks == 0 && Integer.compareUnsigned(ackValue, 0x80000000) <= 0) {
            // the D-SACK check reads the first block's edges, which lie past the option
            optCheck(buf, o + 2, 8);
        }
    }

    /** TCP Fast Open: a cookie request, or a cookie (read before it is announced). */
    private void tfo(PacketBuffer buf, Dissection d, int o, int optlen, int headerLength, int flags) {
        if (optlen == headerLength) {
            d.addText(TcpFields.OPTIONS_TFO_REQUEST, o, optlen, "Fast Open Cookie Request");
            d.info.append(" TFO=R");
        } else {
            optCheck(buf, o, optlen);
            int row = d.addBytes(TcpFields.OPTIONS_TFO_COOKIE, o + headerLength, optlen - headerLength);
            d.info.append(" TFO=C");
            if ((flags & (SYN | ACK)) == SYN && row >= 0) {
                d.openRow(row);
                Expert.add(d, TcpFields.ANALYSIS_TFO_SYN, Expert.Severity.NOTE, Expert.Group.SEQUENCE,
                        "TCP SYN with TFO Cookie", 0, 0);
                d.openRow(optionRow);
            }
        }
    }

    private void accEcn(PacketBuffer buf, int p, int n, boolean order0, Dissection d) {
        if (n == 0) {
            d.info.append(" AccECN");
            return;
        }
        for (int i = 0; i + 3 <= n; i += 3) {
            optCheck(buf, p + i, 3);
            int v = buf.u24(p + i);
            io.jcap.field.FieldDef f;
            String name;
            if (i == 3) {
                f = TcpFields.OPTIONS_ACC_ECN_ECEB;
                name = " ECEB=";
            } else if ((i == 0) == order0) {
                f = TcpFields.OPTIONS_ACC_ECN_EE0B;
                name = " EE0B=";
            } else {
                f = TcpFields.OPTIONS_ACC_ECN_EE1B;
                name = " EE1B=";
            }
            d.add(f, p + i, 3, v);
            d.info.builder().append(name).append(v);
        }
    }

    private void experimental(PacketBuffer buf, int o, int optlen, Dissection d, TcpConversations c, int slot,
                              int flags) {
        if (optlen < 4) {
            return;
        }
        int exid = optU16(buf, o + 2);
        d.add(TcpFields.OPTIONS_EXPERIMENTAL_EXID, o + 2, 2, exid);
        if (d.tree()) {
            String n = TcpFields.OPTIONS_EXPERIMENTAL_EXID.values.name(exid);
            d.setText(optionRow, OPT_EXP.name + ": " + (n != null ? n : "Unknown"));
        }
        switch (exid) {
            case 0xF989 -> tfo(buf, d, o, optlen, 4, flags);
            case 0x00AC -> {
                if (optlen == 4) {
                    d.info.append(" TARR");
                } else if (optlen == 5) {
                    int rate = optU8(buf, o + 4) >> 1;
                    d.add(TcpFields.OPTIONS_TARR_RATE, o + 4, 1, rate);
                    d.info.builder().append(" TARR=").append(rate);
                }
            }
            case 0xACC0, 0xACC1 -> {
                if (optlen == 4 || optlen == 7 || optlen == 10 || optlen == 13) {
                    accEcn(buf, o + 4, optlen - 4, exid == 0xACC0, d);
                    c.convFlags[slot] |= TcpConversations.ACC_OPTION;
                }
            }
            default -> {
                optCheck(buf, o, optlen);
                if (optlen > 4) {
                    d.addBytes(TcpFields.OPTIONS_EXPERIMENTAL_DATA, o + 4, optlen - 4);
                }
                StringBuilder sb = d.info.builder().append(" ExID=");
                appendHexUpper(sb, exid);
            }
        }
    }

    private static void appendHexUpper(StringBuilder sb, int v) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int nib = (v >>> shift) & 0xF;
            if (nib != 0 || started || shift == 0) {
                sb.append("0123456789ABCDEF".charAt(nib));
                started = true;
            }
        }
    }

    private void scps(PacketBuffer buf, int o, int optlen, Dissection d, TcpConversations c, int fwd) {
        if (optlen == 4) {
            int vector = optU8(buf, o + 2);
            d.add(TcpFields.OPTIONS_SCPS_VECTOR, o + 2, 1, vector);
            c.flowFlags[fwd] |= TcpConversations.SCPS_CAPABLE;
            if (vector != 0) {
                StringBuilder sb = d.info.builder().append(" SCPS[");
                boolean first = true;
                for (int i = 0; i < 5; i++) {
                    if ((vector & (0x80 >> i)) != 0) {
                        if (!first) {
                            sb.append(", ");
                        }
                        sb.append(SCPS_NAMES[i]);
                        first = false;
                    }
                }
                if ((vector & 0x07) != 0) {
                    if (!first) {
                        sb.append(", ");
                    }
                    sb.append("RESERVED");
                }
                sb.append(']');
            }
            int connId = optU8(buf, o + 3);
            d.add(TcpFields.OPTIONS_SCPS_BINDING, o + 3, 1, connId);
            if (connId != 0) {
                d.info.builder().append(" Connection ID=").append(connId);
            }
            return;
        }
        if ((c.flowFlags[fwd] & TcpConversations.SCPS_CAPABLE) == 0) {
            return;
        }
        int local = 2;
        for (int guard = 0; optlen > local && guard < 256; guard++) {
            int binding = optU8(buf, o + local);
            int extLen = (optU8(buf, o + local + 1) >> 4) << 1;
            d.add(TcpFields.OPTIONS_SCPS_BINDING_ID, o + local, 1, binding);
            d.info.builder().append(" EXCAP=").append(binding);
            local = (local + 2 + extLen) & 0xFF;
        }
    }
}
