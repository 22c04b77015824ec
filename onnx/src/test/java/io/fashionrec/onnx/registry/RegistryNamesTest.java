package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed vocabulary of the registry: names, architectures, presets, the zoo table and hashes. */
class RegistryNamesTest {

    @Test
    void modelNamesFollowTheRules() {
        for (String valid : List.of("densenet121", "vgg16-int8", "a", "my_model.v2", "0", "x".repeat(64))) {
            assertTrue(ModelName.isValid(valid), valid);
        }
        for (String invalid : List.of("", "A", "Vgg16", "-x", "_x", ".hidden", "..", "a/b", "a\\b", "../x", "a b", "x.onnx", "x".repeat(65))) {
            assertFalse(ModelName.isValid(invalid), invalid);
        }
        assertFalse(ModelName.isValid(null));
        assertEquals("invalid model name 'x.onnx': a name ending in .onnx is read as a file path; drop the extension",
                assertThrows(ModelRegistryException.class, () -> ModelName.check("x.onnx")).getMessage());
    }

    @Test
    void aDefaultNameIsTheLowercaseStem() {
        assertEquals("densenet-12", ModelName.fromFile(Path.of("/models/DenseNet-12.onnx")));
        assertEquals("model", ModelName.fromFile(Path.of("model")));
        assertEquals("vgg16-12-int8", ModelName.fromFile(Path.of("vgg16-12-int8.onnx")));
    }

    @Test
    void archAndPresetAreParsedIgnoringCase() {
        assertEquals(Arch.DENSENET121, Arch.parse("DenseNet121"));
        assertEquals(Arch.VGG16, Arch.parse(" vgg16 "));
        assertEquals(Preset.KERAS_TORCH, Preset.parse("Keras-Torch"));
        assertEquals("keras-torch", Preset.KERAS_TORCH.id());
        assertEquals("densenet121, vgg16", Arch.choices());
        assertEquals("torch, caffe, keras-torch", Preset.choices());
        assertEquals("unknown preset 'keras_torch': choose one of torch, caffe, keras-torch",
                assertThrows(IllegalArgumentException.class, () -> Preset.parse("keras_torch")).getMessage());
    }

    @Test
    void theZooTableHoldsThePublishedFiles() {
        KnownModels zoo = KnownModels.ONNX_MODEL_ZOO;
        URI base = KnownModels.ONNX_MODEL_ZOO_URL;

        assertEquals(List.of("densenet121", "vgg16", "vgg16-int8"), zoo.all().stream().map(KnownModel::name).toList());
        KnownModel densenet = zoo.find("densenet121").orElseThrow();
        assertEquals(List.of(URI.create("https://github.com/onnx/models/raw/main/validated/vision/classification/densenet-121/model/densenet-12.onnx")),
                densenet.urls(base));
        assertEquals(new ExpectedFile(32_726_877L, "0294e7e88e5b3360de9b0fdc321baf9e6ef18b7f058c4536caae3b9f18ed9ed5"), densenet.file());
        assertEquals(Arch.DENSENET121, densenet.arch());
        assertEquals(List.of(URI.create("https://github.com/onnx/models/raw/main/validated/vision/classification/vgg/model/vgg16-7.onnx"),
                URI.create("https://github.com/onnx/models/raw/main/vision/classification/vgg/model/vgg16-7.onnx")),
                zoo.find("vgg16").orElseThrow().urls(base));
        assertEquals(553_437_328L, zoo.find("vgg16").orElseThrow().file().size());
        assertEquals("0d0a8e1d69f70404421e37dbad4f8bd21d42758e9f426bd5b39e9e4e9e1afa23", zoo.find("vgg16-int8").orElseThrow().file().sha256());
        assertTrue(zoo.all().stream().allMatch(m -> m.preset() == Preset.TORCH));
    }

    @Test
    void sha256MatchesTheStandardTestVector(@TempDir Path dir) throws IOException {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        Path file = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);

        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of(file));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.copy(file, dir.resolve("copy")));
        assertEquals("abc", Files.readString(dir.resolve("copy")));
    }
}
