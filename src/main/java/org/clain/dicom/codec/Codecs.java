package org.clain.dicom.codec;

import org.clain.dicom.ImagePixel;
import org.clain.dicom.TransferSyntax;

/** Chooses the decoder for a compressed transfer syntax. */
public final class Codecs {
    private Codecs() {
    }

    public static DecodedImage decode(TransferSyntax ts, byte[] data, ImagePixel pixel) throws CodecException {
        return switch (ts) {
            case JPEG_LS_LOSSLESS, JPEG_LS_NEAR_LOSSLESS -> JpegLsDecoder.decode(data, 0, data.length);
            default -> throw new CodecException(ts.description() + " is not supported");
        };
    }
}
