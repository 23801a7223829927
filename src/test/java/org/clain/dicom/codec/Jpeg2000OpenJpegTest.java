package org.clain.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clain.testdata.ExternalTool;
import org.clain.testdata.Ppm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * JPEG 2000 codestreams made by OpenJPEG's {@code opj_compress} with the options that change how
 * a decoder must work (irreversible 9-7 and ICT, rates and quality layers, truncated 5-3 streams, tiles and tile offsets,
 * image offsets that make the first sample odd, resolutions, code-block and precinct sizes,
 * progression orders), decoded by Clain and by {@code opj_decompress} (OpenJPEG 2.5, which
 * pydicom, GDCM and Pillow use): the samples must be the same, lossy streams included.
 */
class Jpeg2000OpenJpegTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "grey8  | -I",
        "grey8  | -I -r 20",
        "grey8  | -I -r 40,20,10",
        "grey8  | -I -q 30,40",
        "grey8  | -I -n 1",
        "grey8  | -I -n 6",
        "grey8  | -I -b 16,16",
        "grey8  | -I -n 3 -c [32,32],[16,16],[8,8]",
        "grey8  | -I -p RPCL -n 3 -c [32,32],[16,16]",
        "grey8  | -I -p CPRL",
        "grey8  | -I -t 32,24 -n 3",
        "grey8  | -I -d 3,5",
        "grey8  | -I -d 5,7 -T 1,2 -t 40,40 -n 4",
        "grey12 | -I",
        "grey12 | -I -r 10",
        "rgb8   | -I",
        "rgb8   | -I -r 30",
        "rgb8   | -I -mct 0",
        "rgb8   | -I -d 1,1 -t 33,33 -n 3",
        "grey8  | -d 3,5 -t 40,40 -n 4",
        "grey8  | -r 20",
        "rgb8   | -r 30,10",
        "rgb8   | -n 4"})
    void decodesAsOpenJpeg(String kind, String options, @TempDir Path tmp) throws Exception {
        Path compress = tool("opj_compress");
        Path decompress = tool("opj_decompress");
        Ppm.Image source = synthetic(kind.trim());
        Path src = tmp.resolve(source.components() == 1 ? "src.pgm" : "src.ppm");
        Ppm.write(src, source);
        Path cs = tmp.resolve("cs.j2k");
        List<String> cmd = new ArrayList<>(List.of(compress.toString(), "-i", src.toString(), "-o", cs.toString()));
        cmd.addAll(List.of(options.trim().split(" +")));
        run(cmd);
        Path ref = tmp.resolve(source.components() == 1 ? "ref.pgm" : "ref.ppm");
        run(List.of(decompress.toString(), "-i", cs.toString(), "-o", ref.toString()));
        Ppm.Image theirs = Ppm.readAny(ref);

        byte[] data = Files.readAllBytes(cs);
        DecodedImage mine = Jpeg2000Decoder.decode(data, 0, data.length);
        assertEquals(theirs.columns(), mine.width());
        assertEquals(theirs.rows(), mine.height());
        assertEquals(theirs.components(), mine.components());
        assertArrayEquals(theirs.samples(), mine.samples(), "Clain against opj_decompress");
    }

    /** Smooth structure, edges and noise, odd sizes: every band gets coefficients. */
    private static Ppm.Image synthetic(String kind) {
        int w = 97;
        int h = 61;
        int comps = kind.startsWith("rgb") ? 3 : 1;
        int maxval = kind.equals("grey12") ? 4095 : 255;
        Random rnd = new Random(11);
        int[] s = new int[w * h * comps];
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < comps; c++, i++) {
                    double v = 0.5 + 0.35 * Math.sin(x * (0.11 + 0.05 * c)) * Math.cos(y * 0.17)
                            + ((x / 13 + y / 9) % 2 == 0 ? 0.1 : -0.1) + 0.04 * rnd.nextGaussian();
                    s[i] = (int) Math.max(0, Math.min(maxval, Math.round(v * maxval)));
                }
            }
        }
        return new Ppm.Image(w, h, comps, maxval, s);
    }

    private static Path tool(String name) {
        Path p = ExternalTool.find(name).orElse(null);
        Assumptions.assumeTrue(p != null, "OpenJPEG's " + name + " (libopenjp2-tools) is not installed");
        return p;
    }

    private static void run(List<String> cmd) throws Exception {
        ExternalTool.Result r = ExternalTool.run(cmd);
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.all());
    }
}
