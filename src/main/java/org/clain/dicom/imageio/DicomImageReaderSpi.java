package org.clain.dicom.imageio;

import java.io.IOException;
import java.util.Iterator;
import javax.imageio.spi.ServiceRegistry;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/** Registers Clain's DICOM reader with ImageIO (META-INF/services), as dcm4che-imageio does elsewhere. */
public final class DicomImageReaderSpi extends ImageReaderSpi {
    public DicomImageReaderSpi() {
        super("Clain", "0.1", new String[] {"dicom", "DICOM"}, new String[] {"dcm", "dicom"},
                new String[] {"application/dicom"}, DicomImageReader.class.getName(),
                new Class<?>[] {ImageInputStream.class}, null, false, null, null, null, null, false, null, null,
                null, null);
    }

    @Override
    public boolean canDecodeInput(Object source) throws IOException {
        if (!(source instanceof ImageInputStream in)) {
            return false;
        }
        byte[] b = new byte[132];
        in.mark();
        try {
            int n = 0;
            while (n < b.length) {
                int k = in.read(b, n, b.length - n);
                if (k < 0) {
                    break;
                }
                n += k;
            }
            return n == 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M';
        } finally {
            in.reset();
        }
    }

    /**
     * DICOM preambles may hold a TIFF header (PS3.10 7.1, dual-personality files): go before
     * the other readers so a DICOM file is read as DICOM.
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onRegistration(ServiceRegistry registry, Class<?> category) {
        Iterator<?> others = registry.getServiceProviders(category, false);
        while (others.hasNext()) {
            Object other = others.next();
            if (other != this) {
                registry.setOrdering((Class) category, this, other);
            }
        }
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
        return new DicomImageReader(this);
    }

    @Override
    public String getDescription(Locale locale) {
        return "DICOM Part 10 image reader (Clain)";
    }
}
