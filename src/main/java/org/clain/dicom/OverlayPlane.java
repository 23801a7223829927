package org.clain.dicom;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One overlay plane of the Overlay Plane / Multi-frame Overlay modules (PS3.3 C.9.2, C.9.3):
 * 1-bit graphics or a region of interest kept in group 60xx (xx even, 00-1E) beside the image,
 * positioned by Overlay Origin (1-based row, column of the image). Only planes with their own
 * Overlay Data (60xx,3000) are read; the retired overlays embedded in unused high bits of Pixel
 * Data are masked away by {@link PixelDecoder} and not shown.
 *
 * @param type             G (graphics) or R (region of interest)
 * @param frames           Number of Frames in Overlay (1 for a single-frame overlay)
 * @param imageFrameOrigin the image frame (1-based) the overlay's first frame goes with
 * @param bits             Overlay Data as little-endian bytes: bit i of the plane is bit i % 8 of byte i / 8
 */
public record OverlayPlane(int group, int rows, int columns, int originRow, int originColumn, String type,
                           String description, int frames, int imageFrameOrigin, byte[] bits) {
    private static final int FIRST_GROUP = 0x6000;
    private static final int LAST_GROUP = 0x601E;

    /** The overlay planes of a dataset with their own data, in group order; planes without data are left out. */
    public static List<OverlayPlane> of(Attributes ds) {
        List<OverlayPlane> out = new ArrayList<>();
        for (int g = FIRST_GROUP; g <= LAST_GROUP; g += 2) {
            int tag = g << 16;
            Element data = ds.get(tag | 0x3000);
            int rows = ds.getInt(tag | 0x0010, 0);
            int columns = ds.getInt(tag | 0x0011, 0);
            if (data == null || data.value() == null || rows <= 0 || columns <= 0) {
                continue;
            }
            double[] origin = ds.getDoubles(tag | 0x0050);
            int frames = Math.max(1, ds.getInt(tag | 0x0015, 1));
            byte[] bits = data.value();
            if (ds.order() == ByteOrder.BIG_ENDIAN && data.vr() == VR.OW) {
                bits = swapWords(bits); // OW words in big-endian files: bit 0 is in each word's second byte
            }
            // a plane whose data is shorter than it says is kept to the frames its bits hold
            long perFrame = (long) rows * columns;
            frames = (int) Math.min(frames, 8L * bits.length / perFrame);
            if (frames == 0) {
                continue;
            }
            boolean placed = origin != null && origin.length >= 2;
            out.add(new OverlayPlane(g, rows, columns, placed ? (int) origin[0] : 1, placed ? (int) origin[1] : 1,
                    ds.getString(tag | 0x0040, "G").trim(),
                    ds.getString(tag | 0x0022, "").trim(), frames, Math.max(1, ds.getInt(tag | 0x0051, 1)), bits));
        }
        return out;
    }

    private static byte[] swapWords(byte[] b) {
        byte[] s = b.clone();
        for (int i = 0; i + 1 < s.length; i += 2) {
            s[i] = b[i + 1];
            s[i + 1] = b[i];
        }
        return s;
    }

    /** The overlay frame (0-based) drawn on image frame {@code imageFrame} (0-based), or -1 for none. */
    public int frameFor(int imageFrame) {
        int k = imageFrame + 1 - imageFrameOrigin;
        return k >= 0 && k < frames ? k : -1;
    }

    /** True where the plane is set, at a row and column of the overlay (0-based) in one of its frames. */
    public boolean bit(int frame, int row, int column) {
        long i = ((long) frame * rows + row) * columns + column;
        return (bits[(int) (i >>> 3)] >> (int) (i & 7) & 1) != 0;
    }
}
