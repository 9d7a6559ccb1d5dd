package io.jcap.field;

/** How an integer field's value is shown (Wireshark's BASE_*). */
public enum Base {
    NONE, DEC, HEX, OCT, DEC_HEX, HEX_DEC, OUI, CUSTOM, PT_TCP, PT_UDP, PT_SCTP, PT_DCCP, EXP, UNIT_STRING;

    /** The BASE_* name tshark prints in -G fields ("" for NONE on non-integers is the caller's choice). */
    public String wiresharkName() {
        return "BASE_" + name();
    }
}
