package org.clain.testdata;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.Attributes;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;

/**
 * A small Basic Text SR for the tests: a "Diagnostic imaging report" CONTAINER (LOINC 18748-4)
 * holding a TEXT Finding ("Hypodense lesion, segment VIII") and a NUM Length of 23.5 mm.
 */
public final class SrWriter {
    private SrWriter() {
    }

    public static void write(Path file) throws IOException {
        Attributes ds = new Attributes(ByteOrder.LITTLE_ENDIAN, null);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.11");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.97.1");
        ds.setString(Tag.Modality, VR.CS, "SR");
        ds.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.97.2");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.97.3");
        ds.setString(Tag.ValueType, VR.CS, "CONTAINER");
        ds.setSequence(Tag.ConceptNameCodeSequence, List.of(code(ds, "18748-4", "LN", "Diagnostic imaging report")));
        ds.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        ds.setString(Tag.CompletionFlag, VR.CS, "COMPLETE");
        ds.setString(Tag.VerificationFlag, VR.CS, "UNVERIFIED");
        Attributes text = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
        text.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
        text.setString(Tag.ValueType, VR.CS, "TEXT");
        text.setSequence(Tag.ConceptNameCodeSequence, List.of(code(text, "121071", "DCM", "Finding")));
        text.setString(Tag.TextValue, VR.UT, "Hypodense lesion, segment VIII");
        Attributes num = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
        num.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
        num.setString(Tag.ValueType, VR.CS, "NUM");
        num.setSequence(Tag.ConceptNameCodeSequence, List.of(code(num, "410668003", "SCT", "Length")));
        Attributes measured = new Attributes(ByteOrder.LITTLE_ENDIAN, num);
        measured.setString(Tag.NumericValue, VR.DS, "23.5");
        measured.setSequence(Tag.MeasurementUnitsCodeSequence, List.of(code(measured, "mm", "UCUM", "millimeter")));
        num.setSequence(Tag.MeasuredValueSequence, List.of(measured));
        ds.setSequence(Tag.ContentSequence, List.of(text, num));
        Part10Writer.write(file, ds);
    }

    private static Attributes code(Attributes parent, String value, String scheme, String meaning) {
        Attributes c = new Attributes(ByteOrder.LITTLE_ENDIAN, parent);
        c.setString(Tag.CodeValue, VR.SH, value);
        c.setString(Tag.CodingSchemeDesignator, VR.SH, scheme);
        c.setString(Tag.CodeMeaning, VR.LO, meaning);
        return c;
    }
}
