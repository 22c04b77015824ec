package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of models the registry can pull by name. {@link #ONNX_MODEL_ZOO} is the production
 * table; tests build their own. Immutable and thread-safe.
 */
public final class KnownModels {

    /**
     * Where the ONNX Model Zoo serves raw files. GitHub answers with a redirect to
     * media.githubusercontent.com, because the files are stored in Git LFS.
     */
    public static final URI ONNX_MODEL_ZOO_URL = URI.create("https://github.com/onnx/models/raw/main/");

    /**
     * The CNN encoders fashionrec supports, as published in the ONNX Model Zoo
     * (github.com/onnx/models): sizes and SHA-256 of the files there.
     */
    public static final KnownModels ONNX_MODEL_ZOO = new KnownModels(List.of(
            new KnownModel("densenet121", Arch.DENSENET121, Preset.TORCH,
                    new ExpectedFile(32_726_877L, "0294e7e88e5b3360de9b0fdc321baf9e6ef18b7f058c4536caae3b9f18ed9ed5"),
                    List.of("validated/vision/classification/densenet-121/model/densenet-12.onnx")),
            new KnownModel("vgg16", Arch.VGG16, Preset.TORCH,
                    new ExpectedFile(553_437_328L, "f20805a3ecccaa88647bbab4ad011ff2412a9838485ea844de0fcbce349820b9"),
                    List.of("validated/vision/classification/vgg/model/vgg16-7.onnx",
                            "vision/classification/vgg/model/vgg16-7.onnx")),
            new KnownModel("vgg16-int8", Arch.VGG16, Preset.TORCH,
                    new ExpectedFile(138_407_238L, "0d0a8e1d69f70404421e37dbad4f8bd21d42758e9f426bd5b39e9e4e9e1afa23"),
                    List.of("vision/classification/vgg/model/vgg16-12-int8.onnx"))));

    private final Map<String, KnownModel> byName = new LinkedHashMap<>();

    /** A table of {@code models}, whose names must be distinct. */
    public KnownModels(List<KnownModel> models) {
        for (KnownModel model : models) {
            if (byName.putIfAbsent(model.name(), model) != null) {
                throw new IllegalArgumentException("two known models are called " + model.name());
            }
        }
    }

    /** The model called {@code name}, or empty. */
    public Optional<KnownModel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All models, in table order. */
    public List<KnownModel> all() {
        return List.copyOf(byName.values());
    }

    /** The names, comma-separated, for messages. */
    String names() {
        return String.join(", ", byName.keySet());
    }
}
