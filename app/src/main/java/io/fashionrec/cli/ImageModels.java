package io.fashionrec.cli;

import io.fashionrec.feature.EncoderDescriptor;
import io.fashionrec.image.ImageEncoder;
import io.fashionrec.image.classic.ClassicImageEncoder;
import io.fashionrec.index.ProductIndex;
import io.fashionrec.onnx.OnnxImageEncoder;
import io.fashionrec.onnx.Preset;
import io.fashionrec.onnx.registry.ResolvedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens image encoders from a spec: {@code model} (classic, a registered model name or a .onnx
 * file, resolved by the {@linkplain Registries model registry}), and for a CNN {@code preset}
 * (default: the registered one) and {@code imageSize}. An index records the spec it was built with, so a photo
 * query opens the same encoder; its descriptor (including the model file's SHA-256) must match.
 */
final class ImageModels {

    static final String CLASSIC = "classic";
    static final String MODEL = "model";
    static final String PRESET = "preset";
    static final String IMAGE_SIZE = "imageSize";

    private ImageModels() {
    }

    /**
     * The encoder a spec names, and the spec as the index should record it (a model file's path
     * made absolute).
     */
    record Opened(ImageEncoder encoder, Map<String, String> spec) {
    }

    static Opened open(Map<String, String> spec) {
        String model = spec.getOrDefault(MODEL, CLASSIC);
        if (model.equals(CLASSIC)) {
            if (spec.containsKey(PRESET) || spec.containsKey(IMAGE_SIZE)) {
                throw new BadOptionException("--preset and --image-size are for CNN models; the classic encoder takes neither");
            }
            return new Opened(new ClassicImageEncoder(), Map.of(MODEL, CLASSIC));
        }
        ResolvedModel resolved;
        try {
            resolved = Registries.open().resolve(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image model " + model + ": " + e.getMessage(), e);
        }
        Preset preset = spec.containsKey(PRESET) ? preset(spec.get(PRESET)) : resolved.preset();
        Integer size = spec.containsKey(IMAGE_SIZE) ? Integer.valueOf(spec.get(IMAGE_SIZE)) : null;
        String name = resolved.label().replaceFirst("\\.onnx$", "");
        OnnxImageEncoder encoder = OnnxImageEncoder.load(resolved.file(), name, preset, size, Runtime.getRuntime().availableProcessors());
        Map<String, String> recorded = new LinkedHashMap<>(spec);
        if (resolved.arch().isEmpty()) { // a path, recorded so that the index opens the same file from any directory
            recorded.put(MODEL, Path.of(model).toAbsolutePath().normalize().toString());
        }
        return new Opened(encoder, recorded);
    }

    /**
     * An encoder whose vectors are comparable with the index's, or a failure naming the model the
     * index needs. An index that recorded no spec was built with the classic encoder.
     */
    static ImageEncoder forIndex(ProductIndex index) {
        EncoderDescriptor wanted = index.imageEncoder();
        Map<String, String> spec = index.imageModel().isEmpty() ? Map.of(MODEL, wanted.name()) : index.imageModel();
        ImageEncoder encoder;
        try {
            encoder = open(spec).encoder();
        } catch (RuntimeException e) {
            throw new CommandFailure("this index was built with the image model " + wanted.label() + " (" + spec
                    + ") and it cannot be opened now: " + e.getMessage(), e);
        }
        if (!encoder.descriptor().sameModelAs(wanted)) {
            String have = encoder.descriptor().label();
            encoder.close();
            throw new CommandFailure("this index was built with the image model " + wanted.label() + " but " + spec.get(MODEL)
                    + " is now " + have + "; rebuild the index, or put back the model it was built with");
        }
        return encoder;
    }

    private static Preset preset(String id) {
        try {
            return Preset.parse(id);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException("--preset: " + e.getMessage());
        }
    }
}
