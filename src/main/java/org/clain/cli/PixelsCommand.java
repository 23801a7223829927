package org.clain.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.PixelDecoder;
import org.clain.dicom.PixelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pixels", description = "Decode every frame; print size, dtype, min/max/mean and SHA-256 of the stored values.")
public final class PixelsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--json", description = "one JSON object per line per file")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int status = 0;
        for (Path f : files) {
            ObjectNode o = Json.object();
            o.put("path", f.toString());
            try {
                DicomFile df = DicomReader.read(f);
                PixelDecoder px = PixelDecoder.of(df);
                PixelSummary s = PixelSummary.of(px);
                o.put("rows", px.pixel().rows());
                o.put("columns", px.pixel().columns());
                o.put("frames", px.frames());
                o.put("samplesPerPixel", px.pixel().samplesPerPixel());
                o.put("dtype", s.dtype());
                o.put("min", s.min());
                o.put("max", s.max());
                o.put("mean", s.mean());
                o.put("sha256", s.sha256());
            } catch (DicomException e) {
                o.put("error", e.getMessage());
                status = 1;
                System.err.println("clain: " + e.getMessage());
            }
            if (json) {
                System.out.println(Json.compact(o));
            } else if (o.has("error")) {
                System.out.println(f + ": ERROR " + o.get("error").asText());
            } else {
                System.out.printf("%s: %dx%d x%d frame(s) %s min %s max %s mean %.6f sha256 %s%n", f,
                        o.get("columns").asInt(), o.get("rows").asInt(), o.get("frames").asInt(),
                        o.get("dtype").asText(), o.get("min").asText(), o.get("max").asText(),
                        o.get("mean").asDouble(), o.get("sha256").asText());
            }
        }
        return status;
    }
}
