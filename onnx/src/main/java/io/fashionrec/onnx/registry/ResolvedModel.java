package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The model file an {@code --image-model} value stands for, ready for the image encoder.
 *
 * @param file   the prepared model file (for a path given by the user: that file, or its prepared
 *               copy in the cache when it was a whole classifier)
 * @param label  the registered name, or the file name for a path
 * @param arch   the architecture of a registered model; empty for a path
 * @param preset the registered preset, or {@link Preset#DEFAULT} for a path (the user's
 *               {@code --preset} goes over it)
 * @param sha256 SHA-256 of {@code file}, lowercase hex, verified just now
 */
public record ResolvedModel(Path file, String label, Optional<Arch> arch, Preset preset, String sha256) {
}
