package org.clain.dicom.imageio;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.PixelDecoder;

/** ImageIO reader: image i = frame i, rendered through {@link DicomImages} with the file's window. */
public final class DicomImageReader extends ImageReader {
    private DicomFile file;
    private PixelDecoder decoder;

    DicomImageReader(ImageReaderSpi spi) {
        super(spi);
    }

    private void load() throws IOException {
        if (file != null) {
            return;
        }
        if (!(input instanceof ImageInputStream in)) {
            throw new IllegalStateException("input not set");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int k;
        while ((k = in.read(buf)) > 0) {
            bytes.write(buf, 0, k);
        }
        file = DicomReader.read(Path.of("<imageio stream>"), bytes.toByteArray());
        decoder = PixelDecoder.of(file);
    }

    @Override
    public void setInput(Object input, boolean seekForwardOnly, boolean ignoreMetadata) {
        super.setInput(input, seekForwardOnly, ignoreMetadata);
        file = null;
        decoder = null;
    }

    @Override
    public int getNumImages(boolean allowSearch) throws IOException {
        load();
        return decoder.frames();
    }

    @Override
    public int getWidth(int imageIndex) throws IOException {
        load();
        return decoder.pixel().columns();
    }

    @Override
    public int getHeight(int imageIndex) throws IOException {
        load();
        return decoder.pixel().rows();
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
        load();
        int type = org.clain.dicom.ColorModel.of(file.dataset(), decoder.pixel()).isColor()
                ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY;
        return List.of(ImageTypeSpecifier.createFromBufferedImageType(type)).iterator();
    }

    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) {
        return null;
    }

    @Override
    public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
        load();
        return DicomImages.render(file, imageIndex, null, null);
    }
}
