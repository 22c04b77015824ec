package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A published model the registry can pull by name: where it lives relative to a base URL, and what
 * the download must be.
 *
 * @param name   the model name users type, valid under the {@linkplain ModelName name rules}
 * @param arch   its architecture, which tells the preparer how to cut it
 * @param preset the input normalisation it was trained with
 * @param file   its size and SHA-256
 * @param paths  where it lives relative to the base URL, most likely first; the next path is tried
 *               when the server answers 404 (repositories move files). At least one, none absolute.
 */
public record KnownModel(String name, Arch arch, Preset preset, ExpectedFile file, List<String> paths) {

    public KnownModel {
        ModelName.check(name);
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(file, "file");
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("known model " + name + " needs at least one path");
        }
        for (String path : paths) {
            if (path.startsWith("/") || URI.create(path).isAbsolute()) {
                throw new IllegalArgumentException("known model " + name + ": path '" + path + "' must be relative to the base URL");
            }
        }
    }

    /** The download URLs, in the order to try them, under {@code baseUrl} (which ends with '/'). */
    public List<URI> urls(URI baseUrl) {
        return paths.stream().map(baseUrl::resolve).toList();
    }
}
