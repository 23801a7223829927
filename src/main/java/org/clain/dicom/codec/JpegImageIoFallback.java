package org.clain.dicom.codec;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a JPEG codestream through the Image I/O readers on the class path (TwelveMonkeys'
 * JPEGImageReader first, which hands DCT processes to the JDK's libjpeg-based reader), for the
 * processes {@link JpegDecoder} does not implement; in practice 8-bit SOF2 progressive.
 *
 * <p>It reads the {@link Raster}, not a BufferedImage, so samples stay in the stored colour space
 * (no YCbCr to RGB conversion), matching {@link JpegDecoder}'s output convention.
 */
final class JpegImageIoFallback {
    private JpegImageIoFallback() {
    }

    static DecodedImage decode(byte[] data, int offset, int length) throws CodecException {
        return decode(data, offset, length, JpegDecoder.MAX_SAMPLES);
    }

    /** Refuses a frame header declaring more than {@code maxSamples} samples before Image I/O reads it. */
    static DecodedImage decode(byte[] data, int offset, int length, long maxSamples) throws CodecException {
        int[] sof = frameHeader(data, offset, length);
        int precision = sof[0];
        long declared = (long) sof[1] * sof[2] * sof[3];
        if (sof[1] == 0 || declared > maxSamples) {
            throw new CodecException("JPEG fallback: frame header declares " + sof[2] + "x" + sof[1] + "x" + sof[3]
                    + " samples" + (sof[1] == 0 ? " (height from DNL)" : "") + ", more than the " + maxSamples
                    + " samples expected");
        }
        // in-memory stream: ImageIO.createImageInputStream could cache through a temporary file
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data, offset, length))) {
            ImageReader reader = pickReader(in);
            if (reader == null) {
                throw new CodecException("JPEG fallback: no Image I/O reader for this codestream");
            }
            try {
                reader.setInput(in, true, true);
                Raster r = reader.readRaster(0, null);
                int w = r.getWidth();
                int h = r.getHeight();
                int bands = r.getNumBands();
                if ((long) w * h * bands > JpegDecoder.MAX_SAMPLES) {
                    throw new CodecException("JPEG fallback: " + w + "x" + h + "x" + bands + " exceeds the limit");
                }
                int[] samples = r.getPixels(r.getMinX(), r.getMinY(), w, h, (int[]) null);
                return new DecodedImage(w, h, bands, precision, samples);
            } finally {
                reader.dispose();
            }
        } catch (CodecException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CodecException("JPEG fallback (Image I/O) failed: " + e.getMessage(), e);
        }
    }

    private static ImageReader pickReader(ImageInputStream in) {
        ImageReader first = null;
        Iterator<ImageReader> it = ImageIO.getImageReaders(in);
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys.")) {
                if (first != null) {
                    first.dispose();
                }
                return r;
            }
            if (first == null) {
                first = r;
            } else {
                r.dispose();
            }
        }
        return first;
    }

    /** P, Y, X and Nf of the first SOFn marker segment (T.81 B.2.2), found by walking the marker segments. */
    static int[] frameHeader(byte[] d, int offset, int length) throws CodecException {
        int end = offset + length;
        int p = offset + 2;
        while (p + 4 <= end) {
            if ((d[p] & 0xFF) != 0xFF) {
                p++;
                continue;
            }
            int m = d[p + 1] & 0xFF;
            if (m == 0xFF || m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
                p += m == 0xFF ? 1 : 2;
                continue;
            }
            int len = ((d[p + 2] & 0xFF) << 8) | (d[p + 3] & 0xFF);
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && p + 9 < end) {
                return new int[] {d[p + 4] & 0xFF, ((d[p + 5] & 0xFF) << 8) | (d[p + 6] & 0xFF),
                    ((d[p + 7] & 0xFF) << 8) | (d[p + 8] & 0xFF), d[p + 9] & 0xFF};
            }
            if (m == 0xDA || m == 0xD9 || len < 2) {
                break;
            }
            p += 2 + len;
        }
        throw new CodecException("JPEG fallback: no frame header found");
    }
}
