package io.jcap.proto.eth;

import io.jcap.buffer.PacketBuffer;
import io.jcap.dissect.Address;
import io.jcap.dissect.Dissection;
import io.jcap.dissect.Dissector;
import io.jcap.dissect.EngineBuilder;
import io.jcap.field.FieldDef;
import io.jcap.field.Formats;
import io.jcap.frame.LinkType;

/** Ethernet II and IEEE 802.3 frames; see {@link EthFields} for the layout. */
public final class EthDissector implements Dissector {
    /** Largest 802.3 length; larger values are EtherTypes (from 0x0600). */
    static final int MAX_802_3_LENGTH = 1500;
    static final int MIN_ETHERTYPE = 0x0600;
    private final EtherTypeDispatch etherTypes;
    private final Dissector llc;

    public EthDissector(EngineBuilder b, EtherTypeDispatch etherTypes, Dissector llc) {
        this.etherTypes = etherTypes;
        this.llc = llc;
        b.protocol(EthFields.PROTOCOL);
        b.table("wtap_encap", "Link-layer type", 1 << 16).add(LinkType.ETHERNET, this, "eth");
    }

    @Override
    public int dissect(PacketBuffer buf, int offset, Dissection d) {
        d.enter(EthFields.PROTOCOL);
        d.setProtocol("Ethernet");
        // each address shows as soon as its bytes are there, even in a frame cut before the type
        if (buf.capturedRemaining(offset) >= 6 && d.columnsWritable()) {
            d.dst.set(Address.Type.ETHER, buf, offset, 6);
            if (buf.capturedRemaining(offset) >= 12) {
                d.src.set(Address.Type.ETHER, buf, offset + 6, 6);
            } else {
                d.src.clear();
            }
        }
        long dst = buf.u48(offset);
        long src = buf.u48(offset + 6);
        int type = buf.u16(offset + 12);
        boolean tree = d.tree();
        int row = -1;
        if (tree) {
            row = d.open(EthFields.PROTOCOL.field, offset, 14);
            address(d, EthFields.DST, EthFields.DST_LG, EthFields.DST_IG, offset, dst);
            address(d, EthFields.SRC, EthFields.SRC_LG, EthFields.SRC_IG, offset + 6, src);
        }
        int payload = offset + 14;
        if (type >= MIN_ETHERTYPE || type == 0) {
            if (tree) {
                d.add(EthFields.TYPE, offset + 12, 2, type);
                d.close();
            }
            if (tree) {
                d.setText(row, "Ethernet II, Src: " + d.macText(src) + ", Dst: " + d.macText(dst));
            }
            d.info.set("Ethernet II");
            etherTypes.dispatch(type, buf, payload, d, row);
            return buf.end() - offset;
        }
        if (type > MAX_802_3_LENGTH) {
            if (tree) {
                d.add(EthFields.INVALID_LENTYPE, offset + 12, 2, type);
                d.close();
            }
            StringBuilder sb = d.info.clear().builder().append("Ethernet Unknown: Invalid length/type: 0x");
            Formats.hex(sb, type, 4).append(" (").append(type).append(')');
            return buf.end() - offset;
        }
        if (tree) {
            d.add(EthFields.LEN, offset + 12, 2, type);
            d.close();
        }
        if (tree) {
            d.setText(row, "IEEE 802.3 Ethernet, Src: " + d.macText(src) + ", Dst: " + d.macText(dst));
        }
        d.info.set("IEEE 802.3 Ethernet ");
        int end = Math.min(buf.end(), payload + type);
        d.call(llc, payload, end);
        Trailer.add(buf, end, d, row);
        return buf.end() - offset;
    }

    /**
     * The address item and what tshark files under it: the resolved name, the OUI and its
     * vendor (hidden),
     * the generic eth.addr twins, and the LG/IG bits of the first three bytes.
     */
    private static void address(Dissection d, FieldDef field, FieldDef lg, FieldDef ig, int off, long mac) {
        boolean dst = field == EthFields.DST;
        long oui = (mac >>> 24) & 0xFFFFFF;
        String resolved = d.etherNames != null ? d.etherNames.name(mac) : null;
        d.openRow(d.add(field, off, 6, mac));
        hidden(d, d.addObject(dst ? EthFields.DST_RESOLVED : EthFields.SRC_RESOLVED, off, 6, resolvedText(resolved, mac)));
        String vendor = io.jcap.resolve.OuiNames.get().name(oui);
        hidden(d, d.add(dst ? EthFields.DST_OUI : EthFields.SRC_OUI, off, 3, oui));
        if (vendor != null) {
            hidden(d, d.addObject(dst ? EthFields.DST_OUI_RESOLVED : EthFields.SRC_OUI_RESOLVED, off, 6, vendor));
        }
        d.add(EthFields.ADDR, off, 6, mac);
        hidden(d, d.addObject(EthFields.ADDR_RESOLVED, off, 6, resolvedText(resolved, mac)));
        hidden(d, d.add(EthFields.ADDR_OUI, off, 3, oui));
        if (vendor != null) {
            hidden(d, d.addObject(EthFields.ADDR_OUI_RESOLVED, off, 6, vendor));
        }
        d.addBits(lg, off, 3, oui);
        hidden(d, d.addBits(EthFields.LG, off, 3, oui));
        d.addBits(ig, off, 3, oui);
        hidden(d, d.addBits(EthFields.IG, off, 3, oui));
        d.close();
    }

    private static String resolvedText(String resolved, long mac) {
        return resolved != null ? resolved : io.jcap.field.Formats.ether(new StringBuilder(17), mac).toString();
    }

    private static void hidden(Dissection d, int row) {
        d.flag(row, Dissection.HIDDEN);
    }
}
