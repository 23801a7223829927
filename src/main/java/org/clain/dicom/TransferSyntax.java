package org.clain.dicom;

/** The transfer syntaxes of PS3.5 Section 10 and Annex A that Clain reads. */
public enum TransferSyntax {
    IMPLICIT_VR_LE("1.2.840.10008.1.2", "Implicit VR Little Endian"),
    EXPLICIT_VR_LE("1.2.840.10008.1.2.1", "Explicit VR Little Endian"),
    DEFLATED_EXPLICIT_VR_LE("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
    EXPLICIT_VR_BE("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)"),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)"),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)"),
    JPEG_SPECTRAL_SELECTION("1.2.840.10008.1.2.4.53", "JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8) (retired)"),
    JPEG_FULL_PROGRESSION("1.2.840.10008.1.2.4.55", "JPEG Full Progression, Non-Hierarchical (Process 10 & 12) (retired)"),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)"),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction (Process 14, SV1)"),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
    JPEG_LS_NEAR_LOSSLESS("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000"),
    HTJ2K_LOSSLESS("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
    HTJ2K_LOSSLESS_RPCL("1.2.840.10008.1.2.4.202", "HTJ2K Lossless RPCL"),
    HTJ2K("1.2.840.10008.1.2.4.203", "HTJ2K"),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless"),
    DEFLATED_IMAGE_FRAME("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression");

    private final String uid;
    private final String description;

    TransferSyntax(String uid, String description) {
        this.uid = uid;
        this.description = description;
    }

    public String uid() {
        return uid;
    }

    public String description() {
        return description;
    }

    public boolean explicitVr() {
        return this != IMPLICIT_VR_LE;
    }

    public boolean bigEndian() {
        return this == EXPLICIT_VR_BE;
    }

    public boolean deflated() {
        return this == DEFLATED_EXPLICIT_VR_LE;
    }

    /** Pixel Data held in fragments (PS3.5 A.4). */
    public boolean encapsulated() {
        return switch (this) {
            case IMPLICIT_VR_LE, EXPLICIT_VR_LE, DEFLATED_EXPLICIT_VR_LE, EXPLICIT_VR_BE -> false;
            default -> true;
        };
    }

    /** Null when the UID is not one Clain knows (the dataset is then read as explicit VR LE). */
    public static TransferSyntax of(String uid) {
        if (uid == null) {
            return null;
        }
        String u = uid.trim();
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(u)) {
                return ts;
            }
        }
        return null;
    }
}
