#!/usr/bin/python3
"""Seeds of SegmentationFuzzTest: small DICOM Segmentations (binary, fractional, label map), a structure set, a PET slice,
a structured report.

Written with pydicom (Debian python3-pydicom), independent of Clain's writer:
    /usr/bin/python3 tools/fuzz-seeds-seg.py src/test/resources/org/clain/study/SegmentationFuzzTestInputs/readAndLay
"""
import sys
import numpy as np
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

ROOT = "1.2.826.0.1.3680043.10.543.90"


def base(sop_class, modality, n):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = ROOT + "." + str(n)
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Modality = modality
    ds.StudyInstanceUID = ROOT + ".1"
    ds.SeriesInstanceUID = ROOT + ".2." + str(n)
    ds.FrameOfReferenceUID = ROOT + ".3"
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    return ds


def seg(n, kind):
    # LABELMAP: Label Map Segmentation Storage (Supplement 243), one frame per plane holding both
    # segments, the lesion (2) drawn over the liver (1) as the binary frames' higher number shows
    ds = base("1.2.840.10008.5.1.4.1.1.66.7" if kind == "LABELMAP" else "1.2.840.10008.5.1.4.1.1.66.4", "SEG", n)
    ds.SegmentationType = kind
    segs = []
    for k, (label, lab) in enumerate((("Liver", [41661, 41167, 40792]), ("Lesion", [34885, 53485, 27679]))):
        s = Dataset()
        s.SegmentNumber = k + 1
        s.SegmentLabel = label
        s.RecommendedDisplayCIELabValue = lab
        segs.append(s)
    ds.SegmentSequence = segs
    rs = Dataset()
    rs.SeriesInstanceUID = ROOT + ".4"
    ds.ReferencedSeriesSequence = [rs]
    sh = Dataset()
    po = Dataset()
    po.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    sh.PlaneOrientationSequence = [po]
    pm = Dataset()
    pm.PixelSpacing = [1.5, 1.5]
    pm.SliceThickness = 2
    pm.SpacingBetweenSlices = 2
    sh.PixelMeasuresSequence = [pm]
    ds.SharedFunctionalGroupsSequence = [sh]
    frames, groups = [], []
    yy, xx = np.mgrid[0:8, 0:8]
    for z in range(3):
        if kind == "LABELMAP":
            g = Dataset()
            pp = Dataset()
            pp.ImagePositionPatient = [-6, -6, 2 * z - 2]
            g.PlanePositionSequence = [pp]
            groups.append(g)
            d = (xx - 3) ** 2 + (yy - 4) ** 2
            frames.append(np.where(d <= 2, 2, np.where(d <= 9, 1, 0)).astype(np.uint8))
            continue
        for k in (1, 2):
            m = ((xx - 3) ** 2 + (yy - 4) ** 2 <= (9 if k == 1 else 2))
            g = Dataset()
            pp = Dataset()
            pp.ImagePositionPatient = [-6, -6, 2 * z - 2]
            g.PlanePositionSequence = [pp]
            si = Dataset()
            si.ReferencedSegmentNumber = k
            g.SegmentIdentificationSequence = [si]
            groups.append(g)
            frames.append(m.astype(np.uint8) * (200 if kind == "FRACTIONAL" else 1))
    ds.PerFrameFunctionalGroupsSequence = groups
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = 8
    ds.Columns = 8
    ds.NumberOfFrames = len(frames)
    ds.PixelRepresentation = 0
    if kind == "BINARY":
        ds.BitsAllocated = ds.BitsStored = 1
        ds.HighBit = 0
        bits = np.packbits(np.stack(frames).ravel(), bitorder="little")
        ds.PixelData = (bits.tobytes() + b"\0")[: len(bits) + len(bits) % 2]
    elif kind == "LABELMAP":
        ds.BitsAllocated = ds.BitsStored = 8
        ds.HighBit = 7
        ds.PixelData = np.stack(frames).astype(np.uint8).tobytes()
    else:
        ds.BitsAllocated = ds.BitsStored = 8
        ds.HighBit = 7
        ds.MaximumFractionalValue = 255
        ds.PixelData = np.stack(frames).astype(np.uint8).tobytes()
    return ds


def pet(n):
    ds = base("1.2.840.10008.5.1.4.1.1.128", "PT", n)
    ds.PatientWeight = "75"
    ds.PatientSize = "1.70"
    ds.PatientSex = "F"
    ds.SeriesDate = ds.AcquisitionDate = "20261128"
    ds.SeriesTime = "100000"
    ds.AcquisitionTime = "100000"
    ds.Units = "BQML"
    ds.DecayCorrection = "START"
    ds.CorrectedImage = ["ATTN", "DECY"]
    r = Dataset()
    r.RadiopharmaceuticalStartTime = "090000"
    r.RadionuclideTotalDose = "370000000"
    r.RadionuclideHalfLife = "6586.2"
    ds.RadiopharmaceuticalInformationSequence = [r]
    ds.ImagePositionPatient = [0, 0, 0]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [4, 4]
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = ds.Columns = 4
    ds.BitsAllocated = ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 0
    ds.RescaleSlope = "2"
    ds.RescaleIntercept = "0"
    ds.PixelData = np.arange(16, dtype="<u2").tobytes()
    return ds


def rtstruct(n):
    ds = base("1.2.840.10008.5.1.4.1.1.481.3", "RTSTRUCT", n)
    rf = Dataset()
    rf.FrameOfReferenceUID = ROOT + ".3"
    ds.ReferencedFrameOfReferenceSequence = [rf]
    rois, contours = [], []
    for num, name, kind, pts in ((1, "GTV", "CLOSED_PLANAR", [-4, -4, 0, 4, -4, 0, 4, 4, 0, -4, 4, 0]),
                                 (2, "Needle", "OPEN_PLANAR", [0, 0, 0, 6, 2, 0]),
                                 (3, "Seed", "POINT", [1, 1, 0])):
        r = Dataset()
        r.ROINumber = num
        r.ReferencedFrameOfReferenceUID = ROOT + ".3"
        r.ROIName = name
        rois.append(r)
        c = Dataset()
        c.ContourGeometricType = kind
        c.NumberOfContourPoints = len(pts) // 3
        c.ContourData = pts
        rc = Dataset()
        rc.ROIDisplayColor = [255, 0, 0]
        rc.ContourSequence = [c]
        rc.ReferencedROINumber = num
        contours.append(rc)
    ds.StructureSetROISequence = rois
    ds.ROIContourSequence = contours
    return ds


def sr(n):
    ds = base("1.2.840.10008.5.1.4.1.1.88.33", "SR", n)

    def code(v, scheme, meaning):
        c = Dataset()
        c.CodeValue = v
        c.CodingSchemeDesignator = scheme
        c.CodeMeaning = meaning
        return c

    def item(rel, vt, concept, **values):
        i = Dataset()
        i.RelationshipType = rel
        i.ValueType = vt
        i.ConceptNameCodeSequence = [concept]
        for k, v in values.items():
            setattr(i, k, v)
        return i

    ds.ValueType = "CONTAINER"
    ds.ConceptNameCodeSequence = [code("18748-4", "LN", "Diagnostic imaging report")]
    ds.ContinuityOfContent = "SEPARATE"
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "UNVERIFIED"
    findings = item("CONTAINS", "CONTAINER", code("121070", "DCM", "Findings"), ContinuityOfContent="SEPARATE")
    mv = Dataset()
    mv.NumericValue = "23.5"
    mv.MeasurementUnitsCodeSequence = [code("mm", "UCUM", "millimeter")]
    findings.ContentSequence = [
        item("CONTAINS", "TEXT", code("121071", "DCM", "Finding"), TextValue="Hypodense lesion, segment VIII"),
        item("CONTAINS", "NUM", code("410668003", "SCT", "Length"), MeasuredValueSequence=[mv]),
        item("CONTAINS", "CODE", code("111042", "DCM", "Composition"), ConceptCodeSequence=[code("111455", "DCM", "Cystic")]),
    ]
    impression = item("CONTAINS", "CONTAINER", code("121072", "DCM", "Impressions"), ContinuityOfContent="SEPARATE")
    impression.ContentSequence = [item("CONTAINS", "TEXT", code("121073", "DCM", "Impression"), TextValue="Simple cyst")]
    ds.ContentSequence = [item("HAS OBS CONTEXT", "PNAME", code("121008", "DCM", "Person Observer Name"),
                               PersonName="Reader^A"), findings, impression]
    return ds


out = sys.argv[1]
seg(1, "BINARY").save_as(out + "/seed-seg-binary", write_like_original=False)
seg(2, "FRACTIONAL").save_as(out + "/seed-seg-fractional", write_like_original=False)
pet(3).save_as(out + "/seed-pet", write_like_original=False)
rtstruct(4).save_as(out + "/seed-rtstruct", write_like_original=False)
seg(5, "LABELMAP").save_as(out + "/seed-seg-labelmap", write_like_original=False)
sr(6).save_as(out + "/seed-sr", write_like_original=False)
