package org.clain.dicom;

/** Value Representations of PS3.5 6.2, with the explicit-VR header form of each (PS3.5 7.1.2). */
public enum VR {
    AE, AS, AT, CS, DA, DS, DT, FL, FD, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV,
    TM, UC, UI, UL, UN, UR, US, UT, UV,
    /** Items and delimiters, which have no VR. */
    NONE;

    /** True where the explicit header has 2 reserved bytes and a 32-bit length. */
    public boolean hasLongLength() {
        return switch (this) {
            case OB, OD, OF, OL, OV, OW, SQ, UC, UN, UR, UT, SV, UV -> true;
            default -> false;
        };
    }

    /** Text VRs whose value is decoded with the Specific Character Set (PS3.5 6.1.2.3). */
    public boolean usesCharacterSet() {
        return switch (this) {
            case LO, LT, PN, SH, ST, UC, UT -> true;
            default -> false;
        };
    }

    public boolean isString() {
        return switch (this) {
            case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
            default -> false;
        };
    }

    /** Padding byte for odd-length values: NUL for UI and binary, space for text. */
    public byte padding() {
        return isString() && this != UI ? (byte) ' ' : 0;
    }

    /** VRs by their two letters, (c0 - 'A') * 26 + (c1 - 'A'): the reader looks one up per element. */
    private static final VR[] BY_LETTERS = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            if (vr != NONE) {
                BY_LETTERS[(vr.name().charAt(0) - 'A') * 26 + vr.name().charAt(1) - 'A'] = vr;
            }
        }
    }

    /** Parses two ASCII letters; null if they are not a known VR. */
    public static VR of(int c0, int c1) {
        if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
            return null;
        }
        return BY_LETTERS[(c0 - 'A') * 26 + c1 - 'A'];
    }
}
