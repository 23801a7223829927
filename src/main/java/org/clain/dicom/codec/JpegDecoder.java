package org.clain.dicom.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Pure-Java JPEG decoder (ITU-T T.81 | ISO/IEC 10918-1) for DICOM encapsulated pixel data.
 *
 * <p>Supported processes:
 * <ul>
 * <li>SOF0 baseline and SOF1 extended sequential Huffman DCT, 8- and 12-bit (processes 1, 2, 4;
 *     DICOM 1.2.840.10008.1.2.4.50 and .51): any sampling factors 1..4, interleaved and
 *     non-interleaved scans, restart intervals, 8/16-bit quantization tables;</li>
 * <li>SOF2 progressive Huffman DCT, 8- and 12-bit (processes 6, 8, 10, 12; DICOM .53 and .55,
 *     retired): spectral selection and successive approximation (T.81 G.1.2), coefficients kept
 *     until the last scan, then the same IDCT;</li>
 * <li>SOF3 lossless Huffman (process 14; DICOM .57 and .70): predictors 1..7, point transform,
 *     precision 2..16, interleaved or not, restart intervals.</li>
 * </ul>
 * Hierarchical and arithmetic-coded processes are refused with a {@link CodecException} naming the
 * process (no reader on the class path decodes them either).
 *
 * <p>Output: the samples of every component at full image resolution, pixel-interleaved, with no
 * colour conversion (YCbCr stays YCbCr). Subsampled components are upsampled as the IJG libjpeg 6b
 * code bundled in DCMTK and GDCM does by default: centred "fancy" (triangular) interpolation for 2:1
 * horizontal (h2v1) and 2:1 both ways (h2v2), replication for other integral ratios, including 1:2
 * vertical only (h1v2, 4:4:0) where libjpeg-turbo (Pillow, the JDK on Linux) interpolates instead.
 * The 8x8 IDCT reproduces the IJG accurate integer ("islow") IDCT bit for bit, which all of DCMTK,
 * GDCM and libjpeg-turbo use by default.
 *
 * <p>Errors (bad markers, undefined tables, invalid Huffman codes, absurd sizes) throw
 * {@link CodecException} with the byte offset, relative to the start of the codestream. Entropy-coded
 * data that ends early is padded with zero bits, as libjpeg does, and decoding terminates.
 */
public final class JpegDecoder {
    /** Upper bound on width x height x components accepted from a frame header. */
    static final long MAX_SAMPLES = 1L << 28;

    /** Zigzag position to natural (row-major) position, T.81 Figure A.6; padded with 63 for overruns. */
    private static final int[] NATURAL = new int[64 + 16];
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    static {
        int[] zz = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27,
            20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
            45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
        System.arraycopy(zz, 0, NATURAL, 0, 64);
        Arrays.fill(NATURAL, 64, NATURAL.length, 63);
    }

    private final byte[] d;
    /** The caller's bound on width x height x components (the DICOM header's frame). */
    private long maxSamples = MAX_SAMPLES;
    private int[] reuse;
    private final int start;
    private final int end;
    /** Next byte to read. */
    private int pos;

    // entropy-coded segment bit reader (T.81 F.2.2.5, with the B.1.1.5 byte stuffing removed)
    private long acc;
    private int bits;
    /** The entropy-coded segment has met a marker or the end of data: zero bits are supplied. */
    private boolean exhausted;
    /** A restart found a marker other than RSTn (or the end of data): no further RSTn in this scan. */
    private boolean scanEnded;

    private final JpegHuffmanTable[] dcTables = new JpegHuffmanTable[4];
    private final JpegHuffmanTable[] acTables = new JpegHuffmanTable[4];
    private final int[][] qTables = new int[4][];
    private int restartInterval;
    /** MCUs left in the current restart interval of a DCT scan. */
    private int mcusLeft;

    // frame (T.81 B.2.2)
    private int sof = -1;
    private int precision;
    private int width;
    private int height;
    private Component[] comps;
    private int hmax;
    private int vmax;
    private int mcusX;
    private int mcusY;
    private boolean lossless;
    private boolean progressive;
    /** Blocks left in the current end-of-band run of a progressive AC scan (T.81 G.1.2.2). */
    private int eobrun;
    private int scans;

    private static final class Component {
        final int id;
        final int h;
        final int v;
        final int tq;
        /** Component dimensions, T.81 A.1.1: ceil(X * H / Hmax) x ceil(Y * V / Vmax). */
        int cw;
        int ch;
        /** Plane covering every MCU of an interleaved scan (data units of 8x8 or 1x1 samples). */
        int planeW;
        int planeH;
        int[] plane;
        int dcPred;
        /** Point transform of the lossless scan that carried this component (T.81 H.1.2.1). */
        int pt;
        JpegHuffmanTable dc;
        JpegHuffmanTable ac;
        /** Progressive: quantized coefficients in natural order, 64 per block of the plane. */
        int[] coef;
        /** Progressive: the quantization table latched at the component's first scan, as libjpeg does. */
        int[] q;

        Component(int id, int h, int v, int tq) {
            this.id = id;
            this.h = h;
            this.v = v;
            this.tq = tq;
        }
    }

    private JpegDecoder(byte[] data, int offset, int length) {
        this.d = data;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
    }

    /**
     * Decodes one JPEG codestream (SOI ... EOI) of one frame.
     *
     * @return samples at full resolution, pixel-interleaved, precision = P of the frame header
     * @throws CodecException for malformed data or an unsupported process (hierarchical,
     *         arithmetic coding)
     */
    public static DecodedImage decode(byte[] data, int offset, int length) throws CodecException {
        return decode(data, offset, length, MAX_SAMPLES);
    }

    /**
     * As {@link #decode(byte[], int, int)}, refusing before any sample plane is allocated a frame
     * header declaring more than {@code maxSamples} samples (width x height x components): the
     * caller's bound, e.g. what the DICOM header declares for the frame.
     */
    public static DecodedImage decode(byte[] data, int offset, int length, long maxSamples) throws CodecException {
        return decode(data, offset, length, maxSamples, null);
    }

    /**
     * As {@link #decode(byte[], int, int, long)}; a single-component image of exactly
     * {@code reuse.length} samples is decoded into {@code reuse}, which the result then holds.
     */
    public static DecodedImage decode(byte[] data, int offset, int length, long maxSamples, int[] reuse)
            throws CodecException {
        if (data == null) {
            throw new CodecException("JPEG: no data");
        }
        if (offset < 0 || length < 0 || (long) offset + length > data.length) {
            throw new CodecException("JPEG: range " + offset + "+" + length + " outside the " + data.length
                    + "-byte buffer");
        }
        JpegDecoder dec = new JpegDecoder(data, offset, length);
        dec.maxSamples = Math.min(maxSamples, MAX_SAMPLES);
        dec.reuse = reuse;
        try {
            return dec.run();
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            // a safety net: every malformation is meant to be caught above with a precise reason
            throw new CodecException("JPEG: internal error (" + e + ") at byte " + (dec.pos - offset), e);
        } catch (OutOfMemoryError e) {
            throw new CodecException("JPEG: not enough memory for a " + dec.width + "x" + dec.height + " frame", e);
        }
    }

    private CodecException unsupported(String reason) {
        return new CodecException("JPEG: " + reason + " at byte " + (pos - 2 - start));
    }

    private CodecException error(String reason) {
        return error(reason, pos);
    }

    private CodecException error(String reason, int at) {
        return new CodecException("JPEG: " + reason + " at byte " + (at - start));
    }

    // ---------------------------------------------------------------- marker level (T.81 B.2)

    private DecodedImage run() throws CodecException {
        if (end - start < 2 || (d[start] & 0xFF) != 0xFF || (d[start + 1] & 0xFF) != 0xD8) {
            throw error("no SOI marker (not a JPEG codestream)");
        }
        pos = start + 2;
        loop:
        while (true) {
            int markerAt = pos;
            int m = nextMarker();
            if (m < 0) {
                if (scans == 0) {
                    throw error("codestream ends before any scan (truncated)");
                }
                break; // missing EOI: tolerated, as libjpeg does
            }
            switch (m) {
                case 0xD9: // EOI
                    if (scans == 0) {
                        throw error("EOI before any scan", markerAt);
                    }
                    break loop;
                case 0xC0:
                case 0xC1:
                case 0xC2:
                case 0xC3:
                    readFrameHeader(m);
                    break;
                case 0xC5:
                case 0xC6:
                case 0xC7:
                    throw unsupported(String.format("unsupported JPEG process: SOF%d hierarchical (differential) Huffman",
                            m - 0xC0));
                case 0xC9:
                case 0xCA:
                case 0xCB:
                case 0xCD:
                case 0xCE:
                case 0xCF:
                    throw unsupported(String.format("unsupported JPEG process: SOF%d arithmetic coding", m - 0xC0));
                case 0xDE:
                case 0xDF:
                    throw unsupported("unsupported JPEG process: hierarchical (DHP/EXP marker)");
                case 0xC4:
                    readHuffmanTables();
                    break;
                case 0xDB:
                    readQuantTables();
                    break;
                case 0xDD:
                    readRestartInterval();
                    break;
                case 0xDA:
                    readScan();
                    break;
                case 0xD8:
                    throw error("unexpected second SOI marker", pos - 2);
                case 0x01: // TEM
                case 0xD0:
                case 0xD1:
                case 0xD2:
                case 0xD3:
                case 0xD4:
                case 0xD5:
                case 0xD6:
                case 0xD7:
                    break; // stray RSTn outside a scan: ignore
                default:
                    // APPn, COM, DNL (already handled), DAC and reserved markers: skip the segment
                    skipSegment();
                    break;
            }
        }
        return assemble();
    }

    /** Finds the next marker from {@link #pos}, skipping extraneous bytes and fill bytes (B.1.1.2). */
    private int nextMarker() {
        while (pos < end) {
            if ((d[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            int p = pos + 1;
            while (p < end && (d[p] & 0xFF) == 0xFF) {
                p++;
            }
            if (p >= end) {
                pos = end;
                return -1;
            }
            int m = d[p] & 0xFF;
            pos = p + 1;
            if (m != 0) {
                return m;
            }
        }
        return -1;
    }

    /** Reads a segment length (B.1.1.4) and checks that the segment lies inside the data. */
    private int segmentLength(int min) throws CodecException {
        if (pos + 2 > end) {
            throw error("truncated marker segment");
        }
        int len = ((d[pos] & 0xFF) << 8) | (d[pos + 1] & 0xFF);
        if (len < min) {
            throw error("marker segment length " + len + " too small");
        }
        if (pos + len > end) {
            throw error("marker segment of " + len + " bytes runs past the end of the data (truncated)");
        }
        return len;
    }

    private void skipSegment() throws CodecException {
        pos += segmentLength(2);
    }

    private int u8(int p) {
        return d[p] & 0xFF;
    }

    private int u16(int p) {
        return ((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF);
    }

    /** SOFn, T.81 B.2.2. */
    private void readFrameHeader(int marker) throws CodecException {
        int segStart = pos;
        int len = segmentLength(8);
        if (comps != null) {
            throw error("second frame header (SOF) in one codestream", segStart - 2);
        }
        int p = pos + 2;
        precision = u8(p);
        height = u16(p + 1);
        width = u16(p + 3);
        int nf = u8(p + 5);
        sof = marker - 0xC0;
        lossless = marker == 0xC3;
        progressive = marker == 0xC2;
        if (len != 8 + 3 * nf) {
            throw error("SOF" + sof + " length " + len + " does not match " + nf + " components");
        }
        if (lossless) {
            if (precision < 2 || precision > 16) {
                throw error("SOF3 sample precision " + precision + " outside 2..16");
            }
        } else if (precision != 8 && precision != 12) {
            throw error("SOF" + sof + " sample precision " + precision + " (DCT allows 8 or 12)");
        }
        if (nf == 0) {
            throw error("SOF" + sof + " with no components");
        }
        if (width == 0) {
            throw error("SOF" + sof + " with zero width");
        }
        comps = new Component[nf];
        hmax = 1;
        vmax = 1;
        for (int i = 0; i < nf; i++) {
            int q = p + 6 + 3 * i;
            int hv = u8(q + 1);
            int h = hv >> 4;
            int v = hv & 15;
            int tq = u8(q + 2);
            if (h < 1 || h > 4 || v < 1 || v > 4) {
                throw error("component " + u8(q) + " sampling factors " + h + "x" + v + " outside 1..4");
            }
            if (!lossless && tq > 3) {
                throw error("component " + u8(q) + " quantization table " + tq + " outside 0..3");
            }
            comps[i] = new Component(u8(q), h, v, tq);
            hmax = Math.max(hmax, h);
            vmax = Math.max(vmax, v);
        }
        pos += len;
        if (height == 0) {
            height = findDnl(); // T.81 B.2.5: number of lines defined after the first scan
        }
        if ((long) width * height * nf > MAX_SAMPLES) {
            throw error("frame of " + width + "x" + height + "x" + nf + " samples exceeds the 2^28 limit", segStart);
        }
        if ((long) width * height * nf > maxSamples) {
            throw error("frame of " + width + "x" + height + "x" + nf + " holds more than the " + maxSamples
                    + " samples expected", segStart);
        }
        int unit = lossless ? 1 : 8;
        mcusX = ceilDiv(width, unit * hmax);
        mcusY = ceilDiv(height, unit * vmax);
        long planes = 0;
        for (Component c : comps) {
            c.cw = ceilDiv(width * c.h, hmax);
            c.ch = ceilDiv(height * c.v, vmax);
            c.planeW = mcusX * c.h * unit;
            c.planeH = mcusY * c.v * unit;
            planes += (long) c.planeW * c.planeH;
        }
        if (planes > 2 * MAX_SAMPLES) {
            throw error("frame planes of " + planes + " samples exceed the limit", segStart);
        }
    }

    /** Looks ahead (without moving) for the DNL segment that gives a frame's height, T.81 B.2.5. */
    private int findDnl() throws CodecException {
        int p = pos;
        boolean inScan = false;
        while (p + 1 < end) {
            if ((d[p] & 0xFF) != 0xFF) {
                if (!inScan) {
                    break;
                }
                p++;
                continue;
            }
            int m = d[p + 1] & 0xFF;
            if (m == 0xFF) {
                p++;
                continue;
            }
            if (m == 0 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
                p += 2;
                continue;
            }
            if (m == 0xD9 || m == 0xD8) {
                break;
            }
            if (p + 4 > end) {
                break;
            }
            int len = u16(p + 2);
            if (m == 0xDC) {
                if (len == 4 && p + 6 <= end && u16(p + 4) > 0) {
                    return u16(p + 4);
                }
                throw error("invalid DNL segment", p);
            }
            if (len < 2) {
                break;
            }
            inScan = m == 0xDA;
            p += 2 + len;
        }
        throw error("frame height 0 and no DNL segment defines it");
    }

    /** DHT, T.81 B.2.4.2. */
    private void readHuffmanTables() throws CodecException {
        int len = segmentLength(2);
        int p = pos + 2;
        int segEnd = pos + len;
        while (p < segEnd) {
            if (p + 17 > segEnd) {
                throw error("truncated DHT segment", p);
            }
            int tc = u8(p) >> 4;
            int th = u8(p) & 15;
            if (tc > 1 || th > 3) {
                throw error("DHT class " + tc + " / destination " + th + " invalid", p);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8(p + 1 + i);
                total += counts[i];
            }
            p += 17;
            if (total > 256 || p + total > segEnd) {
                throw error("DHT with " + total + " symbols does not fit its segment", p);
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8(p + i);
            }
            p += total;
            JpegHuffmanTable t;
            try {
                t = JpegHuffmanTable.of(counts, symbols, tc == 0);
            } catch (IllegalArgumentException e) {
                throw error("invalid Huffman table: " + e.getMessage(), p - total);
            }
            (tc == 0 ? dcTables : acTables)[th] = t;
        }
        pos = segEnd;
    }

    /** DQT, T.81 B.2.4.1. Tables are stored in natural order. */
    private void readQuantTables() throws CodecException {
        int len = segmentLength(2);
        int p = pos + 2;
        int segEnd = pos + len;
        while (p < segEnd) {
            int pq = u8(p) >> 4;
            int tq = u8(p) & 15;
            if (pq > 1 || tq > 3) {
                throw error("DQT precision " + pq + " / destination " + tq + " invalid", p);
            }
            int n = pq == 0 ? 64 : 128;
            if (p + 1 + n > segEnd) {
                throw error("truncated DQT segment", p);
            }
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[NATURAL[k]] = pq == 0 ? u8(p + 1 + k) : u16(p + 1 + 2 * k);
            }
            qTables[tq] = q;
            p += 1 + n;
        }
        pos = segEnd;
    }

    /** DRI, T.81 B.2.4.4. */
    private void readRestartInterval() throws CodecException {
        int len = segmentLength(4);
        if (len != 4) {
            throw error("DRI length " + len + " (expected 4)");
        }
        restartInterval = u16(pos + 2);
        pos += len;
    }

    /** SOS, T.81 B.2.3, then the entropy-coded data of the scan. */
    private void readScan() throws CodecException {
        int segStart = pos;
        int len = segmentLength(6);
        if (comps == null) {
            throw error("scan (SOS) before the frame header (SOF)", segStart - 2);
        }
        int p = pos + 2;
        int ns = u8(p);
        if (ns < 1 || ns > 4 || len != 6 + 2 * ns) {
            throw error("SOS with " + ns + " components and length " + len + " invalid");
        }
        Component[] sc = new Component[ns];
        boolean[] used = new boolean[comps.length];
        for (int i = 0; i < ns; i++) {
            int cs = u8(p + 1 + 2 * i);
            Component c = null;
            for (int k = 0; k < comps.length; k++) {
                if (!used[k] && comps[k].id == cs) {
                    used[k] = true;
                    c = comps[k];
                    break;
                }
            }
            if (c == null) {
                throw error("scan component " + cs + " is not in the frame", p + 1 + 2 * i);
            }
            sc[i] = c;
        }
        int ss = u8(p + 1 + 2 * ns);
        int se = u8(p + 2 + 2 * ns);
        int ah = u8(p + 3 + 2 * ns) >> 4;
        int al = u8(p + 3 + 2 * ns) & 15;
        // a progressive scan uses only the tables it codes with (T.81 G.1.2): a DC table for a first
        // DC scan, an AC table for an AC scan, none for a DC refinement
        boolean needDc = !progressive || (ss == 0 && ah == 0);
        boolean needAc = !lossless && (!progressive || ss > 0);
        for (int i = 0; i < ns; i++) {
            Component c = sc[i];
            int td = u8(p + 2 + 2 * i) >> 4;
            int ta = u8(p + 2 + 2 * i) & 15;
            if (needDc) {
                if (td > 3 || dcTables[td] == null) {
                    throw error("scan component " + c.id + " uses undefined DC/lossless Huffman table " + td,
                            p + 2 + 2 * i);
                }
                c.dc = dcTables[td];
            }
            if (needAc) {
                if (ta > 3 || acTables[ta] == null) {
                    throw error("scan component " + c.id + " uses undefined AC Huffman table " + ta, p + 2 + 2 * i);
                }
                c.ac = acTables[ta];
            }
            if (!lossless && qTables[c.tq] == null) {
                throw error("component " + c.id + " uses undefined quantization table " + c.tq, p + 2 + 2 * i);
            }
        }
        pos += len;
        if (ns > 1) {
            int units = 0;
            for (Component c : sc) {
                units += c.h * c.v;
            }
            if (units > 10) {
                throw error("interleaved scan with " + units + " data units per MCU (T.81 allows 10)", segStart);
            }
        }
        if (progressive) {
            readProgressiveScan(sc, ss, se, ah, al, segStart);
            return;
        }
        for (Component c : sc) {
            if (c.plane == null) {
                int n = c.planeW * c.planeH;
                if (comps.length == 1 && reuse != null && reuse.length == n) {
                    c.plane = reuse;
                    Arrays.fill(reuse, 0); // what a truncated scan leaves undecoded reads 0, as in a new array
                } else {
                    c.plane = new int[n];
                }
            }
        }
        if (lossless) {
            if (ss < 1 || ss > 7) {
                throw error("lossless scan with predictor " + ss + " (1..7 allowed)", segStart);
            }
            if (al >= precision) {
                throw error("point transform " + al + " not below precision " + precision, segStart);
            }
            decodeLosslessScan(sc, ss, al);
        } else {
            // Ss/Se/Ah/Al of a sequential scan should be 0/63/0/0; like libjpeg, ignore other values
            decodeDctScan(sc);
        }
        scans++;
        startEntropySegment();
    }

    private static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    // ---------------------------------------------------------------- bit reader

    /**
     * Tops up the bit buffer to more than 56 bits. A 0xFF byte is data when followed by 0x00
     * (B.1.1.5; fill 0xFF bytes before it are skipped); otherwise it starts a marker, which ends the
     * entropy-coded segment: {@link #pos} stays on it and zero bits are supplied from then on, as at the
     * end of the data.
     */
    private void fill() {
        while (bits <= 56) {
            int b = 0;
            if (!exhausted) {
                if (pos >= end) {
                    exhausted = true;
                } else {
                    b = d[pos] & 0xFF;
                    if (b != 0xFF) {
                        pos++;
                    } else {
                        int p = pos + 1;
                        while (p < end && (d[p] & 0xFF) == 0xFF) {
                            p++;
                        }
                        if (p < end && d[p] == 0) {
                            pos = p + 1; // stuffed 0xFF
                        } else {
                            b = 0; // marker or end of data: not consumed
                            exhausted = true;
                        }
                    }
                }
            }
            acc = (acc << 8) | b;
            bits += 8;
        }
    }

    private void startEntropySegment() {
        acc = 0;
        bits = 0;
        exhausted = false;
        scanEnded = false;
    }

    /**
     * Handles the end of a restart interval (T.81 E.2.4, F.2.2.5 / H.2.2): discards the remaining
     * bits, then expects an RSTn marker. Bytes before it are skipped; any RSTn is accepted. If another
     * marker (or the end of data) comes first, the data is short: decoding continues on zero bits.
     */
    private void restart() {
        acc = 0;
        bits = 0;
        if (scanEnded) {
            return;
        }
        exhausted = false;
        int p = pos;
        while (p < end) {
            if ((d[p] & 0xFF) != 0xFF) {
                p++;
                continue;
            }
            int q = p + 1;
            while (q < end && (d[q] & 0xFF) == 0xFF) {
                q++;
            }
            if (q >= end) {
                break;
            }
            int m = d[q] & 0xFF;
            if (m == 0) {
                p = q + 1;
                continue;
            }
            if (m >= 0xD0 && m <= 0xD7) {
                pos = q + 1;
                return;
            }
            pos = p; // some other marker: leave it for the marker level
            scanEnded = true;
            exhausted = true;
            return;
        }
        pos = end;
        scanEnded = true;
        exhausted = true;
    }

    /** Decodes one Huffman symbol (T.81 F.2.2.3) with the look-ahead table. */
    private int decodeSymbol(JpegHuffmanTable t) throws CodecException {
        if (bits < 16) {
            fill();
        }
        int e = t.lookup[(int) (acc >>> (bits - JpegHuffmanTable.LOOKUP_BITS)) & ((1 << JpegHuffmanTable.LOOKUP_BITS) - 1)];
        if (e != 0) {
            bits -= e >>> 8;
            return e & 0xFF;
        }
        return decodeLongSymbol(t);
    }

    /**
     * The MAXCODE / VALPTR procedure of F.2.2.3, from length 1: used for codes longer than the
     * look-ahead, and by lossless scans for any code their difference table does not resolve.
     */
    private int decodeLongSymbol(JpegHuffmanTable t) throws CodecException {
        if (bits < 16) {
            fill();
        }
        int code16 = (int) (acc >>> (bits - 16)) & 0xFFFF;
        for (int l = 1; l <= 16; l++) {
            int code = code16 >>> (16 - l);
            if (code <= t.maxCode[l]) {
                int idx = t.valPtr[l] + code;
                if (idx < 0 || idx >= t.values.length) {
                    break;
                }
                bits -= l;
                return t.values[idx];
            }
        }
        throw error("invalid Huffman code " + Integer.toBinaryString(code16 | 0x10000).substring(1)
                + " in entropy-coded data", Math.max(start, pos - (bits + 7) / 8));
    }

    /** RECEIVE(s) followed by EXTEND (F.2.2.1, F.2.2.4), s in 1..16. */
    private int receiveExtend(int s) {
        if (bits < s) {
            fill();
        }
        int v = (int) (acc >>> (bits - s)) & ((1 << s) - 1);
        bits -= s;
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    // ---------------------------------------------------------------- DCT scans (T.81 F.2)

    private void decodeDctScan(Component[] sc) throws CodecException {
        startEntropySegment();
        int[] blk = new int[64];
        int[] ws = new int[64];
        for (Component c : sc) {
            c.dcPred = 0;
        }
        mcusLeft = restartInterval;
        if (sc.length == 1) {
            // non-interleaved: one data unit per MCU, only the blocks covering the component (A.2.2)
            Component c = sc[0];
            int[] q = qTables[c.tq];
            int bw = ceilDiv(c.cw, 8);
            int bh = ceilDiv(c.ch, 8);
            for (int by = 0; by < bh; by++) {
                for (int bx = 0; bx < bw; bx++) {
                    startMcu(sc);
                    decodeBlock(c, blk);
                    JpegIdct.inverse(blk, q, ws, c.plane, by * 8 * c.planeW + bx * 8, c.planeW, precision);
                }
            }
        } else {
            for (int my = 0; my < mcusY; my++) {
                for (int mx = 0; mx < mcusX; mx++) {
                    startMcu(sc);
                    for (Component c : sc) {
                        int[] q = qTables[c.tq];
                        for (int v = 0; v < c.v; v++) {
                            int rowOff = ((my * c.v + v) * 8) * c.planeW;
                            for (int h = 0; h < c.h; h++) {
                                decodeBlock(c, blk);
                                JpegIdct.inverse(blk, q, ws, c.plane, rowOff + (mx * c.h + h) * 8, c.planeW,
                                        precision);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Before each MCU of a DCT scan: at the end of a restart interval, resynchronises on the RSTn
     * marker and resets the DC predictions and the end-of-band run (T.81 E.2.4, G.1.2.2).
     */
    private void startMcu(Component[] sc) {
        if (restartInterval > 0) {
            if (mcusLeft == 0) {
                restart();
                for (Component c : sc) {
                    c.dcPred = 0;
                }
                eobrun = 0;
                mcusLeft = restartInterval;
            }
            mcusLeft--;
        }
    }

    /** One 8x8 block, T.81 F.2.2.1 (DC) and F.2.2.2 (AC); coefficients kept as 16-bit values. */
    private void decodeBlock(Component c, int[] blk) throws CodecException {
        Arrays.fill(blk, 0);
        int s = decodeSymbol(c.dc);
        if (s != 0) {
            if (s > 16) {
                throw error("DC difference category " + s + " out of range");
            }
            c.dcPred += receiveExtend(s);
        }
        blk[0] = (short) c.dcPred;
        JpegHuffmanTable ac = c.ac;
        for (int k = 1; k < 64; k++) {
            int rs = decodeSymbol(ac);
            int r = rs >> 4;
            s = rs & 15;
            if (s == 0) {
                if (r != 15) {
                    break; // EOB
                }
                k += 15; // ZRL
            } else {
                k += r;
                blk[NATURAL[k]] = (short) receiveExtend(s);
            }
        }
    }

    // ---------------------------------------------------------------- progressive scans (T.81 G.1.2)

    /** One scan of a progressive frame: its coefficients (or bits of them) go to the components' buffers. */
    private void readProgressiveScan(Component[] sc, int ss, int se, int ah, int al, int segStart)
            throws CodecException {
        boolean dc = ss == 0;
        if (dc ? se != 0 : se < ss || se > 63 || sc.length != 1) {
            throw error("progressive scan with spectral selection " + ss + ".." + se + " over " + sc.length
                    + " components (T.81 G.1.1.1.1)", segStart);
        }
        if (al > 13 || (ah != 0 && al != ah - 1)) {
            throw error("progressive scan with successive approximation Ah " + ah + " Al " + al, segStart);
        }
        for (Component c : sc) {
            if (c.coef == null) {
                c.coef = new int[c.planeW * c.planeH];
                c.q = qTables[c.tq];
            }
            c.dcPred = 0;
        }
        startEntropySegment();
        eobrun = 0;
        mcusLeft = restartInterval;
        if (sc.length == 1) {
            Component c = sc[0];
            int bw = ceilDiv(c.cw, 8);
            int bh = ceilDiv(c.ch, 8);
            int perRow = c.planeW / 8;
            for (int by = 0; by < bh; by++) {
                for (int bx = 0; bx < bw; bx++) {
                    startMcu(sc);
                    progressiveBlock(c, (by * perRow + bx) * 64, ss, se, ah, al);
                }
            }
        } else {
            for (int my = 0; my < mcusY; my++) {
                for (int mx = 0; mx < mcusX; mx++) {
                    startMcu(sc);
                    for (Component c : sc) {
                        int perRow = c.planeW / 8;
                        for (int v = 0; v < c.v; v++) {
                            for (int h = 0; h < c.h; h++) {
                                progressiveBlock(c, ((my * c.v + v) * perRow + mx * c.h + h) * 64, 0, 0, ah, al);
                            }
                        }
                    }
                }
            }
        }
        scans++;
        startEntropySegment();
    }

    private void progressiveBlock(Component c, int o, int ss, int se, int ah, int al) throws CodecException {
        int[] coef = c.coef;
        if (ss == 0) {
            if (ah == 0) { // G.1.2.1: the DC difference, scaled by the point transform
                int s = decodeSymbol(c.dc);
                if (s != 0) {
                    if (s > 16) {
                        throw error("DC difference category " + s + " out of range");
                    }
                    c.dcPred += receiveExtend(s);
                }
                coef[o] = (short) (c.dcPred << al);
            } else if (bit() != 0) { // one more bit of the DC coefficient
                coef[o] |= 1 << al;
            }
        } else if (ah == 0) {
            acFirst(c, coef, o, ss, se, al);
        } else {
            acRefine(c, coef, o, ss, se, al);
        }
    }

    /** The first pass over a band of AC coefficients, G.1.2.2: as sequential, plus end-of-band runs. */
    private void acFirst(Component c, int[] coef, int o, int ss, int se, int al) throws CodecException {
        if (eobrun > 0) {
            eobrun--;
            return;
        }
        for (int k = ss; k <= se; k++) {
            int rs = decodeSymbol(c.ac);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                coef[o + NATURAL[k]] = (short) (receiveExtend(s) << al);
            } else if (r == 15) {
                k += 15;
            } else {
                eobrun = (1 << r) - 1 + (r > 0 ? receive(r) : 0);
                return;
            }
        }
    }

    /**
     * A successive-approximation pass over a band, G.1.2.3: one correction bit for every coefficient
     * already non-zero that the pass goes over, newly non-zero coefficients of magnitude 1 << Al.
     */
    private void acRefine(Component c, int[] coef, int o, int ss, int se, int al) throws CodecException {
        int p1 = 1 << al;
        int m1 = -1 << al;
        int k = ss;
        if (eobrun == 0) {
            for (; k <= se; k++) {
                int rs = decodeSymbol(c.ac);
                int r = rs >> 4;
                int s = rs & 15;
                if (s != 0) {
                    s = bit() != 0 ? p1 : m1; // category 1 is the only one a refinement codes
                } else if (r != 15) {
                    eobrun = (1 << r) + (r > 0 ? receive(r) : 0);
                    break;
                }
                // skip r zero coefficients, correcting the non-zero ones on the way
                for (; k <= se; k++) {
                    int at = o + NATURAL[k];
                    if (coef[at] != 0) {
                        refine(coef, at, p1, m1);
                    } else if (--r < 0) {
                        break;
                    }
                }
                if (s != 0) {
                    coef[o + NATURAL[k]] = s;
                }
            }
        }
        if (eobrun > 0) {
            for (; k <= se; k++) {
                int at = o + NATURAL[k];
                if (coef[at] != 0) {
                    refine(coef, at, p1, m1);
                }
            }
            eobrun--;
        }
    }

    private void refine(int[] coef, int at, int p1, int m1) {
        if (bit() != 0 && (coef[at] & p1) == 0) {
            coef[at] += coef[at] >= 0 ? p1 : m1;
        }
    }

    /** Inverse DCT of every block of the progressive frame's components, once all scans are in. */
    private void inverseProgressive() {
        int[] blk = new int[64];
        int[] ws = new int[64];
        for (Component c : comps) {
            if (c.coef == null) {
                continue; // no scan carried this component: left at 0
            }
            int n = c.planeW * c.planeH;
            c.plane = comps.length == 1 && reuse != null && reuse.length == n ? reuse : new int[n];
            int perRow = c.planeW / 8;
            for (int by = 0; by < c.planeH / 8; by++) {
                for (int bx = 0; bx < perRow; bx++) {
                    System.arraycopy(c.coef, (by * perRow + bx) * 64, blk, 0, 64);
                    JpegIdct.inverse(blk, c.q, ws, c.plane, by * 8 * c.planeW + bx * 8, c.planeW, precision);
                }
            }
            c.coef = null;
        }
    }

    private int bit() {
        if (bits < 1) {
            fill();
        }
        bits--;
        return (int) (acc >>> bits) & 1;
    }

    /** RECEIVE(r) without EXTEND: the low bits of an end-of-band run length. */
    private int receive(int r) {
        if (bits < r) {
            fill();
        }
        bits -= r;
        return (int) (acc >>> bits) & ((1 << r) - 1);
    }

    // ---------------------------------------------------------------- lossless scans (T.81 H)

    private void decodeLosslessScan(Component[] sc, int psv, int pt) throws CodecException {
        startEntropySegment();
        int ns = sc.length;
        // a non-interleaved scan has one sample per MCU and covers the component exactly (A.2.2)
        int cols = ns == 1 ? sc[0].cw : mcusX;
        int rows = ns == 1 ? sc[0].ch : mcusY;
        int[] hs = new int[ns];
        int[] vs = new int[ns];
        int[][][] diff = new int[ns][][];
        for (int i = 0; i < ns; i++) {
            hs[i] = ns == 1 ? 1 : sc[i].h;
            vs[i] = ns == 1 ? 1 : sc[i].v;
            diff[i] = new int[vs[i]][cols * hs[i]];
        }
        boolean[] restartAt = new boolean[cols];
        for (Component c : sc) {
            c.pt = pt;
        }
        int initial = 1 << (precision - pt - 1);
        int ri = restartInterval;
        int left = ri;
        JpegHuffmanTable single = sc[0].dc;
        for (int my = 0; my < rows; my++) {
            boolean anyRestart = false;
            if (my == 0) {
                restartAt[0] = true; // start of scan: H.1.2.1 first-line rules
                anyRestart = true;
            }
            int mx = 0;
            boolean fused = false;
            while (mx < cols) {
                int n = cols - mx;
                if (ri > 0) {
                    if (left == 0) {
                        restart();
                        left = ri;
                        restartAt[mx] = true;
                        anyRestart = true;
                    }
                    n = Math.min(n, left);
                    left -= n;
                }
                if (ns == 1) {
                    if (mx == 0 && n == cols && (psv == 1 || anyRestart)) {
                        // a whole row reconstructed with predictor 1: predictor 1 rows, and the first line
                        // of the scan or of a restart interval (H.1.2.1). Decode and reconstruct in one
                        // pass; the first sample is predicted by Rb, or 2^(P-Pt-1) at a restart.
                        Component c = sc[0];
                        int off = my * c.planeW;
                        decodeDiffs(single, c.plane, off, n, true, anyRestart ? initial : c.plane[off - c.planeW]);
                        fused = true;
                        break;
                    }
                    decodeDiffs(single, diff[0][0], mx, n, false, 0);
                } else {
                    for (int m = mx; m < mx + n; m++) {
                        for (int i = 0; i < ns; i++) {
                            JpegHuffmanTable t = sc[i].dc;
                            int h = hs[i];
                            for (int v = 0; v < vs[i]; v++) {
                                decodeDiffs(t, diff[i][v], m * h, h, false, 0);
                            }
                        }
                    }
                }
                mx += n;
            }
            for (int i = 0; i < ns && !fused; i++) {
                Component c = sc[i];
                int w = cols * hs[i];
                for (int v = 0; v < vs[i]; v++) {
                    int off = (my * vs[i] + v) * c.planeW;
                    if (v == 0 && anyRestart) {
                        JpegLosslessPrediction.undifferenceWithRestarts(c.plane, off, off - c.planeW, diff[i][v], w,
                                psv, restartAt, hs[i], initial);
                    } else {
                        JpegLosslessPrediction.undifference(c.plane, off, off - c.planeW, diff[i][v], w, psv);
                    }
                }
            }
            if (anyRestart) {
                Arrays.fill(restartAt, false);
            }
        }
    }

    /**
     * Decodes {@code n} lossless differences (H.1.2.2 with the Huffman procedures of F.2.2) into
     * {@code out[off..off+n)}; with {@code accumulate}, stores instead the running sum modulo 2^16
     * starting from {@code run}: the samples of a predictor-1 row. The hot loop: bit buffer in locals,
     * one table look-up per difference when the code and its additional bits fit in
     * {@link JpegHuffmanTable#LOSSLESS_BITS} bits.
     */
    private void decodeDiffs(JpegHuffmanTable t, int[] out, int off, int n, boolean accumulate, int run)
            throws CodecException {
        final int[] lut = t.losslessLut();
        final byte[] d = this.d;
        final int end = this.end;
        final int lutShift = JpegHuffmanTable.LOSSLESS_BITS;
        final int lutMask = (1 << lutShift) - 1;
        long acc = this.acc;
        int bits = this.bits;
        int p = this.pos;
        for (int i = off, e = off + n; i < e; i++) {
            if (bits < 32 && p + 8 <= end) {
                // eight bytes at once when none is 0xFF (a stuffed byte or a marker, F.1.2.3):
                // (~x - ONES) & x & HIGHS is not 0 exactly where a byte of ~x is 0
                long x = (long) BIG_ENDIAN_LONG.get(d, p);
                if (((~x - ONES) & x & HIGHS) == 0) {
                    int k = (63 - bits) >>> 3; // 4..7 bytes: acc keeps at most 63 bits
                    acc = (acc << (8 * k)) | (x >>> (64 - 8 * k));
                    bits += 8 * k;
                    p += k;
                }
            }
            if (bits < 32) {
                while (bits <= 56 && p < end) {
                    int b = d[p] & 0xFF;
                    if (b == 0xFF) {
                        break;
                    }
                    acc = (acc << 8) | b;
                    bits += 8;
                    p++;
                }
                if (bits < 32) {
                    this.acc = acc;
                    this.bits = bits;
                    this.pos = p;
                    fill();
                    acc = this.acc;
                    bits = this.bits;
                    p = this.pos;
                }
            }
            int en = lut[(int) (acc >>> (bits - lutShift)) & lutMask];
            int kind = en & JpegHuffmanTable.KIND_MASK;
            int diff;
            if (kind == JpegHuffmanTable.KIND_FULL) {
                bits -= en & 31;
                diff = en >> 9;
            } else {
                this.acc = acc;
                this.bits = bits;
                this.pos = p;
                diff = slowDiff(t, en, kind);
                acc = this.acc;
                bits = this.bits;
                p = this.pos;
            }
            if (accumulate) {
                run = (run + diff) & 0xFFFF;
                out[i] = run;
            } else {
                out[i] = diff;
            }
        }
        this.acc = acc;
        this.bits = bits;
        this.pos = p;
    }

    /** A difference whose code or additional bits go beyond the look-up table; at least 32 bits buffered. */
    private int slowDiff(JpegHuffmanTable t, int en, int kind) throws CodecException {
        int s;
        if (kind == JpegHuffmanTable.KIND_CODE) {
            bits -= en & 31;
            s = en >>> 9;
        } else {
            s = decodeLongSymbol(t);
            if (s > 16) {
                throw error("lossless difference category " + s + " out of range");
            }
        }
        if (s == 0) {
            return 0;
        }
        if (s == 16) {
            return 32768;
        }
        int v = (int) (acc >>> (bits - s)) & ((1 << s) - 1);
        bits -= s;
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    // ---------------------------------------------------------------- output

    private DecodedImage assemble() throws CodecException {
        if (comps == null) {
            throw error("no frame header (SOF)");
        }
        if (progressive) {
            inverseProgressive();
        }
        int nf = comps.length;
        int maxVal = (1 << precision) - 1;
        Component c0 = comps[0];
        if (nf == 1 && c0.plane != null && c0.planeW == width && c0.plane.length == width * height) {
            // lossless, single component, no padding: the plane is the image
            int[] s = c0.plane;
            int pt = c0.pt;
            if (pt > 0 || precision < 16) {
                for (int i = 0; i < s.length; i++) {
                    s[i] = (s[i] << pt) & maxVal;
                }
            }
            return new DecodedImage(width, height, 1, precision, s);
        }
        int[] out = new int[width * height * nf];
        int[] row = new int[width];
        for (int ci = 0; ci < nf; ci++) {
            Component c = comps[ci];
            if (c.plane == null) {
                continue; // no scan carried this component: left at 0
            }
            int pt = c.pt;
            for (int y = 0; y < height; y++) {
                componentRow(c, y, row);
                for (int x = 0, o = y * width * nf + ci; x < width; x++, o += nf) {
                    out[o] = (row[x] << pt) & maxVal;
                }
            }
        }
        return new DecodedImage(width, height, nf, precision, out);
    }

    /**
     * Row {@code y} of component {@code c} at full resolution. Equal sampling: copied. 2:1
     * horizontally (h2v1) or 2:1 both ways (h2v2) and the component at least 3 samples wide: the
     * IJG "fancy" triangular filter (3/4 nearer + 1/4 farther sample, edges replicated, rows outside
     * the component clamped). Other integral ratios: replication; non-integral: nearest sample.
     */
    private void componentRow(Component c, int y, int[] row) {
        int[] pl = c.plane;
        int pw = c.planeW;
        if (c.h == hmax && c.v == vmax) {
            System.arraycopy(pl, y * pw, row, 0, width);
            return;
        }
        int cw = c.cw;
        boolean h2 = hmax == 2 * c.h;
        if (h2 && vmax == c.v && cw > 2) {
            fancyH2V1(pl, y * pw, cw, row);
            return;
        }
        if (h2 && vmax == 2 * c.v && cw > 2) {
            int iy = y >> 1;
            int ny = (y & 1) == 0 ? Math.max(iy - 1, 0) : Math.min(iy + 1, c.ch - 1);
            fancyH2V2(pl, iy * pw, ny * pw, cw, row);
            return;
        }
        int sy;
        if (vmax % c.v == 0) {
            sy = y / (vmax / c.v);
        } else {
            sy = (int) ((long) y * c.v / vmax);
        }
        int o = sy * pw;
        if (hmax % c.h == 0) {
            int f = hmax / c.h;
            for (int x = 0; x < width; x++) {
                row[x] = pl[o + x / f];
            }
        } else {
            for (int x = 0; x < width; x++) {
                row[x] = pl[o + (int) ((long) x * c.h / hmax)];
            }
        }
    }

    /**
     * h2v1: output {@code 2i = (3 in[i] + in[i-1] + 1) >> 2}, {@code 2i+1 = (3 in[i] + in[i+1] + 2) >> 2};
     * the outermost output samples copy the edge input samples.
     */
    private void fancyH2V1(int[] pl, int o, int cw, int[] row) {
        for (int i = 0; i < cw; i++) {
            int v3 = pl[o + i] * 3;
            int x = 2 * i;
            if (x < width) {
                row[x] = i == 0 ? pl[o] : (v3 + pl[o + i - 1] + 1) >> 2;
            }
            if (x + 1 < width) {
                row[x + 1] = i == cw - 1 ? pl[o + i] : (v3 + pl[o + i + 1] + 2) >> 2;
            }
        }
    }

    /**
     * h2v2: vertical then horizontal triangle on column sums {@code s[i] = 3 near[i] + far[i]} (far =
     * the component row on the other side of the output row, clamped at the image edges); output
     * {@code 2i = (3 s[i] + s[i-1] + 8) >> 4}, {@code 2i+1 = (3 s[i] + s[i+1] + 7) >> 4}, and
     * {@code (4 s + 8 or 7) >> 4} at the left and right edges.
     */
    private void fancyH2V2(int[] pl, int near, int far, int cw, int[] row) {
        int last = 0;
        int cur = pl[near] * 3 + pl[far];
        for (int i = 0; i < cw; i++) {
            int next = i + 1 < cw ? pl[near + i + 1] * 3 + pl[far + i + 1] : 0;
            int x = 2 * i;
            if (x < width) {
                row[x] = ((i == 0 ? cur * 4 : cur * 3 + last) + 8) >> 4;
            }
            if (x + 1 < width) {
                row[x + 1] = ((i == cw - 1 ? cur * 4 : cur * 3 + next) + 7) >> 4;
            }
            last = cur;
            cur = next;
        }
    }
}
