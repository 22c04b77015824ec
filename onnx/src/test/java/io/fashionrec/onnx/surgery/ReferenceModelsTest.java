package io.fashionrec.onnx.surgery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.onnxruntime.OrtException;
import io.fashionrec.onnx.ReferenceCnn;
import io.fashionrec.onnx.proto.OnnxGraph;
import io.fashionrec.onnx.proto.OnnxModel;
import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.ValueInfo.Dim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Graph surgery on the reference models of {@code ../shared/tools/reference_cnn.py} (torchvision
 * DenseNet121 and VGG16, random weights, opset 13): the whole classifiers, and the feature
 * extractors with global max pooling exported from the same weights. Runs only when
 * {@code -Dfashionrec.referenceCnn=DIR} names the directory the script wrote; skipped otherwise.
 */
class ReferenceModelsTest {

    private static final long SEED = 1234;
    private static final double RELATIVE = 1e-4;

    @TempDir
    Path tmp;

    private static Path model(String name) {
        return ReferenceCnn.file(name);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @ParameterizedTest
    @ValueSource(strings = {"densenet121-full.onnx", "densenet121-gmp.onnx", "vgg16-gmp.onnx"})
    void writesBackTheExactBytes(String name) throws IOException {
        Path source = model(name);
        Path copy = tmp.resolve(name);
        OnnxModel parsed = OnnxModel.read(source);
        assertFalse(parsed.graph().nodes().isEmpty());
        parsed.write(copy);
        assertEquals(-1, Files.mismatch(source, copy), name);
    }

    @Test
    void writesBackTheExactBytesOfVgg16Full() throws IOException {
        Path source = model("vgg16-full.onnx");
        Runtime rt = Runtime.getRuntime();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        OnnxModel parsed = OnnxModel.read(source);
        OnnxGraph g = parsed.graph();
        int nodes = g.nodes().size();
        int initializers = g.initializers().size();
        double parse = seconds(start);
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        start = System.nanoTime();
        Path copy = tmp.resolve("vgg16-full.onnx");
        parsed.write(copy);
        double write = seconds(start);
        start = System.nanoTime();
        long mismatch = Files.mismatch(source, copy);
        double compare = seconds(start);
        System.out.printf(Locale.ROOT, "vgg16-full.onnx (%d MB, %d nodes, %d initializers): parse %.3f s (heap +%d MB),"
                + " write %.2f s, compare %.2f s%n", Files.size(source) >> 20, nodes, initializers, parse,
                (heapAfter - heapBefore) >> 20, write, compare);
        assertEquals(-1, mismatch);
        assertEquals(48, nodes);
        assertEquals(22, initializers);
    }

    @Test
    void classifiesTheReferenceModels() throws IOException {
        for (String arch : List.of("densenet121", "vgg16")) {
            OnnxModel full = OnnxModel.read(model(arch + "-full.onnx"));
            assertEquals(ModelKind.CLASSIFIER, ModelInspector.inspect(full.graph(), arch).kind(), arch);
            OnnxModel gmp = OnnxModel.read(model(arch + "-gmp.onnx"));
            assertEquals(ModelKind.POOLED, ModelInspector.inspect(gmp.graph(), arch).kind(), arch);
        }
    }

    @Test
    void densenet121IsCutAfterItsFinalReluAndMatchesTheReferenceExtractor() throws IOException, OrtException {
        Path prepared = cutAndCheck("densenet121", "/Relu_output_0", 1024,
                List.of("GlobalAveragePool", "Flatten", "Gemm"), List.of("classifier.weight", "classifier.bias"));
        assertSameEmbeddings(prepared, model("densenet121-gmp.onnx"));
    }

    @Test
    void vgg16IsCutAfterItsBlock5MaxPoolAndMatchesTheReferenceExtractor() throws IOException, OrtException {
        Path prepared = cutAndCheck("vgg16", "/features/features.30/MaxPool_output_0", 512,
                // PyTorch shares the equal (zero) biases: classifier.3.bias is an Identity of classifier.0.bias.
                List.of("Identity", "AveragePool", "Flatten", "Gemm", "Relu", "Gemm", "Relu", "Gemm"),
                List.of("classifier.0.weight", "classifier.0.bias", "classifier.3.weight", "classifier.6.weight",
                        "classifier.6.bias"));
        long size = Files.size(prepared);
        long reference = Files.size(model("vgg16-gmp.onnx"));
        assertTrue(Math.abs(size - reference) < reference / 100, "the fully connected weights (about 480 MB) are gone: "
                + size + " bytes against the reference extractor's " + reference);
        assertSameEmbeddings(prepared, model("vgg16-gmp.onnx"));
    }

    /** Cuts {@code arch}-full.onnx, checks what was cut, and writes the result to a file. */
    private Path cutAndCheck(String arch, String featureMap, long channels, List<String> droppedOps,
            List<String> droppedInitializers) throws IOException {
        long start = System.nanoTime();
        OnnxModel model = OnnxModel.read(model(arch + "-full.onnx"));
        double read = seconds(start);
        start = System.nanoTime();
        SurgeryResult result = GraphSurgery.cut(model, arch);
        double cut = seconds(start);
        start = System.nanoTime();
        Path prepared = tmp.resolve(arch + "-prepared.onnx");
        model.write(prepared);
        double write = seconds(start);
        System.out.printf(Locale.ROOT, "%s: read %.3f s, cut %.3f s, write %.2f s (%d MB): %s%n", arch, read, cut, write,
                Files.size(prepared) >> 20, result.describe());

        assertEquals(featureMap, result.featureMap());
        assertEquals(channels, result.channels().orElseThrow());
        assertEquals(droppedOps, result.droppedNodes().stream().map(OnnxNode::opType).toList());
        assertEquals(droppedInitializers, result.droppedInitializers());
        OnnxGraph g = OnnxModel.read(prepared).graph();
        assertEquals(1, g.outputs().size());
        assertEquals(List.of(Dim.named("batch"), Dim.of(channels)), g.outputs().get(0).shape().orElseThrow());
        for (String name : droppedInitializers) {
            assertFalse(g.initializerNames().contains(name), name);
        }
        List<OnnxNode> nodes = g.nodes();
        assertEquals(List.of("GlobalMaxPool", "Flatten"),
                nodes.subList(nodes.size() - 2, nodes.size()).stream().map(OnnxNode::opType).toList());
        return prepared;
    }

    /** Both models give the same N x C embeddings of a seeded random batch of two 224 x 224 images. */
    private static void assertSameEmbeddings(Path prepared, Path reference) throws OrtException {
        float[] images = OrtRunner.gaussian(SEED, 2 * 3 * 224 * 224);
        OrtRunner.Output actual = OrtRunner.run(prepared, "input", images, 2, 3, 224, 224);
        OrtRunner.Output expected = OrtRunner.run(reference, "input", images, 2, 3, 224, 224);
        assertArrayEquals(expected.shape(), actual.shape());
        float[] a = actual.values();
        float[] e = expected.values();
        for (int i = 0; i < e.length; i++) {
            double tolerance = RELATIVE * Math.max(Math.abs(a[i]), Math.abs(e[i]));
            if (Math.abs(a[i] - e[i]) > tolerance) {
                fail("embedding value " + i + " is " + a[i] + " where the reference extractor gives " + e[i]
                        + " (relative tolerance " + RELATIVE + ", input seed " + SEED + ")");
            }
        }
    }
}
