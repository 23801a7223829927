package org.clain;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.clain.measure.AnnotationJson;
import org.clain.render.Presets;
import org.clain.study.phantom.PhantomTruth;
import org.clain.testdata.Fuzzing;
import org.clain.testdata.Fuzzing.Allocation;
import org.clain.testdata.Scratch;
import org.junit.jupiter.api.Timeout;

/**
 * The JSON readers of the tree, on files a user can hand to Clain: annotation documents
 * ({@link AnnotationJson#read}, `clain roi`, the viewer's import), phantom truth files
 * ({@link PhantomTruth#read}) and volume rendering presets ({@link Presets#read}, `clain render
 * --presets`). They declare IOException: any other exception, or an allocation out of proportion
 * with the input, is a finding. (No plan files exist yet; the viewer's own settings file is read
 * by UserConfig, which ignores whatever it cannot read.) Seeds: a document of every measurement
 * kind, a 32x32x3 phantom's truth, the built-in presets.
 */
class JsonFuzzTest {
    private static final Path TRUTH;

    static {
        TRUTH = Scratch.directory("clain-json-fuzz").resolve(PhantomTruth.FILE_NAME);
        Fuzzing.warmUp(JsonFuzzTest.class, input -> {
            annotationsOnce(input);
            phantomTruthOnce(input);
            presetsOnce(input);
        });
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void annotations(byte[] input) {
        annotationsOnce(input);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void phantomTruth(byte[] input) {
        phantomTruthOnce(input);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void presets(byte[] input) {
        presetsOnce(input);
    }

    static void annotationsOnce(byte[] input) {
        check("annotations", input, in -> {
            try {
                AnnotationJson.read(new ByteArrayInputStream(in));
            } catch (IOException e) {
                declared(e);
            }
        });
    }

    static void phantomTruthOnce(byte[] input) {
        check("phantom truth", input, in -> {
            try {
                Files.write(TRUTH, in);
                PhantomTruth.read(TRUTH);
            } catch (IOException e) {
                declared(e);
            }
        });
    }

    static void presetsOnce(byte[] input) {
        check("presets", input, in -> {
            try {
                Presets.read(new ByteArrayInputStream(in));
            } catch (IOException e) {
                declared(e);
            }
        });
    }

    private static void check(String what, byte[] input, Consumer<byte[]> reader) {
        Allocation alloc = Allocation.start((4 << 20) + 512L * input.length);
        reader.accept(input);
        alloc.check(what);
    }

    /** An IOException is the readers' declared failure; one hiding an Error is still a finding. */
    private static void declared(IOException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof VirtualMachineError) {
                throw new AssertionError("error wrapped in " + e.getClass().getSimpleName(), e);
            }
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("IOException without a message", e);
        }
    }
}
