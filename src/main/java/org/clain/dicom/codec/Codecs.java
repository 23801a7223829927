package org.clain.dicom.codec;

import org.clain.dicom.ImagePixel;
import org.clain.dicom.TransferSyntax;

/** Chooses the decoder for a compressed transfer syntax. */
public final class Codecs {
    private Codecs() {
    }

    /**
     * Decodes one frame; a codestream declaring more samples than the DICOM header's frame
     * (rows x columns x samples per pixel) is refused before any sample buffer is allocated.
     */
    public static DecodedImage decode(TransferSyntax ts, byte[] data, ImagePixel pixel) throws CodecException {
        return decode(ts, data, pixel, null);
    }

    /**
     * @param reuse an array the decoder may return the samples in when it is large enough (its
     *              contents are overwritten); null for a new array
     */
    public static DecodedImage decode(TransferSyntax ts, byte[] data, ImagePixel pixel, int[] reuse)
            throws CodecException {
        long samples = pixel.samplesPerFrame();
        return switch (ts) {
            case JPEG_BASELINE, JPEG_EXTENDED, JPEG_SPECTRAL_SELECTION, JPEG_FULL_PROGRESSION, JPEG_LOSSLESS,
                 JPEG_LOSSLESS_SV1 ->
                    JpegDecoder.decode(data, 0, data.length, samples, reuse);
            case JPEG_LS_LOSSLESS, JPEG_LS_NEAR_LOSSLESS -> JpegLsDecoder.decode(data, 0, data.length, samples);
            case JPEG_2000_LOSSLESS, JPEG_2000, HTJ2K, HTJ2K_LOSSLESS, HTJ2K_LOSSLESS_RPCL ->
                    Jpeg2000Decoder.decode(data, 0, data.length, samples);
            case RLE_LOSSLESS -> RleDecoder.decode(data, 0, data.length, pixel.rows(), pixel.columns(),
                    pixel.samplesPerPixel(), pixel.bitsAllocated());
            default -> throw new CodecException(ts.description() + " is not supported");
        };
    }
}
