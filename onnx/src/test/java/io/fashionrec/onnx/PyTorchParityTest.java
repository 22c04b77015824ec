package io.fashionrec.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.image.ImageDecoder;
import io.fashionrec.image.ImageLimits;
import io.fashionrec.onnx.surgery.SurgeryPreparer;
import io.fashionrec.testing.SampleData;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same numbers as PyTorch: for every reference image and both architectures, our embedding from the
 * exported feature extractor ({@code -gmp}) and from graph surgery on the whole classifier
 * ({@code -full}) has
 * cosine >= 0.9999 and relative L2 error <= 1e-3 against PyTorch's (torchvision weights, random
 * but deterministic, preprocessing "torch": bilinear to 224x224, /255, ImageNet mean and std).
 */
class PyTorchParityTest {

    static final double MIN_COSINE = 0.9999;
    static final double MAX_RELATIVE_ERROR = 1e-3;

    @Test
    void pooledFeatureExtractorsGivePyTorchsEmbeddings() throws Exception {
        Path dir = ReferenceCnn.directory();
        for (String arch : ReferenceCnn.ARCHS) {
            try (OnnxImageEncoder encoder = OnnxImageEncoder.load(dir.resolve(arch + "-gmp.onnx"), arch, Preset.TORCH, null, 2)) {
                assertMatches(arch + "-gmp", encoder, ReferenceCnn.embeddings(dir, arch));
            }
        }
    }

    @Test
    void theSurgeryOfTheWholeClassifiersGivesPyTorchsEmbeddings(@TempDir Path tmp) throws Exception {
        Path dir = ReferenceCnn.directory();
        for (String arch : ReferenceCnn.ARCHS) {
            Path cut = tmp.resolve(arch + "-cut.onnx");
            String description = new SurgeryPreparer().prepare(dir.resolve(arch + "-full.onnx"), arch, cut);
            assertTrue(description.startsWith("cut at "), arch + ": " + description);
            try (OnnxImageEncoder encoder = OnnxImageEncoder.load(cut, arch, Preset.TORCH, null, 2)) {
                assertMatches(arch + "-full after surgery", encoder, ReferenceCnn.embeddings(dir, arch));
            }
        }
    }

    /** Encodes the reference images (full resolution, as PyTorch read them) in one batch run and compares. */
    static void assertMatches(String what, OnnxImageEncoder encoder, Map<String, float[]> reference) throws Exception {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);
        Path images = SampleData.catalog().resolve("images");
        List<String> ids = new ArrayList<>(reference.keySet());
        List<BufferedImage> photos = new ArrayList<>();
        for (String id : ids) {
            photos.add(decoder.decode(images.resolve(id + ".jpg")));
        }
        List<float[]> ours = encoder.encodeBatch(photos);
        assertEquals(ids.size(), ours.size());
        double worstCosine = 1;
        double worstError = 0;
        for (int i = 0; i < ids.size(); i++) {
            float[] expected = reference.get(ids.get(i));
            float[] actual = ours.get(i);
            assertEquals(expected.length, actual.length, what + " dimension");
            double dot = 0;
            double ee = 0;
            double aa = 0;
            double diff = 0;
            for (int k = 0; k < expected.length; k++) {
                dot += (double) expected[k] * actual[k];
                ee += (double) expected[k] * expected[k];
                aa += (double) actual[k] * actual[k];
                diff += ((double) expected[k] - actual[k]) * ((double) expected[k] - actual[k]);
            }
            double cosine = dot / Math.sqrt(ee * aa);
            double error = Math.sqrt(diff / ee);
            worstCosine = Math.min(worstCosine, cosine);
            worstError = Math.max(worstError, error);
            assertTrue(cosine >= MIN_COSINE, what + " image " + ids.get(i) + ": cosine " + cosine);
            assertTrue(error <= MAX_RELATIVE_ERROR, what + " image " + ids.get(i) + ": relative L2 error " + error);
        }
        System.out.printf("%s: %d images, worst cosine %.7f, worst relative L2 error %.2e%n", what, ids.size(), worstCosine, worstError);
    }
}
