package io.fashionrec.image;

import static io.fashionrec.image.TestImages.adobeJpeg;
import static io.fashionrec.image.TestImages.app1;
import static io.fashionrec.image.TestImages.fourBands;
import static io.fashionrec.image.TestImages.jpeg;
import static io.fashionrec.image.TestImages.pixels;
import static io.fashionrec.image.TestImages.rgb;
import static io.fashionrec.image.TestImages.spliceAfterSoi;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** Plain JPEGs take the JDK reader's fast path; the rest, and anything it rejects, the preferred reader. */
class JpegReaderChoiceTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
    private final BufferedImage photo = rgb(40, 30, (x, y) -> (x * 6) << 16 | (y * 8) << 8 | (x + y) * 3);

    @Test
    void greyAndYCbCrJpegsArePlainAdobeAndIccOnesAreNot() {
        assertTrue(JpegStructure.of(jpeg(photo, 0.9f, false)).plain(), "baseline YCbCr");
        assertTrue(JpegStructure.of(jpeg(photo, 0.9f, true)).plain(), "progressive YCbCr");
        assertFalse(JpegStructure.of(adobeJpeg(fourBands(8, 8, (x, y) -> new int[] {0, 0, 0, 0}), 0)).plain(), "Adobe CMYK");
        byte[] icc = spliceAfterSoi(jpeg(photo, 0.9f, false), segment(0xE2, "ICC_PROFILE\0\1\1"));
        assertFalse(JpegStructure.of(icc).plain(), "ICC profile");
        byte[] adobeRgb = spliceAfterSoi(jpeg(photo, 0.9f, false), segment(0xEE, "Adobe\0\144\0\0\0\0\1"));
        assertFalse(JpegStructure.of(adobeRgb).plain(), "Adobe APP14 on three components");
        assertTrue(JpegStructure.of(spliceAfterSoi(jpeg(photo, 0.9f, false), app1("XMP".getBytes(StandardCharsets.US_ASCII)))).plain(),
                "an unrelated APP1 segment");
    }

    /** The fast path must not change a single pixel: the preferred reader decodes the same bytes the same way. */
    @Test
    void theFastPathGivesThePreferredReadersPixels() throws Exception {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] bytes = jpeg(photo, 0.85f, progressive);
            BufferedImage fast = decoder.decode(bytes, "photo.jpg");
            ImageReader preferred = ImageFormat.JPEG.reader().createReaderInstance();
            try (ImageInputStream in = new ByteArrayImageInput(bytes)) {
                preferred.setInput(in);
                BufferedImage reference = RgbConversion.toIntRgb(preferred.read(0), Orientation.NORMAL);
                assertArrayEquals(pixels(reference), pixels(fast), progressive ? "progressive" : "baseline");
            } finally {
                preferred.dispose();
            }
        }
    }

    /** A reader that failed is discarded: the next image on the same thread decodes normally. */
    @Test
    void aFailureDoesNotSpoilTheNextDecodingOnTheSameThread() throws Exception {
        byte[] good = jpeg(photo, 0.9f, false);
        int[] expected = pixels(decoder.decode(good, "first.jpg"));
        byte[] damaged = good.clone();
        // keep the markers (so the file looks complete) but scramble the entropy-coded data
        int scan = TestImages.indexOfMarker(damaged, 0xDA);
        Arrays.fill(damaged, scan + 20, damaged.length - 2, (byte) 0x13);
        try {
            decoder.decode(damaged, "damaged.jpg");
        } catch (ImageDecodeException e) {
            assertEquals(io.fashionrec.catalog.ProblemKind.IMAGE_UNREADABLE, e.kind());
        }
        assertArrayEquals(expected, pixels(decoder.decode(good, "again.jpg")));
        assertThrows(ImageDecodeException.class, () -> decoder.decode(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}, "junk.jpg"));
        assertArrayEquals(expected, pixels(decoder.decode(good, "after-junk.jpg")));
    }

    /** A marker segment: marker, big-endian length (including itself), payload. */
    private static byte[] segment(int marker, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) marker;
        out[2] = (byte) ((data.length + 2) >> 8);
        out[3] = (byte) (data.length + 2);
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }
}
