package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomReader;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit a volume's values are labelled with, from the attributes that define it. */
class ValueUnitTest {
    private static Volume load(Path p) throws Exception {
        return VolumeLoader.load(Scanner.scan(List.of(p)).series().get(0).stacks().get(0));
    }

    @Test
    void ctIsHounsfield() throws Exception {
        assertEquals("HU", load(SharedData.file("real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE")).valueUnit());
    }

    /** rtdose.dcm says Dose Units RELATIVE (dcmdump): no unit; the same grid in GY is in Gy. */
    @Test
    void doseIsInGrayOnlyWhenItSaysSo(@TempDir Path tmp) throws Exception {
        Path relative = SharedData.file("syntaxes/pydicom-test_files/rtdose.dcm");
        assertEquals("", load(relative).valueUnit());
        Attributes ds = DicomReader.read(relative).dataset();
        ds.setString(Tag.DoseUnits, VR.CS, "GY");
        Path gray = tmp.resolve("gray.dcm");
        Part10Writer.write(gray, ds);
        Volume v = load(gray);
        assertEquals("Gy", v.valueUnit());
        assertEquals("Gy", org.clain.measure.Evaluation.valueUnit(v));
    }

    @Test
    void petUnitsAndRescaleType() {
        Attributes pet = new Attributes(ByteOrder.LITTLE_ENDIAN, null);
        pet.setString(Tag.Units, VR.CS, "BQML");
        assertEquals("Bq/ml", ValueUnit.of(pet, "PT"));
        pet.setString(Tag.Units, VR.CS, "GML");
        assertEquals("g/ml", ValueUnit.of(pet, "PT"));
        Attributes film = new Attributes(ByteOrder.LITTLE_ENDIAN, null);
        film.setString(Tag.RescaleType, VR.LO, "OD");
        assertEquals("OD", ValueUnit.of(film, "OT"));
        film.setString(Tag.RescaleType, VR.LO, "US"); // unspecified
        assertEquals("", ValueUnit.of(film, "MR"));
    }
}
