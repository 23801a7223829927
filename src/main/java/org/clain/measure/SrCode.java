package org.clain.measure;

/** A coded concept of DICOM SR (Code Value, Coding Scheme Designator, Code Meaning; PS3.3 Table 8.8-1). */
public record SrCode(String value, String scheme, String meaning) {
}
