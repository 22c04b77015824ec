package io.fashionrec.onnx.surgery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fashionrec.onnx.proto.OnnxModel;
import io.fashionrec.onnx.proto.OnnxNode;
import io.fashionrec.onnx.proto.ProtoField;
import io.fashionrec.onnx.proto.ProtoMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurgeryPreparerTest {

    @TempDir
    Path dir;

    private final SurgeryPreparer preparer = new SurgeryPreparer();

    @Test
    void aClassifierIsCutAndWritten() throws IOException {
        Path target = dir.resolve("prepared.onnx");
        String description = preparer.prepare(Fixtures.path(Fixtures.CLASSIFIER), "tiny", target);
        assertTrue(description.startsWith("cut at /Relu_output_0 (4 channels), dropped 4 nodes"), description);
        OnnxModel prepared = OnnxModel.read(target);
        assertEquals(List.of("Conv", "BatchNormalization", "Relu", "GlobalMaxPool", "Flatten"),
                prepared.graph().nodes().stream().map(OnnxNode::opType).toList());
        assertEquals("embedding[batch, 4]", prepared.graph().outputs().get(0).toString());
    }

    @Test
    void aPooledExtractorIsCopiedByteForByte() throws IOException {
        Path target = dir.resolve("prepared.onnx");
        String description = preparer.prepare(Fixtures.path(Fixtures.POOLED), "tiny", target);
        assertEquals("already a pooled feature extractor (output embedding[batch, 4]), copied unchanged", description);
        assertEquals(-1, Files.mismatch(Fixtures.path(Fixtures.POOLED), target));
    }

    @Test
    void aFeatureMapModelGetsItsPooling() throws IOException {
        Path target = dir.resolve("prepared.onnx");
        String description = preparer.prepare(Fixtures.path(Fixtures.FEATURES), "tiny", target);
        assertEquals("feature map /Relu_output_0 (4 channels), appended GlobalMaxPool + Flatten: embedding[batch, 4]",
                description);
        assertEquals("embedding", OnnxModel.read(target).graph().outputs().get(0).name());
    }

    @Test
    void onlyAClassifierNeedsPreparingBeforeTheEncoderRunsIt() throws IOException {
        assertTrue(preparer.needsPreparation(Fixtures.path(Fixtures.CLASSIFIER)));
        assertFalse(preparer.needsPreparation(Fixtures.path(Fixtures.POOLED)));
        assertFalse(preparer.needsPreparation(Fixtures.path(Fixtures.FEATURES)));
    }

    @Test
    void aModelItCannotHandleIsRejectedAndNothingIsWritten() {
        Path target = dir.resolve("prepared.onnx");
        Path source = Fixtures.path(Fixtures.HEAD_ONLY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> preparer.prepare(source, "mystery", target));
        assertTrue(e.getMessage().startsWith("mystery model " + source + ": the classifier head"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void aModelWithExternalDataIsRejected() throws IOException {
        OnnxModel model = OnnxModel.read(Fixtures.path(Fixtures.CLASSIFIER));
        ProtoMessage graph = model.graph().message();
        List<ProtoField> fields = graph.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).number() == 5) {
                ProtoMessage tensor = fields.get(i).message();
                tensor.add(ProtoField.varint(14, 1));
                graph.set(i, ProtoField.message(5, tensor));
                break;
            }
        }
        Path source = dir.resolve("external.onnx");
        model.write(source);
        Path target = dir.resolve("prepared.onnx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> preparer.prepare(source, "big", target));
        assertEquals("big model " + source + " keeps 1 tensor(s) (features.weight) in external data files, which would"
                + " not follow it; save it as one file first, e.g. onnx.save_model(m, path, save_as_external_data=False)", e.getMessage());
        assertFalse(Files.exists(target));
    }
}
