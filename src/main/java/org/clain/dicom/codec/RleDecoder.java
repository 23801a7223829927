package org.clain.dicom.codec;

import java.util.function.Consumer;

/**
 * DICOM RLE Lossless (transfer syntax 1.2.840.10008.1.2.5, PS3.5 Annex G) decoding of one frame.
 *
 * <p>A frame is a 64-byte header (number of segments, then 15 little-endian segment offsets)
 * followed by the segments, each a PackBits-style byte stream. There is one segment per
 * byte of each sample: for every sample (in order) its most significant byte first
 * (G.2), so 16-bit RGB has the six segments R-hi, R-lo, G-hi, G-lo, B-hi, B-lo.
 *
 * <p>Every write is bounded by rows*columns: a segment that decodes to more bytes is
 * truncated; one that decodes to fewer is padded with 0 (tolerated, as DCMTK does) and
 * reported through the optional warning consumer and {@link System.Logger}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RleDecoder {
    /** Largest number of samples (rows * columns * samplesPerPixel) accepted. */
    public static final long MAX_SAMPLES = 1L << 28;

    private static final System.Logger LOG = System.getLogger(RleDecoder.class.getName());

    private RleDecoder() {
    }

    /**
     * Decodes one RLE frame held in {@code data[offset, offset+length)}.
     *
     * @return pixel-interleaved samples as unsigned values of {@code bitsAllocated} bits
     *         (for 32 bits, the int's bit pattern; read with {@link Integer#toUnsignedLong});
     *         precision = bitsAllocated
     */
    public static DecodedImage decode(byte[] data, int offset, int length, int rows, int columns,
                                      int samplesPerPixel, int bitsAllocated) throws CodecException {
        return decode(data, offset, length, rows, columns, samplesPerPixel, bitsAllocated, null);
    }

    /**
     * As {@link #decode(byte[], int, int, int, int, int, int)}; tolerated defects (segments that
     * decode short or long) are also passed to {@code warnings} when it is not null.
     */
    public static DecodedImage decode(byte[] data, int offset, int length, int rows, int columns,
                                      int samplesPerPixel, int bitsAllocated, Consumer<String> warnings)
            throws CodecException {
        if (data == null) {
            throw new CodecException("RLE: no data");
        }
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new CodecException("RLE: range [" + offset + ", +" + length + ") outside a buffer of "
                    + data.length + " bytes");
        }
        if (rows <= 0 || columns <= 0 || samplesPerPixel <= 0) {
            throw new CodecException("RLE: invalid image size " + rows + "x" + columns + "x" + samplesPerPixel);
        }
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new CodecException("RLE: Bits Allocated " + bitsAllocated + " not supported (8, 16 or 32)");
        }
        long pixelsLong = (long) rows * columns;
        if (pixelsLong * samplesPerPixel > MAX_SAMPLES) {
            throw new CodecException("RLE: " + rows + "x" + columns + "x" + samplesPerPixel
                    + " samples, over the limit of " + MAX_SAMPLES);
        }
        int bytesPerSample = bitsAllocated / 8;
        int expectedSegments = samplesPerPixel * bytesPerSample;
        if (expectedSegments > 15) {
            throw new CodecException("RLE: " + samplesPerPixel + " samples of " + bitsAllocated
                    + " bits need " + expectedSegments + " segments, more than the 15 allowed");
        }
        if (length < 64) {
            throw new CodecException("RLE: frame of " + length + " bytes is shorter than the 64-byte header");
        }
        int segments = le32(data, offset);
        if (segments != expectedSegments) {
            throw new CodecException("RLE: header declares " + Integer.toUnsignedString(segments)
                    + " segments, expected " + expectedSegments + " (" + samplesPerPixel + " samples x "
                    + bytesPerSample + " bytes)");
        }
        int[] starts = new int[segments + 1];
        for (int s = 0; s < segments; s++) {
            long off = le32(data, offset + 4 + 4 * s) & 0xFFFFFFFFL;
            if (off < 64 || off > length) {
                throw new CodecException("RLE: segment " + s + " offset " + off + " outside the frame (64.."
                        + length + ")");
            }
            if (s > 0 && off < starts[s - 1]) {
                throw new CodecException("RLE: segment " + s + " offset " + off + " precedes segment " + (s - 1)
                        + " offset " + starts[s - 1]);
            }
            starts[s] = (int) off;
        }
        starts[segments] = length;

        int pixels = (int) pixelsLong;
        int[] out = new int[pixels * samplesPerPixel];
        byte[] buf = new byte[pixels];
        StringBuilder notes = null;
        for (int s = 0; s < segments; s++) {
            int sample = s / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample);
            long status = unpack(data, offset + starts[s], offset + starts[s + 1], buf, pixels);
            int produced = (int) status;
            boolean overflow = (status >>> 32) != 0;
            if (produced < pixels) {
                java.util.Arrays.fill(buf, produced, pixels, (byte) 0);
                notes = note(notes, "segment " + s + " decoded to " + produced + " of " + pixels
                        + " bytes, padded with 0");
            } else if (overflow) {
                notes = note(notes, "segment " + s + " decodes to more than " + pixels + " bytes, truncated");
            }
            if (samplesPerPixel == 1 && bytesPerSample == 1) {
                for (int i = 0; i < pixels; i++) {
                    out[i] = buf[i] & 0xFF;
                }
            } else if (samplesPerPixel == 1) {
                for (int i = 0; i < pixels; i++) {
                    out[i] |= (buf[i] & 0xFF) << shift;
                }
            } else {
                for (int i = 0, j = sample; i < pixels; i++, j += samplesPerPixel) {
                    out[j] |= (buf[i] & 0xFF) << shift;
                }
            }
        }
        if (notes != null) {
            String msg = "RLE " + rows + "x" + columns + "x" + samplesPerPixel + " " + bitsAllocated + "-bit frame: "
                    + notes;
            if (warnings != null) {
                warnings.accept(msg);
            }
            LOG.log(System.Logger.Level.DEBUG, msg);
        }
        return new DecodedImage(columns, rows, samplesPerPixel, bitsAllocated, out);
    }

    /**
     * PackBits-decodes {@code src[pos, end)} into {@code dst[0, max)}. Returns the number of
     * bytes written in the low 32 bits, and 1 in the high 32 bits if the segment held more.
     */
    private static long unpack(byte[] src, int pos, int end, byte[] dst, int max) {
        int o = 0;
        boolean overflow = false;
        while (pos < end) {
            int n = src[pos++];
            if (n >= 0) {
                int count = n + 1;
                int avail = Math.min(count, end - pos);
                int room = max - o;
                int copy = Math.min(avail, room);
                System.arraycopy(src, pos, dst, o, copy);
                o += copy;
                pos += avail;
                if (copy < avail) {
                    overflow = true;
                    break;
                }
            } else if (n != -128) {
                if (pos >= end) {
                    break;
                }
                int count = 1 - n;
                byte v = src[pos++];
                int room = max - o;
                if (count > room) {
                    count = room;
                    overflow = true;
                }
                int stop = o + count;
                while (o < stop) {
                    dst[o++] = v;
                }
                if (overflow) {
                    break;
                }
            }
            if (o == max) {
                overflow = producesMore(src, pos, end);
                break;
            }
        }
        return ((overflow ? 1L : 0L) << 32) | o;
    }

    /** True if {@code src[pos, end)} would still decode to at least one byte (not just padding / no-ops). */
    private static boolean producesMore(byte[] src, int pos, int end) {
        while (pos < end) {
            int n = src[pos++];
            if (n != -128) {
                return pos < end;
            }
        }
        return false;
    }

    private static StringBuilder note(StringBuilder sb, String s) {
        if (sb == null) {
            return new StringBuilder(s);
        }
        return sb.append("; ").append(s);
    }

    private static int le32(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16) | ((b[i + 3] & 0xFF) << 24);
    }
}
