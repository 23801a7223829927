package org.clain.measure;

/**
 * The coded concepts of Clain's measurement report (DICOM PS3.16, Content Mapping Resource).
 * DCM codes are defined in PS3.16 Annex D; SCT is SNOMED CT as used by PS3.16; UCUM units per
 * PS3.16 CID 7181 / CID 82.
 */
public final class SrCodes {
    private SrCodes() {
    }

    // TID 1500 Measurement Report: document title (CID 7021 Measurement Report Document Titles)
    public static final SrCode IMAGING_MEASUREMENT_REPORT = dcm("126000", "Imaging Measurement Report");
    // TID 1204 Language of Content Item and Descendants
    public static final SrCode LANGUAGE_OF_CONTENT = dcm("121049", "Language of Content Item and Descendants");
    public static final SrCode ENGLISH_US = new SrCode("en-US", "RFC5646", "English (United States)");
    // TID 1001 Observation Context / TID 1002 Observer Context / TID 1004 Device Observer
    public static final SrCode OBSERVER_TYPE = dcm("121005", "Observer Type");
    public static final SrCode DEVICE = dcm("121007", "Device");
    public static final SrCode DEVICE_OBSERVER_UID = dcm("121012", "Device Observer UID");
    public static final SrCode DEVICE_OBSERVER_NAME = dcm("121013", "Device Observer Name");
    public static final SrCode DEVICE_OBSERVER_MANUFACTURER = dcm("121014", "Device Observer Manufacturer");
    public static final SrCode DEVICE_OBSERVER_MODEL_NAME = dcm("121015", "Device Observer Model Name");
    // TID 1500 row 4: Procedure reported (CID 100 Quantitative Diagnostic Imaging Procedures, extensible)
    public static final SrCode PROCEDURE_REPORTED = dcm("121058", "Procedure reported");
    public static final SrCode IMAGING_PROCEDURE = sct("363679005", "Imaging procedure");
    // TID 1600 Image Library
    public static final SrCode IMAGE_LIBRARY = dcm("111028", "Image Library");
    public static final SrCode IMAGE_LIBRARY_GROUP = dcm("126200", "Image Library Group");
    // TID 1500 row 6: Imaging Measurements; TID 1410 / 1411 / 1501: Measurement Group
    public static final SrCode IMAGING_MEASUREMENTS = dcm("126010", "Imaging Measurements");
    public static final SrCode MEASUREMENT_GROUP = dcm("125007", "Measurement Group");
    // TID 1410 / 1411 / 1501 rows 2-3: tracking
    public static final SrCode TRACKING_IDENTIFIER = dcm("112039", "Tracking Identifier");
    public static final SrCode TRACKING_UID = dcm("112040", "Tracking Unique Identifier");
    // TID 1410 row: Image Region (SCOORD3D); TID 1411 row: Volume Surface (SCOORD3D)
    public static final SrCode IMAGE_REGION = dcm("111030", "Image Region");
    public static final SrCode VOLUME_SURFACE = dcm("121231", "Volume Surface");
    // TID 1419 ROI Measurements: the measured quantity and its derivation (CID 7464 / CID 3488)
    public static final SrCode ATTENUATION_COEFFICIENT = dcm("112031", "Attenuation Coefficient");
    public static final SrCode DERIVATION = dcm("121401", "Derivation");
    public static final SrCode MEAN = sct("373098007", "Mean");
    public static final SrCode STANDARD_DEVIATION = sct("386136009", "Standard Deviation");
    public static final SrCode MINIMUM = sct("255605001", "Minimum");
    public static final SrCode MAXIMUM = sct("56851009", "Maximum");
    public static final SrCode MEDIAN = sct("373099004", "Median");
    // CID 7464 General Region of Interest Measurement Modifiers
    public static final SrCode PEAK = dcm("126031", "Peak Value Within ROI");
    // PET: SUVbw (PS3.16 Annex D) and its UCUM unit (CID 85 SUV Units)
    public static final SrCode SUV_BW = dcm("126401", "SUVbw");
    // CID 7470 Linear / CID 7471 Area / CID 7472 Volume measurements
    public static final SrCode DISTANCE = dcm("121206", "Distance");
    public static final SrCode PATH_LENGTH = dcm("121211", "Path length");
    public static final SrCode AREA = sct("42798000", "Area");
    public static final SrCode VOLUME = sct("118565006", "Volume");
    // angles: Cobb angle is in CID 218 (Quantitative Image Features); the generic angle concept is
    // SNOMED CT 1483009 as other SR writers use it (not found in a PS3.16 context group we checked)
    public static final SrCode COBB_ANGLE = sct("285285000", "Cobb angle");
    public static final SrCode ANGLE = sct("1483009", "Angle");
    // free-text annotations (arrows, labels): TID 1501 qualitative evaluation as text
    public static final SrCode COMMENT = dcm("121106", "Comment");

    // units (UCUM, PS3.16 CID 82)
    public static final SrCode MM = ucum("mm", "millimeter");
    public static final SrCode MM2 = ucum("mm2", "square millimeter");
    public static final SrCode MM3 = ucum("mm3", "cubic millimeter");
    public static final SrCode DEG = ucum("deg", "degree");
    public static final SrCode HU = ucum("[hnsf'U]", "Hounsfield unit");
    public static final SrCode NO_UNITS = ucum("1", "no units");
    public static final SrCode SUV_BW_UNIT = ucum("{SUVbw}g/ml", "Standardized Uptake Value body weight");

    static SrCode dcm(String v, String m) {
        return new SrCode(v, "DCM", m);
    }

    static SrCode sct(String v, String m) {
        return new SrCode(v, "SCT", m);
    }

    static SrCode ucum(String v, String m) {
        return new SrCode(v, "UCUM", m);
    }
}
