package org.clain.ui.measure;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.clain.measure.AnnotationJson;
import org.clain.measure.AtomicFiles;
import org.clain.measure.Measurement;
import org.clain.measure.MeasurementCsv;
import org.clain.measure.MeasurementSet;
import org.clain.measure.SrContext;
import org.clain.measure.StructuredReport;
import org.clain.study.Series;

/**
 * The measurements going out of Clain and coming in: the current study's annotations as a Clain
 * JSON document (and back), its measurements as a DICOM SR (TID 1500), the active view as a PNG
 * with the annotations burned in, the measurement table as CSV; and the File menu commands that
 * choose the file for them.
 */
final class AnnotationExports {
    private static final System.Logger LOG = System.getLogger("clain.ui");

    private final MeasureController ctl;
    private final MeasureHost host;
    private boolean exporting;

    AnnotationExports(MeasureController ctl, MeasureHost host) {
        this.ctl = ctl;
        this.host = host;
    }

    /** True while the image export snapshots the view: the layers draw no selection then. */
    boolean exporting() {
        return exporting;
    }

    private MeasurementSet requireSet() throws IOException {
        MeasurementSet s = ctl.currentSet();
        if (s == null) {
            throw new IOException("no study is open");
        }
        return s;
    }

    /** Writes the current study's annotations as a Clain JSON document (anywhere the user chose). */
    void exportJson(Path file) throws IOException {
        MeasurementSet s = requireSet();
        AnnotationJson.exportTo(file, s);
        host.status(s.size() + " annotations exported to " + file);
    }

    /**
     * Adds the annotations of a Clain JSON document to the open study it belongs to (else to the
     * current one); those already there (same id) are skipped. Returns how many were added.
     */
    int importJson(Path file) throws IOException {
        MeasurementSet in = AnnotationJson.importFrom(file);
        Map<String, MeasurementSet> sets = ctl.sets();
        MeasurementSet target = sets.containsKey(in.studyInstanceUid()) ? sets.get(in.studyInstanceUid()) : requireSet();
        int added = 0;
        for (Measurement m : in.measurements()) {
            if (target.find(m.id()).isEmpty()) {
                target.add(m);
                added++;
            }
        }
        int skipped = in.size() - added;
        host.status(added + " annotations imported" + (skipped > 0 ? ", " + skipped + " already there" : "")
                + (in.studyInstanceUid().equals(target.studyInstanceUid()) ? "" : " (from another study)"));
        return added;
    }

    /** Writes the current study's measurements as a DICOM Comprehensive 3D SR (TID 1500). */
    void exportSr(Path file) throws IOException {
        MeasurementSet s = requireSet();
        List<Measurement> ms = s.measurements();
        if (ms.isEmpty()) {
            throw new IOException("this study has no measurements to report");
        }
        Set<String> measured = new HashSet<>();
        for (Measurement m : ms) {
            if (m.seriesInstanceUid() != null) {
                measured.add(m.seriesInstanceUid());
            }
        }
        List<Series> series = host.series().stream().filter(x -> measured.contains(x.seriesInstanceUid())).toList();
        SrContext ctx = series.isEmpty() ? SrContext.ofStudy(s.studyInstanceUid()) : SrContext.fromSeries(series);
        StructuredReport.write(file, ms, host::volumeOf, ctx);
        host.status("Structured report of " + ms.size() + " measurements written to " + file);
    }

    /** The active view as shown, annotations burned in (no selection handles), as a PNG file. */
    void exportPng(Path file) throws IOException {
        PlaneView v = host.activeView();
        if (v == null || v.volume() == null) {
            throw new IOException("no image to export");
        }
        WritableImage img;
        exporting = true;
        try {
            v.repaint();
            img = v.node().snapshot(null, null);
        } finally {
            exporting = false;
            v.repaint();
        }
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(bi, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
        host.status("Image written to " + file);
    }

    /** The measurement table ({@link MeasurementCsv}) of the open studies. */
    String csv() throws IOException {
        StringWriter w = new StringWriter();
        MeasurementCsv.write(ctl.measurements(), host::volumeOf, w);
        return w.toString();
    }

    /** Puts the measurement table on the clipboard as CSV. */
    String copyCsv() throws IOException {
        String text = csv();
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
        host.status(ctl.measurements().size() + " measurements copied as CSV");
        return text;
    }

    @FunctionalInterface
    private interface FileAction {
        void run(Path p) throws IOException;
    }

    private void withFile(String title, String name, boolean save, FileAction action,
                          FileChooser.ExtensionFilter... filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(filters);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (name != null) {
            fc.setInitialFileName(name);
        }
        File f = save ? fc.showSaveDialog(host.window()) : fc.showOpenDialog(host.window());
        if (f == null) {
            return;
        }
        try {
            action.run(f.toPath());
        } catch (NoSuchFileException e) {
            host.status(title + " failed: no such file " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, title + " failed", e);
            host.status(title + " failed: " + e.getMessage());
        }
    }

    private String studyFileName(String suffix) {
        MeasurementSet s = ctl.currentSet();
        return (s == null || s.studyInstanceUid().isEmpty() ? "study" : s.studyInstanceUid()) + suffix;
    }

    /** The File menu's commands (with their shortcuts); each asks for its file. */
    List<MeasureAction> fileActions() {
        FileChooser.ExtensionFilter json = new FileChooser.ExtensionFilter("Clain annotations (*.json)", "*.json");
        List<MeasureAction> a = new ArrayList<>();
        a.add(new MeasureAction("File", "Export annotations (JSON)…", null, () -> withFile(
                "Export annotations", studyFileName("-annotations.json"), true, this::exportJson, json)));
        a.add(new MeasureAction("File", "Import annotations (JSON)…", null, () -> withFile(
                "Import annotations", null, false, this::importJson, json)));
        a.add(new MeasureAction("File", "Export DICOM SR (TID 1500)…", null, () -> withFile(
                "Export DICOM SR", "measurements-sr.dcm", true, this::exportSr,
                new FileChooser.ExtensionFilter("DICOM (*.dcm)", "*.dcm"))));
        a.add(new MeasureAction("File", "Export image with annotations (PNG)…",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withFile("Export image", "clain-image.png", true, this::exportPng,
                        new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"))));
        a.add(new MeasureAction("File", "Copy measurements as CSV",
                new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
                    try {
                        copyCsv();
                    } catch (IOException e) {
                        host.status("Copy failed: " + e.getMessage());
                    }
                }));
        return a;
    }
}
