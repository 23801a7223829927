#!/usr/bin/python3
"""Regenerates the seed inputs of Clain's fuzz tests (src/test/resources/**/*FuzzTestInputs/seed-*).

Seeds are small: tiny crops of shared-corpus images encoded in every transfer syntax Clain reads
(dcmtk's dcmconv / dcmcrle / dcmcjpls / dcmcjpeg, GDCM's gdcmconv for JPEG 2000), a few whole
small files from ../shared/data/dicom (broken ones included) and the first few KB of larger ones,
and the frames of the compressed seeds for the codec targets. The shared data itself is never
copied wholesale. Needs Debian's python3-pydicom, python3-numpy, dcmtk and libgdcm-tools.

    /usr/bin/python3 tools/fuzz-seeds.py [--shared ../shared/data/dicom]

Crash inputs found by fuzzing (crash-*, timeout-*, ...) live next to the seeds and are kept.
"""
import argparse
import glob
import os
import shutil
import struct
import subprocess
import sys
import tempfile

import numpy as np
import pydicom
from pydicom.encaps import generate_pixel_data_frame
from pydicom.uid import ExplicitVRLittleEndian

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "src", "test", "resources", "org", "clain")
READER = os.path.join(RES, "dicom", "DicomReaderFuzzTestInputs", "readAndDecodeFrames")
RENDER = os.path.join(RES, "dicom", "DicomReaderFuzzTestInputs", "renderFrames")
RLE = os.path.join(RES, "dicom", "codec", "RleDecoderFuzzTestInputs", "decode")
JLS = os.path.join(RES, "dicom", "codec", "JpegLsDecoderFuzzTestInputs", "decode")
J2K = os.path.join(RES, "dicom", "codec", "Jpeg2000DecoderFuzzTestInputs", "decode")
JPEG = os.path.join(RES, "dicom", "codec", "JpegDecoderFuzzTestInputs", "decode")
DICOMDIR = os.path.join(RES, "study", "DicomDirFuzzTestInputs", "referencedFiles")
TRUNCATE = 6144  # bytes kept of larger corpus files

# whole small files of the shared corpus (every one under ~10 KB that adds a structure)
WHOLE = [
    "syntaxes/debian-misc/simple-test.dcm",
    "syntaxes/pydicom-test_files/SC_rgb_small_odd.dcm",
    "syntaxes/pydicom-test_files/SC_rgb_rle.dcm",
    "syntaxes/pydicom-test_files/SC_rgb_rle_2frame.dcm",
    "syntaxes/pydicom-test_files/SC_rgb_rle_16bit.dcm",
    "syntaxes/pydicom-test_files/SC_rgb_rle_32bit.dcm",
    "syntaxes/pydicom-test_files/SC_rgb_small_odd_jpeg.dcm",
    "syntaxes/pydicom-test_files/SC_rgb_gdcm_KY.dcm",
    "syntaxes/pydicom-test_files/MR_small_jp2klossless.dcm",
    "syntaxes/pydicom-test_files/MR_small_jpeg_ls_lossless.dcm",
    "syntaxes/pydicom-data/JLSL_08_07_0_1F.dcm",
    "syntaxes/pydicom-test_files/image_dfl.dcm",
    "syntaxes/pydicom-data/liver_deflate.dcm",
    "syntaxes/pydicom-test_files/rtdose.dcm",
    "syntaxes/pydicom-test_files/charset/chrJapMulti.dcm",
    "syntaxes/pydicom-test_files/charset/chrH31.dcm",
    "syntaxes/pylibjpeg-data/JPEGBaseline_1s_1f_u_08_08.dcm",
    "syntaxes/pydicom-test_files/SC_rgb_dcmtk_+eb+cy+np.dcm",
    "broken/pydicom-test_files/UN_sequence.dcm",
    "broken/pydicom-test_files/ExplVR_LitEndNoMeta.dcm",
    "broken/pydicom-test_files/ExplVR_BigEndNoMeta.dcm",
    "broken/pydicom-test_files/no_meta_group_length.dcm",
    "broken/pydicom-test_files/empty_charset_LEI.dcm",
    "broken/pydicom-test_files/meta_missing_tsyntax.dcm",
    "broken/pydicom-test_files/rtplan_truncated.dcm",
    "broken/pydicom-test_files/badVR.dcm",
    "broken/pydicom-test_files/JPEG2000-embedded-sequence-delimiter.dcm",
    "syntaxes/dicomdir-pydicom/DICOMDIR-empty.dcm",
]
# larger files: their first TRUNCATE bytes (header structures, the start of the pixel data)
HEAD = [
    "syntaxes/pydicom-test_files/liver_1frame.dcm",       # 1-bit
    "syntaxes/pydicom-data/color-pl.dcm",                 # planar configuration 1
    "syntaxes/pydicom-test_files/SC_ybr_full_422_uncompressed.dcm",
    "syntaxes/pydicom-data/parametric_map_float.dcm",     # Float Pixel Data
    "syntaxes/dcm_qa_enh/Siemens_XA10_6_1.dcm",           # enhanced multi-frame functional groups
    "syntaxes/debian-misc/simpleImageWithIcon.dcm",       # icon image sequence
    "broken/pydicom-data/bad_sequence.dcm",
    "syntaxes/dicomdir-pydicom/DICOMDIR",
]
DICOMDIRS = ["DICOMDIR", "DICOMDIR-bigEnd", "DICOMDIR-implicit", "DICOMDIR-nooffset", "DICOMDIR-reordered",
             "DICOMDIR-empty.dcm", "TINY_ALPHA/DICOMDIR"]


def run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def crop(src, dst, rows, cols, frames=None):
    """A native explicit VR LE copy of src cropped to rows x cols (and the first frames)."""
    ds = pydicom.dcmread(src)
    arr = ds.pixel_array
    multi = int(getattr(ds, "NumberOfFrames", 1) or 1) > 1
    if multi:
        arr = arr[: frames or 1, :rows, :cols]
        ds.NumberOfFrames = arr.shape[0]
    else:
        arr = arr[:rows, :cols]
    if getattr(ds, "SamplesPerPixel", 1) > 1:
        ds.PlanarConfiguration = 0
    ds.Rows, ds.Columns = rows, cols
    for tag in ("IconImageSequence", "PerFrameFunctionalGroupsSequence"):
        if tag in ds:
            delattr(ds, tag)
    ds.PixelData = np.ascontiguousarray(arr).tobytes()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(dst, write_like_original=False)


def frames(path):
    ds = pydicom.dcmread(path)
    n = int(getattr(ds, "NumberOfFrames", 1) or 1)
    return ds, list(generate_pixel_data_frame(ds.PixelData, n))


def put(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data", "dicom"))
    a = ap.parse_args()
    shared = os.path.abspath(a.shared)
    for d in (READER, RENDER, RLE, JLS, J2K, JPEG, DICOMDIR):
        for old in glob.glob(os.path.join(d, "seed-*")):
            os.remove(old)
    tmp = tempfile.mkdtemp(prefix="clain-seeds-")
    try:
        natives = {
            "mono8": (os.path.join(shared, "syntaxes/pydicom-test_files/charset/chrX1.dcm"), 16, 16, None),
            "mono16s": (os.path.join(shared, "syntaxes/pydicom-test_files/MR_small.dcm"), 24, 20, None),
            "rgb8": (os.path.join(shared, "syntaxes/pydicom-data/SC_rgb.dcm"), 12, 10, None),
            "rgb16": (os.path.join(shared, "syntaxes/pydicom-data/SC_rgb_16bit.dcm"), 8, 6, None),
            "mf16": (os.path.join(shared, "syntaxes/pydicom-data/emri_small.dcm"), 12, 12, 3),
        }
        for name, (src, r, c, n) in natives.items():
            base = os.path.join(tmp, name + ".dcm")
            crop(src, base, r, c, n)
            with open(base, "rb") as f:
                put(READER, name + "_explicit_le.dcm", f.read())
            variants = {
                "implicit_le": ["dcmconv", "+ti"], "big_endian": ["dcmconv", "+tb"],
                "deflated": ["dcmconv", "+td"], "undef_len": ["dcmconv", "-e"],
                "rle": ["dcmcrle"], "jls": ["dcmcjpls"], "jls_near": ["dcmcjpls", "+en", "+md", "3"],
                "jls_ilv_none": ["dcmcjpls", "+in"], "jls_ilv_sample": ["dcmcjpls", "+is"],
                "jls_preset": ["dcmcjpls", "+en", "+md", "1", "+t1", "4", "+t2", "9", "+t3", "25", "+rs", "32"],
                "j2k": ["gdcmconv", "--j2k"], "j2k_irrev": ["gdcmconv", "--j2k", "--irreversible"],
                "jpeg_baseline": ["dcmcjpeg", "+eb"], "jpeg_extended": ["dcmcjpeg", "+ee"],
                "jpeg_lossless": ["dcmcjpeg", "+el"], "jpeg_sv1": ["dcmcjpeg", "+e1"],
                "jpeg_progressive": ["dcmcjpeg", "+ep"], "jpeg_spectral": ["dcmcjpeg", "+es"],
            }
            for v, cmd in variants.items():
                out = os.path.join(tmp, name + "_" + v + ".dcm")
                try:
                    run(*cmd, base, out)
                except subprocess.CalledProcessError:
                    continue  # e.g. baseline JPEG of 16-bit samples
                with open(out, "rb") as f:
                    data = f.read()
                put(READER, name + "_" + v + ".dcm", data)
                if v in ("implicit_le", "big_endian", "deflated", "undef_len"):
                    continue
                ds, fr = frames(out)
                for i, frame in enumerate(fr[:2]):
                    fname = "%s_%s_f%d" % (name, v, i)
                    if v == "rle":
                        hdr = struct.pack("<HHBB", ds.Rows, ds.Columns, ds.SamplesPerPixel, ds.BitsAllocated)
                        put(RLE, fname + ".rle", hdr + frame)
                    elif v.startswith("jls"):
                        put(JLS, fname + ".jls", frame)
                    elif v.startswith("j2k"):
                        put(J2K, fname + ".j2k", frame)
                    else:
                        put(JPEG, fname + ".jpg", frame)
        # OpenJPEG codestreams with the coding tools GDCM's defaults leave out
        opj = {"tiles": ["-n", "2", "-t", "8,8"], "rpcl_precincts": ["-p", "RPCL", "-c", "[16,16],[8,8]", "-n", "3"],
               "sop_eph_layers": ["-n", "2", "-SOP", "-EPH", "-r", "20,10,1"],
               "irrev_cprl": ["-I", "-p", "CPRL", "-n", "2"], "modes": ["-n", "2", "-M", "63", "-b", "16,16"],
               "roi": ["-n", "2", "-ROI", "c=0,U=3"], "tile_parts": ["-n", "2", "-t", "8,8", "-TP", "R"],
               "lrcp_offset": ["-n", "2", "-p", "LRCP", "-d", "3,5", "-T", "2,2"]}
        for name, (src, r, c) in {"g8": (natives["mono8"][0], 16, 16), "g16": (natives["mono16s"][0], 16, 16),
                                  "rgb": (natives["rgb8"][0], 12, 12)}.items():
            arr = pydicom.dcmread(src).pixel_array[:r, :c]
            if arr.ndim == 3:
                img = os.path.join(tmp, name + ".ppm")
                hdr, maxval = b"P6\n%d %d\n255\n" % (c, r), 255
                data = arr.astype(np.uint8).tobytes()
            else:
                img = os.path.join(tmp, name + ".pgm")
                maxval = 255 if arr.dtype.itemsize == 1 else 4095
                hdr = b"P5\n%d %d\n%d\n" % (c, r, maxval)
                data = arr.astype(np.uint8).tobytes() if maxval == 255 else \
                    (arr.astype(np.int32) & 4095).astype(">u2").tobytes()
            with open(img, "wb") as f:
                f.write(hdr + data)
            for v, args in opj.items():
                out = os.path.join(tmp, "%s_%s.j2k" % (name, v))
                try:
                    run("opj_compress", "-i", img, "-o", out, *args)
                except subprocess.CalledProcessError:
                    continue
                with open(out, "rb") as f:
                    put(J2K, "opj_%s_%s.j2k" % (name, v), f.read())
        for rel in WHOLE:
            with open(os.path.join(shared, rel), "rb") as f:
                put(READER, rel.replace("/", "_"), f.read())
        for rel in HEAD:
            with open(os.path.join(shared, rel), "rb") as f:
                put(READER, "head_" + rel.replace("/", "_"), f.read(TRUNCATE))
        # codec seeds from corpus files of other encoders than dcmtk / GDCM
        for rel, folder, ext in [("syntaxes/pydicom-data/JLSL_08_07_0_1F.dcm", JLS, ".jls"),
                                 ("syntaxes/pydicom-test_files/MR_small_jpeg_ls_lossless.dcm", JLS, ".jls"),
                                 ("syntaxes/pydicom-test_files/MR_small_jp2klossless.dcm", J2K, ".j2k"),
                                 ("broken/pydicom-test_files/GDCMJ2K_TextGBR.dcm", J2K, ".jp2"),
                                 ("syntaxes/pydicom-test_files/SC_rgb_rle_32bit.dcm", RLE, ".rle"),
                                 ("syntaxes/pydicom-test_files/SC_rgb_small_odd_jpeg.dcm", JPEG, ".jpg")]:
            ds, fr = frames(os.path.join(shared, rel))
            data = fr[0]
            if folder == RLE:
                data = struct.pack("<HHBB", ds.Rows, ds.Columns, ds.SamplesPerPixel, ds.BitsAllocated) + data
            elif len(data) > TRUNCATE * 2:
                data = data[:TRUNCATE * 2]
            put(folder, os.path.basename(rel).replace(".dcm", "") + ext, data)
        for rel in DICOMDIRS:
            with open(os.path.join(shared, "syntaxes/dicomdir-pydicom", rel), "rb") as f:
                put(DICOMDIR, rel.replace("/", "_"), f.read())
        # the display pipeline target starts from the same files (Jazzer seeds one folder per method)
        os.makedirs(RENDER, exist_ok=True)
        for p in glob.glob(os.path.join(READER, "seed-*")):
            shutil.copy(p, RENDER)
    finally:
        shutil.rmtree(tmp)
    total = 0
    for d in (READER, RENDER, RLE, JLS, J2K, JPEG, DICOMDIR):
        files = glob.glob(os.path.join(d, "*"))
        size = sum(os.path.getsize(p) for p in files)
        total += size
        print("%-60s %4d files %8d bytes" % (os.path.relpath(d, ROOT), len(files), size))
    print("total", total, "bytes")


if __name__ == "__main__":
    sys.exit(main())
