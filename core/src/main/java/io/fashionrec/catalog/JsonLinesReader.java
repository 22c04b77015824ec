package io.fashionrec.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON Lines catalog: a {@code .jsonl}/{@code .ndjson} file, or a directory holding
 * {@value #PRODUCTS_FILE}, with one JSON object per line:
 * <ul>
 *   <li>{@code id}: a string or a number (required; a record without one is skipped);</li>
 *   <li>{@code name}, {@code description}: the text (optional);</li>
 *   <li>{@code image}: a path relative to the file's directory, or absolute (optional; a path
 *       that names no file is reported as {@link ProblemKind#IMAGE_MISSING} and the image left
 *       null);</li>
 *   <li>every other key: an attribute, in the object's key order. Strings are trimmed, numbers and
 *       booleans become their JSON text, arrays and objects their compact JSON; a null value means
 *       the product does not have the attribute.</li>
 * </ul>
 * {@link Catalog#attributeNames()} is the union of the attribute keys in order of first appearance.
 * A line that is not a JSON object is reported as {@link ProblemKind#MALFORMED_RECORD} and skipped;
 * blank lines are skipped silently. Lines are read as bytes and decoded like CSV lines (see
 * {@link PhysicalLineReader}), so a UTF-8 BOM, CRLF/CR line ends and Windows-1252 bytes are handled.
 *
 * <p>Thread-safe: each {@link #read} call uses its own state.
 */
public final class JsonLinesReader implements CatalogReader {

    /** The file a JSON Lines catalog directory holds its products in. */
    public static final String PRODUCTS_FILE = "products.jsonl";

    private static final String ID = "id";
    private static final String NAME = "name";
    private static final String DESCRIPTION = "description";
    private static final String IMAGE = "image";
    private static final Set<String> PRODUCT_KEYS = Set.of(ID, NAME, DESCRIPTION, IMAGE);

    // Thread-safe once configured; trailing text after the object makes the line malformed rather
    // than being ignored.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads a {@code .jsonl}/{@code .ndjson} file, or a directory with {@value #PRODUCTS_FILE}.
     *
     * @throws CatalogException if {@code source} does not exist or is a directory without
     *                          {@value #PRODUCTS_FILE}
     */
    @Override
    public Catalog read(Path source, ProblemReport problems) throws IOException {
        Catalogs.requireExists(source);
        Path file = Files.isDirectory(source) ? source.resolve(PRODUCTS_FILE) : source;
        if (!Files.isRegularFile(file)) {
            throw new CatalogException(source + " has no " + PRODUCTS_FILE
                    + ": expected a .jsonl file or a directory holding " + PRODUCTS_FILE);
        }
        RecordReader records = new RecordReader(file, problems);
        try (PhysicalLineReader lines = new PhysicalLineReader(Files.newInputStream(file))) {
            for (PhysicalLine line = lines.next(); line != null; line = lines.next()) {
                if (!line.text().isBlank()) {
                    records.read(line);
                }
            }
        }
        return new Catalog(source, records.collector.products(), List.copyOf(records.attributeNames), problems);
    }

    /** Turns the lines of one file into products. */
    private static final class RecordReader {

        private final Path file;
        private final ProblemReport problems;
        private final ProductCollector collector;
        private final Set<String> attributeNames = new LinkedHashSet<>();

        RecordReader(Path file, ProblemReport problems) {
            this.file = file;
            this.problems = problems;
            this.collector = new ProductCollector(problems, NAME, "record");
        }

        void read(PhysicalLine line) {
            SourceLocation where = new SourceLocation(file, line.number());
            JsonNode record;
            try {
                record = JSON.readTree(line.text());
            } catch (JsonProcessingException e) {
                skip(line, where, "line is not valid JSON (" + firstLine(e.getOriginalMessage()) + "): skipped it");
                return;
            }
            if (!record.isObject()) {
                skip(line, where, "line is a JSON " + record.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object: skipped it");
                return;
            }
            JsonNode idNode = record.path(ID);
            boolean idUsable = idNode.isTextual() || idNode.isNumber();
            String id = idUsable ? idNode.asText().strip() : "";
            line.reportEncoding(problems, file, id.isEmpty() ? null : id);
            if (!idUsable && !idNode.isMissingNode() && !idNode.isNull()) {
                problems.add(ProblemKind.MISSING_ID, where, null, "id is " + idNode + ", not a string or a number: skipped this record");
                return;
            }
            if (!collector.claim(id, where)) {
                return;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : record.properties()) {
                if (!PRODUCT_KEYS.contains(entry.getKey())) {
                    attributeNames.add(entry.getKey());
                    if (!entry.getValue().isNull()) {
                        attributes.put(entry.getKey(), collector.attributeValue(text(entry.getValue())));
                    }
                }
            }
            Path image = image(record.path(IMAGE), where, id);
            collector.add(new Product(id, text(record.path(NAME)), text(record.path(DESCRIPTION)), image, attributes, where));
        }

        private void skip(PhysicalLine line, SourceLocation where, String reason) {
            line.reportEncoding(problems, file, null);
            problems.add(ProblemKind.MALFORMED_RECORD, where, null, reason);
        }

        private Path image(JsonNode value, SourceLocation where, String id) {
            if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                return null;
            }
            if (!value.isTextual()) {
                problems.add(ProblemKind.IMAGE_MISSING, where, id, "image is " + value + ", not a path; kept with its text only");
                return null;
            }
            String named = value.asText().strip();
            Path image;
            try {
                image = file.resolveSibling(Path.of(named));
            } catch (InvalidPathException e) {
                problems.add(ProblemKind.IMAGE_MISSING, where, id,
                        "image '" + ReasonText.printable(named) + "' is not a valid path (" + e.getReason() + "); kept with its text only");
                return null;
            }
            if (!Files.isRegularFile(image)) {
                problems.add(ProblemKind.IMAGE_MISSING, where, id, "no image " + ReasonText.printable(named) + "; kept with its text only");
                return null;
            }
            return image;
        }
    }

    /** A value as text: strings trimmed, other scalars as their JSON text, containers as compact JSON. */
    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText().strip() : value.toString();
    }

    /** Jackson's messages may run over several lines (with a source excerpt); a reason keeps the first. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
