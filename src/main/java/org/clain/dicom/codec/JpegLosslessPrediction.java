package org.clain.dicom.codec;

/**
 * Lossless JPEG reconstruction (ITU-T T.81 H.1.2): samples from the decoded differences and the
 * predictors of Table H.1, a row at a time, modulo 2^16.
 */
final class JpegLosslessPrediction {
    private JpegLosslessPrediction() {
    }

    /**
     * Reconstructs one row that is neither the first line of the scan nor of a restart interval:
     * the first sample is predicted from the one above (Rb), the others with predictor {@code psv}
     * (T.81 H.1.2.1, Table H.1); values are modulo 2^16 (H.1.2.2).
     */
    static void undifference(int[] pl, int off, int up, int[] diff, int w, int psv) {
        pl[off] = (pl[up] + diff[0]) & 0xFFFF;
        switch (psv) {
            case 1:
                for (int x = 1; x < w; x++) {
                    pl[off + x] = (pl[off + x - 1] + diff[x]) & 0xFFFF;
                }
                break;
            case 2:
                for (int x = 1; x < w; x++) {
                    pl[off + x] = (pl[up + x] + diff[x]) & 0xFFFF;
                }
                break;
            case 3:
                for (int x = 1; x < w; x++) {
                    pl[off + x] = (pl[up + x - 1] + diff[x]) & 0xFFFF;
                }
                break;
            case 4:
                for (int x = 1; x < w; x++) {
                    pl[off + x] = (pl[off + x - 1] + pl[up + x] - pl[up + x - 1] + diff[x]) & 0xFFFF;
                }
                break;
            case 5:
                for (int x = 1; x < w; x++) {
                    pl[off + x] = (pl[off + x - 1] + ((pl[up + x] - pl[up + x - 1]) >> 1) + diff[x]) & 0xFFFF;
                }
                break;
            case 6:
                for (int x = 1; x < w; x++) {
                    pl[off + x] = (pl[up + x] + ((pl[off + x - 1] - pl[up + x - 1]) >> 1) + diff[x]) & 0xFFFF;
                }
                break;
            default:
                for (int x = 1; x < w; x++) {
                    pl[off + x] = (((pl[off + x - 1] + pl[up + x]) >> 1) + diff[x]) & 0xFFFF;
                }
                break;
        }
    }

    /**
     * A row in which the scan or one or more restart intervals begin (flags per MCU column in
     * {@code restartAt}). Before the first such point the normal rules apply; at each point the
     * prediction is 2^(P-Pt-1), and for the rest of that line predictor 1 (Ra) is used (H.1.2.1).
     */
    static void undifferenceWithRestarts(int[] pl, int off, int up, int[] diff, int w, int psv,
            boolean[] restartAt, int h, int initial) {
        boolean firstLine = false;
        for (int x = 0; x < w; x++) {
            int pred;
            if (x % h == 0 && restartAt[x / h]) {
                pred = initial;
                firstLine = true;
            } else if (firstLine) {
                pred = pl[off + x - 1];
            } else if (x == 0) {
                pred = pl[up];
            } else {
                pred = predict(psv, pl[off + x - 1], pl[up + x], pl[up + x - 1]);
            }
            pl[off + x] = (pred + diff[x]) & 0xFFFF;
        }
    }

    /** Table H.1. */
    private static int predict(int psv, int ra, int rb, int rc) {
        switch (psv) {
            case 1:
                return ra;
            case 2:
                return rb;
            case 3:
                return rc;
            case 4:
                return ra + rb - rc;
            case 5:
                return ra + ((rb - rc) >> 1);
            case 6:
                return rb + ((ra - rc) >> 1);
            default:
                return (ra + rb) >> 1;
        }
    }
}
