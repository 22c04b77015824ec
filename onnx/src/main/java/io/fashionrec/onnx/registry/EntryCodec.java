package io.fashionrec.onnx.registry;

import io.fashionrec.onnx.Preset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code model.json} format: one JSON object with a {@code format} version and the fields of a
 * {@link CacheEntry}; arch and preset by id, the date in ISO-8601 UTC. Thread-safe.
 */
final class EntryCodec {

    /** Bump when the fields change meaning; readers refuse other versions. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EntryCodec() {
    }

    static byte[] encode(CacheEntry entry) throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("format", FORMAT)
                .put("name", entry.name())
                .put("arch", entry.arch().id())
                .put("preset", entry.preset().id())
                .put("sha256", entry.sha256())
                .put("size", entry.size())
                .put("source", entry.source())
                .put("sourceSha256", entry.sourceSha256())
                .put("preparation", entry.preparation())
                .put("created", entry.created().toString());
        return JSON.writeValueAsBytes(node);
    }

    /**
     * The entry in {@code json}.
     *
     * @throws IOException              if {@code json} is not JSON
     * @throws IllegalArgumentException if it is not an entry of this format; the message says what is wrong
     */
    static CacheEntry decode(byte[] json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode format = node.get("format");
        if (format == null || !format.isInt() || format.intValue() != FORMAT) {
            throw new IllegalArgumentException("format " + format + " is not " + FORMAT);
        }
        JsonNode size = node.get("size");
        if (size == null || !size.canConvertToLong()) {
            throw new IllegalArgumentException("no numeric 'size'");
        }
        try {
            return new CacheEntry(text(node, "name"), Arch.parse(text(node, "arch")), Choices.preset(text(node, "preset")),
                    text(node, "sha256"), size.longValue(), text(node, "source"), text(node, "sourceSha256"),
                    text(node, "preparation"), Instant.parse(text(node, "created")));
        } catch (ModelRegistryException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no text '" + field + "'");
        }
        return value.textValue();
    }
}
