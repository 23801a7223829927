package org.clain.dicom.codec;

import java.util.Arrays;

/**
 * Pure-Java JPEG-LS decoder (ITU-T T.87 | ISO/IEC 14495-1), lossless and near-lossless,
 * as used by DICOM transfer syntaxes 1.2.840.10008.1.2.4.80 and .81.
 *
 * <p>Supported: SOF55 frames of 2..16 bit precision and any number of components,
 * scans with ILV 0 (one component per scan), 1 (line interleaved) and 2 (sample
 * interleaved), NEAR 0..255, LSE preset coding parameters (type 1), DRI with RSTm restart
 * markers, APPn/COM segments (skipped). Not supported (a {@link CodecException} says so):
 * HP colour transforms (APP8 "mrfx"), mapping tables (LSE types 2/3 referenced by a scan),
 * point transform, DNL (height 0), sub-sampled components, JPEG-LS part 2 (SOF57) and
 * any other JPEG process.
 *
 * <p>Output samples are pixel-interleaved whatever the ILV; values are the reconstructed
 * samples 0..MAXVAL, without colour conversion or sign extension.
 *
 * <p>Robustness: every error (truncation, bad marker, out-of-range parameter, corrupt
 * entropy-coded data) raises a {@link CodecException} naming the codestream offset; the
 * amount of work is bounded by the image size, and the only large allocation is the
 * width*height*components output array, made after the header has been validated.
 *
 * <p>Clause references below are to ITU-T T.87 (06/98).
 */
public final class JpegLsDecoder {

    /** Largest accepted width or height. */
    static final int MAX_DIMENSION = 65535;
    /** Largest accepted width*height*components. */
    static final long MAX_SAMPLES = 1L << 28;

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DNL = 0xDC;
    private static final int DRI = 0xDD;
    private static final int COM = 0xFE;
    private static final int SOF55 = 0xF7;
    private static final int LSE = 0xF8;
    private static final int SOF57 = 0xF9;

    private JpegLsDecoder() {
    }

    /**
     * Decodes one JPEG-LS codestream (SOI .. EOI).
     *
     * @param data   buffer holding the codestream
     * @param offset index of its first byte (the SOI marker)
     * @param length its length in bytes; trailing bytes after EOI (DICOM padding) are ignored
     * @return the decoded frame, samples pixel-interleaved, precision = P of SOF55
     * @throws CodecException if the codestream is malformed, truncated or uses an unsupported feature
     */
    public static DecodedImage decode(byte[] data, int offset, int length) throws CodecException {
        return decode(data, offset, length, MAX_SAMPLES);
    }

    /**
     * As {@link #decode(byte[], int, int)}, refusing before any sample buffer is allocated a
     * codestream that declares more than {@code maxSamples} samples (width x height x components):
     * the caller's bound, e.g. what the DICOM header declares for the frame.
     */
    public static DecodedImage decode(byte[] data, int offset, int length, long maxSamples) throws CodecException {
        if (data == null) {
            throw new CodecException("JPEG-LS: no data");
        }
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new CodecException("JPEG-LS: offset " + offset + " / length " + length
                    + " outside the buffer of " + data.length + " bytes");
        }
        try {
            return new Parser(data, offset, offset + length, Math.min(maxSamples, MAX_SAMPLES)).parse();
        } catch (RuntimeException e) {
            // Safety net only: the decoder is written to validate everything before use, so
            // reaching this is a bug; still, a viewer must get a CodecException, not a crash.
            throw new CodecException("JPEG-LS: internal decoder error (" + e + ")", e);
        }
    }

    // ------------------------------------------------------------------------------------
    // Marker segment parsing (T.87 Annex C)
    // ------------------------------------------------------------------------------------

    private static final class Parser {
        final byte[] data;
        final long maxSamples;
        final int start;
        final int end;
        int pos;

        // frame (C.2.2)
        boolean haveFrame;
        int precision;
        int width;
        int height;
        int components;
        int[] componentIds;
        boolean[] componentDone;
        int[] samples;

        // preset coding parameters (C.2.4.1.1); 0 = default
        int presetMaxval;
        int presetT1;
        int presetT2;
        int presetT3;
        int presetReset;

        int restartInterval;

        Parser(byte[] data, int start, int end, long maxSamples) {
            this.maxSamples = maxSamples;
            this.data = data;
            this.start = start;
            this.end = end;
            this.pos = start;
        }

        CodecException error(int at, String reason) {
            return new CodecException("JPEG-LS: " + reason + " at codestream offset " + (at - start));
        }

        int u8() throws CodecException {
            if (pos >= end) {
                throw error(pos, "unexpected end of data");
            }
            return data[pos++] & 0xFF;
        }

        int u16() throws CodecException {
            if (pos + 2 > end) {
                throw error(pos, "unexpected end of data");
            }
            int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        /** Reads a marker: 0xFF, optional 0xFF fill bytes (T.81 B.1.1.2), then the code. */
        int marker() throws CodecException {
            if (pos >= end) {
                throw error(pos, "unexpected end of data, expected a marker");
            }
            if ((data[pos] & 0xFF) != 0xFF) {
                throw error(pos, String.format("expected a marker, found byte 0x%02X", data[pos] & 0xFF));
            }
            while (pos < end && (data[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= end) {
                throw error(pos, "unexpected end of data inside a marker");
            }
            return data[pos++] & 0xFF;
        }

        /** Reads a segment length field and returns the end of the segment. */
        int segment(int minLength) throws CodecException {
            int at = pos;
            int len = u16();
            if (len < Math.max(2, minLength)) {
                throw error(at, "marker segment length " + len + " too small");
            }
            if (at + len > end) {
                throw error(at, "marker segment of length " + len + " runs past the end of data");
            }
            return at + len;
        }

        DecodedImage parse() throws CodecException {
            if (end - start < 2 || (data[start] & 0xFF) != 0xFF || (data[start + 1] & 0xFF) != SOI) {
                throw error(start, "no SOI marker (not a JPEG codestream)");
            }
            pos = start + 2;
            while (true) {
                if (pos >= end && haveFrame && allDone()) {
                    // Missing EOI after a completely decoded image: tolerated (seen in the wild).
                    break;
                }
                int at = pos;
                int m = marker();
                if (m == EOI) {
                    break;
                }
                switch (m) {
                    case SOF55 -> readFrame(at);
                    case LSE -> readPreset(at);
                    case SOS -> readScan(at);
                    case DRI -> readRestartInterval(at);
                    case COM -> pos = segment(2);
                    case DNL -> throw error(at, "DNL marker (number of lines defined after the scan) not supported");
                    case SOI -> throw error(at, "unexpected second SOI marker");
                    case SOF57 -> throw error(at, "JPEG-LS part 2 (ISO/IEC 14495-2, SOF57) codestream not supported");
                    default -> {
                        if (m >= 0xE0 && m <= 0xEF) {
                            readApplication(at, m);
                        } else if (m >= 0xD0 && m <= 0xD7) {
                            throw error(at, String.format("unexpected restart marker RST%d", m - 0xD0));
                        } else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                            throw error(at, String.format("not a JPEG-LS codestream (SOF%d marker 0xFF%02X)",
                                    m - 0xC0, m));
                        } else {
                            throw error(at, String.format("marker 0xFF%02X not allowed in a JPEG-LS codestream", m));
                        }
                    }
                }
            }
            if (!haveFrame) {
                throw error(pos, "EOI before any SOF55 frame header");
            }
            if (!allDone()) {
                throw error(pos, "EOI before all components were decoded");
            }
            return new DecodedImage(width, height, components, precision, samples);
        }

        boolean allDone() {
            if (componentDone == null) {
                return false;
            }
            for (boolean b : componentDone) {
                if (!b) {
                    return false;
                }
            }
            return true;
        }

        /** SOF55, C.2.2. */
        void readFrame(int at) throws CodecException {
            if (haveFrame) {
                throw error(at, "second SOF marker");
            }
            int segEnd = segment(8);
            precision = u8();
            height = u16();
            width = u16();
            components = u8();
            if (precision < 2 || precision > 16) {
                throw error(at, "sample precision P=" + precision + " outside 2..16");
            }
            if (height == 0) {
                throw error(at, "height 0 (number of lines given by DNL) not supported");
            }
            if (components < 1) {
                throw error(at, "frame with no components");
            }
            if (segEnd - at - 2 != 8 + 3 * components) {
                throw error(at, "SOF55 length " + (segEnd - at - 2) + " does not match " + components + " components");
            }
            componentIds = new int[components];
            componentDone = new boolean[components];
            for (int i = 0; i < components; i++) {
                int id = u8();
                int hv = u8();
                u8(); // Tq: reserved, 0 in JPEG-LS
                for (int j = 0; j < i; j++) {
                    if (componentIds[j] == id) {
                        throw error(at, "duplicate component identifier " + id);
                    }
                }
                if (hv != 0x11) {
                    throw error(at, String.format("component sub-sampling (H/V 0x%02X) not supported", hv));
                }
                componentIds[i] = id;
            }
            haveFrame = true;
        }

        /** LSE, C.2.4.1. */
        void readPreset(int at) throws CodecException {
            int segEnd = segment(3);
            int id = u8();
            switch (id) {
                case 1 -> {
                    if (segEnd - at - 2 != 13) {
                        throw error(at, "LSE preset coding parameters segment length " + (segEnd - at - 2) + " (expected 13)");
                    }
                    presetMaxval = u16();
                    presetT1 = u16();
                    presetT2 = u16();
                    presetT3 = u16();
                    presetReset = u16();
                }
                case 2, 3 -> {
                    // Mapping table specification / continuation (C.2.4.1.2/3): only used if a scan
                    // selects a table, which readScan rejects.
                    pos = segEnd;
                }
                case 4 -> {
                    // Oversize image dimension (C.2.4.1.4): Wxy, then Y and X on Wxy bytes each.
                    int wxy = u8();
                    if (wxy < 2 || wxy > 4 || segEnd - at - 2 != 4 + 2 * wxy) {
                        throw error(at, "bad LSE oversize image dimension segment");
                    }
                    long y = 0;
                    long x = 0;
                    for (int i = 0; i < wxy; i++) {
                        y = (y << 8) | u8();
                    }
                    for (int i = 0; i < wxy; i++) {
                        x = (x << 8) | u8();
                    }
                    if (!haveFrame) {
                        throw error(at, "LSE oversize image dimension before SOF55");
                    }
                    if (y > MAX_DIMENSION || x > MAX_DIMENSION) {
                        throw error(at, "image dimensions " + x + "x" + y + " exceed " + MAX_DIMENSION);
                    }
                    if (y != 0) {
                        height = (int) y;
                    }
                    if (x != 0) {
                        width = (int) x;
                    }
                }
                default -> throw error(at, "unsupported LSE parameter type " + id
                        + " (JPEG-LS part 2 extension, e.g. a colour transform)");
            }
            pos = segEnd;
        }

        /** DRI, C.2.5 (Lr may be 4, 5 or 6 in JPEG-LS). */
        void readRestartInterval(int at) throws CodecException {
            int segEnd = segment(4);
            int n = segEnd - pos;
            if (n < 2 || n > 4) {
                throw error(at, "bad DRI segment length");
            }
            long ri = 0;
            for (int i = 0; i < n; i++) {
                ri = (ri << 8) | u8();
            }
            restartInterval = (int) Math.min(ri, Integer.MAX_VALUE);
        }

        void readApplication(int at, int m) throws CodecException {
            int segEnd = segment(2);
            // HP's colour transform is signalled by APP8 "mrfx" + transform id (non-standard).
            if (m == 0xE8 && segEnd - pos >= 5 && data[pos] == 'm' && data[pos + 1] == 'r'
                    && data[pos + 2] == 'f' && data[pos + 3] == 'x') {
                int transform = data[pos + 4] & 0xFF;
                if (transform != 0) {
                    throw error(at, "HP colour transform " + transform
                            + " (APP8 \"mrfx\") not supported");
                }
            }
            pos = segEnd;
        }

        /** SOS, C.2.3, followed by the scan's entropy-coded data. */
        void readScan(int at) throws CodecException {
            if (!haveFrame) {
                throw error(at, "SOS before SOF55");
            }
            int segEnd = segment(6);
            int ns = u8();
            if (ns < 1 || ns > components || segEnd - at - 2 != 6 + 2 * ns) {
                throw error(at, "bad SOS segment (Ns=" + ns + ", length " + (segEnd - at - 2) + ")");
            }
            int[] scanComps = new int[ns];
            for (int i = 0; i < ns; i++) {
                int id = u8();
                int tm = u8();
                int idx = -1;
                for (int c = 0; c < components; c++) {
                    if (componentIds[c] == id) {
                        idx = c;
                    }
                }
                if (idx < 0) {
                    throw error(at, "scan refers to unknown component " + id);
                }
                for (int j = 0; j < i; j++) {
                    if (scanComps[j] == idx) {
                        throw error(at, "scan lists component " + id + " twice");
                    }
                }
                if (componentDone[idx]) {
                    throw error(at, "component " + id + " decoded by an earlier scan");
                }
                if (tm != 0) {
                    throw error(at, "mapping table " + tm + " (palette, LSE type 2) not supported");
                }
                scanComps[i] = idx;
            }
            int near = u8();
            int ilv = u8();
            int pt = u8();
            if (ilv > 2) {
                throw error(at, "interleave mode ILV=" + ilv + " (must be 0, 1 or 2)");
            }
            if (ilv == 0 && ns != 1) {
                throw error(at, "ILV=0 scan with " + ns + " components");
            }
            if (pt != 0) {
                throw error(at, String.format("point transform (Ah/Al byte 0x%02X) not supported", pt));
            }
            if (width == 0) {
                throw error(at, "image width 0");
            }
            long total = (long) width * height * components;
            if (width > MAX_DIMENSION || height > MAX_DIMENSION || total > MAX_SAMPLES) {
                throw error(at, "image " + width + "x" + height + "x" + components + " too large");
            }
            if (total > maxSamples) {
                throw error(at, "image " + width + "x" + height + "x" + components + " holds more than the "
                        + maxSamples + " samples expected");
            }

            // Coding parameters: LSE values, or defaults (C.2.4.1.1, Figure C.3 / Table C.3).
            int maxPossible = (1 << precision) - 1;
            int maxval = presetMaxval == 0 ? maxPossible : presetMaxval;
            if (maxval < 1 || maxval > maxPossible) {
                throw error(at, "MAXVAL " + maxval + " outside 1.." + maxPossible);
            }
            if (near > Math.min(255, maxval / 2)) {
                throw error(at, "NEAR " + near + " too large for MAXVAL " + maxval);
            }
            int[] def = defaultThresholds(maxval, near);
            int t1 = presetT1 == 0 ? def[0] : presetT1;
            int t2 = presetT2 == 0 ? def[1] : presetT2;
            int t3 = presetT3 == 0 ? def[2] : presetT3;
            int reset = presetReset == 0 ? 64 : presetReset;
            if (t1 < near + 1 || t1 > maxval || t2 < t1 || t2 > maxval || t3 < t2 || t3 > maxval) {
                throw error(at, "invalid thresholds T1=" + t1 + " T2=" + t2 + " T3=" + t3
                        + " for MAXVAL " + maxval + ", NEAR " + near);
            }
            if (reset < 3 || reset > Math.max(255, maxval)) {
                throw error(at, "invalid RESET " + reset);
            }

            if (samples == null) {
                samples = new int[(int) total];
            }
            ScanDecoder sd = new ScanDecoder(this, segEnd, scanComps, ns == 1 ? 0 : ilv,
                    maxval, near, t1, t2, t3, reset);
            pos = sd.decode();
            for (int c : scanComps) {
                componentDone[c] = true;
            }
        }
    }

    /** Default T1, T2, T3 of C.2.4.1.1.1 (with the minima 2/3/4 for MAXVAL &lt; 128). */
    static int[] defaultThresholds(int maxval, int near) {
        final int basicT1 = 3;
        final int basicT2 = 7;
        final int basicT3 = 21;
        int t1;
        int t2;
        int t3;
        if (maxval >= 128) {
            int factor = (Math.min(maxval, 4095) + 128) / 256;
            t1 = clampThreshold(factor * (basicT1 - 2) + 2 + 3 * near, near + 1, maxval);
            t2 = clampThreshold(factor * (basicT2 - 3) + 3 + 5 * near, t1, maxval);
            t3 = clampThreshold(factor * (basicT3 - 4) + 4 + 7 * near, t2, maxval);
        } else {
            int factor = 256 / (maxval + 1);
            t1 = clampThreshold(Math.max(2, basicT1 / factor + 3 * near), near + 1, maxval);
            t2 = clampThreshold(Math.max(3, basicT2 / factor + 5 * near), t1, maxval);
            t3 = clampThreshold(Math.max(4, basicT3 / factor + 7 * near), t2, maxval);
        }
        return new int[] {t1, t2, t3};
    }

    /** CLAMP(i, j, MAXVAL) of Figure C.3. */
    private static int clampThreshold(int i, int j, int maxval) {
        return (i > maxval || i < j) ? j : i;
    }

    // ------------------------------------------------------------------------------------
    // Gradient quantisation tables (A.3.3), cached for the last parameter set
    // ------------------------------------------------------------------------------------

    private static final class QuantTable {
        final int maxval;
        final int near;
        final int t1;
        final int t2;
        final int t3;
        /** q[d + maxval] = quantised gradient in -4..4 for d in -maxval..maxval. */
        final byte[] q;

        QuantTable(int maxval, int near, int t1, int t2, int t3) {
            this.maxval = maxval;
            this.near = near;
            this.t1 = t1;
            this.t2 = t2;
            this.t3 = t3;
            q = new byte[2 * maxval + 1];
            for (int d = -maxval; d <= maxval; d++) {
                int v;
                if (d <= -t3) {
                    v = -4;
                } else if (d <= -t2) {
                    v = -3;
                } else if (d <= -t1) {
                    v = -2;
                } else if (d < -near) {
                    v = -1;
                } else if (d <= near) {
                    v = 0;
                } else if (d < t1) {
                    v = 1;
                } else if (d < t2) {
                    v = 2;
                } else if (d < t3) {
                    v = 3;
                } else {
                    v = 4;
                }
                q[d + maxval] = (byte) v;
            }
        }

        boolean matches(int maxval, int near, int t1, int t2, int t3) {
            return this.maxval == maxval && this.near == near && this.t1 == t1 && this.t2 == t2 && this.t3 == t3;
        }
    }

    private static volatile QuantTable lastQuantTable;

    private static byte[] quantTable(int maxval, int near, int t1, int t2, int t3) {
        QuantTable t = lastQuantTable;
        if (t == null || !t.matches(maxval, near, t1, t2, t3)) {
            t = new QuantTable(maxval, near, t1, t2, t3);
            lastQuantTable = t;
        }
        return t.q;
    }

    // ------------------------------------------------------------------------------------
    // Scan decoding (Annex A, B and F)
    // ------------------------------------------------------------------------------------

    /** J[] of A.7.1.1: run-length order for each RUNindex. */
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
        4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    private static final int MIN_C = -128;
    private static final int MAX_C = 127;
    /** Context counters beyond this only occur in corrupt data (a legal A stays below 2^23). */
    private static final int A_LIMIT = 1 << 24;

    private static final class ScanDecoder {
        final Parser p;
        final byte[] data;
        final int[] comps;
        final int ilv;
        final int width;
        final int height;
        final int frameComponents;
        final int[] out;

        // coding parameters (A.2.1)
        final int maxval;
        final int near;
        final int reset;
        final int range;
        final int qbpp;
        final int limit;
        final int mult;       // 2*NEAR+1
        final int rangeMult;  // RANGE*(2*NEAR+1)
        final int maxMerr;    // larger mapped errors only occur in corrupt data
        final byte[] qt;
        final int qoff;

        // context variables (A.2.1): 0..364 regular, 365/366 run interruption
        final int[] a = new int[367];
        final int[] b = new int[365];
        final int[] c = new int[365];
        final int[] n = new int[367];
        final int[] nn = new int[367];
        final int[] runIndex;
        /** Per-component contexts of the current pixel in ILV 2. */
        final int[] interleavedContexts;

        // bit reader over the entropy-coded segment [pos, segEnd)
        long cache;       // unread bits, MSB first
        int bits;         // number of bits in cache (padding zeros included)
        int pos;
        int segEnd;
        int padBytes;     // zero bytes appended past segEnd
        boolean afterFF;  // previous byte was 0xFF: next byte carries 7 bits (A.1)

        ScanDecoder(Parser p, int dataStart, int[] comps, int ilv, int maxval, int near,
                int t1, int t2, int t3, int reset) {
            this.p = p;
            this.data = p.data;
            this.comps = comps;
            this.ilv = ilv;
            this.width = p.width;
            this.height = p.height;
            this.frameComponents = p.components;
            this.out = p.samples;
            this.maxval = maxval;
            this.near = near;
            this.reset = reset;
            // A.2.1: RANGE, qbpp, bpp, LIMIT
            this.range = (maxval + 2 * near) / (2 * near + 1) + 1;
            this.qbpp = 32 - Integer.numberOfLeadingZeros(range - 1);
            int bpp = Math.max(2, 32 - Integer.numberOfLeadingZeros(maxval));
            this.limit = 2 * (bpp + Math.max(8, bpp));
            this.mult = 2 * near + 1;
            this.rangeMult = range * mult;
            this.maxMerr = 2 * range + 2;
            this.qt = quantTable(maxval, near, t1, t2, t3);
            this.qoff = maxval;
            this.runIndex = new int[comps.length];
            this.interleavedContexts = new int[comps.length];
            this.pos = dataStart;
        }

        CodecException corrupt(String reason) {
            return p.error(Math.min(pos, p.end), reason);
        }

        void resetContexts() {
            int a0 = Math.max(2, (range + 32) / 64);
            Arrays.fill(a, a0);
            Arrays.fill(n, 1);
            Arrays.fill(b, 0);
            Arrays.fill(c, 0);
            Arrays.fill(nn, 0);
            Arrays.fill(runIndex, 0);
        }

        /** Positions the bit reader at {@code from}; the segment ends at the next marker. */
        void startSegment(int from) {
            pos = from;
            int e = p.end;
            int i = from;
            // A marker is 0xFF followed by a byte with its MSB set (A.1: after 0xFF the encoder
            // stuffs a 0 bit, so data bytes after 0xFF are < 0x80).
            while (i < e - 1) {
                if (data[i] == (byte) 0xFF && (data[i + 1] & 0x80) != 0) {
                    break;
                }
                i++;
            }
            segEnd = (i < e - 1) ? i : e;
            cache = 0;
            bits = 0;
            padBytes = 0;
            afterFF = false;
        }

        /** Fills the cache to at least 57 bits; zero bytes are appended past the segment end. */
        void fill() throws CodecException {
            while (bits <= 56) {
                if (pos >= segEnd) {
                    pad();
                    continue;
                }
                int v = data[pos++] & 0xFF;
                if (afterFF) {
                    // A.1: the bit after a 0xFF byte is a stuffed 0; only 7 bits carry data
                    cache |= (long) v << (57 - bits);
                    bits += 7;
                    afterFF = false;
                } else {
                    cache |= (long) v << (56 - bits);
                    bits += 8;
                    afterFF = v == 0xFF;
                }
            }
        }

        private void pad() throws CodecException {
            // Past the real data: if padding bits were already consumed, the stream is short.
            if (bits < padBytes * 8) {
                throw corrupt("entropy-coded data truncated or corrupt");
            }
            padBytes++;
            bits += 8;
        }

        /** True if no more bits were consumed than the segment holds. */
        boolean withinSegment() {
            return bits >= padBytes * 8;
        }

        int readBit() throws CodecException {
            if (bits <= 0) {
                fill();
            }
            int v = (int) (cache >>> 63);
            cache <<= 1;
            bits--;
            return v;
        }

        /** Reads 1..31 bits. */
        int readBits(int count) throws CodecException {
            if (bits < count) {
                fill();
            }
            int v = (int) (cache >>> (64 - count));
            cache <<= count;
            bits -= count;
            return v;
        }

        /** Golomb parameter k (A.5.1, code segment A.10): least k with N&lt;&lt;k &gt;= A. */
        static int golombK(int nq, int aq) {
            int k = Integer.numberOfLeadingZeros(nq) - Integer.numberOfLeadingZeros(aq);
            if (k < 0) {
                return 0; // N has more bits than A, so N >= A
            }
            return (nq << k) < aq ? k + 1 : k;
        }

        /**
         * Decodes a limited-length Golomb code (A.5.3) with parameter k and code length limit
         * {@code glimit}; returns the mapped error value.
         */
        int decodeValue(int k, int glimit) throws CodecException {
            int unaryMax = glimit - qbpp - 1;
            if (bits < 32) {
                fill();
            }
            int zeros = Long.numberOfLeadingZeros(cache);
            if (zeros < bits && zeros <= unaryMax) {
                cache <<= zeros + 1;
                bits -= zeros + 1;
            } else {
                zeros = readLongUnary(unaryMax);
            }
            int v;
            if (zeros < unaryMax) {
                v = k == 0 ? zeros : (zeros << k) | readBits(k);
            } else {
                v = readBits(qbpp) + 1;
            }
            if (v > maxMerr) {
                throw corrupt("mapped error value out of range (corrupt data)");
            }
            return v;
        }

        /** Unary code with more zeros than the cache holds. */
        private int readLongUnary(int unaryMax) throws CodecException {
            int zeros = 0;
            while (readBit() == 0) {
                if (++zeros > unaryMax) {
                    throw corrupt("Golomb code longer than LIMIT (corrupt data)");
                }
            }
            return zeros;
        }

        /** Decodes all lines of the scan; returns the position of the marker after it. */
        int decode() throws CodecException {
            startSegment(pos);
            resetContexts();
            final int w = width;
            final int nComp = comps.length;
            int[][] prev = new int[nComp][w + 2];
            int[][] cur = new int[nComp][w + 2];
            int restart = p.restartInterval;
            int rstCount = 0;
            for (int y = 0; y < height; y++) {
                if (restart > 0 && y > 0 && y % restart == 0) {
                    // Restart interval (DRI, C.2.5; one MCU = one line, of every component in
                    // ILV 1): the coded data is byte-aligned and followed by RSTm (m counting
                    // modulo 8); the next line is coded as at the start of a scan: A.2.1
                    // initialisation, RUNindex 0, no previous line (zeros).
                    nextRestartSegment(rstCount);
                    rstCount = (rstCount + 1) & 7;
                    resetContexts();
                    for (int i = 0; i < nComp; i++) {
                        Arrays.fill(prev[i], 0);
                        Arrays.fill(cur[i], 0);
                    }
                }
                if (ilv == 2) {
                    decodeSampleInterleavedLine(prev, cur);
                    for (int i = 0; i < nComp; i++) {
                        store(cur[i], y, comps[i]);
                    }
                } else {
                    // ILV 0 (one component) or 1 (each component's line in turn, B.3.1)
                    for (int i = 0; i < nComp; i++) {
                        decodeLine(prev[i], cur[i], i);
                        store(cur[i], y, comps[i]);
                    }
                }
                int[][] t = prev;
                prev = cur;
                cur = t;
            }
            if (!withinSegment()) {
                throw corrupt("entropy-coded data truncated or corrupt");
            }
            return segEnd;
        }

        void nextRestartSegment(int expected) throws CodecException {
            if (!withinSegment()) {
                throw corrupt("entropy-coded data truncated or corrupt before restart marker");
            }
            int at = segEnd;
            if (at + 1 >= p.end) {
                throw p.error(at, "expected restart marker RST" + expected + ", found end of data");
            }
            int i = at;
            while (i < p.end && data[i] == (byte) 0xFF) {
                i++;
            }
            if (i >= p.end || (data[i] & 0xFF) != 0xD0 + expected) {
                throw p.error(at, "expected restart marker RST" + expected);
            }
            startSegment(i + 1);
        }

        void store(int[] line, int y, int comp) {
            final int w = width;
            if (frameComponents == 1) {
                System.arraycopy(line, 1, out, y * w, w);
            } else {
                final int nc = frameComponents;
                int o = y * w * nc + comp;
                for (int x = 1; x <= w; x++, o += nc) {
                    out[o] = line[x];
                }
            }
        }

        /** Median edge detector, A.4.1. */
        static int predict(int ra, int rb, int rc) {
            if (rc >= Math.max(ra, rb)) {
                return Math.min(ra, rb);
            }
            if (rc <= Math.min(ra, rb)) {
                return Math.max(ra, rb);
            }
            return ra + rb - rc;
        }

        /**
         * One line of one component (ILV 0 and 1). {@code prev}/{@code cur} hold the line
         * above and the current line at indices 1..w, with the border samples of A.2.1 at 0
         * and w+1.
         */
        void decodeLine(int[] prev, int[] cur, int ci) throws CodecException {
            final int w = width;
            final byte[] q = qt;
            final int off = qoff;
            // Edge samples (A.2.1): Ra of the first sample = Rb; Rd of the last sample = Rb.
            // prev[0] still holds the previous line's first Ra, i.e. the Rc of the first sample.
            cur[0] = prev[1];
            prev[w + 1] = prev[w];
            int x = 1;
            while (x <= w) {
                final int ra = cur[x - 1];
                final int rb = prev[x];
                final int rc = prev[x - 1];
                final int rd = prev[x + 1];
                // A.3: context from quantised local gradients D1=Rd-Rb, D2=Rb-Rc, D3=Rc-Ra
                int qs = q[rd - rb + off] * 81 + q[rb - rc + off] * 9 + q[rc - ra + off];
                if (qs != 0) {
                    cur[x] = decodeRegular(qs, predict(ra, rb, rc));
                    x++;
                } else {
                    x = decodeRun(prev, cur, x, ra, ci);
                }
            }
        }

        /** Regular mode sample, A.4-A.6 (decoder side as in F.1). */
        int decodeRegular(int qs, int predicted) throws CodecException {
            // A.3.4: SIGN makes the first non-zero quantised gradient positive; sign is 0 or -1
            final int sign = qs >> 31;
            qs = (qs ^ sign) - sign;
            final int cq = c[qs];
            // A.4.2: prediction correction by SIGN*C[Q] and clamping
            int px = predicted + ((cq ^ sign) - sign);
            if (px > maxval) {
                px = maxval;
            } else if (px < 0) {
                px = 0;
            }
            final int aq = a[qs];
            final int nq = n[qs];
            final int k = golombK(nq, aq);
            final int merr = decodeValue(k, limit);
            // A.5.2 inverse error mapping; the k=0 special mapping only in lossless mode
            int err = (merr >>> 1) ^ -(merr & 1);
            if (k == 0 && near == 0 && 2 * b[qs] + nq - 1 < 0) {
                err = ~err;
            }
            updateRegular(qs, err, aq, nq, cq);
            return reconstruct(px, (err ^ sign) - sign);
        }

        /** A.6.1 update of A, B, N and A.6.2 bias correction of B, C for context qs. */
        private void updateRegular(int qs, int err, int aq, int nq, int cq) throws CodecException {
            int bq = b[qs] + err * mult;
            aq += err < 0 ? -err : err;
            if (aq >= A_LIMIT) {
                throw corrupt("context statistics overflow (corrupt data)");
            }
            if (nq == reset) {
                aq >>= 1;
                bq >>= 1; // arithmetic shift == -((1 - B) >> 1) of Figure A.12 for negative B
                nq >>= 1;
            }
            nq++;
            if (bq <= -nq) {
                bq += nq;
                if (cq > MIN_C) {
                    cq--;
                }
                if (bq <= -nq) {
                    bq = -nq + 1;
                }
            } else if (bq > 0) {
                bq -= nq;
                if (cq < MAX_C) {
                    cq++;
                }
                if (bq > 0) {
                    bq = 0;
                }
            }
            a[qs] = aq;
            b[qs] = bq;
            c[qs] = cq;
            n[qs] = nq;
        }

        /**
         * Run mode (A.7) of one component from column x (1-based) with run value ra;
         * returns the next column to decode.
         */
        int decodeRun(int[] prev, int[] cur, int x, int ra, int ci) throws CodecException {
            final int w = width;
            int ri = runIndex[ci];
            int remaining = w - x + 1;
            int len = readRunLength(remaining, ri);
            ri = lastRunIndex;
            for (int i = 0; i < len; i++) {
                cur[x + i] = ra;
            }
            x += len;
            if (x > w) {
                runIndex[ci] = ri;
                return x;
            }
            // A.7.2: run interruption sample
            int rb = prev[x];
            int rx;
            if (Math.abs(ra - rb) <= near) {
                rx = reconstruct(ra, decodeInterruptionError(1, ri));
            } else {
                int e = decodeInterruptionError(0, ri);
                rx = reconstruct(rb, ra > rb ? -e : e);
            }
            cur[x] = rx;
            runIndex[ci] = ri > 0 ? ri - 1 : 0;
            return x + 1;
        }

        int lastRunIndex;

        /**
         * A.7.1 decoder side: reads run segments of 2^J[RUNindex] samples while the bit is 1,
         * then (if the line did not end) the J[RUNindex]-bit remainder. Returns the run length;
         * the updated RUNindex is left in {@link #lastRunIndex}.
         */
        int readRunLength(int remaining, int ri) throws CodecException {
            int len = 0;
            while (true) {
                if (readBit() == 0) {
                    int j = J[ri];
                    if (j > 0) {
                        len += readBits(j);
                    }
                    if (len > remaining) {
                        throw corrupt("run length past the end of the line");
                    }
                    break;
                }
                int seg = 1 << J[ri];
                int cnt = Math.min(seg, remaining - len);
                len += cnt;
                if (cnt == seg && ri < 31) {
                    ri++;
                }
                if (len == remaining) {
                    break;
                }
            }
            lastRunIndex = ri;
            return len;
        }

        /**
         * Reconstructed sample from the prediction and the signed, quantised error (F.1 step
         * 11 / A.4.4): dequantise, undo the modular reduction, clamp to 0..MAXVAL.
         */
        int reconstruct(int px, int err) throws CodecException {
            int rx = px + err * mult;
            if (rx < -near) {
                rx += rangeMult;
            } else if (rx > maxval + near) {
                rx -= rangeMult;
            }
            if (rx < -near || rx > maxval + near) {
                // one modular correction always suffices for a legal error value
                throw corrupt("reconstructed sample out of range (corrupt data)");
            }
            return rx < 0 ? 0 : (rx > maxval ? maxval : rx);
        }

        /** A.7.2: error of a run interruption sample of type riType, with context update. */
        int decodeInterruptionError(int riType, int ri) throws CodecException {
            final int qx = 365 + riType;
            int aq = a[qx];
            int nq = n[qx];
            int k = golombK(nq, aq + (riType == 1 ? nq >> 1 : 0));
            int em = decodeValue(k, limit - J[ri] - 1);
            // inverse of EMErrval = 2|Errval| - RItype - map (A.7.2.2)
            int t = em + riType;
            int map = t & 1;
            int abs = (t + map) >> 1;
            boolean negative = (k != 0 || 2 * nn[qx] >= nq) == (map == 1);
            int err = negative ? -abs : abs;
            // A.7.2.3 update
            if (err < 0) {
                nn[qx]++;
            }
            aq += (em + 1 - riType) >> 1;
            if (aq >= A_LIMIT) {
                throw corrupt("context statistics overflow (corrupt data)");
            }
            if (nq == reset) {
                aq >>= 1;
                nq >>= 1;
                nn[qx] >>= 1;
            }
            a[qx] = aq;
            n[qx] = nq + 1;
            return err;
        }

        /**
         * One line of all components in sample-interleaved mode (ILV 2, B.3.2): contexts
         * are shared, run mode is entered only when every component is flat, and each
         * component of a run interruption pixel is coded with RItype 0 (Px = Rb).
         */
        void decodeSampleInterleavedLine(int[][] prev, int[][] cur) throws CodecException {
            final int w = width;
            final int nComp = comps.length;
            final byte[] q = qt;
            final int off = qoff;
            final int[] qs = interleavedContexts;
            for (int i = 0; i < nComp; i++) {
                cur[i][0] = prev[i][1];
                prev[i][w + 1] = prev[i][w];
            }
            int x = 1;
            while (x <= w) {
                boolean flat = true;
                for (int i = 0; i < nComp; i++) {
                    int[] pl = prev[i];
                    int ra = cur[i][x - 1];
                    int rb = pl[x];
                    int rc = pl[x - 1];
                    int rd = pl[x + 1];
                    int v = q[rd - rb + off] * 81 + q[rb - rc + off] * 9 + q[rc - ra + off];
                    qs[i] = v;
                    if (v != 0) {
                        flat = false;
                    }
                }
                if (!flat) {
                    for (int i = 0; i < nComp; i++) {
                        int[] pl = prev[i];
                        int[] cl = cur[i];
                        cl[x] = decodeRegular(qs[i], predict(cl[x - 1], pl[x], pl[x - 1]));
                    }
                    x++;
                    continue;
                }
                int ri = runIndex[0];
                int len = readRunLength(w - x + 1, ri);
                ri = lastRunIndex;
                for (int i = 0; i < nComp; i++) {
                    int[] cl = cur[i];
                    int ra = cl[x - 1];
                    for (int j = 0; j < len; j++) {
                        cl[x + j] = ra;
                    }
                }
                x += len;
                if (x > w) {
                    runIndex[0] = ri;
                    break;
                }
                for (int i = 0; i < nComp; i++) {
                    int[] cl = cur[i];
                    int ra = cl[x - 1];
                    int rb = prev[i][x];
                    int e = decodeInterruptionError(0, ri);
                    cl[x] = reconstruct(rb, rb < ra ? -e : e);
                }
                runIndex[0] = ri > 0 ? ri - 1 : 0;
                x++;
            }
        }
    }
}
