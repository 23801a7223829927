package org.clain.study;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;

/**
 * Which PET of a study to lay over a CT or MR (PET/CT fusion). A PET/CT study often holds several
 * PET series in the CT's Frame of Reference: the attenuation-corrected one that is read, the
 * uncorrected one kept to check correction artefacts, sometimes a second bed range. The one fused
 * is, in this order: attenuation corrected (Corrected Image (0028,0051) has ATTN), with an SUVbw
 * factor, the most slices, the lowest Series Number.
 */
public final class FusedPet {
    private FusedPet() {
    }

    /** The PET stack to fuse over images of {@code frameOfReference}, if the series hold one. */
    public static Optional<SliceStack> choose(List<Series> series, String frameOfReference) {
        if (frameOfReference == null || frameOfReference.isEmpty()) {
            return Optional.empty();
        }
        return series.stream()
                .filter(s -> "PT".equals(s.modality()) && !s.stacks().isEmpty())
                .map(s -> s.stacks().get(0))
                .filter(st -> frameOfReference.equals(st.instance(st.slices().get(0)).frameOfReferenceUid()))
                .min(Comparator.comparing((SliceStack st) -> !attenuationCorrected(st))
                        .thenComparing(st -> !StandardizedUptake.of(st).available())
                        .thenComparing(st -> -st.size())
                        .thenComparingInt(st -> st.series().seriesNumber()));
    }

    /** Whether the stack's first image says it was corrected for attenuation (PS3.3 C.8.9.1.1.2 ATTN). */
    static boolean attenuationCorrected(SliceStack st) {
        Attributes ds = st.instance(st.slices().get(0)).file().dataset();
        String[] corrected = ds.getStrings(Tag.CorrectedImage);
        if (corrected == null) {
            return false;
        }
        for (String c : corrected) {
            if (c.trim().toUpperCase(Locale.ROOT).equals("ATTN")) {
                return true;
            }
        }
        return false;
    }
}
