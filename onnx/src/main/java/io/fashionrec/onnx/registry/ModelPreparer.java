package io.fashionrec.onnx.registry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a model file as published (a whole classifier, say) into the model the image encoder runs
 * (a feature extractor whose output is the pooled embedding). The registry calls it after a
 * download or an import and stores what it returns; graph surgery is the production
 * implementation.
 */
@FunctionalInterface
public interface ModelPreparer {

    /**
     * Prepares {@code source} for architecture {@code arch}, writing the prepared model to
     * {@code target} (which does not exist yet).
     *
     * @return a one-line description of what was done, for the registry entry and for people
     *         (e.g. "cut at /Relu_output_0 (1024 channels), appended GlobalMaxPool")
     * @throws IOException              on an I/O failure
     * @throws IllegalArgumentException if {@code source} is not a model this preparer can handle;
     *                                  the message says why and what to do
     */
    String prepare(Path source, String arch, Path target) throws IOException;

    /**
     * Whether a model file given by path (rather than pulled or imported) must go through
     * {@link #prepare} before the image encoder can run it. A preparer that cannot tell says yes,
     * which is always safe: preparing a ready model leaves it equivalent.
     *
     * @throws IOException              on an I/O failure
     * @throws IllegalArgumentException if {@code source} is not a model this preparer can handle
     */
    default boolean needsPreparation(Path source) throws IOException {
        return true;
    }
}
