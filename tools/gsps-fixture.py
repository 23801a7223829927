#!/usr/bin/python3
"""The Grayscale Softcopy Presentation State the tests read (PresentationStateTest, the viewer's):
written with pydicom (Debian python3-pydicom), independent of Clain's writer, on two images of the
shared abdomen CT:
    /usr/bin/python3 tools/gsps-fixture.py ../shared/data/dicom/real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE \
        src/test/resources/org/clain/study/gsps-abdomen.dcm
Image A (the 61st by position): window 50/350, a polyline, a circle and a point in PIXEL units, an
ellipse and a text box in DISPLAY units, a text at an anchor; image B (the 62nd): window -600/1500.
Displayed area: pixels 101\\51 to 400\\450 of both; rotation 90 degrees.
"""
import glob
import sys
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

ROOT = "1.2.826.0.1.3680043.10.543.96"
series_dir, out = sys.argv[1], sys.argv[2]
cts = [pydicom.dcmread(f, stop_before_pixels=True) for f in glob.glob(series_dir + "/*")]
cts.sort(key=lambda d: float(d.ImagePositionPatient[2]))
a, b = cts[60], cts[61]


def ref(ct, frames=None):
    r = Dataset()
    r.ReferencedSOPClassUID = ct.SOPClassUID
    r.ReferencedSOPInstanceUID = ct.SOPInstanceUID
    return r


meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.11.1"
meta.MediaStorageSOPInstanceUID = ROOT + ".1"
meta.TransferSyntaxUID = ExplicitVRLittleEndian
ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
ds.SOPClassUID = meta.MediaStorageSOPClassUID
ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
ds.Modality = "PR"
for t in ("PatientName", "PatientID", "StudyInstanceUID", "StudyDate"):
    setattr(ds, t, getattr(a, t))
ds.SeriesInstanceUID = ROOT + ".2"
ds.SeriesNumber = 900
ds.InstanceNumber = 1
ds.ContentLabel = "LESION"
ds.ContentDescription = "Liver lesion, lung window on the next image"
ds.PresentationCreationDate = "20261128"
ds.PresentationCreationTime = "120000"
rs = Dataset()
rs.SeriesInstanceUID = a.SeriesInstanceUID
rs.ReferencedImageSequence = [ref(a), ref(b)]
ds.ReferencedSeriesSequence = [rs]
va = Dataset()
va.ReferencedImageSequence = [ref(a)]
va.WindowCenter = "50"
va.WindowWidth = "350"
vb = Dataset()
vb.ReferencedImageSequence = [ref(b)]
vb.WindowCenter = "-600"
vb.WindowWidth = "1500"
ds.SoftcopyVOILUTSequence = [va, vb]
da = Dataset()
da.DisplayedAreaTopLeftHandCorner = [101, 51]
da.DisplayedAreaBottomRightHandCorner = [400, 450]
da.PresentationSizeMode = "SCALE TO FIT"
da.PresentationPixelSpacing = a.PixelSpacing
ds.DisplayedAreaSelectionSequence = [da]
ds.ImageRotation = 90
ds.ImageHorizontalFlip = "N"
ds.PresentationLUTShape = "IDENTITY"
layer = Dataset()
layer.GraphicLayer = "FINDINGS"
layer.GraphicLayerOrder = 1
layer.GraphicLayerRecommendedDisplayCIELabValue = [34885, 53485, 27679]
ds.GraphicLayerSequence = [layer]


def graphic(units, kind, points, filled="N"):
    g = Dataset()
    g.GraphicAnnotationUnits = units
    g.GraphicDimensions = 2
    g.NumberOfGraphicPoints = len(points) // 2
    g.GraphicData = points
    g.GraphicType = kind
    g.GraphicFilled = filled
    return g


ann = Dataset()
ann.ReferencedImageSequence = [ref(a)]
ann.GraphicLayer = "FINDINGS"
ann.GraphicObjectSequence = [
    graphic("PIXEL", "POLYLINE", [100.5, 200.5, 150.5, 250.5, 200.5, 200.5]),
    graphic("PIXEL", "CIRCLE", [300.0, 300.0, 320.0, 300.0]),
    graphic("PIXEL", "POINT", [256.0, 128.0]),
    graphic("DISPLAY", "ELLIPSE", [0.25, 0.5, 0.75, 0.5, 0.5, 0.4, 0.5, 0.6]),
]
box = Dataset()
box.BoundingBoxAnnotationUnits = "DISPLAY"
box.UnformattedTextValue = "Lesion 1"
box.BoundingBoxTopLeftHandCorner = [0.1, 0.1]
box.BoundingBoxBottomRightHandCorner = [0.5, 0.2]
box.BoundingBoxTextHorizontalJustification = "LEFT"
anchor = Dataset()
anchor.AnchorPointAnnotationUnits = "PIXEL"
anchor.UnformattedTextValue = "Anchor"
anchor.AnchorPoint = [256.0, 256.0]
anchor.AnchorPointVisibility = "N"
ann.TextObjectSequence = [box, anchor]
ds.GraphicAnnotationSequence = [ann]
ds.is_little_endian = True
ds.is_implicit_VR = False
ds.save_as(out, write_like_original=False)
print(a.SOPInstanceUID, b.SOPInstanceUID)
