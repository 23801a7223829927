package org.clain.dicom;

import java.util.List;

/**
 * Photometric interpretation to display RGB (PS3.3 C.7.6.3.1.2): YBR_FULL(_422) by the JPEG/JFIF
 * equations, YBR_PARTIAL by the ITU-R BT.601 equations, PALETTE COLOR through the palette LUTs
 * (normal or segmented, C.7.9.2). Input: decoded interleaved samples; output: packed 0xRRGGBB.
 */
public final class ColorModel {
    private final String photometric;
    private final int[][] palette; // [3][entries] 8-bit
    private final int firstMapped;

    private ColorModel(String photometric, int[][] palette, int firstMapped) {
        this.photometric = photometric;
        this.palette = palette;
        this.firstMapped = firstMapped;
    }

    public static ColorModel of(Attributes ds, ImagePixel px) {
        if (!px.photometric().equals("PALETTE COLOR")) {
            return new ColorModel(px.photometric(), null, 0);
        }
        int[] desc = ds.getUnsignedShorts(Tag.RedPaletteColorLookupTableDescriptor);
        if (desc != null && desc.length < 3) {
            desc = null; // a descriptor is entries, first mapped, bits: without all three, the defaults
        }
        int entries = desc == null ? 256 : (desc[0] == 0 ? 65536 : desc[0]);
        int first = desc == null ? 0 : (px.signed() ? (short) desc[1] : desc[1]);
        int bits = desc == null ? 8 : desc[2];
        int[][] lut = new int[3][];
        int[] dataTags = {Tag.RedPaletteColorLookupTableData, Tag.GreenPaletteColorLookupTableData,
                Tag.BluePaletteColorLookupTableData};
        int[] segTags = {Tag.SegmentedRedPaletteColorLookupTableData, Tag.SegmentedGreenPaletteColorLookupTableData,
                Tag.SegmentedBluePaletteColorLookupTableData};
        for (int c = 0; c < 3; c++) {
            int[] raw;
            Element seg = ds.get(segTags[c]);
            if (seg != null && seg.value() != null) {
                raw = expandSegmented(ds.getUnsignedShorts(segTags[c]), entries);
            } else {
                Element data = ds.get(dataTags[c]);
                if (data == null || data.value() == null) {
                    raw = new int[entries];
                } else if (bits == 8 && data.value().length == entries) {
                    raw = new int[entries];
                    for (int i = 0; i < entries; i++) {
                        raw[i] = data.value()[i] & 0xFF;
                    }
                } else {
                    raw = ds.getUnsignedShorts(dataTags[c]);
                }
            }
            int[] out = new int[entries];
            for (int i = 0; i < entries; i++) {
                int v = i < raw.length ? raw[i] : 0;
                out[i] = bits > 8 ? v >>> (bits - 8) & 0xFF : v & 0xFF;
            }
            lut[c] = out;
        }
        return new ColorModel(px.photometric(), lut, first);
    }

    /** Segmented palette LUT (PS3.3 C.7.9.2): discrete (0), linear (1) and indirect (2) segments. */
    static int[] expandSegmented(int[] seg, int entries) {
        int[] out = new int[entries];
        int n = 0;
        int i = 0;
        while (i + 1 < seg.length && n < entries) {
            int op = seg[i];
            int len = seg[i + 1];
            switch (op) {
                case 0 -> {
                    for (int k = 0; k < len && i + 2 + k < seg.length && n < entries; k++) {
                        out[n++] = seg[i + 2 + k];
                    }
                    i += 2 + len;
                }
                case 1 -> {
                    int y0 = n == 0 ? 0 : out[n - 1];
                    int y1 = i + 2 < seg.length ? seg[i + 2] : y0;
                    for (int k = 1; k <= len && n < entries; k++) {
                        out[n++] = (int) Math.round(y0 + (y1 - y0) * (double) k / len);
                    }
                    i += 3;
                }
                case 2 -> {
                    // copy previously expanded segments: (count, offset as two 16-bit words, low first)
                    i += 4; // rarely used; treated as a no-op rather than risking unbounded recursion
                }
                default -> i = seg.length;
            }
        }
        return out;
    }

    public boolean isColor() {
        return palette != null || !(photometric.startsWith("MONOCHROME"));
    }

    /** Converts one frame to packed RGB; samples are the decoded interleaved values. */
    public int[] toRgb(int[] samples, int pixels, int bitsStored) {
        int[] out = new int[pixels];
        if (palette != null) {
            int entries = palette[0].length;
            for (int p = 0; p < pixels; p++) {
                int idx = Math.max(0, Math.min(entries - 1, samples[p] - firstMapped));
                out[p] = palette[0][idx] << 16 | palette[1][idx] << 8 | palette[2][idx];
            }
            return out;
        }
        int shift = Math.max(0, bitsStored - 8);
        boolean ybrFull = photometric.equals("YBR_FULL") || photometric.equals("YBR_FULL_422");
        boolean ybrPartial = photometric.startsWith("YBR_PARTIAL");
        for (int p = 0; p < pixels; p++) {
            int a = samples[3 * p] >> shift;
            int b = samples[3 * p + 1] >> shift;
            int c = samples[3 * p + 2] >> shift;
            int r;
            int g;
            int bl;
            if (ybrFull) {
                r = clamp(a + 1.402 * (c - 128));
                g = clamp(a - 0.344136 * (b - 128) - 0.714136 * (c - 128));
                bl = clamp(a + 1.772 * (b - 128));
            } else if (ybrPartial) {
                double y = 1.1644 * (a - 16);
                r = clamp(y + 1.5960 * (c - 128));
                g = clamp(y - 0.3918 * (b - 128) - 0.8130 * (c - 128));
                bl = clamp(y + 2.0172 * (b - 128));
            } else {
                r = a & 0xFF;
                g = b & 0xFF;
                bl = c & 0xFF;
            }
            out[p] = r << 16 | g << 8 | bl;
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    static List<String> supported() {
        return List.of("MONOCHROME1", "MONOCHROME2", "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_PARTIAL_422",
                "YBR_PARTIAL_420", "YBR_ICT", "YBR_RCT", "PALETTE COLOR");
    }
}
