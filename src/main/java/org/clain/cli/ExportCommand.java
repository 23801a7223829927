package org.clain.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.PixelDecoder;
import org.clain.study.Instance;
import org.clain.study.Scanner;
import org.clain.study.Skipped;
import org.clain.study.StudyIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = "Write one PNG per image (frame) with the file's or the given window.")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Option(names = "--out", required = true, description = "output folder (created)")
    Path out;

    @Option(names = "--window", description = "C,W in modality units (HU for CT)", split = ",")
    double[] window;

    @Override
    public Integer call() throws Exception {
        if (window != null && (window.length != 2 || window[1] <= 0)) {
            System.err.println("clain: --window needs C,W with W > 0");
            return 2;
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                System.err.println("clain: " + p + ": no such file or folder");
                return 1;
            }
        }
        Files.createDirectories(out);
        StudyIndex index = Scanner.scan(paths);
        int written = 0;
        for (Instance i : index.instances()) {
            if (!i.hasPixels()) {
                continue;
            }
            try {
                DicomFile f = i.file();
                int frames = PixelDecoder.of(f).frames();
                String base = i.path().getFileName().toString().replaceAll("\\.dcm$", "");
                for (int k = 0; k < frames; k++) {
                    BufferedImage img = org.clain.dicom.imageio.DicomImages.render(f, k,
                            window == null ? null : window[0], window == null ? null : window[1]);
                    Path target = out.resolve(frames == 1 ? base + ".png" : String.format("%s_%04d.png", base, k));
                    writeAtomically(img, target);
                    written++;
                }
            } catch (DicomException e) {
                System.err.println("clain: skipped " + e.getMessage());
            }
        }
        for (Skipped s : index.skipped()) {
            System.err.println("clain: skipped " + s.reason());
        }
        System.out.println(written + " image(s) written to " + out);
        return 0;
    }

    private static void writeAtomically(BufferedImage img, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".clain-", ".png");
        try {
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
