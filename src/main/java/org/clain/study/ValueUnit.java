package org.clain.study;

import java.util.Locale;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;

/** The unit of a series' modality values, as a viewer labels them ("" when the data give none). */
public final class ValueUnit {
    private ValueUnit() {
    }

    /**
     * CT: Hounsfield units; RT Dose: Gy when Dose Units (3004,0002) says GY (RELATIVE has none); PET:
     * Units (0054,1001), BQML as Bq/ml and GML (SUV body weight) as g/ml; otherwise Rescale Type
     * (0028,1054) unless US (unspecified).
     */
    public static String of(Attributes ds, String modality) {
        if ("CT".equals(modality)) {
            return "HU";
        }
        if ("RTDOSE".equals(modality)) {
            return "GY".equals(ds.getString(Tag.DoseUnits, "").trim()) ? "Gy" : "";
        }
        String pet = ds.getString(Tag.Units, "").trim().toUpperCase(Locale.ROOT);
        if ("PT".equals(modality) && !pet.isEmpty()) {
            return switch (pet) {
                case "BQML" -> "Bq/ml";
                case "GML" -> "g/ml";
                case "CNTS" -> "counts";
                default -> pet;
            };
        }
        String type = ds.getString(Tag.RescaleType, "").trim();
        return type.isEmpty() || "US".equals(type) ? "" : type;
    }
}
