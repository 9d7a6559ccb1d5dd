package io.jcap.proto.eth;

import io.jcap.buffer.BoundsException;
import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Dissection;

/**
 * The bytes between the end of the payload and the end of the frame: padding (zeros up
 * to the 60-byte minimum frame), a trailer, and a frame check sequence when at least four
 * bytes are left in a frame of 64 bytes or more, as tshark classifies them.
 */
public final class Trailer {
    private static final int MIN_FRAME = 60;
    private static final int FCS = 4;

    private Trailer() {
    }

    public static void add(PacketBuffer buf, int payloadEnd, Dissection d, int linkRow) {
        add(buf, payloadEnd, d, linkRow, EthFields.TRAILER, true);
    }

    /**
     * As {@link #add(PacketBuffer, int, Dissection, int)}, with the field the trailer is
     * shown as and whether its last four bytes may be a frame check sequence: tshark's VLAN
     * and VN-Tag dissectors pass an FCS length of 0, so after a tag the bytes are a trailer.
     */
    public static void add(PacketBuffer buf, int payloadEnd, Dissection d, int linkRow,
                           io.jcap.field.FieldDef trailerField, boolean fcsAllowed) {
        int end = buf.end();
        if (payloadEnd >= end) {
            return;
        }
        int captured = buf.capturedEnd();
        // tshark reads the captured part: a capture cut inside it is truncated
        if (payloadEnd < captured && captured < end) {
            throw BoundsException.TRUNCATED;
        }
        if (!d.tree() || captured <= payloadEnd) {
            return;
        }
        int frameLength = d.frame.originalLength;
        int padEnd = payloadEnd;
        if (frameLength >= MIN_FRAME) {
            // padding fills the frame up to its 60-byte minimum, and only with zeros
            int limit = Math.min(end, Math.max(payloadEnd, MIN_FRAME));
            boolean zeros = true;
            for (int i = payloadEnd; i < limit; i++) {
                if (buf.byteAt(i) != 0) {
                    zeros = false;
                    break;
                }
            }
            if (zeros) {
                padEnd = limit;
            }
        }
        int saved = d.openRowIndex();
        d.openRow(linkRow);
        if (padEnd > payloadEnd) {
            d.addBytes(EthFields.PADDING, payloadEnd, padEnd - payloadEnd);
        }
        int rest = end - padEnd;
        boolean fcs = fcsAllowed && frameLength >= MIN_FRAME + FCS && rest >= FCS;
        int trailerEnd = fcs ? end - FCS : end;
        if (trailerEnd > padEnd) {
            d.addBytes(trailerField, padEnd, trailerEnd - padEnd);
        }
        if (fcs) {
            long value = buf.u32(end - FCS);
            d.setText(d.add(EthFields.FCS, end - FCS, FCS, value),
                    io.jcap.field.Formats.hex(new StringBuilder("Frame check sequence: 0x"), value, 8)
                            .append(" [unverified]").toString());
            d.flag(d.add(EthFields.FCS_STATUS, end - FCS, FCS, 2), Dissection.GENERATED);
        }
        d.openRow(saved);
    }
}
