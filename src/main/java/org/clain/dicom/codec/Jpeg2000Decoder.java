package org.clain.dicom.codec;

import com.github.jaiimageio.jpeg2000.J2KImageReadParam;
import com.github.jaiimageio.jpeg2000.impl.IISRandomAccessIO;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReadParamJava;

import java.awt.Point;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;

import javax.imageio.stream.MemoryCacheImageInputStream;

import jj2000.j2k.codestream.HeaderInfo;
import jj2000.j2k.codestream.reader.BitstreamReaderAgent;
import jj2000.j2k.codestream.reader.HeaderDecoder;
import jj2000.j2k.decoder.DecoderSpecs;
import jj2000.j2k.entropy.decoder.EntropyDecoder;
import jj2000.j2k.image.DataBlk;
import jj2000.j2k.image.DataBlkFloat;
import jj2000.j2k.image.DataBlkInt;
import jj2000.j2k.image.invcomptransf.InvCompTransf;
import jj2000.j2k.io.RandomAccessIO;
import jj2000.j2k.quantization.dequantizer.Dequantizer;
import jj2000.j2k.roi.ROIDeScaler;
import jj2000.j2k.util.FacilityManager;
import jj2000.j2k.util.MsgLogger;
import jj2000.j2k.wavelet.synthesis.InverseWT;
import jj2000.j2k.wavelet.synthesis.SubbandSyn;

/**
 * JPEG 2000 Part 1 decoding (DICOM transfer syntaxes 1.2.840.10008.1.2.4.90 / .91 and the
 * Part 2 multi-component variants that only use Part 1 tools) through jai-imageio-jpeg2000
 * (JJ2000).
 *
 * <p>The main header is parsed here first: the SIZ marker gives the geometry, the bit depth
 * and the signedness of every component, absurd sizes are rejected before anything is
 * allocated, and High-Throughput JPEG 2000 (Part 15, CAP marker / Rsiz bit 14) is refused
 * with a clear message because JJ2000 cannot decode HT code-blocks. Only the bare codestream
 * is handed to JJ2000 (a JP2 wrapper is stripped), so no JP2 colour specification, palette
 * or channel definition box is applied: the samples are what the codestream holds after its
 * own inverse multiple-component transform (RCT/ICT, so YBR_RCT / YBR_ICT come back as RGB).
 *
 * <p>Decoding runs JJ2000's decoding chain (see {@link #decodeWithJj2000Chain}) up to the
 * dequantized subbands, then Clain's inverse 9-7 wavelet ({@link Jpeg2000Irreversible}), inverse
 * component transform and level shift, which match the reference decompressions and OpenJPEG
 * sample for sample (J2KImageReader was one grey level off about one sample in 500 on lossy
 * streams, rounded negative ICT values toward zero, and clamped an unsigned component after a
 * signed one to the signed range). Signed components come back sign-extended, unsigned ones
 * non-negative. A wrong TNsot (tile-part count) in SOT markers, which makes JJ2000 drop
 * tile-parts, is repaired on a copy of the codestream first ({@link Jpeg2000Guards}, with the other
 * defences around JJ2000).
 *
 * <p>Thread-safe: every call builds its own decoding chain.
 */
public final class Jpeg2000Decoder {
    /** Largest number of samples (width * height * components) accepted. */
    public static final long MAX_SAMPLES = 1L << 28;

    static final int SOC = 0xFF4F;
    static final int SIZ = 0xFF51;
    static final int CAP = 0xFF50;
    static final int SOT = 0xFF90;
    static final int COD = 0xFF52;
    static final int EOC = 0xFFD9;
    private static final int JP2_SIGNATURE_BOX = 0x6A502020; // 'jP  '
    private static final int JP2C = 0x6A703263; // 'jp2c'

    /**
     * JJ2000 reports warnings through a global default logger, which prints to stdout/stderr
     * until a J2KImageReader registers itself (quiet unless -Djj2000.j2k.decoder.log=true);
     * the decoding chain used for ICT streams creates no reader, so install a quiet one.
     */
    private static final MsgLogger QUIET = new MsgLogger() {
        @Override
        public void printmsg(int severity, String message) {
        }

        @Override
        public void println(String message, int firstLineIndent, int indent) {
        }

        @Override
        public void flush() {
        }
    };

    static {
        FacilityManager.registerMsgLogger(null, QUIET);
    }

    private Jpeg2000Decoder() {
    }

    /** What the main header of a codestream says. */
    public record Header(int codestreamOffset, int codestreamLength, int width, int height,
                         int components, int[] bitDepth, boolean[] signed, boolean highThroughput,
                         int firstTilePart) {
        public int maxBitDepth() {
            int max = 0;
            for (int d : bitDepth) {
                max = Math.max(max, d);
            }
            return max;
        }
    }

    /**
     * Decodes one JPEG 2000 codestream, or a JP2 file, held in {@code data[offset, offset+length)}.
     *
     * @return pixel-interleaved samples; precision = the largest component bit depth in SIZ;
     *         signed components as signed ints
     * @throws CodecException if the data is not decodable; no RuntimeException escapes
     */
    public static DecodedImage decode(byte[] data, int offset, int length) throws CodecException {
        return decode(data, offset, length, MAX_SAMPLES);
    }

    /**
     * As {@link #decode(byte[], int, int)}, refusing before decoding a codestream whose SIZ declares
     * more than {@code maxSamples} samples (width x height x components): the caller's bound, e.g.
     * what the DICOM header declares for the frame.
     */
    public static DecodedImage decode(byte[] data, int offset, int length, long maxSamples) throws CodecException {
        if (data == null) {
            throw new CodecException("JPEG 2000: no data");
        }
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new CodecException("JPEG 2000: range [" + offset + ", +" + length + ") outside a buffer of "
                    + data.length + " bytes");
        }
        Header h = readHeader(data, offset, length);
        if ((long) h.width() * h.height() * h.components() > maxSamples) {
            throw new CodecException("JPEG 2000: SIZ declares " + h.width() + "x" + h.height() + "x" + h.components()
                    + " samples, more than the " + maxSamples + " samples expected");
        }
        if (h.highThroughput()) {
            throw new CodecException("JPEG 2000: HTJ2K not supported (High-Throughput JPEG 2000, Part 15 "
                    + "codestream: CAP marker / Rsiz bit 14); no Java HTJ2K decoder is available");
        }
        Jpeg2000Guards.refuseWhatJj2000LoopsOn(data, h);
        try {
            return decodeWithJj2000Chain(data, h);
        } catch (CodecException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CodecException("JPEG 2000: decoder failed on " + h.width() + "x" + h.height() + "x"
                    + h.components() + " codestream: " + describe(e), e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // corrupt streams can drive JJ2000 into huge allocations or deep recursion
            throw new CodecException("JPEG 2000: decoder failed (" + e.getClass().getSimpleName() + ") on "
                    + h.width() + "x" + h.height() + "x" + h.components() + " codestream", e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // JJ2000 signals some unsupported features and corruptions with Errors; on an
            // unexpected end of data it even prints a stack trace to stderr and throws ThreadDeath
            throw new CodecException("JPEG 2000: decoder failed on " + h.width() + "x" + h.height() + "x"
                    + h.components() + " codestream: " + describe(e), e);
        }
    }

    /**
     * Decodes through JJ2000's own decoding chain (the one J2KImageReader builds internally) up
     * to the dequantized subbands, with the inverse 9-7 wavelet, the inverse component transform
     * and the DC level shift done here.
     *
     * <p>J2KImageReader itself is not used: its J2KReadState clamps every component after the
     * first signed one to the signed range; its inverse ICT rounds with {@code (int) (x + 0.5f)},
     * i.e. toward zero for negative values, so nearly every sample below the level-shift midpoint
     * came back 1 too high (the mean of US1_J2KI 0.89 too high); its 9-7 synthesis differs from
     * the reference decompressions (see {@link Jpeg2000Irreversible}); and it offers no look at
     * the packet headers before code-block buffers are allocated from them (see
     * {@link Jpeg2000Guards#checkDeclaredLengths}). Here the inverse ICT is computed in float, in the order
     * OpenJPEG uses, and rounded to nearest-even before the DC level shift and clamping. The
     * inverse RCT and untransformed reversible components are handled as JJ2000 does.
     */
    static DecodedImage decodeWithJj2000Chain(byte[] data, Header h) throws IOException {
        int w = h.width();
        int ht = h.height();
        int nc = h.components();
        byte[] src = data;
        int csOffset = h.codestreamOffset();
        byte[] repaired = Jpeg2000Guards.repairTilePartCounts(data, h);
        if (repaired != null) {
            src = repaired;
            csOffset = 0;
        }
        try (MemoryCacheImageInputStream iis = new StrictImageInputStream(src, csOffset, h.codestreamLength())) {
            J2KImageReadParamJava param = new J2KImageReadParamJava(new J2KImageReadParam());
            RandomAccessIO in = new IISRandomAccessIO(iis);
            HeaderInfo hi = new HeaderInfo();
            HeaderDecoder hd = new HeaderDecoder(in, param, hi);
            DecoderSpecs specs = hd.getDecoderSpecs();
            if (hd.getNumComps() != nc || hd.getImgWidth() != w || hd.getImgHeight() != ht) {
                throw new CodecException("JPEG 2000: decoder read a different SIZ (" + hd.getImgWidth() + "x"
                        + hd.getImgHeight() + "x" + hd.getNumComps() + ")");
            }
            int[] depth = new int[nc];
            for (int c = 0; c < nc; c++) {
                depth[c] = hd.getOriginalBitDepth(c);
            }
            BitstreamReaderAgent breader = BitstreamReaderAgent.createInstance(in, hd, param, specs, false, hi);
            EntropyDecoder entdec = hd.createEntropyDecoder(breader, param);
            ROIDeScaler roids = hd.createROIDeScaler(entdec, param, specs);
            Dequantizer deq = hd.createDequantizer(roids, depth, specs);
            InverseWT invWT = InverseWT.createInstance(deq, specs);
            invWT.setImgResLevel(breader.getImgRes());

            int[] out = new int[w * ht * nc];
            int[] shift = new int[nc];
            int[] min = new int[nc];
            int[] max = new int[nc];
            for (int c = 0; c < nc; c++) {
                int d = h.bitDepth()[c];
                if (h.signed()[c]) {
                    shift[c] = 0;
                    min[c] = (int) -(1L << (d - 1));
                    max[c] = (int) ((1L << (d - 1)) - 1);
                } else {
                    shift[c] = (int) (1L << (d - 1));
                    min[c] = 0;
                    max[c] = (int) ((1L << d) - 1);
                }
            }
            int imgUlx = invWT.getImgULX();
            int imgUly = invWT.getImgULY();
            Point tiles = invWT.getNumTiles(null);
            DataBlk[] blocks = new DataBlk[nc];
            for (int ty = 0; ty < tiles.y; ty++) {
                for (int tx = 0; tx < tiles.x; tx++) {
                    invWT.setTile(tx, ty);
                    int t = invWT.getTileIdx();
                    Jpeg2000Guards.checkDeclaredLengths(breader, h.codestreamLength(), t);
                    int tw = invWT.getTileCompWidth(t, 0);
                    int th = invWT.getTileCompHeight(t, 0);
                    int x0 = invWT.getCompULX(0) - imgUlx;
                    int y0 = invWT.getCompULY(0) - imgUly;
                    if (x0 < 0 || y0 < 0 || x0 + tw > w || y0 + th > ht) {
                        throw new CodecException("JPEG 2000: tile " + t + " (" + x0 + "," + y0 + " " + tw + "x" + th
                                + ") outside the " + w + "x" + ht + " image");
                    }
                    if (tw == 0 || th == 0) {
                        continue;
                    }
                    for (int c = 0; c < nc; c++) {
                        if (invWT.getTileCompWidth(t, c) != tw || invWT.getTileCompHeight(t, c) != th) {
                            throw new CodecException("JPEG 2000: tile " + t + " component " + c + " size differs");
                        }
                        if (specs.wfs.isReversible(t, c)) {
                            blocks[c] = invWT.getInternCompData(new DataBlkInt(0, 0, tw, th), c);
                        } else {
                            blocks[c] = irreversible(deq, t, c, tw, th);
                        }
                    }
                    int mct = InvCompTransf.NONE;
                    if (nc >= 3 && ((Integer) specs.cts.getTileDef(t)).intValue() != InvCompTransf.NONE) {
                        int rev = 0;
                        for (int c = 0; c < 3; c++) {
                            rev += specs.wfs.isReversible(t, c) ? 1 : 0;
                        }
                        if (rev == 3) {
                            mct = InvCompTransf.INV_RCT;
                        } else if (rev == 0) {
                            mct = InvCompTransf.INV_ICT;
                        } else {
                            throw new CodecException("JPEG 2000: tile " + t
                                    + " mixes reversible and irreversible wavelets under a component transform");
                        }
                    }
                    int first = 0;
                    if (mct == InvCompTransf.INV_ICT) {
                        inverseIct(blocks, tw, th, out, w, nc, x0, y0, shift, min, max);
                        first = 3;
                    } else if (mct == InvCompTransf.INV_RCT) {
                        inverseRct(blocks, tw, th, out, w, nc, x0, y0, shift, min, max,
                                new int[] {invWT.getFixedPoint(0), invWT.getFixedPoint(1), invWT.getFixedPoint(2)});
                        first = 3;
                    }
                    for (int c = first; c < nc; c++) {
                        copyComponent(blocks[c], invWT.getFixedPoint(c), tw, th, out, w, nc, c, x0, y0,
                                shift[c], min[c], max[c]);
                    }
                }
            }
            return new DecodedImage(w, ht, nc, h.maxBitDepth(), out);
        }
    }

    /** A 9-7 tile-component through {@link Jpeg2000Irreversible} rather than JJ2000's synthesis. */
    private static DataBlk irreversible(Dequantizer deq, int t, int c, int tw, int th) throws CodecException {
        SubbandSyn root = deq.getSynSubbandTree(t, c);
        if (root.w != tw || root.h != th) {
            throw new CodecException("JPEG 2000: tile " + t + " component " + c + " subbands span " + root.w + "x"
                    + root.h + ", not " + tw + "x" + th);
        }
        DataBlkFloat b = new DataBlkFloat();
        b.w = tw;
        b.h = th;
        b.scanw = tw;
        b.setData(Jpeg2000Irreversible.tileComponent(deq, c, root));
        return b;
    }

    private static void inverseIct(DataBlk[] b, int tw, int th, int[] out, int w, int nc, int x0, int y0,
                                   int[] shift, int[] min, int[] max) throws CodecException {
        if (!(b[0] instanceof DataBlkFloat && b[1] instanceof DataBlkFloat && b[2] instanceof DataBlkFloat)) {
            throw new CodecException("JPEG 2000: irreversible component transform on non-float wavelet data");
        }
        float[] yd = (float[]) b[0].getData();
        float[] ud = (float[]) b[1].getData();
        float[] vd = (float[]) b[2].getData();
        for (int j = 0; j < th; j++) {
            int ky = b[0].offset + j * b[0].scanw;
            int ku = b[1].offset + j * b[1].scanw;
            int kv = b[2].offset + j * b[2].scanw;
            int o = ((y0 + j) * w + x0) * nc;
            for (int i = 0; i < tw; i++, o += nc) {
                float y = yd[ky + i];
                float u = ud[ku + i];
                float v = vd[kv + i];
                float r = y + v * 1.402f;
                float g = y - u * 0.34413f - v * 0.71414f;
                float bl = y + u * 1.772f;
                out[o] = clamp((int) Math.rint(r) + shift[0], min[0], max[0]);
                out[o + 1] = clamp((int) Math.rint(g) + shift[1], min[1], max[1]);
                out[o + 2] = clamp((int) Math.rint(bl) + shift[2], min[2], max[2]);
            }
        }
    }

    private static void inverseRct(DataBlk[] b, int tw, int th, int[] out, int w, int nc, int x0, int y0,
                                   int[] shift, int[] min, int[] max, int[] fp) throws CodecException {
        if (!(b[0] instanceof DataBlkInt && b[1] instanceof DataBlkInt && b[2] instanceof DataBlkInt)) {
            throw new CodecException("JPEG 2000: reversible component transform on non-integer wavelet data");
        }
        int[] yd = (int[]) b[0].getData();
        int[] ud = (int[]) b[1].getData();
        int[] vd = (int[]) b[2].getData();
        for (int j = 0; j < th; j++) {
            int ky = b[0].offset + j * b[0].scanw;
            int ku = b[1].offset + j * b[1].scanw;
            int kv = b[2].offset + j * b[2].scanw;
            int o = ((y0 + j) * w + x0) * nc;
            for (int i = 0; i < tw; i++, o += nc) {
                int y = yd[ky + i] >> fp[0];
                int u = ud[ku + i] >> fp[1];
                int v = vd[kv + i] >> fp[2];
                int g = y - ((u + v) >> 2);
                out[o] = clamp(v + g + shift[0], min[0], max[0]);
                out[o + 1] = clamp(g + shift[1], min[1], max[1]);
                out[o + 2] = clamp(u + g + shift[2], min[2], max[2]);
            }
        }
    }

    private static void copyComponent(DataBlk b, int fp, int tw, int th, int[] out, int w, int nc, int c,
                                      int x0, int y0, int shift, int min, int max) throws CodecException {
        if (b instanceof DataBlkInt) {
            int[] d = (int[]) b.getData();
            for (int j = 0; j < th; j++) {
                int k = b.offset + j * b.scanw;
                int o = ((y0 + j) * w + x0) * nc + c;
                for (int i = 0; i < tw; i++, o += nc) {
                    out[o] = clamp((d[k + i] >> fp) + shift, min, max);
                }
            }
        } else if (b instanceof DataBlkFloat) {
            float[] d = (float[]) b.getData();
            for (int j = 0; j < th; j++) {
                int k = b.offset + j * b.scanw;
                int o = ((y0 + j) * w + x0) * nc + c;
                for (int i = 0; i < tw; i++, o += nc) {
                    out[o] = clamp((int) Math.rint(d[k + i]) + shift, min, max);
                }
            }
        } else {
            throw new CodecException("JPEG 2000: unexpected wavelet data type " + b.getDataType());
        }
    }

    private static int clamp(int v, int min, int max) {
        return v < min ? min : (v > max ? max : v);
    }

    /**
     * Locates the codestream (bare, or in the 'jp2c' box of a JP2 file) and parses its main
     * header up to the first tile-part. Checks sizes against {@link #MAX_SAMPLES}.
     */
    public static Header readHeader(byte[] data, int offset, int length) throws CodecException {
        if (data == null || offset < 0 || length < 0 || offset > data.length - length) {
            throw new CodecException("JPEG 2000: invalid buffer range");
        }
        int start = offset;
        int end = offset + length;
        if (length >= 12 && u32(data, offset + 4) == JP2_SIGNATURE_BOX) {
            long[] cs = findJp2Codestream(data, offset, end);
            start = (int) cs[0];
            end = (int) cs[1];
        }
        if (end - start < 4 || u16(data, start) != SOC) {
            throw new CodecException("JPEG 2000: no SOC marker (FF4F) at the start of the codestream; first bytes "
                    + HexFormat.of().formatHex(data, start, Math.min(end, start + 8)));
        }
        if (u16(data, start + 2) != SIZ) {
            throw new CodecException("JPEG 2000: SIZ marker (FF51) must follow SOC; found "
                    + Integer.toHexString(u16(data, start + 2)));
        }
        int p = start + 4;
        if (end - p < 40) {
            throw new CodecException("JPEG 2000: truncated SIZ marker segment");
        }
        int lsiz = u16(data, p);
        int rsiz = u16(data, p + 2);
        long xsiz = u32(data, p + 4);
        long ysiz = u32(data, p + 8);
        long xosiz = u32(data, p + 12);
        long yosiz = u32(data, p + 16);
        long xtsiz = u32(data, p + 20);
        long ytsiz = u32(data, p + 24);
        long xtosiz = u32(data, p + 28);
        long ytosiz = u32(data, p + 32);
        int csiz = u16(data, p + 36);
        if (csiz < 1 || csiz > 16384) {
            throw new CodecException("JPEG 2000: SIZ declares " + csiz + " components");
        }
        if (lsiz != 38 + 3 * csiz || end - p < lsiz) {
            throw new CodecException("JPEG 2000: SIZ length " + lsiz + " inconsistent with " + csiz
                    + " components or with the " + (end - p) + " bytes left");
        }
        long w = xsiz - xosiz;
        long ht = ysiz - yosiz;
        if (xsiz <= xosiz || ysiz <= yosiz || xtsiz == 0 || ytsiz == 0) {
            throw new CodecException("JPEG 2000: SIZ declares an empty image or tile: Xsiz=" + xsiz + " Ysiz="
                    + ysiz + " XOsiz=" + xosiz + " YOsiz=" + yosiz + " XTsiz=" + xtsiz + " YTsiz=" + ytsiz);
        }
        if (w * ht * csiz > MAX_SAMPLES || w > Integer.MAX_VALUE || ht > Integer.MAX_VALUE) {
            throw new CodecException("JPEG 2000: SIZ declares " + w + "x" + ht + "x" + csiz
                    + " samples, over the limit of " + MAX_SAMPLES);
        }
        int[] depth = new int[csiz];
        boolean[] signed = new boolean[csiz];
        for (int c = 0; c < csiz; c++) {
            int ssiz = data[p + 38 + 3 * c] & 0xFF;
            int xr = data[p + 39 + 3 * c] & 0xFF;
            int yr = data[p + 40 + 3 * c] & 0xFF;
            depth[c] = (ssiz & 0x7F) + 1;
            signed[c] = (ssiz & 0x80) != 0;
            if (depth[c] > 38) {
                throw new CodecException("JPEG 2000: component " + c + " bit depth " + depth[c] + " is invalid");
            }
            if (depth[c] > 32 || (depth[c] == 32 && !signed[c])) {
                throw new CodecException("JPEG 2000: component " + c + " has " + depth[c] + " bits"
                        + (signed[c] ? " signed" : " unsigned") + ", not supported");
            }
            if (xr != 1 || yr != 1) {
                throw new CodecException("JPEG 2000: component " + c + " is subsampled (" + xr + "x" + yr
                        + "), not supported");
            }
        }
        // walk the rest of the main header (to the first SOT) looking for CAP
        boolean ht2k = (rsiz & 0x4000) != 0;
        int q = p + lsiz;
        int firstSot = -1;
        while (q + 4 <= end) {
            int marker = u16(data, q);
            if (marker == SOT) {
                firstSot = q;
                break;
            }
            if (marker == EOC || (marker & 0xFF00) != 0xFF00) {
                break;
            }
            if (marker == CAP) {
                ht2k = true;
                break;
            }
            int len = u16(data, q + 2);
            if (len < 2) {
                break;
            }
            q += 2 + len;
        }
        long tiles = ((xsiz - xtosiz + xtsiz - 1) / xtsiz) * ((ysiz - ytosiz + ytsiz - 1) / ytsiz);
        if (xtosiz > xosiz || ytosiz > yosiz || xtosiz + xtsiz <= xosiz || ytosiz + ytsiz <= yosiz) {
            throw new CodecException("JPEG 2000: SIZ tile grid origin " + xtosiz + "," + ytosiz
                    + " inconsistent with image origin " + xosiz + "," + yosiz);
        }
        if (tiles > 65535) {
            throw new CodecException("JPEG 2000: SIZ declares " + tiles + " tiles, more than 65535");
        }
        return new Header(start, end - start, (int) w, (int) ht, csiz, depth, signed, ht2k, firstSot);
    }

    /** Returns {start, end} of the contiguous codestream in the first 'jp2c' box. */
    private static long[] findJp2Codestream(byte[] data, int offset, int end) throws CodecException {
        long p = offset;
        while (p + 8 <= end) {
            long lbox = u32(data, (int) p);
            int tbox = (int) u32(data, (int) p + 4);
            long header = 8;
            if (lbox == 1) {
                if (p + 16 > end) {
                    break;
                }
                long xl = ((long) u32(data, (int) p + 8) << 32) | u32(data, (int) p + 12);
                lbox = xl;
                header = 16;
            } else if (lbox == 0) {
                lbox = end - p;
            }
            if (lbox < header) {
                throw new CodecException("JPEG 2000: JP2 box at " + (p - offset) + " has invalid length " + lbox);
            }
            if (tbox == JP2C) {
                long csEnd = Math.min(end, p + lbox);
                return new long[] {p + header, csEnd};
            }
            p += lbox;
        }
        throw new CodecException("JPEG 2000: JP2 file without a contiguous codestream ('jp2c') box");
    }

    /**
     * The codestream as an ImageInputStream whose single-byte {@code read()} throws EOFException
     * at the end instead of returning -1. JJ2000's RandomAccessIO contract is EOFException, but
     * jai-imageio's IISRandomAccessIO passes the -1 on; JJ2000's packet header bit reader then
     * reads it as 0xFFFFFFFF, all one bits, and loops for minutes on a truncated codestream (found
     * by fuzzing: DicomReaderFuzzTestInputs/readAndDecodeFrames/timeout-d8253d50...). With the
     * EOFException JJ2000 drops the code-blocks it could not read, as it does for its own files.
     */
    static final class StrictImageInputStream extends MemoryCacheImageInputStream {
        StrictImageInputStream(byte[] data, int offset, int length) {
            super(new ByteArrayInputStream(data, offset, length));
        }

        /** Position of the last 0xFF byte read() returned. */
        private long lastFf = -2;

        @Override
        public int read() throws IOException {
            long at = getStreamPosition();
            int b = super.read();
            if (b < 0) {
                throw new java.io.EOFException("end of the JPEG 2000 codestream");
            }
            if (b == 0xFF) {
                // the packet header bit reader reads byte by byte; FF FF is where it would loop for good
                // (Jpeg2000Guards.refuseWhatJj2000LoopsOn refuses those streams first; this is the backstop)
                if (lastFf == at - 1) {
                    throw new java.io.EOFException("FF FF in JPEG 2000 packet data at " + at);
                }
                lastFf = at;
            }
            return b;
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        Throwable t = e;
        for (int i = 0; t != null && i < 4; i++, t = t.getCause()) {
            if (i > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage().replace('\n', ' ').strip());
            }
        }
        return sb.toString();
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }
}
