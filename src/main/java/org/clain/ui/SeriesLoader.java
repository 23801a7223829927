package org.clain.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.clain.dicom.DicomException;
import org.clain.dicom.Tag;
import org.clain.render.SliceImage;
import org.clain.study.ColorStack;
import org.clain.study.Instance;
import org.clain.study.Scanner;
import org.clain.study.Segmentation;
import org.clain.study.Series;
import org.clain.study.Skipped;
import org.clain.study.SliceStack;
import org.clain.study.StructureSet;
import org.clain.study.StudyIndex;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;

/**
 * The main window's background work: scanning files and folders into a {@link StudyIndex}
 * ({@link Scanner}) and decoding series into volumes ({@link VolumeLoader}) or colour frames
 * ({@link ColorStack}), first image first.
 * Decoded volumes are kept until another index is shown. Results reach the window on the FX thread.
 */
final class SeriesLoader {
    private static final System.Logger LOG = System.getLogger("clain.ui");

    private final MainWindow window;
    private final ViewportGrid grid;
    private final StatusBar statusBar;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, MainWindow.daemon("clain-worker"));
    /** Grey volumes, and the luma volumes of colour stacks (what measurements read). */
    private final Map<SliceStack, Volume> volumes = new HashMap<>();
    private final Map<SliceStack, ColorStack> colours = new HashMap<>();
    private final Map<SliceStack, Task<?>> loads = new HashMap<>();
    /** Who waits for a stack's volume without showing it ({@link #volumeOf}). */
    private final Map<SliceStack, List<Consumer<Volume>>> waiting = new HashMap<>();
    /** Segmentations read, by SOP Instance UID (filled from worker threads). */
    private final Map<String, Segmentation> segmentations = new HashMap<>();
    /** Segmentations and structure sets that could not be read, by path: reported once, not read again. */
    private final Set<Path> unreadable = ConcurrentHashMap.newKeySet();
    private Scanner scanner;
    private Task<StudyIndex> scanTask;
    private boolean scanning;

    SeriesLoader(MainWindow window, ViewportGrid grid, StatusBar statusBar) {
        this.window = window;
        this.grid = grid;
        this.statusBar = statusBar;
    }

    /** Scans files, folders and DICOMDIRs; the index goes to the window (a scan still running is cancelled). */
    void scan(List<Path> paths) {
        if (scanTask != null && !scanTask.isDone()) {
            scanTask.cancel();
        }
        Scanner sc = new Scanner();
        Task<StudyIndex> task = new Task<>() {
            @Override
            protected StudyIndex call() {
                updateTitle("Reading " + describe(paths));
                sc.onProgress((done, total) -> {
                    if (isCancelled()) {
                        sc.cancel();
                    }
                    updateProgress(done, total);
                    updateMessage(done + " / " + total + " files");
                });
                return sc.run(paths);
            }
        };
        scanner = sc;
        scanTask = task;
        scanning = true;
        task.setOnSucceeded(e -> {
            if (task == scanTask) {
                scanning = false;
                window.setIndex(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (task == scanTask) {
                scanning = false;
            }
            Throwable t = task.getException();
            LOG.log(System.Logger.Level.ERROR, "scan failed", t);
            window.addProblem(new Skipped(paths.get(0), "could not be read: " + t));
            statusBar.setText("Could not read " + describe(paths) + ": " + t.getMessage());
        });
        task.setOnCancelled(e -> {
            if (task == scanTask) {
                scanning = false;
            }
            statusBar.setText("Opening cancelled");
        });
        statusBar.track(task);
        workers.submit(task);
    }

    private static String describe(List<Path> paths) {
        Path first = paths.get(0);
        String name = first.getFileName() == null ? first.toString() : first.getFileName().toString();
        return paths.size() == 1 ? name : name + " and " + (paths.size() - 1) + " more";
    }

    /** Cancels the decoding of every volume and forgets those decoded (another index is shown). */
    void forget() {
        for (Task<?> t : loads.values()) {
            t.cancel();
        }
        loads.clear();
        waiting.clear();
        volumes.clear();
        colours.clear();
        synchronized (segmentations) {
            segmentations.clear();
        }
        unreadable.clear();
    }

    /** Reports a file that cannot be read as a segmentation or structure set, once. */
    private void unreadable(Instance in, String what, Exception e) {
        if (unreadable.add(in.path())) {
            Skipped bad = new Skipped(in.path(), what + ": " + e.getMessage());
            Platform.runLater(() -> window.addProblem(bad));
        }
    }

    /**
     * The segmentations of the index that lie on a stack (same Frame of Reference, or referencing
     * its series), read in the background the first time, then handed to the viewport showing it.
     * A segmentation that cannot be read goes to the problems list.
     */
    void segmentations(StudyIndex index, SliceStack stack, Viewport vp) {
        String series = stack.series().seriesInstanceUid();
        String frame = stack.instance(stack.slices().get(0)).frameOfReferenceUid();
        List<Instance> candidates = new ArrayList<>();
        for (Series s : index.series()) {
            for (Instance in : s.instances()) {
                if (Segmentation.isSegmentation(in) && in != stack.instance(stack.slices().get(0))
                        && (frame.equals(in.frameOfReferenceUid()) || referencesSeries(in, series))) {
                    candidates.add(in);
                }
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, Segmentation> cache = segmentations;
        workers.submit(() -> {
            List<Segmentation> found = new ArrayList<>();
            for (Instance in : candidates) {
                Segmentation seg;
                synchronized (cache) {
                    seg = cache.get(in.sopInstanceUid());
                }
                if (seg == null) {
                    if (unreadable.contains(in.path())) {
                        continue;
                    }
                    try {
                        seg = Segmentation.read(in);
                    } catch (DicomException | RuntimeException e) {
                        unreadable(in, "segmentation", e);
                        continue;
                    }
                    synchronized (cache) {
                        cache.put(in.sopInstanceUid(), seg);
                    }
                }
                if (seg.appliesTo(series, frame)) {
                    found.add(seg);
                }
            }
            Platform.runLater(() -> vp.updateLayers(stack, l -> l.setSegmentations(found)));
        });
    }

    /**
     * The RT Structure Sets of the index in a stack's Frame of Reference (they have no pixels: they
     * are among the index's instances, not its series), read in the background, handed to the viewport.
     */
    void structureSets(StudyIndex index, SliceStack stack, Viewport vp) {
        String frame = stack.instance(stack.slices().get(0)).frameOfReferenceUid();
        List<Instance> candidates = index.instances().stream().filter(StructureSet::isStructureSet).toList();
        if (candidates.isEmpty() || frame.isEmpty()) {
            return;
        }
        workers.submit(() -> {
            List<StructureSet> found = new ArrayList<>();
            for (Instance in : candidates) {
                if (unreadable.contains(in.path())) {
                    continue;
                }
                try {
                    StructureSet set = StructureSet.read(in);
                    if (frame.equals(set.frameOfReferenceUid())) {
                        found.add(set);
                    }
                } catch (DicomException | RuntimeException e) {
                    unreadable(in, "structure set", e);
                }
            }
            if (!found.isEmpty()) {
                Platform.runLater(() -> vp.updateLayers(stack, l -> l.setStructureSets(found)));
            }
        });
    }

    private static boolean referencesSeries(Instance in, String seriesUid) {
        for (var r : in.file().dataset().getSequence(Tag.ReferencedSeriesSequence)) {
            if (seriesUid.equals(r.getString(Tag.SeriesInstanceUID, "").trim())) {
                return true;
            }
        }
        return false;
    }

    /** A colour stack's frames and their luma volume. */
    private record Colour(ColorStack frames, Volume luma) {
    }

    /** The volume of a stack once decoded (the luma of a colour stack), or null. */
    Volume volume(SliceStack stack) {
        return volumes.get(stack);
    }

    /** The frames of a colour stack once decoded, or null. */
    ColorStack colorStack(SliceStack stack) {
        return colours.get(stack);
    }

    /**
     * Hands a grey stack's volume to {@code then}: now when decoded, else once decoded in the
     * background (a series fused over another, which no viewport shows itself).
     */
    void volumeOf(Series s, SliceStack stack, Consumer<Volume> then) {
        Volume v = volumes.get(stack);
        if (v != null) {
            then.accept(v);
            return;
        }
        waiting.computeIfAbsent(stack, k -> new ArrayList<>()).add(then);
        load(s, stack, 0, null);
    }

    /** The decoded volume of a series, or null. */
    Volume volumeOf(String seriesInstanceUid) {
        for (Map.Entry<SliceStack, Volume> e : volumes.entrySet()) {
            if (e.getKey().series().seriesInstanceUid().equals(seriesInstanceUid)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Decodes a stack unless it is being decoded, into a {@link Volume} or, for a colour series, a
     * {@link ColorStack}: the image at {@code first} comes first, as a preview in the viewports
     * showing the stack, then the whole stack goes to every viewport.
     */
    void load(Series s, SliceStack stack, int first, Viewport vp) {
        if (loads.containsKey(stack)) {
            return;
        }
        List<Viewport> viewports = grid.all();
        String what = (s.description().isBlank() ? "series " + s.seriesNumber() : s.description());
        boolean colour = ColorStack.isColor(stack);
        Task<Object> task = new Task<>() {
            @Override
            protected Object call() throws Exception {
                updateTitle("Loading " + what);
                try {
                    Consumer<Viewport> preview;
                    if (colour) {
                        int[] rgb = ColorStack.decode(stack, first);
                        preview = x -> x.showColorPreview(stack, rgb, first);
                    } else {
                        SliceImage img = SliceImage.decode(stack, first);
                        preview = x -> x.showPreview(stack, img, first);
                    }
                    Platform.runLater(() -> viewports.forEach(preview));
                } catch (DicomException e) {
                    LOG.log(System.Logger.Level.WARNING, "first image: " + e.getMessage());
                }
                BiConsumer<Integer, Integer> progress = (done, total) -> {
                    if (isCancelled()) {
                        throw new CancellationException("cancelled");
                    }
                    updateProgress(done, total);
                    updateMessage(done + " / " + total + " images");
                };
                if (colour) {
                    ColorStack c = ColorStack.load(stack, progress);
                    return new Colour(c, c.luma(stack));
                }
                // one bad file among hundreds leaves its slice blank, not the series unreadable
                return VolumeLoader.load(stack, progress, true);
            }
        };
        loads.put(stack, task);
        task.messageProperty().addListener((o, a, b) -> {
            for (Viewport x : viewports) {
                if (x.stack() == stack && x.isLoading()) {
                    x.setLoading("Loading " + b);
                }
            }
        });
        task.setOnSucceeded(e -> {
            loads.remove(stack);
            if (window.index() == null || !window.index().series().contains(s)) {
                return;
            }
            if (task.getValue() instanceof Colour c) {
                colours.put(stack, c.frames());
                volumes.put(stack, c.luma());
                viewports.forEach(x -> x.setColor(stack, c.frames(), c.luma()));
                String note = reportUndecoded(stack, what, c.frames().undecodedFrames());
                statusBar.setText(what + ": " + c.frames().size() + " colour images, " + c.frames().columns() + "x"
                        + c.frames().rows() + (note == null ? "" : "  — " + note));
                return;
            }
            Volume vol = (Volume) task.getValue();
            volumes.put(stack, vol);
            for (Viewport x : viewports) {
                x.setVolume(stack, vol);
            }
            List<Consumer<Volume>> then = waiting.remove(stack);
            if (then != null) {
                then.forEach(c -> c.accept(vol));
            }
            for (String w : stack.warnings()) {
                LOG.log(System.Logger.Level.INFO, what + ": " + w);
            }
            String undecoded = reportUndecoded(stack, what, vol.undecodedSlices());
            String note = undecoded != null ? undecoded
                    : vol.quantizationError() > 0
                    ? String.format(Locale.ROOT, "values scaled into 16 bits, each within %.3g",
                    vol.quantizationError())
                    : stack.warnings().isEmpty() ? null : stack.warnings().get(0);
            statusBar.setText(what + ": " + vol.nz() + " images, " + vol.nx() + "x" + vol.ny()
                    + (note == null ? "" : "  — " + note));
            Viewport active = grid.active();
            if (active.volume() != null || vp != null) {
                grid.syncFrom(active.volume() != null ? active : vp);
            }
        });
        task.setOnFailed(e -> {
            loads.remove(stack);
            Throwable t = task.getException();
            String reason = t instanceof DicomException d ? d.reason() : String.valueOf(t);
            window.addProblem(new Skipped(stack.slices().get(0).path(), "series \"" + what
                    + "\" cannot be shown: " + reason));
            for (Viewport x : viewports) {
                if (x.stack() == stack) {
                    x.setError("Cannot show this series: " + reason);
                }
            }
            statusBar.setText("Cannot show " + what + ": " + reason);
        });
        task.setOnCancelled(e -> {
            loads.remove(stack);
            for (Viewport x : viewports) {
                if (x.stack() == stack && !x.isLoaded()) {
                    x.setError("Loading cancelled");
                }
            }
        });
        statusBar.track(task);
        workers.submit(task);
    }

    /** Lists the images a load left blank as problems; the status bar's note on them, or null for none. */
    private String reportUndecoded(SliceStack stack, String what, Map<Integer, String> undecoded) {
        undecoded.forEach((z, reason) -> window.addProblem(new Skipped(stack.slices().get(z).path(),
                "image " + (z + 1) + " of \"" + what + "\" left blank: " + reason)));
        int bad = undecoded.size();
        return bad == 0 ? null : bad + (bad == 1 ? " image" : " images") + " could not be decoded: left blank";
    }

    /** Cancels what the status bar shows (the scan, or a volume being decoded). */
    void cancel() {
        Task<?> tracked = statusBar.tracked();
        if (tracked != null) {
            if (tracked == scanTask && scanner != null) {
                scanner.cancel();
            }
            tracked.cancel();
        }
    }

    /** True while a scan or a volume load runs. */
    boolean busy() {
        // not Task.isRunning: a submitted task is READY until a worker picks it up, and done
        // before its result reaches the FX thread
        return scanning || !loads.isEmpty();
    }

    void shutdown() {
        workers.shutdownNow();
    }
}
