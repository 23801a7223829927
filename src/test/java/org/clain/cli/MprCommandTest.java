package org.clain.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code clain mpr} on the shared abdomen CT: PNG, raw JSON, exit codes. */
class MprCommandTest {
    static final Path CT = SharedData.file("real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE");
    static Volume volume;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        volume = MprCommand.load(CT);
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new MprCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void axialSliceWithRawValues() throws Exception {
        int z = 40;
        Vec3 c = volume.toPatient((volume.nx() - 1) / 2.0, (volume.ny() - 1) / 2.0, z);
        double px = volume.spacing().x();
        Path png = tmp.resolve("ax.png");
        Path json = tmp.resolve("ax.json");
        Run r = run(CT.toString(), "--plane", "axial", "--center", c.x() + "," + c.y() + "," + c.z(), "--size", "512",
                "--pixel", Double.toString(px), "--window", "40,400", "--cpu", "--out", png.toString(), "--raw", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("L=R R=L T=A B=P"), r.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(512, img.getWidth());
        assertEquals(512, img.getHeight());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(512, j.get("width").asInt());
        assertEquals(px, j.get("pixelSize").asDouble(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0}, vec(j.get("u")), 1e-12);
        assertArrayEquals(new double[] {0, 1, 0}, vec(j.get("v")), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1}, vec(j.get("normal")), 1e-12);
        assertArrayEquals(c.toArray(), vec(j.get("center")), 1e-9);
        JsonNode hu = j.get("hu");
        assertEquals(512 * 512, hu.size());
        for (int y = 0; y < 512; y += 7) {
            for (int x = 0; x < 512; x += 5) {
                double want = volume.value(x, y, z);
                assertEquals(want, hu.get(y * 512 + x).asDouble(), 0.0, "voxel " + x + "," + y);
                // the PNG is the DICOM linear window of the same value
                int g = img.getRaster().getSample(x, y, 0);
                assertEquals(new org.clain.render.WindowLevel(40, 400).gray(want), g);
            }
        }
    }

    @Test
    void obliqueSlabDefaultsAndNoData() throws Exception {
        Path png = tmp.resolve("ob.png");
        Path json = tmp.resolve("ob.json");
        Run r = run(CT.toString(), "--plane", "oblique", "--normal", "0.3,-0.5,1", "--slab", "10", "--mode", "avg",
                "--size", "64", "--cpu", "--out", png.toString(), "--raw", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals("avg", j.get("slabMode").asText());
        Vec3 n = new Vec3(0.3, -0.5, 1).normalized();
        assertArrayEquals(n.toArray(), vec(j.get("normal")), 1e-12);
        // default centre: the volume's centre; default pixel: the largest extent over the size, so corners fall outside
        Vec3 mid = volume.toPatient((volume.nx() - 1) / 2.0, (volume.ny() - 1) / 2.0, (volume.nz() - 1) / 2.0);
        assertArrayEquals(mid.toArray(), vec(j.get("center")), 1e-9);
        assertTrue(j.get("hu").get(0).isNull(), "top-left corner is outside the volume");
        assertFalse(j.get("hu").get(32 * 64 + 32).isNull());
        assertTrue(Files.size(png) > 100);
    }

    @Test
    void exitCodes() throws Exception {
        Path png = tmp.resolve("x.png");
        Run missing = run(tmp.resolve("nope").toString(), "--out", png.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("nope") && missing.err().contains("no such file"), missing.err());

        Path junk = tmp.resolve("junk");
        Files.createDirectories(junk);
        Files.write(junk.resolve("a.dcm"), new byte[] {1, 2, 3, 4});
        Run unreadable = run(junk.toString(), "--out", png.toString());
        assertEquals(1, unreadable.code());
        assertTrue(unreadable.err().contains("a.dcm"), unreadable.err());

        List<String[]> usage = new ArrayList<>();
        usage.add(new String[] {CT.toString(), "--plane", "oblique", "--out", png.toString()}); // no normal
        usage.add(new String[] {CT.toString(), "--plane", "diagonal", "--out", png.toString()});
        usage.add(new String[] {CT.toString(), "--center", "1,2", "--out", png.toString()});
        usage.add(new String[] {CT.toString(), "--window", "40", "--out", png.toString()});
        usage.add(new String[] {CT.toString(), "--gpu", "--cpu", "--out", png.toString()});
        usage.add(new String[] {CT.toString()}); // no --out
        usage.add(new String[] {CT.toString(), "--plane", "oblique", "--normal", "0,0,0", "--out", png.toString()});
        usage.add(new String[] {CT.toString(), "--plane", "oblique", "--normal", "0,0,1", "--up", "0,0,3", "--out", png.toString()});
        for (String[] a : usage) {
            Run r = run(a);
            assertEquals(2, r.code(), () -> String.join(" ", a) + ": " + r.err());
            assertFalse(r.err().isBlank());
        }
        assertFalse(Files.exists(png));
    }

    private static double[] vec(JsonNode n) {
        return new double[] {n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble()};
    }
}
