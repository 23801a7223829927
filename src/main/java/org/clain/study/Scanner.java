package org.clain.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.clain.dicom.DicomException;

/**
 * Finds DICOM files under paths (files, folders, DICOMDIRs) and reads their headers in parallel.
 * One bad file never stops the scan: it is listed in {@link StudyIndex#skipped()} with its reason.
 */
public final class Scanner {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private BiConsumer<Integer, Integer> progress = (done, total) -> { };

    /** Called with (files done, files total) from worker threads. */
    public Scanner onProgress(BiConsumer<Integer, Integer> progress) {
        this.progress = progress;
        return this;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public static StudyIndex scan(Collection<Path> paths) {
        return new Scanner().run(paths);
    }

    public StudyIndex run(Collection<Path> paths) {
        List<Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
        List<Path> files = expand(paths, skipped);
        List<Instance> instances = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        int total = files.size();
        files.parallelStream().forEach(p -> {
            if (cancelled.get()) {
                return;
            }
            try {
                instances.add(InstanceReader.read(p));
            } catch (DicomException e) {
                skipped.add(new Skipped(p, e.getMessage()));
            } catch (RuntimeException e) {
                skipped.add(new Skipped(p, p + ": unexpected error: " + e));
            } catch (StackOverflowError | OutOfMemoryError e) {
                // never expected (the reader bounds depth and allocations), but one file must not end the scan
                skipped.add(new Skipped(p, p + ": unexpected error: " + e));
            }
            progress.accept(done.incrementAndGet(), total);
        });
        List<Instance> sorted = new ArrayList<>(instances);
        sorted.sort(Comparator.comparing(i -> i.path().toString()));
        List<Skipped> sk = new ArrayList<>(skipped);
        sk.sort(Comparator.comparing(s -> s.path().toString()));
        return new StudyIndex(sorted, sk);
    }

    /** Files to read: folders walked; a DICOMDIR contributes the files it references. */
    static List<Path> expand(Collection<Path> paths, List<Skipped> skipped) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                // the walk's own attributes (Files.isRegularFile would stat every file once more);
                // a link to a file counts, links to folders are not followed
                try (Stream<Path> s = Files.find(p, Integer.MAX_VALUE, (f, attrs) -> candidate(f)
                        && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(f)))) {
                    s.sorted().forEach(out::add);
                } catch (IOException | RuntimeException e) {
                    skipped.add(new Skipped(p, p + ": cannot list folder: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                if (p.getFileName().toString().equalsIgnoreCase("DICOMDIR")) {
                    try {
                        out.addAll(DicomDir.referencedFiles(p, skipped));
                    } catch (DicomException e) {
                        skipped.add(new Skipped(p, e.getMessage()));
                    }
                } else {
                    out.add(p);
                }
            } else {
                skipped.add(new Skipped(p, p + ": no such file or folder"));
            }
        }
        // a DICOMDIR inside a walked folder is an index, not an image
        out.removeIf(p -> p.getFileName().toString().equalsIgnoreCase("DICOMDIR") && !paths.contains(p));
        return new ArrayList<>(out);
    }

    private static boolean candidate(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return !(n.endsWith(".md") || n.endsWith(".txt") || n.endsWith(".tsv") || n.endsWith(".json")
                || n.endsWith(".py") || n.endsWith(".png") || n.endsWith(".jpg") || n.startsWith("."));
    }
}
