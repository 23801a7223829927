package org.clain.study;

import java.nio.file.Path;

/** A file that could not be used, and why (never a silent skip). */
public record Skipped(Path path, String reason) {
}
