package io.fashionrec.image.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.feature.VectorSegment;
import io.fashionrec.image.TestImages;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ClassicImageEncoderTest {

    private final ClassicImageEncoder encoder = new ClassicImageEncoder();

    /** The image of golden/classic-synthetic-150x100.txt (see its header). */
    private static BufferedImage synthetic() {
        return TestImages.rgb(150, 100, (x, y) -> {
            boolean product = x >= 30 && x < 120 && y >= 15 && y < 85 && !(x >= 60 && x < 90 && y >= 35 && y < 65);
            return product ? (40 + 2 * x) % 256 << 16 | (30 + 3 * y) % 256 << 8 | (x * y) % 97 + 80 : 0xFFFFFF;
        });
    }

    /** A photo-like random image: smooth blobs of colour on white, reproducible from the seed. */
    private static BufferedImage randomProduct(long seed, int width, int height) {
        Random random = new Random(seed);
        int colour = random.nextInt(0xFFFFFF);
        double cx = width * (0.3 + 0.4 * random.nextDouble());
        double cy = height * (0.3 + 0.4 * random.nextDouble());
        double rx = width * (0.15 + 0.2 * random.nextDouble());
        double ry = height * (0.15 + 0.2 * random.nextDouble());
        return TestImages.rgb(width, height, (x, y) -> {
            double d = (x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry);
            return d < 1 ? colour ^ (int) (d * 40) * 0x010101 : 0xFFFFFF;
        });
    }

    @Test
    void describesItself() {
        EncoderDescriptor d = encoder.descriptor();
        assertEquals("classic", d.name());
        assertEquals(2, d.version());
        assertEquals(96, encoder.minimumInputSide(), "the grey thumbnail's side");
        assertTrue(d.preprocessing().startsWith("input: decoded at half resolution when both sides are at least 192"), d.preprocessing());
        assertEquals(3216, d.dimension());
        assertEquals("", d.modelSha256());
        assertTrue(d.preprocessing().contains("HOG") && d.preprocessing().contains("Lab"), d.preprocessing());
        assertEquals(d, new ClassicImageEncoder().descriptor(), "the descriptor is the same for every instance");
        assertEquals(List.of(new VectorSegment("shape", 0, 2352, 0.75), new VectorSegment("colour", 2352, 864, 0.25)), encoder.segments());
    }

    @Test
    void equalsThePrototypeOnASyntheticImage() {
        double[] expected = GoldenValues.read("/golden/classic-synthetic-150x100.txt");
        float[] actual = encoder.encode(synthetic());
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6, (i < 2352 ? "shape " + i : "colour " + (i - 2352)));
        }
    }

    @Test
    void eachSegmentHasUnitLength() {
        for (long seed = 1; seed <= 5; seed++) {
            float[] v = encoder.encode(randomProduct(seed, 224, 224));
            for (VectorSegment segment : encoder.segments()) {
                assertEquals(1.0, norm(v, segment), 1e-5, "seed " + seed + ", segment " + segment.name());
            }
        }
    }

    @Test
    void flatImagesGiveZeroSegmentsNotNaN() {
        float[] grey = encoder.encode(TestImages.rgb(224, 224, (x, y) -> 0x808080));
        assertEquals(0.0, norm(grey, encoder.segments().get(0)), "a flat image has no shape");
        assertEquals(1.0, norm(grey, encoder.segments().get(1)), 1e-5, "grey is not background");
        float[] white = encoder.encode(TestImages.rgb(224, 224, (x, y) -> 0xFFFFFF));
        assertArrayEquals(new float[3216], white, "an all-white image has neither shape nor colour");
    }

    @Test
    void imagesOfAnySizeAndSubImagesAreEncoded() {
        BufferedImage tall = randomProduct(7, 300, 450);
        float[] v = encoder.encode(tall);
        assertEquals(3216, v.length);
        for (VectorSegment segment : encoder.segments()) {
            assertEquals(1.0, norm(v, segment), 1e-5, segment.name());
        }
        BufferedImage framed = new BufferedImage(340, 500, BufferedImage.TYPE_INT_RGB);
        framed.createGraphics().drawImage(tall, 17, 29, null);
        assertArrayEquals(v, encoder.encode(framed.getSubimage(17, 29, 300, 450)), "a sub-image encodes like a copy");
    }

    @Test
    void isDeterministicAcrossCallsAndThreads() throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        for (long seed = 1; seed <= 24; seed++) {
            images.add(randomProduct(seed, 160 + (int) seed * 7, 224));
        }
        List<float[]> sequential = new ArrayList<>();
        for (BufferedImage image : images) {
            sequential.add(encoder.encode(image));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<float[]>> parallel = new ArrayList<>();
                for (BufferedImage image : images) {
                    parallel.add(pool.submit(() -> encoder.encode(image)));
                }
                for (int i = 0; i < images.size(); i++) {
                    assertArrayEquals(sequential.get(i), parallel.get(i).get(), "image of seed " + (i + 1) + ", round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsImagesThatAreNotIntRgb() {
        BufferedImage argb = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.encode(argb));
        assertTrue(e.getMessage().contains("TYPE_INT_RGB") && e.getMessage().contains("ImageDecoder"), e.getMessage());
    }

    private static double norm(float[] v, VectorSegment segment) {
        double sum = 0;
        for (int i = segment.offset(); i < segment.offset() + segment.length(); i++) {
            sum += (double) v[i] * v[i];
        }
        return Math.sqrt(sum);
    }
}
