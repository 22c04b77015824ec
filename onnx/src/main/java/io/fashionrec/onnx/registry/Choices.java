package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The spelling of the small enums a user names on the command line ({@link Arch}, and the
 * encoder's {@link Preset}): the constant's name in lowercase with '_' written as '-', matched
 * case-insensitively; a bad name is a {@link ModelRegistryException}.
 */
final class Choices {

    private Choices() {
    }

    /** How {@code choice} is written: {@code KERAS_TORCH} is {@code keras-torch}. */
    static String id(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code choices} spelled {@code text} (ignoring case and surrounding blanks).
     *
     * @throws ModelRegistryException naming {@code text} and listing the choices, if none matches
     */
    static <E extends Enum<E>> E parse(E[] choices, String kind, String text) {
        String wanted = text == null ? "" : text.strip();
        for (E choice : choices) {
            if (id(choice).equalsIgnoreCase(wanted)) {
                return choice;
            }
        }
        throw new ModelRegistryException("unknown " + kind + " '" + text + "': choose one of " + list(choices));
    }

    /** The preset spelled {@code text}, or a {@link ModelRegistryException} listing the choices. */
    static Preset preset(String text) {
        try {
            return Preset.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ModelRegistryException(e.getMessage());
        }
    }

    /** The ids of {@code choices}, comma-separated, for messages. */
    static String list(Enum<?>[] choices) {
        return Arrays.stream(choices).map(Choices::id).collect(Collectors.joining(", "));
    }
}
