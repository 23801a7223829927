package org.clain.dicom.codec;

import java.io.IOException;

/** A compressed codestream that cannot be decoded; the message says why and where. */
public class CodecException extends IOException {
    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
