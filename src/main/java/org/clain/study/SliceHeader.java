package org.clain.study;

import java.nio.file.Path;
import org.clain.geom.Vec3;

/**
 * What positions one 2D frame in patient space and turns its stored values into modality
 * values: a plain image, or one frame of an enhanced multi-frame image (functional groups
 * resolved, per-frame over shared).
 *
 * @param rowDirection    direction of increasing column index (IOP first triplet)
 * @param columnDirection direction of increasing row index (IOP second triplet)
 * @param rowSpacing      PixelSpacing[0] (else ImagerPixelSpacing[0], else 1): mm between rows
 * @param columnSpacing   PixelSpacing[1]: mm between columns
 * @param spacingSource   what the spacing measures: the patient, the detector, or nothing (1 mm taken)
 */
public record SliceHeader(Path path, int frame, String sopInstanceUid, int instanceNumber, Vec3 position,
                          Vec3 rowDirection, Vec3 columnDirection, double rowSpacing, double columnSpacing,
                          PixelSpacingSource spacingSource, double sliceThickness, int rows, int columns, double rescaleSlope, double rescaleIntercept,
                          double[] windowCenters, double[] windowWidths, boolean localizer) {

    public boolean hasGeometry() {
        return position != null && rowDirection != null && columnDirection != null;
    }

    /** Row direction x column direction: the slice normal. */
    public Vec3 normal() {
        return rowDirection.cross(columnDirection).normalized();
    }
}
