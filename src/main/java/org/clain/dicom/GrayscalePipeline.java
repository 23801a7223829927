package org.clain.dicom;

import java.util.List;

/**
 * Grayscale Standard pipeline of PS3.3 C.11: Modality LUT (rescale or LUT sequence, C.11.1),
 * VOI (window with the LINEAR / LINEAR_EXACT / SIGMOID functions of C.11.2.1.2-3, or a VOI LUT
 * sequence), MONOCHROME1 inversion, pixel padding shown as black.
 */
public final class GrayscalePipeline {
    private final double slope;
    private final double intercept;
    private final int[] modalityLut;
    private final int modalityFirst;
    private final int[] voiLut;
    private final int voiFirst;
    private final int voiBits;
    private final boolean invert;
    private final Integer paddingValue;
    private final Integer paddingLimit;
    private double center;
    private double width;
    private String function = "LINEAR";

    private GrayscalePipeline(double slope, double intercept, int[] modalityLut, int modalityFirst, int[] voiLut,
                              int voiFirst, int voiBits, boolean invert, Integer paddingValue, Integer paddingLimit) {
        this.slope = slope;
        this.intercept = intercept;
        this.modalityLut = modalityLut;
        this.modalityFirst = modalityFirst;
        this.voiLut = voiLut;
        this.voiFirst = voiFirst;
        this.voiBits = voiBits;
        this.invert = invert;
        this.paddingValue = paddingValue;
        this.paddingLimit = paddingLimit;
    }

    public static GrayscalePipeline of(Attributes ds, ImagePixel px) {
        double slope = ds.getDouble(Tag.RescaleSlope, 1);
        double intercept = ds.getDouble(Tag.RescaleIntercept, 0);
        int[] mlut = null;
        int mFirst = 0;
        List<Attributes> mseq = ds.getSequence(Tag.ModalityLUTSequence);
        if (!mseq.isEmpty()) {
            Attributes item = mseq.get(0);
            int[] desc = item.getUnsignedShorts(Tag.LUTDescriptor);
            if (desc != null && desc.length >= 3) {
                mFirst = px.signed() ? (short) desc[1] : desc[1];
                mlut = lutData(item, desc);
            }
        }
        int[] vlut = null;
        int vFirst = 0;
        int vBits = 8;
        List<Attributes> vseq = ds.getSequence(Tag.VOILUTSequence);
        if (!vseq.isEmpty()) {
            Attributes item = vseq.get(0);
            int[] desc = item.getUnsignedShorts(Tag.LUTDescriptor);
            if (desc != null && desc.length >= 3) {
                vFirst = desc[1];
                vBits = desc[2];
                vlut = lutData(item, desc);
            }
        }
        boolean invert = px.photometric().equals("MONOCHROME1");
        double[] pad = ds.getDoubles(Tag.PixelPaddingValue);
        double[] padLimit = ds.getDoubles(Tag.PixelPaddingRangeLimit);
        GrayscalePipeline g = new GrayscalePipeline(slope, intercept, mlut, mFirst, vlut, vFirst, vBits, invert,
                pad == null || pad.length == 0 ? null : (int) pad[0],
                padLimit == null || padLimit.length == 0 ? null : (int) padLimit[0]);
        double[] wc = ds.getDoubles(Tag.WindowCenter);
        double[] ww = ds.getDoubles(Tag.WindowWidth);
        if (wc != null && ww != null && wc.length > 0 && ww.length > 0 && ww[0] > 0) {
            g.center = wc[0];
            g.width = ww[0];
            g.function = ds.getString(Tag.VOILUTFunction, "LINEAR").trim();
        }
        return g;
    }

    private static int[] lutData(Attributes item, int[] desc) {
        int entries = desc[0] == 0 ? 65536 : desc[0];
        Element data = item.get(Tag.LUTData);
        if (data == null || data.value() == null) {
            return null;
        }
        int[] words = item.getUnsignedShorts(Tag.LUTData);
        if (words == null || words.length == 0) {
            return null; // an empty LUT maps nothing: the rescale / window apply
        }
        if (desc[2] <= 8 && words.length * 2 >= entries && words.length < entries) {
            // 8-bit entries packed two per word
            int[] out = new int[entries];
            for (int i = 0; i < entries; i++) {
                out[i] = (words[i / 2] >>> (8 * (i & 1))) & 0xFF;
            }
            return out;
        }
        return words;
    }

    public boolean hasWindow() {
        return width > 0 || voiLut != null;
    }

    public GrayscalePipeline window(double center, double width) {
        this.center = center;
        this.width = width;
        this.function = "LINEAR";
        return this;
    }

    public double modality(int stored) {
        if (modalityLut != null) {
            int i = Math.max(0, Math.min(modalityLut.length - 1, stored - modalityFirst));
            return modalityLut[i];
        }
        return stored * slope + intercept;
    }

    private boolean padding(int stored) {
        if (paddingValue == null) {
            return false;
        }
        if (paddingLimit == null) {
            return stored == paddingValue;
        }
        return stored >= Math.min(paddingValue, paddingLimit) && stored <= Math.max(paddingValue, paddingLimit);
    }

    /** Sets the window from the frame's modality range when the file gives none. */
    public void autoWindow(int[] stored) {
        if (hasWindow()) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s : stored) {
            if (padding(s)) {
                continue;
            }
            double m = modality(s);
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        }
        center = (lo + hi) / 2;
        width = Math.max(1, hi - lo + 1);
    }

    /** Display value 0..255 of one stored value. */
    public int display(int stored) {
        if (padding(stored)) {
            return invert ? 255 : 0;
        }
        double m = modality(stored);
        double y;
        if (width <= 0 && voiLut != null) {
            int i = (int) Math.max(0, Math.min(voiLut.length - 1, m - voiFirst));
            y = voiLut[i] / (double) ((1 << voiBits) - 1);
        } else if (function.equals("SIGMOID")) {
            y = 1 / (1 + Math.exp(-4 * (m - center) / width));
        } else if (function.equals("LINEAR_EXACT")) {
            y = (m - center) / width + 0.5;
        } else {
            // C.11.2.1.2.1: the linear function with its half-unit offsets
            if (m <= center - 0.5 - (width - 1) / 2) {
                y = 0;
            } else if (m > center - 0.5 + (width - 1) / 2) {
                y = 1;
            } else {
                y = ((m - (center - 0.5)) / (width - 1) + 0.5);
            }
        }
        int v = (int) Math.round(Math.max(0, Math.min(1, y)) * 255);
        return invert ? 255 - v : v;
    }

    public double center() {
        return center;
    }

    public double width() {
        return width;
    }
}
