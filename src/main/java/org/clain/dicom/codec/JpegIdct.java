package org.clain.dicom.codec;

/**
 * Accurate integer 8x8 inverse DCT (T.81 A.3.3) with dequantization (T.81 F.2.1.4) and level shift.
 *
 * <p>Separable: a 1-D pass over the columns, then over the rows, each the 8-point factorisation of
 * Loeffler, Ligtenberg and Moschytz (ICASSP 1989: 11 multiplications), in 13-bit fixed point. The
 * intermediate scaling (2 extra bits for 8-bit samples, 1 for 12-bit), the rounding of each pass and
 * the handling of out-of-range results follow the "islow" convention of the IJG-derived decoders
 * that DICOM toolkits use (DCMTK, GDCM, libjpeg-turbo in Pillow), so that lossy images reproduce
 * their output bit for bit rather than only within +-1.
 */
final class JpegIdct {
    private static final int CONST_BITS = 13;
    // round(x * 2^13) of the LL&M rotation constants
    private static final long C_0_298631336 = 2446;
    private static final long C_0_390180644 = 3196;
    private static final long C_0_541196100 = 4433;
    private static final long C_0_765366865 = 6270;
    private static final long C_0_899976223 = 7373;
    private static final long C_1_175875602 = 9633;
    private static final long C_1_501321110 = 12299;
    private static final long C_1_847759065 = 15137;
    private static final long C_1_961570560 = 16069;
    private static final long C_2_053119869 = 16819;
    private static final long C_2_562915447 = 20995;
    private static final long C_3_072711026 = 25172;

    private JpegIdct() {
    }

    /**
     * @param coef 64 quantized coefficients in natural (row-major) order
     * @param quant 64 quantization values in natural order
     * @param ws 64-int work array
     * @param out destination plane; the 8x8 block is written at {@code out[off + y * stride + x]}
     * @param precision sample precision P, 8 or 12
     */
    static void inverse(int[] coef, int[] quant, int[] ws, int[] out, int off, int stride, int precision) {
        final int pass1 = precision <= 8 ? 2 : 1;
        final int shift1 = CONST_BITS - pass1;
        final long round1 = 1L << (shift1 - 1);
        // Pass 1: columns
        for (int col = 0; col < 8; col++) {
            long d0 = (long) coef[col] * quant[col];
            if (coef[col + 8] == 0 && coef[col + 16] == 0 && coef[col + 24] == 0 && coef[col + 32] == 0
                    && coef[col + 40] == 0 && coef[col + 48] == 0 && coef[col + 56] == 0) {
                int dc = (int) (d0 << pass1);
                for (int r = 0; r < 64; r += 8) {
                    ws[col + r] = dc;
                }
                continue;
            }
            long d1 = (long) coef[col + 8] * quant[col + 8];
            long d2 = (long) coef[col + 16] * quant[col + 16];
            long d3 = (long) coef[col + 24] * quant[col + 24];
            long d4 = (long) coef[col + 32] * quant[col + 32];
            long d5 = (long) coef[col + 40] * quant[col + 40];
            long d6 = (long) coef[col + 48] * quant[col + 48];
            long d7 = (long) coef[col + 56] * quant[col + 56];
            long e0, e1, e2, e3, o0, o1, o2, o3;
            // even part
            {
                long z1 = (d2 + d6) * C_0_541196100;
                long t2 = z1 - d6 * C_1_847759065;
                long t3 = z1 + d2 * C_0_765366865;
                long t0 = (d0 + d4) << CONST_BITS;
                long t1 = (d0 - d4) << CONST_BITS;
                e0 = t0 + t3;
                e3 = t0 - t3;
                e1 = t1 + t2;
                e2 = t1 - t2;
            }
            // odd part
            {
                long z1 = d7 + d1;
                long z2 = d5 + d3;
                long z3 = d7 + d3;
                long z4 = d5 + d1;
                long z5 = (z3 + z4) * C_1_175875602;
                long t0 = d7 * C_0_298631336;
                long t1 = d5 * C_2_053119869;
                long t2 = d3 * C_3_072711026;
                long t3 = d1 * C_1_501321110;
                z1 *= -C_0_899976223;
                z2 *= -C_2_562915447;
                z3 = z3 * -C_1_961570560 + z5;
                z4 = z4 * -C_0_390180644 + z5;
                o0 = t0 + z1 + z3;
                o1 = t1 + z2 + z4;
                o2 = t2 + z2 + z3;
                o3 = t3 + z1 + z4;
            }
            ws[col] = (int) ((e0 + o3 + round1) >> shift1);
            ws[col + 56] = (int) ((e0 - o3 + round1) >> shift1);
            ws[col + 8] = (int) ((e1 + o2 + round1) >> shift1);
            ws[col + 48] = (int) ((e1 - o2 + round1) >> shift1);
            ws[col + 16] = (int) ((e2 + o1 + round1) >> shift1);
            ws[col + 40] = (int) ((e2 - o1 + round1) >> shift1);
            ws[col + 24] = (int) ((e3 + o0 + round1) >> shift1);
            ws[col + 32] = (int) ((e3 - o0 + round1) >> shift1);
        }
        // Pass 2: rows, removing the pass-1 scaling and the 8x factor of the 2-D transform
        final int shift2 = CONST_BITS + pass1 + 3;
        final long round2 = 1L << (shift2 - 1);
        final int maxVal = (1 << precision) - 1;
        final int center = 1 << (precision - 1);
        // out-of-range results wrap modulo 4 * 2^P before clamping, as the IJG range-limit table does
        final int wrapMask = (4 << precision) - 1;
        final int wrapHalf = 2 << precision;
        for (int row = 0; row < 64; row += 8) {
            int o = off + (row >> 3) * stride;
            long w0 = ws[row];
            long w1 = ws[row + 1];
            long w2 = ws[row + 2];
            long w3 = ws[row + 3];
            long w4 = ws[row + 4];
            long w5 = ws[row + 5];
            long w6 = ws[row + 6];
            long w7 = ws[row + 7];
            if (w1 == 0 && w2 == 0 && w3 == 0 && w4 == 0 && w5 == 0 && w6 == 0 && w7 == 0) {
                int v = range((int) ((w0 + (1L << (pass1 + 2))) >> (pass1 + 3)), wrapMask, wrapHalf, center, maxVal);
                for (int x = 0; x < 8; x++) {
                    out[o + x] = v;
                }
                continue;
            }
            long e0, e1, e2, e3, o0, o1, o2, o3;
            {
                long z1 = (w2 + w6) * C_0_541196100;
                long t2 = z1 - w6 * C_1_847759065;
                long t3 = z1 + w2 * C_0_765366865;
                long t0 = (w0 + w4) << CONST_BITS;
                long t1 = (w0 - w4) << CONST_BITS;
                e0 = t0 + t3;
                e3 = t0 - t3;
                e1 = t1 + t2;
                e2 = t1 - t2;
            }
            {
                long z1 = w7 + w1;
                long z2 = w5 + w3;
                long z3 = w7 + w3;
                long z4 = w5 + w1;
                long z5 = (z3 + z4) * C_1_175875602;
                long t0 = w7 * C_0_298631336;
                long t1 = w5 * C_2_053119869;
                long t2 = w3 * C_3_072711026;
                long t3 = w1 * C_1_501321110;
                z1 *= -C_0_899976223;
                z2 *= -C_2_562915447;
                z3 = z3 * -C_1_961570560 + z5;
                z4 = z4 * -C_0_390180644 + z5;
                o0 = t0 + z1 + z3;
                o1 = t1 + z2 + z4;
                o2 = t2 + z2 + z3;
                o3 = t3 + z1 + z4;
            }
            out[o] = range((int) ((e0 + o3 + round2) >> shift2), wrapMask, wrapHalf, center, maxVal);
            out[o + 7] = range((int) ((e0 - o3 + round2) >> shift2), wrapMask, wrapHalf, center, maxVal);
            out[o + 1] = range((int) ((e1 + o2 + round2) >> shift2), wrapMask, wrapHalf, center, maxVal);
            out[o + 6] = range((int) ((e1 - o2 + round2) >> shift2), wrapMask, wrapHalf, center, maxVal);
            out[o + 2] = range((int) ((e2 + o1 + round2) >> shift2), wrapMask, wrapHalf, center, maxVal);
            out[o + 5] = range((int) ((e2 - o1 + round2) >> shift2), wrapMask, wrapHalf, center, maxVal);
            out[o + 3] = range((int) ((e3 + o0 + round2) >> shift2), wrapMask, wrapHalf, center, maxVal);
            out[o + 4] = range((int) ((e3 - o0 + round2) >> shift2), wrapMask, wrapHalf, center, maxVal);
        }
    }

    /** Level shift (+2^(P-1), T.81 A.3.1) and clamp to [0, 2^P - 1]. */
    private static int range(int v, int wrapMask, int wrapHalf, int center, int maxVal) {
        v = ((v + wrapHalf) & wrapMask) - wrapHalf;
        v += center;
        return v < 0 ? 0 : (v > maxVal ? maxVal : v);
    }
}
