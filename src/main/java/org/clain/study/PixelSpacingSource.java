package org.clain.study;

/**
 * Where a frame's in-plane spacing comes from, which says what a length measured on it means.
 */
public enum PixelSpacingSource {
    /** Pixel Spacing (0028,0030): millimetres in the patient. */
    PATIENT,
    /**
     * Imager Pixel Spacing (0018,1164) alone, as in CR, DX and XA (PS3.3 C.8.11.4): millimetres at the
     * detector's front plane, so a projection's anatomy measures larger than it is by its
     * geometric magnification, which the image does not undo.
     */
    DETECTOR,
    /**
     * The 2D regions of an ultrasound image's Sequence of Ultrasound Regions (PS3.3 C.8.5.5), all
     * with the same physical deltas in cm: millimetres in the scanned plane.
     */
    ULTRASOUND_REGIONS,
    /** No spacing at all (many ultrasound images, secondary captures): a pixel is taken as 1 mm. */
    NONE
}
