package org.clain.testdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Binary PNM images (P5 grey, P6 colour; 8-bit, or 16-bit big-endian above maxval 255) as the
 * oracles write them: dcmtk's dcm2pnm for display RGB, OpenJPEG's opj_decompress for samples.
 */
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

    /** A P5/P6 image: its size, components and samples, interleaved. */
    public record Image(int columns, int rows, int components, int maxval, int[] samples) {
    }

    /** Any binary P5 or P6 file ('#' comment lines in the header allowed). */
    public static Image readAny(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        int at = 0;
        String[] header = new String[4];
        for (int k = 0; k < 4; k++) {
            while (Character.isWhitespace(b[at]) || b[at] == '#') {
                if (b[at] == '#') {
                    while (b[at] != '\n') {
                        at++;
                    }
                }
                at++;
            }
            int start = at;
            while (!Character.isWhitespace(b[at])) {
                at++;
            }
            header[k] = new String(b, start, at - start, StandardCharsets.US_ASCII);
        }
        at++;
        int comps = switch (header[0]) {
            case "P5" -> 1;
            case "P6" -> 3;
            default -> throw new IOException(p + ": not a binary PGM/PPM (" + header[0] + ")");
        };
        int w = Integer.parseInt(header[1]);
        int h = Integer.parseInt(header[2]);
        int maxval = Integer.parseInt(header[3]);
        int[] out = new int[w * h * comps];
        for (int i = 0; i < out.length; i++) {
            out[i] = maxval > 255 ? (b[at++] & 0xFF) << 8 | b[at++] & 0xFF : b[at++] & 0xFF;
        }
        return new Image(w, h, comps, maxval, out);
    }

    /** Writes {@code img} as binary P5 or P6. */
    public static void write(Path p, Image img) throws IOException {
        byte[] head = ((img.components() == 1 ? "P5" : "P6") + "\n" + img.columns() + " " + img.rows() + "\n"
                + img.maxval() + "\n").getBytes(StandardCharsets.US_ASCII);
        int bytes = img.maxval() > 255 ? 2 : 1;
        byte[] out = new byte[head.length + img.samples().length * bytes];
        System.arraycopy(head, 0, out, 0, head.length);
        int at = head.length;
        for (int v : img.samples()) {
            if (bytes == 2) {
                out[at++] = (byte) (v >> 8);
            }
            out[at++] = (byte) v;
        }
        Files.write(p, out);
    }
}
