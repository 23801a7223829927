package org.clain.dicom.codec;

import java.util.Arrays;

/**
 * One Huffman table from a DHT segment (ITU-T T.81 B.2.4.2), prepared for decoding.
 *
 * <p>Three views of the same canonical code (T.81 Annex C, C.1 and C.2):
 * <ul>
 * <li>{@link #lookup}: a {@value #LOOKUP_BITS}-bit look-ahead table giving symbol and code length
 *     for every code of at most {@value #LOOKUP_BITS} bits;</li>
 * <li>{@link #maxCode} / {@link #valPtr}: the MAXCODE / VALPTR procedure of T.81 F.2.2.3 for the
 *     longer codes;</li>
 * <li>{@link #losslessLut()}: for lossless scans, a {@value #LOSSLESS_BITS}-bit table that, where the
 *     code and its additional bits fit, yields the reconstructed difference directly
 *     (T.81 H.1.2.2 with the EXTEND procedure of F.2.2.1).</li>
 * </ul>
 */
final class JpegHuffmanTable {
    static final int LOOKUP_BITS = 9;
    static final int LOSSLESS_BITS = 12;

    /** Lossless LUT entry kinds, bits 5..6 of an entry. */
    static final int KIND_FULL = 1 << 5;
    static final int KIND_CODE = 2 << 5;
    static final int KIND_MASK = 3 << 5;

    /** The tables last made on this thread: a series' frames mostly carry the same ones. */
    private static final int RECENT = 8;
    private static final ThreadLocal<JpegHuffmanTable[]> RECENT_TABLES =
            ThreadLocal.withInitial(() -> new JpegHuffmanTable[RECENT]);

    /** (length << 8) | symbol for codes of at most LOOKUP_BITS bits; 0 when the prefix is longer. */
    final int[] lookup = new int[1 << LOOKUP_BITS];
    /** Largest code of each length 1..16, -1 when there is none (index 17: sentinel). */
    final int[] maxCode = new int[18];
    /** Index into {@link #values} of the first symbol of each length, minus that length's smallest code. */
    final int[] valPtr = new int[17];
    final int[] values;
    /** True for a DC / lossless table (class 0). */
    final boolean dcClass;
    private final int[] codes;
    private final int[] sizes;
    private final int[] counts;
    private int[] losslessLut;

    /**
     * The table of a DHT segment, the one made earlier on this thread when a recent frame carried
     * the same (its look-up tables then need no rebuilding, 6% of a JPEG lossless series' decoding).
     */
    static JpegHuffmanTable of(int[] counts, int[] symbols, boolean dcClass) {
        JpegHuffmanTable[] recent = RECENT_TABLES.get();
        for (int i = 0; i < RECENT; i++) {
            JpegHuffmanTable t = recent[i];
            if (t != null && t.dcClass == dcClass && Arrays.equals(t.counts, counts)
                    && Arrays.equals(t.values, symbols)) {
                return t;
            }
        }
        JpegHuffmanTable t = new JpegHuffmanTable(counts, symbols, dcClass);
        System.arraycopy(recent, 0, recent, 1, RECENT - 1);
        recent[0] = t;
        return t;
    }

    /**
     * @param counts L1..L16: the number of codes of each length
     * @param symbols HUFFVAL, in order of increasing code length
     * @throws IllegalArgumentException when the counts describe no valid prefix code
     */
    JpegHuffmanTable(int[] counts, int[] symbols, boolean dcClass) {
        this.dcClass = dcClass;
        this.counts = counts.clone();
        this.values = symbols.clone();
        int n = symbols.length;
        sizes = new int[n];
        codes = new int[n];
        // C.1 Generate_size_table and C.2 Generate_code_table
        int k = 0;
        int code = 0;
        for (int len = 1; len <= 16; len++) {
            int first = k;
            for (int i = 0; i < counts[len - 1]; i++) {
                sizes[k] = len;
                codes[k] = code++;
                k++;
            }
            if (code > (1 << len)) {
                throw new IllegalArgumentException("Huffman code lengths overflow at length " + len);
            }
            if (k > first) {
                maxCode[len] = code - 1;
                valPtr[len] = first - codes[first];
            } else {
                maxCode[len] = -1;
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int len = sizes[i];
            if (len > LOOKUP_BITS) {
                break;
            }
            int shift = LOOKUP_BITS - len;
            int base = codes[i] << shift;
            int entry = (len << 8) | (symbols[i] & 0xFF);
            for (int j = 0; j < (1 << shift); j++) {
                lookup[base + j] = entry;
            }
        }
    }

    /**
     * The lossless difference table: entry {@code (diff << 9) | KIND_FULL | totalLength} when the code
     * and its SSSS additional bits fit in {@value #LOSSLESS_BITS} bits; {@code (ssss << 9) | KIND_CODE |
     * codeLength} when only the code fits; 0 when the code is longer (or the symbol is not a valid
     * SSSS, which the slow path rejects).
     */
    int[] losslessLut() {
        int[] lut = losslessLut;
        if (lut != null) {
            return lut;
        }
        lut = new int[1 << LOSSLESS_BITS];
        for (int i = 0; i < values.length; i++) {
            int len = sizes[i];
            if (len > LOSSLESS_BITS) {
                break;
            }
            int ssss = values[i];
            if (ssss > 16) {
                continue;
            }
            int shift = LOSSLESS_BITS - len;
            int base = codes[i] << shift;
            if (ssss == 0 || ssss == 16) {
                // H.1.2.2: SSSS = 16 means a difference of 32768 with no additional bits
                int entry = ((ssss == 0 ? 0 : 32768) << 9) | KIND_FULL | len;
                for (int j = 0; j < (1 << shift); j++) {
                    lut[base + j] = entry;
                }
            } else if (len + ssss <= LOSSLESS_BITS) {
                int rest = shift - ssss;
                for (int v = 0; v < (1 << ssss); v++) {
                    int diff = v < (1 << (ssss - 1)) ? v - (1 << ssss) + 1 : v; // EXTEND, F.2.2.1
                    int entry = (diff << 9) | KIND_FULL | (len + ssss);
                    int b = base | (v << rest);
                    for (int j = 0; j < (1 << rest); j++) {
                        lut[b + j] = entry;
                    }
                }
            } else {
                int entry = (ssss << 9) | KIND_CODE | len;
                for (int j = 0; j < (1 << shift); j++) {
                    lut[base + j] = entry;
                }
            }
        }
        losslessLut = lut;
        return lut;
    }
}
