package org.clain.dicom.codec;

/**
 * A well-formed codestream of a JPEG process that {@link JpegDecoder} does not implement
 * (progressive, hierarchical, arithmetic coding): another decoder may still read it.
 */
final class JpegUnsupportedException extends CodecException {
    private static final long serialVersionUID = 1L;

    JpegUnsupportedException(String message) {
        super(message);
    }
}
