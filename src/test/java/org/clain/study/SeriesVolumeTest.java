package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clain.geom.Vec3;
import org.clain.testdata.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three real series load into volumes whose geometry and voxels match SERIES.tsv. */
class SeriesVolumeTest {

    static Stream<Map<String, String>> series() {
        return SharedData.series().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void volumeMatchesSeriesTable(Map<String, String> row) throws Exception {
        StudyIndex index = Scanner.scan(List.of(SharedData.file(row.get("series_dir"))));
        assertTrue(index.skipped().isEmpty(), () -> "skipped: " + index.skipped());
        assertEquals(1, index.series().size());
        Series series = index.series().get(0);
        SliceStack stack = series.stacks().get(0);
        assertEquals(Integer.parseInt(row.get("n_slices")), stack.size());
        assertEquals(Boolean.parseBoolean(row.get("uniform_spacing(tol 0.01mm)")), stack.uniformSpacing());
        assertEquals(Double.parseDouble(row.get("slice_spacing_from_ipp_mean")), stack.sliceSpacing(), 1e-5);
        assertEquals(row.get("first_file(sorted)"), stack.slices().get(0).path().getFileName().toString());
        assertEquals(row.get("last_file"), stack.slices().get(stack.size() - 1).path().getFileName().toString());

        Volume v = VolumeLoader.load(stack);
        String[] shape = row.get("volume_shape(z,y,x)").split("x");
        assertEquals(Integer.parseInt(shape[0]), v.nz());
        assertEquals(Integer.parseInt(shape[1]), v.ny());
        assertEquals(Integer.parseInt(shape[2]), v.nx());
        assertEquals(row.get("volume_dtype").startsWith("int"), v.signed());
        Vec3 firstIpp = parse(row.get("first_ipp(sorted by normal)"));
        Vec3 lastIpp = parse(row.get("last_ipp"));
        assertTrue(v.toPatient(0, 0, 0).distance(firstIpp) < 1e-4, "origin " + v.toPatient(0, 0, 0));
        assertTrue(v.toPatient(0, 0, v.nz() - 1).distance(lastIpp) < 1e-4, "last slice origin");
        String[] ps = row.get("pixel_spacing").split("\\\\");
        assertEquals(Double.parseDouble(ps[1]), v.spacing().x(), 1e-9);
        assertEquals(Double.parseDouble(ps[0]), v.spacing().y(), 1e-9);

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer bytes = ByteBuffer.allocate(v.nx() * v.ny() * 2).order(ByteOrder.LITTLE_ENDIAN);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int z = 0; z < v.nz(); z++) {
            bytes.clear();
            bytes.asShortBuffer().put(v.copySlice(z));
            sha.update(bytes.array());
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) {
                    int s = v.stored(x, y, z);
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                }
            }
        }
        assertEquals(row.get("volume_sha256(sorted ascending along normal, LE native dtype)"),
                HexFormat.of().formatHex(sha.digest()));
        assertEquals(Long.parseLong(row.get("stored_min")), min);
        assertEquals(Long.parseLong(row.get("stored_max")), max);
        assertEquals(Double.parseDouble(row.get("rescaled_min")), min * v.slope(0) + v.intercept(0), 1e-9);
        // the arrays holding the voxels (each counted once) add up to exactly the raw voxel bytes
        assertEquals((long) v.nx() * v.ny() * v.nz() * 2, v.voxelBytes());
    }

    private static Vec3 parse(String s) {
        String[] p = s.split("\\\\");
        return new Vec3(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
    }
}
