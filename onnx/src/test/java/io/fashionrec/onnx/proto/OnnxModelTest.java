package io.fashionrec.onnx.proto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.onnx.surgery.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {

    @TempDir
    Path dir;

    @Test
    void readsTheStructureOfAClassifier() throws IOException {
        OnnxModel model = OnnxModel.read(Fixtures.path(Fixtures.CLASSIFIER));
        assertEquals(8, model.irVersion());
        assertEquals("make_fixtures.py", model.producerName());
        assertEquals(Map.of("", 13L, "ai.onnx.ml", 3L), model.opsetImports());
        assertEquals(Map.of("fixture", "tiny-classifier", "license", "CC0"), model.metadataProps());

        OnnxGraph g = model.graph();
        assertEquals("tiny_classifier", g.name());
        assertEquals(List.of("Conv", "BatchNormalization", "Relu", "GlobalAveragePool", "Flatten", "Gemm", "Softmax"),
                g.nodes().stream().map(OnnxNode::opType).toList());
        OnnxNode gemm = g.nodes().get(5);
        assertEquals("/classifier/Gemm", gemm.name());
        assertEquals(List.of("/Flatten_output_0", "classifier.weight", "classifier.bias"), gemm.inputs());
        assertEquals(1, gemm.attribute("transB").orElseThrow().i());
        assertEquals(OnnxAttribute.INT, gemm.attribute("transB").orElseThrow().type());
        assertArrayEquals(new long[] {3, 3}, g.nodes().get(0).attribute("kernel_shape").orElseThrow().ints());
        assertEquals("input[batch, 3, 8, 8]", g.inputs().get(0).toString());
        assertEquals("logits[batch, 5]", g.outputs().get(0).toString());
        assertEquals(ValueInfo.FLOAT, g.outputs().get(0).elemType());
        assertEquals(List.of("/Flatten_output_0"), g.valueInfos().stream().map(ValueInfo::name).toList());
        assertEquals(8, g.initializers().size());
        OnnxTensor w = g.initializer("classifier.weight").orElseThrow();
        assertArrayEquals(new long[] {5, 4}, w.dims());
        assertEquals(ValueInfo.FLOAT, w.dataType());
        assertFalse(w.isExternal());
        assertEquals("/Relu", g.producer("/Relu_output_0").orElseThrow().name());
        assertTrue(g.producer("input").isEmpty());
        assertTrue(g.producer("classifier.weight").isEmpty());
        assertTrue(g.tensorNames().containsAll(List.of("input", "classifier.bias", "logits", "/Relu_output_0")));
    }

    @Test
    void everyFixtureWritesBackItsExactBytes() throws IOException {
        for (String name : List.of(Fixtures.CLASSIFIER, Fixtures.ZOO_CLASSIFIER, Fixtures.POOLED,
                Fixtures.POOLED_OPSET_18, Fixtures.FEATURES, Fixtures.HEAD_ONLY)) {
            OnnxModel model = OnnxModel.read(Fixtures.path(name));
            model.graph().nodes();
            Path copy = dir.resolve(name);
            model.write(copy);
            assertEquals(-1, Files.mismatch(Fixtures.path(name), copy), name);
        }
    }

    @Test
    void unknownFieldsAtEveryLevelSurviveAnEdit() throws IOException {
        byte[] original = Fixtures.bytes(Fixtures.CLASSIFIER);
        // The fixture carries varint fields 5000 (model), 5001 (the Relu node) and 5002 (graph).
        for (String tag : List.of("c0b802", "c8b802", "d0b802")) {
            assertTrue(HexFormat.of().formatHex(original).contains(tag), tag);
        }
        OnnxModel model = OnnxModel.parse(original);
        OnnxGraph g = model.graph();
        g.setOutputs(List.of(ValueInfo.tensor("/Relu_output_0", ValueInfo.FLOAT, null)));
        g.prune();
        ProtoMessage written = ProtoMessage.parse(model.toByteArray());
        assertEquals(1, written.varint(5000, 0));
        ProtoMessage graph = written.message(7).orElseThrow();
        assertEquals(7, graph.varint(5002, 0));
        ProtoMessage relu = graph.messages(1).get(2);
        assertEquals("Relu", relu.string(4));
        assertEquals(42, relu.varint(5001, 0));
        assertEquals("a graph doc string", graph.string(10));
        OnnxModel reread = OnnxModel.parse(written.toByteArray());
        assertEquals(Map.of("fixture", "tiny-classifier", "license", "CC0"), reread.metadataProps());
        assertEquals(Map.of("", 13L, "ai.onnx.ml", 3L), reread.opsetImports());
    }

    @Test
    void pruneKeepsWhatTheOutputsNeedAndDropsTheRest() {
        OnnxModel model = OnnxModel.parse(Fixtures.bytes(Fixtures.CLASSIFIER));
        OnnxGraph g = model.graph();
        assertEquals(List.of(), g.prune().nodes(), "a graph whose outputs need everything loses nothing");
        assertTrue(g.message().isPristine());

        g.setOutputs(List.of(ValueInfo.tensor("/Relu_output_0", ValueInfo.FLOAT, null)));
        OnnxGraph.Pruned pruned = g.prune();
        assertEquals(List.of("GlobalAveragePool", "Flatten", "Gemm", "Softmax"),
                pruned.nodes().stream().map(OnnxNode::opType).toList());
        assertEquals(List.of("classifier.weight", "classifier.bias"), pruned.initializers());
        assertTrue(pruned.initializerBytes() > 4 * 24, "20 + 5 floats and their headers");
        assertEquals(List.of("/Flatten_output_0"), pruned.valueInfos());
        assertEquals(List.of(), pruned.inputs());
        assertEquals(List.of("Conv", "BatchNormalization", "Relu"), g.nodes().stream().map(OnnxNode::opType).toList());
        assertEquals(6, g.initializers().size());
        assertEquals(List.of(), g.valueInfos());
    }

    @Test
    void pruneDropsTheGraphInputsOfRemovedInitializersInOldIrVersions() {
        OnnxModel model = OnnxModel.parse(Fixtures.bytes(Fixtures.ZOO_CLASSIFIER));
        OnnxGraph g = model.graph();
        assertEquals(3, model.irVersion());
        assertEquals(List.of("data", "conv1_w", "conv1_b", "fc6_w", "fc6_b"), g.inputs().stream().map(ValueInfo::name).toList());
        g.setOutputs(List.of(ValueInfo.tensor("conv1_relu", ValueInfo.FLOAT, null)));
        OnnxGraph.Pruned pruned = g.prune();
        assertEquals(List.of("AveragePool", "Conv", "Constant", "Reshape", "Softmax"),
                pruned.nodes().stream().map(OnnxNode::opType).toList());
        assertEquals(List.of("fc6_w", "fc6_b"), pruned.initializers());
        assertEquals(List.of("fc6_w", "fc6_b"), pruned.inputs());
        assertEquals(List.of("data", "conv1_w", "conv1_b"), g.inputs().stream().map(ValueInfo::name).toList());
    }

    @Test
    void readsInt64ConstantsFromConstantNodes() {
        OnnxGraph g = OnnxModel.parse(Fixtures.bytes(Fixtures.ZOO_CLASSIFIER)).graph();
        assertArrayEquals(new long[] {1, -1}, g.int64Constant("shape").orElseThrow());
        assertTrue(g.int64Constant("fc6_w").isEmpty(), "a float initializer is no INT64 constant");
        assertTrue(g.int64Constant("conv1").isEmpty(), "a Conv output is no constant");
    }

    @Test
    void addNodesPutsThemAfterTheLastNode() {
        OnnxModel model = OnnxModel.parse(Fixtures.bytes(Fixtures.FEATURES));
        OnnxGraph g = model.graph();
        g.addNodes(List.of(OnnxNode.create("pool", "GlobalMaxPool", List.of("/Relu_output_0"), List.of("pooled"),
                List.of())));
        assertEquals("GlobalMaxPool", g.nodes().get(3).opType());
        assertEquals("pool", g.producer("pooled").orElseThrow().name());
        List<ProtoField> fields = g.message().fields();
        assertEquals(List.of(1, 1, 1, 1), fields.subList(0, 4).stream().map(ProtoField::number).toList());
        OnnxModel reread = OnnxModel.parse(model.toByteArray());
        assertEquals(4, reread.graph().nodes().size());
    }

    @Test
    void writeReplacesTheTargetAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.onnx");
        Files.writeString(target, "an older file");
        OnnxModel.read(Fixtures.path(Fixtures.POOLED)).write(target);
        assertEquals(-1, Files.mismatch(Fixtures.path(Fixtures.POOLED), target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aModelCanBeWrittenOverTheFileItIsMappedFrom() throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.copy(Fixtures.path(Fixtures.CLASSIFIER), file);
        OnnxModel model = OnnxModel.read(file);
        model.graph().setOutputs(List.of(ValueInfo.tensor("/Relu_output_0", ValueInfo.FLOAT, null)));
        model.graph().prune();
        model.write(file);
        OnnxModel reread = OnnxModel.read(file);
        assertEquals(3, reread.graph().nodes().size());
        assertArrayEquals(model.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void aFileThatIsNotOnnxIsRejectedNamingTheFile() throws IOException {
        Path text = dir.resolve("notes.onnx");
        Files.writeString(text, "hello, world");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxModel.read(text));
        assertTrue(e.getMessage().startsWith(text + " is not a readable ONNX model: malformed protobuf"), e.getMessage());

        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> OnnxModel.read(empty));
        assertTrue(none.getMessage().contains("no graph"), none.getMessage());
    }
}
