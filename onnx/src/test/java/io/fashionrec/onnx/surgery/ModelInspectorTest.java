package io.fashionrec.onnx.surgery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.onnx.proto.OnnxAttribute;
import io.fashionrec.onnx.proto.OnnxGraph;
import io.fashionrec.onnx.proto.OnnxModel;
import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.ProtoField;
import io.fashionrec.onnx.proto.ValueInfo;
import io.fashionrec.onnx.proto.ValueInfo.Dim;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ModelInspectorTest {

    private static final List<Dim> N_K = List.of(Dim.named("N"), Dim.of(10));
    private static final List<Dim> N_C_H_W = List.of(Dim.named("N"), Dim.of(8), Dim.of(4), Dim.of(4));

    private static Inspection inspect(String fixture) {
        return ModelInspector.inspect(OnnxModel.parse(Fixtures.bytes(fixture)).graph(), fixture);
    }

    private static List<String> ops(List<OnnxNode> nodes) {
        return nodes.stream().map(OnnxNode::opType).toList();
    }

    @Test
    void aTorchvisionStyleClassifierIsCutAtTheInputOfItsGlobalPool() {
        Inspection found = inspect(Fixtures.CLASSIFIER);
        assertEquals(ModelKind.CLASSIFIER, found.kind());
        assertEquals("/Relu_output_0", found.featureMap());
        assertEquals("logits", found.output().name());
        assertEquals(List.of("Softmax", "Gemm", "Flatten"), ops(found.head()));
        assertEquals(List.of("GlobalAveragePool"), ops(found.pooling()));
    }

    @Test
    void aZooStyleClassifierWithAPointwiseConvHeadIsCutBeforeItsAveragePool() {
        Inspection found = inspect(Fixtures.ZOO_CLASSIFIER);
        assertEquals(ModelKind.CLASSIFIER, found.kind());
        assertEquals("conv1_relu", found.featureMap());
        assertEquals(List.of("Softmax", "Reshape", "Conv"), ops(found.head()));
        assertEquals(List.of("AveragePool"), ops(found.pooling()));
    }

    @Test
    void reductionsOverTheSpatialAxesArePooledExtractors() {
        for (String fixture : List.of(Fixtures.POOLED, Fixtures.POOLED_OPSET_18)) {
            Inspection found = inspect(fixture);
            assertEquals(ModelKind.POOLED, found.kind(), fixture);
            assertEquals("/Relu_output_0", found.featureMap(), fixture);
            assertEquals(List.of("ReduceMax"), ops(found.pooling()), fixture);
        }
    }

    @Test
    void aRank4OutputIsAFeatureMap() {
        Inspection found = inspect(Fixtures.FEATURES);
        assertEquals(ModelKind.FEATURE_MAP, found.kind());
        assertEquals("/Relu_output_0", found.featureMap());
        assertEquals(List.of("Relu"), ops(found.head()), "Relu is a head op, and BatchNormalization stops the walk");
    }

    @Test
    void aGlobalPoolWhoseOutputKeepsItsSpatialAxesIsAFeatureMapToo() {
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3)
                .node("Conv", List.of("x", "w"), "c").node("GlobalAveragePool", List.of("c"), "g")
                .output("g", List.of(Dim.named("N"), Dim.of(8), Dim.of(1), Dim.of(1))).build();
        assertEquals(ModelKind.FEATURE_MAP, ModelInspector.inspect(model.graph(), "m").kind());
    }

    @Test
    void withoutPoolingTheHeadIsCutAtItsEarliestFlatten() {
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3)
                .initializer("fc1", 64, 128).initializer("fc2", 10, 64)
                .node("Conv", List.of("x", "w"), "c").node("MaxPool", List.of("c"), "m")
                .node("Flatten", List.of("m"), "f").node("Gemm", List.of("f", "fc1"), "h")
                .node("Relu", List.of("h"), "r").node("Reshape", List.of("r"), "r2")
                .node("Gemm", List.of("r2", "fc2"), "logits").output("logits", N_K).build();
        Inspection found = ModelInspector.inspect(model.graph(), "m");
        assertEquals(ModelKind.CLASSIFIER, found.kind());
        assertEquals("m", found.featureMap());
        assertEquals(List.of("Gemm", "Reshape", "Relu", "Gemm", "Flatten"), ops(found.head()));
    }

    @Test
    void theWalkFollowsTheActivationsNotTheWeights() {
        // MatMul(W, x) and Add(b, x): the activations are the second input.
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3)
                .initializer("W", 10, 8).initializer("b", 10)
                .node("Conv", List.of("x", "w"), "c").node("ReduceMean", List.of("c"), "p",
                        OnnxAttribute.ofInts("axes", -1, -2), OnnxAttribute.ofInt("keepdims", 0))
                .node("MatMul", List.of("W", "p"), "mm").node("Add", List.of("b", "mm"), "logits")
                .output("logits", N_K).build();
        Inspection found = ModelInspector.inspect(model.graph(), "m");
        assertEquals(ModelKind.CLASSIFIER, found.kind());
        assertEquals("c", found.featureMap());
    }

    @Test
    void aPointwiseConvWithoutKernelShapeIsRecognisedByItsWeight() {
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3).initializer("fc", 10, 8, 1, 1)
                .node("Conv", List.of("x", "w"), "c").node("GlobalAveragePool", List.of("c"), "g")
                .node("Conv", List.of("g", "fc"), "s").node("Flatten", List.of("s"), "logits")
                .output("logits", N_K).build();
        Inspection found = ModelInspector.inspect(model.graph(), "m");
        assertEquals(ModelKind.CLASSIFIER, found.kind());
        assertEquals("c", found.featureMap());
    }

    @Test
    void aReductionOverOtherAxesIsNotAPooledExtractor() {
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3)
                .node("Conv", List.of("x", "w"), "c")
                .node("ReduceMax", List.of("c"), "r", OnnxAttribute.ofInts("axes", 1, 2), OnnxAttribute.ofInt("keepdims", 0))
                .output("r", List.of(Dim.named("N"), Dim.of(32))).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelInspector.inspect(model.graph(), "odd model"));
        assertTrue(e.getMessage().startsWith("odd model: no classifier head, pooling or 4-D feature map at the output"
                + " r[N, 32]; walking back from it found ReduceMax, then Conv 'c_node'"), e.getMessage());
    }

    @Test
    void customDomainOperatorsAreNotHeadOperators() {
        OnnxModel model = new GraphBuilder().imageInput("x").initializer("w", 8, 3, 3, 3)
                .node("Conv", List.of("x", "w"), "c").node("GlobalAveragePool", List.of("c"), "g")
                .node("Flatten", List.of("g"), "f").customNode("com.example", "Gemm", List.of("f"), "logits")
                .output("logits", N_K).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelInspector.inspect(model.graph(), "custom"));
        assertTrue(e.getMessage().contains("found no head or pooling node, then Gemm 'logits_node'"), e.getMessage());
    }

    @Test
    void aModelWithSeveralOutputsIsRejected() {
        OnnxGraph g = OnnxModel.parse(Fixtures.bytes(Fixtures.CLASSIFIER)).graph();
        g.setOutputs(List.of(g.outputs().get(0), ValueInfo.tensor("/Relu_output_0", ValueInfo.FLOAT, N_C_H_W)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelInspector.inspect(g, "resnet model /tmp/r.onnx"));
        assertEquals("resnet model /tmp/r.onnx has 2 outputs (logits, /Relu_output_0); graph surgery needs a model"
                + " with one output, the class scores of a classifier or the features of an extractor", e.getMessage());
    }

    @Test
    void anOutputOfUnknownRankWithoutAHeadIsRejected() {
        OnnxGraph g = OnnxModel.parse(Fixtures.bytes(Fixtures.FEATURES)).graph();
        g.setOutputs(List.of(ValueInfo.tensor("/Relu_output_0", ValueInfo.FLOAT, null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelInspector.inspect(g, "f"));
        assertTrue(e.getMessage().contains("walking back from it found Relu, then BatchNormalization"
                + " 'features/BatchNormalization'"), e.getMessage());
    }

    @Test
    void aHeadOnTheGraphInputHasNothingToCutAt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> inspect(Fixtures.HEAD_ONLY));
        assertEquals(Fixtures.HEAD_ONLY + ": the classifier head (Gemm, Flatten, GlobalAveragePool) reads 'input', which"
                + " no node produces (a graph input or initializer): there is no convolutional feature extractor before"
                + " the head to cut at", e.getMessage());
    }

    @Test
    void aFeatureMapDeclaredWithAnotherRankIsRejected() {
        OnnxGraph g = OnnxModel.parse(Fixtures.bytes(Fixtures.CLASSIFIER)).graph();
        g.message().add(ProtoField.message(13, ValueInfo.tensor("/Relu_output_0", ValueInfo.FLOAT,
                List.of(Dim.named("batch"), Dim.of(4))).message()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelInspector.inspect(g, "c"));
        assertTrue(e.getMessage().endsWith("reads '/Relu_output_0', declared with rank 2; the cut needs a 4-D"
                + " N x C x H x W feature map"), e.getMessage());
    }

    @Test
    @Timeout(10)
    void aCyclicDamagedGraphEndsTheWalkInsteadOfLooping() {
        OnnxModel model = new GraphBuilder().node("Relu", List.of("b"), "a").node("Relu", List.of("a"), "b")
                .output("a", null).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelInspector.inspect(model.graph(), "loop"));
        assertTrue(e.getMessage().startsWith("loop: no classifier head, pooling or 4-D feature map"), e.getMessage());
    }
}
