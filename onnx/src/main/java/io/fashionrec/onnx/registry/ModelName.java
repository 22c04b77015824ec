package io.fashionrec.onnx.registry;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for model names. A name is also a directory in the cache, so it is kept to 1 to 64 of
 * a-z, 0-9, '.', '_' and '-', starting with a letter or digit: no separators, no "..", nothing
 * hidden, and no two names that differ only in case. A name must not end in {@code .onnx}, because
 * {@code --image-model} reads such a value as a file path.
 */
final class ModelName {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String RULE = "use 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final String ONNX_EXTENSION = ".onnx";

    private ModelName() {
    }

    /** Whether {@code name} follows the rules. */
    static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.endsWith(ONNX_EXTENSION);
    }

    /**
     * Returns {@code name} if it follows the rules.
     *
     * @throws ModelRegistryException naming {@code name} and stating the rule it breaks
     */
    static String check(String name) {
        if (name != null && name.endsWith(ONNX_EXTENSION)) {
            throw new ModelRegistryException("invalid model name '" + name + "': a name ending in " + ONNX_EXTENSION
                    + " is read as a file path; drop the extension");
        }
        if (!isValid(name)) {
            throw new ModelRegistryException("invalid model name '" + name + "': " + RULE);
        }
        return name;
    }

    /**
     * The name a model imported from {@code file} gets when none is given: the file name without
     * its extension, in lowercase ({@code DenseNet-12.onnx} becomes {@code densenet-12}).
     *
     * @throws ModelRegistryException if that stem is not a valid name; the message asks for a name
     */
    static String fromFile(Path file) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String stem = (dot > 0 ? fileName.substring(0, dot) : fileName).toLowerCase(Locale.ROOT);
        if (!isValid(stem)) {
            throw new ModelRegistryException("cannot name the model after " + file + " ('" + stem + "' is not a valid name: "
                    + RULE + "); give a name with --name");
        }
        return stem;
    }
}
