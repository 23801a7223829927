package org.clain.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clain.geom.Vec3;
import org.clain.study.phantom.CtPhantom;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Preset;

/**
 * Abdomen phantoms for the MPR and 3D tests, written once per build folder (the files are a pure
 * function of the options): a small one (128 x 128 x 60, 1.4 x 1.4 x 2.5 mm) for the state and pixel
 * tests, the default one (256 x 256 x 120) for the screenshots.
 */
final class Ui3dPhantoms {
    private Ui3dPhantoms() {
    }

    static Path small() {
        return write("abdomen-128", CtPhantom.Options.defaults(Preset.ABDOMEN, 42).withMatrix(128).withSlices(60));
    }

    static Path full() {
        return write("abdomen-256", CtPhantom.Options.defaults(Preset.ABDOMEN, 42));
    }

    static synchronized Path write(String name, CtPhantom.Options o) {
        Path base = Path.of(System.getProperty("clain.screenshots", "target/screenshots")).toAbsolutePath().getParent();
        Path dir = base.resolve("ui3d-phantoms").resolve(name);
        try {
            if (!Files.isRegularFile(dir.resolve(PhantomTruth.FILE_NAME))) {
                CtPhantom.write(dir, o);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PhantomTruth truth(Path dir) {
        try {
            return PhantomTruth.read(dir.resolve(PhantomTruth.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Vec3 geom(org.clain.study.phantom.Vec3 p) {
        return new Vec3(p.x(), p.y(), p.z());
    }

    static org.clain.study.phantom.Vec3 phantom(Vec3 p) {
        return new org.clain.study.phantom.Vec3(p.x(), p.y(), p.z());
    }
}
