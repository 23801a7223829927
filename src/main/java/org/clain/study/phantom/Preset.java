package org.clain.study.phantom;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** The phantom's anatomy: what {@link CtPhantom} paints and which windows it proposes. */
public enum Preset {
    /** Liver with hypodense tumours and portal / hepatic vessels, ribs, spine, lung bases. */
    ABDOMEN("ABDOMEN", List.of(
            new PhantomTruth.Window(40, 400, "ABDOMEN"),
            new PhantomTruth.Window(60, 150, "LIVER"))),
    /** Lungs with a solid and a ground-glass nodule, mediastinum, ribs, spine. */
    CHEST("CHEST", List.of(
            new PhantomTruth.Window(-600, 1500, "LUNG"),
            new PhantomTruth.Window(40, 400, "MEDIASTINUM"))),
    /** Lumbar vertebrae with pedicles and one wedge-compressed body, for vertebroplasty planning. */
    SPINE("LSPINE", List.of(
            new PhantomTruth.Window(400, 1800, "BONE"),
            new PhantomTruth.Window(40, 400, "SOFT TISSUE")));

    private final String bodyPart;
    private final List<PhantomTruth.Window> windows;

    Preset(String bodyPart, List<PhantomTruth.Window> windows) {
        this.bodyPart = bodyPart;
        this.windows = windows;
    }

    /** The lower-case name used in files and on the command line. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Body Part Examined (0018,0015). */
    public String bodyPart() {
        return bodyPart;
    }

    /** Window Center / Width pairs written in every slice, the first being the default. */
    public List<PhantomTruth.Window> windows() {
        return windows;
    }

    @JsonCreator
    public static Preset parse(String id) {
        for (Preset p : values()) {
            if (p.id().equalsIgnoreCase(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + id + "' (abdomen, chest, spine)");
    }
}
