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
 * @param rowSpacing      mm between rows: Pixel Spacing[0], else Imager Pixel Spacing[0], else the
 *                        ultrasound regions' Physical Delta Y, else 1
 * @param columnSpacing   mm between columns, from the same source
 * @param spacingSource   where the spacing comes from, which says what a length on the frame means
 */
public record SliceHeader(Path path, int frame, String sopInstanceUid, int instanceNumber, Vec3 position,
                          Vec3 rowDirection, Vec3 columnDirection, double rowSpacing, double columnSpacing,
                          PixelSpacingSource spacingSource, double sliceThickness, int rows, int columns,
                          double rescaleSlope, double rescaleIntercept, double[] windowCenters, double[] windowWidths, boolean localizer) {

    public boolean hasGeometry() {
        return position != null && rowDirection != null && columnDirection != null;
    }

    /** Row direction x column direction: the slice normal. */
    public Vec3 normal() {
        return rowDirection.cross(columnDirection).normalized();
    }
}
