package org.clain.dicom.codec;

import org.clain.dicom.ImagePixel;
import org.clain.dicom.TransferSyntax;

/** Chooses the decoder for a compressed transfer syntax. */
public final class Codecs {
    private Codecs() {
    }

    public static DecodedImage decode(TransferSyntax ts, byte[] data, ImagePixel pixel) throws CodecException {
        throw new CodecException(ts.description() + " is not supported");
    }
}
