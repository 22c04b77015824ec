package io.fashionrec.index.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed state of an index: {@code manifest.json}, the one file whose atomic replacement
 * commits a generation. It is UTF-8 JSON, indented with two spaces and {@code \n} line ends:
 * <pre>
 * {
 *   "format" : "fashionrec-index",
 *   "formatVersion" : 1,
 *   "generation" : 3,
 *   "parts" : {
 *     "image" : { "file" : "image.3.dense", "codec" : "FashionrecDenseMatrix", "codecVersion" : 1,
 *                 "bytes" : 4096080, "crc32" : 2841932014 }, ...
 *   },
 *   "content" : { ...the JSON the writer's caller committed... }
 * }
 * </pre>
 * Parts are listed in name order. A reader checks {@code format} and {@code formatVersion}
 * before anything else, so a later version may change the rest.
 *
 * <p>Versions: in version 1 every part's file is of the manifest's own generation. Version 2
 * lets a part keep the file an earlier generation wrote under the same part name
 * ({@code <part>.<earlier generation>.<ext>}): a commit that did not change a large part carries
 * it over instead of copying it, and the files a manifest names are never deleted. A manifest is
 * written as version 1 when every file is of its own generation (so such an index is written
 * byte for byte as before version 2), else as version 2; both are read.
 *
 * <p>Immutable and thread-safe: {@link #content()} hands out copies.
 */
public final class Manifest {

    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "fashionrec-index";
    /** The newest format version, written when a part is carried over from an earlier generation. */
    public static final int FORMAT_VERSION = 2;
    /** The format version written when every part file is of the manifest's own generation. */
    static final int FORMAT_VERSION_OWN_FILES = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    // Fixed line ends (not the platform's) so that the same commit gives the same bytes everywhere.
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final long generation;
    private final Map<String, PartEntry> parts;
    private final ObjectNode content;

    Manifest(long generation, Map<String, PartEntry> parts, ObjectNode content) {
        this.generation = generation;
        this.parts = Collections.unmodifiableMap(new TreeMap<>(parts));
        this.content = content.deepCopy();
    }

    /** The generation committed by this manifest, from 1; every commit adds at least one. */
    public long generation() {
        return generation;
    }

    /** The format version this manifest is written in: see the class comment. */
    public int formatVersion() {
        for (PartEntry entry : parts.values()) {
            if (IndexFiles.generationOf(entry.file()) != generation) {
                return FORMAT_VERSION;
            }
        }
        return FORMAT_VERSION_OWN_FILES;
    }

    /** The parts by name, in name order (unmodifiable). */
    public Map<String, PartEntry> parts() {
        return parts;
    }

    /** A copy of the JSON that the writer's caller committed. */
    public ObjectNode content() {
        return content.deepCopy();
    }

    /** The bytes of {@code manifest.json} for this manifest. */
    byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", formatVersion());
        root.put("generation", generation);
        ObjectNode partsNode = root.putObject("parts");
        parts.forEach((name, entry) -> {
            ObjectNode p = partsNode.putObject(name);
            p.put("file", entry.file());
            p.put("codec", entry.codec());
            p.put("codecVersion", entry.codecVersion());
            p.put("bytes", entry.bytes());
            p.put("crc32", entry.crc32());
        });
        root.set("content", content.deepCopy());
        try {
            return (WRITER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be serialised", e);
        }
    }

    /**
     * Reads the manifest of the index at {@code dir}.
     *
     * @throws IndexFormatException if there is no index at {@code dir}, the manifest is damaged,
     *                              or it is of another format version
     */
    static Manifest read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isDirectory(dir)) {
            throw IndexFormatException.noIndex(dir);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw IndexFormatException.noIndex(dir);
        } catch (IOException e) {
            throw IndexFormatException.cannotRead(file, e);
        }
        return parse(dir, file, bytes);
    }

    private static Manifest parse(Path dir, Path file, byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException e) {
            JsonLocation at = e instanceof JsonProcessingException jpe ? jpe.getLocation() : null;
            String where = at == null ? "" : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw IndexFormatException.damaged(file, "is not valid JSON" + where, e);
        }
        if (root == null || root.isMissingNode()) {
            throw IndexFormatException.damaged(file, "is empty");
        }
        if (!root.isObject()) {
            throw IndexFormatException.damaged(file, "is not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText(null))) {
            throw IndexFormatException.damaged(file, "is not a fashionrec index manifest (its \"format\" is " + format + ", not \"" + FORMAT + "\")");
        }
        long formatVersion = integer(file, root, "formatVersion", 1, Integer.MAX_VALUE, "");
        if (formatVersion < FORMAT_VERSION_OWN_FILES || formatVersion > FORMAT_VERSION) {
            throw IndexFormatException.otherFormatVersion(dir, formatVersion, FORMAT_VERSION_OWN_FILES, FORMAT_VERSION);
        }
        long generation = integer(file, root, "generation", 1, Long.MAX_VALUE, "");
        JsonNode partsNode = root.get("parts");
        if (partsNode == null || !partsNode.isObject()) {
            throw IndexFormatException.damaged(file, "has no \"parts\" object");
        }
        Map<String, PartEntry> parts = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : partsNode.properties()) {
            parts.put(e.getKey(), partEntry(file, e.getKey(), e.getValue()));
        }
        JsonNode content = root.get("content");
        if (content == null || !content.isObject()) {
            throw IndexFormatException.damaged(file, "has no \"content\" object");
        }
        return new Manifest(generation, parts, (ObjectNode) content);
    }

    private static PartEntry partEntry(Path file, String name, JsonNode node) {
        if (!IndexFiles.isPartName(name) || !node.isObject()) {
            throw IndexFormatException.damaged(file, "lists a malformed part \"" + name + "\"");
        }
        String where = " for part \"" + name + "\"";
        return new PartEntry(
                text(file, node, "file", where),
                text(file, node, "codec", where),
                (int) integer(file, node, "codecVersion", 1, Integer.MAX_VALUE, where),
                integer(file, node, "bytes", 0, Long.MAX_VALUE, where),
                integer(file, node, "crc32", 0, 0xFFFF_FFFFL, where));
    }

    private static String text(Path file, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw IndexFormatException.damaged(file, "has no \"" + field + "\" text" + where);
        }
        return value.textValue();
    }

    private static long integer(Path file, JsonNode node, String field, long min, long max, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            throw IndexFormatException.damaged(file, "has no valid \"" + field + "\"" + where + " (an integer from " + min + " to " + max + ")");
        }
        return value.longValue();
    }
}
