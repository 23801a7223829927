package org.clain.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.clain.dicom.DicomException;
import org.clain.dicom.codec.CodecException;

/**
 * What counts as a finding in Clain's fuzz tests (docs/FUZZING.md), shared by every
 * {@code @FuzzTest}:
 * <ul>
 * <li>any exception other than {@link DicomException} / {@link CodecException} escaping the target
 * (Jazzer and JUnit report it as it is);</li>
 * <li>a DicomException / CodecException that only exists because a safety net caught a
 * RuntimeException thrown by Clain's own code (a bound check we missed), or that wraps an
 * Error (OutOfMemoryError, StackOverflowError) from anywhere: {@link #checkClean};</li>
 * <li>a DicomException that does not name the file or the reason;</li>
 * <li>more memory allocated than the input and the sizes its header declares justify:
 * {@link Allocation};</li>
 * <li>a hang: the per-input timeout {@link #TIMEOUT_S} (JUnit {@code @Timeout}, which Jazzer
 * passes to libFuzzer as {@code -timeout}).</li>
 * </ul>
 */
public final class Fuzzing {
    /** Default fuzzing time per target under {@code -Pfuzz}; the profile's fuzz.seconds overrides it. */
    public static final String MAX_DURATION = "5m";
    /** True when Jazzer fuzzes (JAZZER_FUZZ set), false in regression mode. */
    public static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();
    /** Per-input time limit, seconds. */
    public static final long TIMEOUT_S = 10;
    /**
     * Largest frame (samples) a fuzz target decodes: larger declared frames are legal (up to 2^28
     * samples, see LimitsTest and HostileInputTest) but each costs its declared memory and time,
     * which would only slow the fuzzer down.
     */
    public static final long MAX_FUZZ_FRAME_SAMPLES = 1L << 16;

    private Fuzzing() {
    }

    private static final java.io.PrintStream NO_OUTPUT = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    /**
     * Runs one input with System.err silenced: JJ2000 prints a stack trace for every truncated
     * codestream (JJ2KExceptionHandler, before its ThreadDeath), which would cost the fuzzer more
     * time than the decoding. Anything the input throws is thrown after System.err is restored.
     */
    public static void quietly(Consumer<byte[]> target, byte[] input) {
        java.io.PrintStream err = System.err;
        System.setErr(NO_OUTPUT);
        try {
            target.accept(input);
        } finally {
            System.setErr(err);
        }
    }

    /**
     * Runs {@code target} once on every seed of {@code testClass} (its {@code <Class>Inputs} folder,
     * class level and per method) before any allocation is metered: the first run of a code path loads
     * classes (the dictionary, Java2D, JJ2000, string-concatenation call sites) on the calling
     * thread. Failures are ignored here; the seeds run again as regression inputs.
     */
    public static void warmUp(Class<?> testClass, Consumer<byte[]> target) {
        URL url = testClass.getResource(testClass.getSimpleName() + "Inputs");
        if (url == null) {
            return;
        }
        List<Path> seeds;
        try (Stream<Path> s = Files.walk(Path.of(url.toURI()))) {
            seeds = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("seed-")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (Path p : seeds) {
            try (InputStream in = Files.newInputStream(p)) {
                quietly(target, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException | AssertionError e) {
                // reported when the seed runs as a regression input
            }
        }
    }

    /** A DicomException is a clean rejection if it names the file and the reason and hides no internal error. */
    public static void checkClean(DicomException e, Path file) {
        if (e.file() == null || !e.file().equals(file)) {
            throw new AssertionError("DicomException does not name the file " + file + ": " + e.getMessage(), e);
        }
        if (!e.getMessage().contains(file.toString())) {
            throw new AssertionError("message does not name the file: " + e.getMessage(), e);
        }
        if (e.reason() == null || e.reason().isBlank()) {
            throw new AssertionError("no reason: " + e.getMessage(), e);
        }
        if (e.offset() < -1) {
            throw new AssertionError("negative offset " + e.offset() + ": " + e.getMessage(), e);
        }
        checkCauses(e);
    }

    public static void checkClean(CodecException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("CodecException without a message", e);
        }
        checkCauses(e);
    }

    /**
     * Walks the causes: an Error anywhere, or a RuntimeException thrown from Clain's code (caught by
     * a safety net and wrapped), is a finding. RuntimeExceptions thrown inside third-party decoders
     * (JJ2000) are the adapter's to wrap, and allowed when wrapped in a CodecException.
     */
    private static void checkCauses(Throwable top) {
        for (Throwable t = top.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof VirtualMachineError || (t instanceof Error && thrownByClain(t))) {
                // OutOfMemoryError, StackOverflowError; JJ2000's own Errors (ThreadDeath at the end
                // of data, Error for unsupported features) are its way of failing and are wrapped
                throw new AssertionError("error wrapped in " + top.getClass().getSimpleName() + ": " + t, top);
            }
            if (t instanceof RuntimeException && thrownByClain(t)) {
                throw new AssertionError("internal error in Clain's code wrapped in " + top.getClass().getSimpleName()
                        + ": " + t, top);
            }
        }
    }

    /** True if the first stack frame outside the JDK is Clain's. */
    static boolean thrownByClain(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("java.") || c.startsWith("javax.") || c.startsWith("jdk.") || c.startsWith("sun.")
                    || c.startsWith("com.sun.")) {
                continue;
            }
            return c.startsWith("org.clain.");
        }
        return false;
    }

    /**
     * Bytes allocated by the current thread since {@link #start()}, checked against a bound that
     * the caller builds from the input length and the sizes the input declares.
     */
    public static final class Allocation {
        private static final com.sun.management.ThreadMXBean MX =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final long start;
        private long bound;

        private Allocation(long bound) {
            this.start = MX.getCurrentThreadAllocatedBytes();
            this.bound = bound;
        }

        /** Starts a meter with an initial allowance (bookkeeping, messages, small tables). */
        public static Allocation start(long allowance) {
            return new Allocation(allowance);
        }

        public void allow(long bytes) {
            bound += bytes;
        }

        public long used() {
            return MX.getCurrentThreadAllocatedBytes() - start;
        }

        public void check(String what) {
            long used = used();
            // under -Pfuzz Jazzer's comparison hooks allocate on this thread too (copies of the
            // compared strings and arrays: 10 MB for one 2 KB input whose 18 KB transfer syntax
            // value meets every UID compare); the exact bound holds when the input is replayed
            long limit = FUZZING ? 8 * bound + (32 << 20) : bound;
            if (used > limit) {
                throw new AssertionError(what + ": allocated " + used + " bytes, bound " + limit);
            }
        }
    }
}
