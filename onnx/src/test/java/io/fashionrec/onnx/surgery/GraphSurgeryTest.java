package io.fashionrec.onnx.surgery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import io.fashionrec.onnx.proto.OnnxGraph;
import io.fashionrec.onnx.proto.OnnxModel;
import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.OnnxTensor;
import io.fashionrec.onnx.proto.ProtoMessage;
import io.fashionrec.onnx.proto.ValueInfo;
import io.fashionrec.onnx.proto.ValueInfo.Dim;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GraphSurgeryTest {

    private static final long SEED = 20240611;

    private static List<String> ops(OnnxGraph g) {
        return g.nodes().stream().map(OnnxNode::opType).toList();
    }

    /** Runs {@code original} with its output moved to {@code featureMap} and pools that by hand. */
    private static float[] maxPooledFeatureMap(byte[] original, String featureMap, String input, float[] data,
            long... shape) throws OrtException {
        OnnxModel truncated = OnnxModel.parse(original);
        truncated.graph().setOutputs(List.of(ValueInfo.tensor(featureMap, ValueInfo.FLOAT, null)));
        truncated.graph().prune();
        return OrtRunner.maxOverSpatialAxes(OrtRunner.run(truncated.toByteArray(), input, data, shape));
    }

    @Test
    void cuttingATorchvisionStyleClassifierLeavesFeaturesAndGlobalMaxPool() throws OrtException {
        byte[] original = Fixtures.bytes(Fixtures.CLASSIFIER);
        OnnxModel model = OnnxModel.parse(original);
        SurgeryResult result = GraphSurgery.cut(model, "tiny");

        assertEquals(ModelKind.CLASSIFIER, result.kind());
        assertEquals("/Relu_output_0", result.featureMap());
        assertEquals(OptionalLong.of(4), result.channels(), "from the BatchNormalization's scale");
        assertEquals(List.of("GlobalAveragePool", "Flatten", "Gemm", "Softmax"),
                result.droppedNodes().stream().map(OnnxNode::opType).toList());
        assertEquals(List.of("classifier.weight", "classifier.bias"), result.droppedInitializers());
        assertEquals("cut at /Relu_output_0 (4 channels), dropped 4 nodes (GlobalAveragePool, Flatten, Gemm, Softmax)"
                + " and 2 initializers (" + result.droppedInitializerBytes() + " bytes), appended GlobalMaxPool + Flatten:"
                + " embedding[batch, 4]", result.describe());

        OnnxModel written = OnnxModel.parse(model.toByteArray());
        OnnxGraph g = written.graph();
        assertEquals(List.of("Conv", "BatchNormalization", "Relu", "GlobalMaxPool", "Flatten"), ops(g));
        OnnxNode flatten = g.nodes().get(4);
        assertEquals(1, flatten.attribute("axis").orElseThrow().i());
        assertEquals(List.of("/Relu_output_0"), g.nodes().get(3).inputs());
        assertEquals(1, g.outputs().size());
        assertEquals("embedding", g.outputs().get(0).name());
        assertEquals(List.of(Dim.named("batch"), Dim.of(4)), g.outputs().get(0).shape().orElseThrow());
        assertEquals(ValueInfo.FLOAT, g.outputs().get(0).elemType());
        assertFalse(g.initializerNames().contains("classifier.weight"));
        assertEquals(6, g.initializers().size());
        assertEquals(List.of(), g.valueInfos(), "the head's value info went with the head");

        float[] image = OrtRunner.gaussian(SEED, 2 * 3 * 8 * 8);
        OrtRunner.Output embedding = OrtRunner.run(written.toByteArray(), "input", image, 2, 3, 8, 8);
        assertArrayEquals(new long[] {2, 4}, embedding.shape());
        assertArrayEquals(maxPooledFeatureMap(original, "/Relu_output_0", "input", image, 2, 3, 8, 8),
                embedding.values(), 1e-6f, "seed " + SEED);
    }

    @Test
    void metadataOpsetsDocStringsAndUnknownFieldsSurviveTheCut() {
        OnnxModel model = OnnxModel.parse(Fixtures.bytes(Fixtures.CLASSIFIER));
        GraphSurgery.cut(model, "tiny");
        OnnxModel written = OnnxModel.parse(model.toByteArray());
        assertEquals(Map.of("fixture", "tiny-classifier", "license", "CC0"), written.metadataProps());
        assertEquals(Map.of("", 13L, "ai.onnx.ml", 3L), written.opsetImports());
        assertEquals(8, written.irVersion());
        ProtoMessage m = written.message();
        assertEquals("a model doc string", m.string(6));
        assertEquals(1, m.varint(5000, 0));
        ProtoMessage graph = m.message(7).orElseThrow();
        assertEquals("a graph doc string", graph.string(10));
        assertEquals(7, graph.varint(5002, 0));
        assertEquals(42, written.graph().nodes().get(2).message().varint(5001, 0), "the Relu node's unknown field");
    }

    @Test
    void cuttingAZooStyleClassifierDropsItsConstantsAndTheInputsDeclaringItsWeights() throws OrtException {
        byte[] original = Fixtures.bytes(Fixtures.ZOO_CLASSIFIER);
        OnnxModel model = OnnxModel.parse(original);
        SurgeryResult result = GraphSurgery.cut(model, "zoo");

        assertEquals("conv1_relu", result.featureMap());
        assertEquals(OptionalLong.of(6), result.channels(), "from conv1's weight, through the Relu");
        assertEquals(List.of("AveragePool", "Conv", "Constant", "Reshape", "Softmax"),
                result.droppedNodes().stream().map(OnnxNode::opType).toList());
        OnnxGraph g = OnnxModel.parse(model.toByteArray()).graph();
        assertEquals(List.of("data", "conv1_w", "conv1_b"), g.inputs().stream().map(ValueInfo::name).toList());
        assertEquals(List.of(Dim.of(1), Dim.of(6)), g.outputs().get(0).shape().orElseThrow(),
                "the fixed batch of the original output");

        float[] image = OrtRunner.gaussian(SEED + 1, 3 * 8 * 8);
        OrtRunner.Output embedding = OrtRunner.run(model.toByteArray(), "data", image, 1, 3, 8, 8);
        assertArrayEquals(new long[] {1, 6}, embedding.shape());
        assertArrayEquals(maxPooledFeatureMap(original, "conv1_relu", "data", image, 1, 3, 8, 8), embedding.values(),
                1e-6f, "seed " + (SEED + 1));
    }

    @Test
    void aFeatureMapModelGetsThePoolingAndLosesNothing() throws OrtException {
        byte[] original = Fixtures.bytes(Fixtures.FEATURES);
        OnnxModel model = OnnxModel.parse(original);
        SurgeryResult result = GraphSurgery.appendGlobalMaxPool(model, "features");
        assertEquals(ModelKind.FEATURE_MAP, result.kind());
        assertEquals(List.of(), result.droppedNodes());
        assertEquals("feature map /Relu_output_0 (4 channels), appended GlobalMaxPool + Flatten: embedding[batch, 4]",
                result.describe());
        assertEquals(List.of("Conv", "BatchNormalization", "Relu", "GlobalMaxPool", "Flatten"), ops(model.graph()));
        assertEquals(6, model.graph().initializers().size());

        float[] image = OrtRunner.gaussian(SEED + 2, 2 * 3 * 8 * 8);
        OrtRunner.Output embedding = OrtRunner.run(model.toByteArray(), "input", image, 2, 3, 8, 8);
        float[] expected = OrtRunner.maxOverSpatialAxes(OrtRunner.run(original, "input", image, 2, 3, 8, 8));
        assertArrayEquals(expected, embedding.values(), 1e-6f, "seed " + (SEED + 2));
    }

    @Test
    void eachOperationRefusesTheOtherKinds() {
        OnnxModel pooled = OnnxModel.parse(Fixtures.bytes(Fixtures.POOLED));
        IllegalArgumentException notClassifier = assertThrows(IllegalArgumentException.class,
                () -> GraphSurgery.cut(pooled, "gmp model"));
        assertEquals("gmp model is not a classifier but a POOLED model (output embedding[batch, 4]), so there is no"
                + " head to cut off", notClassifier.getMessage());
        OnnxModel features = OnnxModel.parse(Fixtures.bytes(Fixtures.FEATURES));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphSurgery.cut(features, "f")).getMessage()
                .endsWith("; append the pooling instead"));
        OnnxModel classifier = OnnxModel.parse(Fixtures.bytes(Fixtures.CLASSIFIER));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphSurgery.appendGlobalMaxPool(classifier, "c"))
                .getMessage().endsWith("; cut it instead"));
        assertTrue(classifier.graph().message().isPristine(), "a refused model is left as it was");
    }

    @Test
    void newNamesDoNotCollideWithTensorsTheModelKeeps() {
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3).initializer("fc", 10, 8)
                .node("Conv", List.of("x", "w"), "embedding").node("GlobalAveragePool", List.of("embedding"), "g")
                .node("Flatten", List.of("g"), "f").node("Gemm", List.of("f", "fc"), "logits")
                .output("logits", List.of(Dim.named("N"), Dim.of(10))).build();
        SurgeryResult result = GraphSurgery.cut(model, "m");
        assertEquals("embedding", result.featureMap());
        assertEquals("embedding_2", result.output().name());
        assertEquals(List.of(Dim.named("N"), Dim.of(8)), result.output().shape().orElseThrow());
    }

    @Test
    void aChannelCountThatCannotBeToldIsLeftUnknown() {
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3).initializer("fc", 10, 16)
                .node("Conv", List.of("x", "w"), "a").node("Conv", List.of("x", "w"), "b")
                .node("Concat", List.of("a", "b"), "c").node("GlobalAveragePool", List.of("c"), "g")
                .node("Flatten", List.of("g"), "f").node("Gemm", List.of("f", "fc"), "logits")
                .output("logits", null).build();
        SurgeryResult result = GraphSurgery.cut(model, "m");
        assertEquals(OptionalLong.empty(), result.channels());
        assertEquals(List.of(Dim.named("batch"), Dim.unknown()), result.output().shape().orElseThrow());
        assertTrue(result.describe().startsWith("cut at c (channels unknown), dropped 3 nodes"), result.describe());
        OnnxTensor kept = model.graph().initializer("w").orElseThrow();
        assertArrayEquals(new long[] {8, 3, 3, 3}, kept.dims());
    }

    @Test
    void weightsSharedThroughIdentityNodesCountAsConstants() {
        // PyTorch's exporter turns equal parameters into Identity nodes of one initializer.
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3).initializer("s", 8)
                .initializer("fc", 10, 8).initializer("b", 10)
                .node("Identity", List.of("s"), "scale").node("Identity", List.of("b"), "bias")
                .node("Conv", List.of("x", "w"), "c")
                .node("BatchNormalization", List.of("c", "scale", "scale", "scale", "scale"), "n")
                .node("Relu", List.of("n"), "r").node("GlobalAveragePool", List.of("r"), "g")
                .node("Flatten", List.of("g"), "f").node("MatMul", List.of("f", "fc"), "mm")
                .node("Add", List.of("bias", "mm"), "logits").output("logits", null).build();
        SurgeryResult result = GraphSurgery.cut(model, "m");
        assertEquals("r", result.featureMap());
        assertEquals(OptionalLong.of(8), result.channels(), "from the BatchNormalization's scale, an Identity of s");
        assertEquals(List.of("Identity", "GlobalAveragePool", "Flatten", "MatMul", "Add"),
                result.droppedNodes().stream().map(OnnxNode::opType).toList());
        assertEquals(List.of("fc", "b"), result.droppedInitializers());
    }
}
