package io.fashionrec.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoder on tiny models (see src/test/resources/encoder/README.md). */
class OnnxImageEncoderTest {

    @TempDir
    Path tmp;

    static Path model(String name) {
        try {
            return Path.of(OnnxImageEncoderTest.class.getResource("/encoder/" + name + ".onnx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<BufferedImage> photos(int n, long seed) {
        Random random = new Random(seed);
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(60 + random.nextInt(40), 50 + random.nextInt(60), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(new Color(random.nextInt(0xFFFFFF)));
            g.fillOval(random.nextInt(20), random.nextInt(20), 20 + random.nextInt(30), 20 + random.nextInt(30));
            g.dispose();
            out.add(image);
        }
        return out;
    }

    private static OnnxImageEncoder load(String name, Preset preset, Integer size) {
        return OnnxImageEncoder.load(model(name), name, preset, size, 1);
    }

    @Test
    void maxPoolingAFeatureMapInJavaEqualsThePooledModel() {
        List<BufferedImage> images = photos(5, 1);
        try (OnnxImageEncoder pooled = load("tiny-pooled", Preset.TORCH, null); OnnxImageEncoder map = load("tiny-map", Preset.TORCH, null)) {
            List<float[]> a = pooled.encodeBatch(images);
            List<float[]> b = map.encodeBatch(images);
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(a.get(i), b.get(i), 1e-6f, "image " + i);
            }
            assertEquals(8, pooled.descriptor().dimension());
            assertEquals(8, map.descriptor().dimension());
        }
    }

    @Test
    void nhwcModelsWithKerasPresetsMatchNchwModelsWithTorch() {
        List<BufferedImage> images = photos(3, 2);
        try (OnnxImageEncoder nchw = load("tiny-pooled", Preset.TORCH, null);
             OnnxImageEncoder nhwc = load("tiny-nhwc", Preset.KERAS_TORCH, null);
             OnnxImageEncoder nhwcMap = load("tiny-nhwc-map", Preset.KERAS_TORCH, null);
             OnnxImageEncoder caffe = load("tiny-nhwc", Preset.CAFFE, null)) {
            List<float[]> expected = nchw.encodeBatch(images);
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(expected.get(i), nhwc.encode(images.get(i)), 1e-5f, "NHWC pooled, image " + i);
                assertArrayEquals(expected.get(i), nhwcMap.encode(images.get(i)), 1e-5f, "NHWC map, image " + i);
            }
            assertFalse(java.util.Arrays.equals(expected.get(0), caffe.encode(images.get(0))), "caffe scales and orders channels otherwise");
        }
    }

    @Test
    void batchesGiveTheSameVectorsAsSingleImagesAndThreadsToo() throws Exception {
        List<BufferedImage> images = photos(37, 3);
        try (OnnxImageEncoder encoder = load("tiny-pooled", Preset.TORCH, 64)) {
            assertEquals(OnnxImageEncoder.DEFAULT_BATCH, encoder.preferredBatchSize());
            assertEquals(64, encoder.minimumInputSide());
            List<float[]> batched = encoder.encodeBatch(images);
            assertEquals(37, batched.size(), "three runs of up to 16");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> singles = new ArrayList<>();
                for (BufferedImage image : images) {
                    singles.add(pool.submit(() -> encoder.encode(image)));
                }
                for (int i = 0; i < images.size(); i++) {
                    assertArrayEquals(batched.get(i), singles.get(i).get(), 1e-6f, "image " + i);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void theDescriptorNamesModelHashPresetAndSize() throws IOException {
        try (OnnxImageEncoder a = load("tiny-pooled", Preset.TORCH, null); OnnxImageEncoder b = load("tiny-pooled", Preset.TORCH, 96);
             OnnxImageEncoder c = load("tiny-pooled", Preset.TORCH, null)) {
            assertEquals(OnnxImageEncoder.sha256(model("tiny-pooled")), a.descriptor().modelSha256());
            assertEquals(64, a.descriptor().modelSha256().length());
            assertTrue(a.descriptor().preprocessing().contains("preset torch"), a.descriptor().preprocessing());
            assertTrue(a.descriptor().preprocessing().contains("224x224"), a.descriptor().preprocessing());
            assertFalse(a.descriptor().sameModelAs(b.descriptor()), "another input size gives other vectors");
            assertTrue(a.descriptor().sameModelAs(c.descriptor()));
        }
    }

    @Test
    void aFixedSizeModelRunsAtItsSizeOneImageAtATime() {
        try (OnnxImageEncoder fixed = load("tiny-fixed", Preset.TORCH, null)) {
            assertEquals(1, fixed.preferredBatchSize());
            assertEquals(32, fixed.minimumInputSide());
            assertEquals(4, fixed.encodeBatch(photos(4, 4)).size());
        }
        OnnxModelException e = assertThrows(OnnxModelException.class, () -> load("tiny-fixed", Preset.TORCH, 64));
        assertTrue(e.getMessage().contains("takes 32x32 images only; --image-size 64 needs a model with dynamic height and width"), e.getMessage());
    }

    @Test
    void unusableModelsFailWithWhatToDo() throws IOException {
        OnnxModelException preset = assertThrows(OnnxModelException.class, () -> load("tiny-nhwc", Preset.TORCH, null));
        assertTrue(preset.getMessage().contains("preset torch expects NCHW input [N,3,H,W]") && preset.getMessage().contains("use --preset keras-torch or caffe"),
                preset.getMessage());
        OnnxModelException keras = assertThrows(OnnxModelException.class, () -> load("tiny-pooled", Preset.KERAS_TORCH, null));
        assertTrue(keras.getMessage().contains("use --preset torch"), keras.getMessage());
        OnnxModelException text = assertThrows(OnnxModelException.class, () -> load("not-an-image", Preset.TORCH, null));
        assertTrue(text.getMessage().contains("needs a 4-D float image tensor"), text.getMessage());
        Path broken = tmp.resolve("broken.onnx");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(model("tiny-pooled")), 300));
        OnnxModelException corrupt = assertThrows(OnnxModelException.class, () -> OnnxImageEncoder.load(broken, "broken", Preset.TORCH, null, 1));
        assertTrue(corrupt.getMessage().startsWith("cannot load " + broken + " as an ONNX model"), corrupt.getMessage());
        OnnxModelException size = assertThrows(OnnxModelException.class, () -> load("tiny-pooled", Preset.TORCH, 8));
        assertTrue(size.getMessage().contains("--image-size must be between 32 and 2048, got 8"), size.getMessage());
    }
}
