package org.clain.measure;

/** One computed number of a measurement, with its unit ("mm", "mm2", "mm3", "deg", "HU", "g/ml", "" for none). */
public record Quantity(Kind kind, double value, String unit) {

    public enum Kind {
        DISTANCE("Distance"),
        PATH_LENGTH("Path length"),
        ANGLE("Angle"),
        COBB_ANGLE("Cobb angle"),
        AREA("Area"),
        PERIMETER("Perimeter"),
        /** Geometric volume of a 3D ROI (4/3 pi abc). */
        VOLUME("Volume"),
        /** Volume of the voxels counted in a 3D ROI. */
        VOXEL_VOLUME("Voxel volume"),
        MEAN("Mean"),
        SD("Standard deviation"),
        MIN("Minimum"),
        MAX("Maximum"),
        MEDIAN("Median"),
        /** Number of plane samples (planar ROI) or voxels (3D ROI) in the statistics. */
        COUNT("Count"),
        /** Value at a point probe. */
        VALUE("Value"),
        /** PET, body-weight SUV (g/ml): at a point probe. */
        SUV("SUVbw"),
        SUV_MEAN("SUVbw mean"),
        SUV_MAX("SUVbw max"),
        /** The highest 1 ml sphere mean ({@link PeakUptake}). */
        SUV_PEAK("SUVbw peak"),
        /** PET, SUV by lean body mass (PERCIST's SUL, Janmahasatian): maximum and peak. */
        SUL_MAX("SUL max"),
        SUL_PEAK("SUL peak");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
