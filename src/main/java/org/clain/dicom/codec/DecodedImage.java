package org.clain.dicom.codec;

/**
 * Samples of one decoded compressed frame, pixel-interleaved
 * ({@code samples[(y * width + x) * components + c]}), as the codestream holds
 * them: no colour conversion, no sign extension (callers apply the DICOM
 * Pixel Representation).
 *
 * @param precision bits per sample declared by the codestream (P in T.81/T.87)
 */
public record DecodedImage(int width, int height, int components, int precision, int[] samples) {
}
