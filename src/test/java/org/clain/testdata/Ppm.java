package org.clain.testdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Colour frames as dcmtk's dcm2pnm writes them (binary PPM, P6, maxval 255): an oracle for display RGB. */
public final class Ppm {
    private Ppm() {
    }

    /** Packed 0xRRGGBB pixels of a P6 file of the given size. */
    public static int[] read(Path p, int columns, int rows) throws IOException {
        byte[] b = Files.readAllBytes(p);
        int at = 0;
        String[] header = new String[4];
        for (int k = 0; k < 4; k++) {
            while (Character.isWhitespace(b[at])) {
                at++;
            }
            int start = at;
            while (!Character.isWhitespace(b[at])) {
                at++;
            }
            header[k] = new String(b, start, at - start, StandardCharsets.US_ASCII);
        }
        at++; // the single whitespace before the samples
        String expected = "P6 " + columns + " " + rows + " 255";
        if (!String.join(" ", header).equals(expected)) {
            throw new IOException(p + ": header " + String.join(" ", header) + ", expected " + expected);
        }
        int[] out = new int[columns * rows];
        for (int i = 0; i < out.length; i++, at += 3) {
            out[i] = (b[at] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | b[at + 2] & 0xFF;
        }
        return out;
    }

    /** dcm2pnm's RGB of one frame (0-based) of a file, through a PPM in {@code dir}. */
    public static int[] dcm2pnm(Path dcm2pnm, Path file, int frame, Path dir, int columns, int rows)
            throws IOException, InterruptedException {
        Path ppm = dir.resolve(file.getFileName() + "-" + frame + ".ppm");
        ExternalTool.Result r = ExternalTool.run(List.of(dcm2pnm.toString(), "--frame", String.valueOf(frame + 1),
                file.toString(), ppm.toString()));
        if (r.exitCode() != 0) {
            throw new IOException("dcm2pnm " + file + ": " + r.all());
        }
        return read(ppm, columns, rows);
    }
}
