package io.fashionrec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fashionrec.catalog.Product;
import io.fashionrec.catalog.StylesCsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes products back as a catalog file that {@link io.fashionrec.catalog.Catalogs} reads to the
 * same products: a styles.csv (RFC 4180 quoting) or a JSON Lines file. Stateless.
 */
final class CatalogWriter {

    private static final String NAME_COLUMN = "productDisplayName";

    private CatalogWriter() {
    }

    /**
     * Writes {@code products} as a styles.csv, replacing {@code file}: {@code id}, the attributes
     * in {@code attributeNames} order, the name, and a {@code description} column when any product
     * has one. A missing attribute is an empty cell. Photos are not named in a CSV: the reader
     * finds them as {@code images/<id>.*} beside it.
     */
    static void writeCsv(Path file, List<Product> products, List<String> attributeNames) throws IOException {
        boolean descriptions = products.stream().anyMatch(p -> !p.description().isEmpty());
        List<String> header = new ArrayList<>();
        header.add("id");
        header.addAll(attributeNames);
        header.add(NAME_COLUMN);
        if (descriptions) {
            header.add("description");
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsvRecord(out, header);
            for (Product p : products) {
                List<String> row = new ArrayList<>(header.size());
                row.add(p.id());
                for (String attribute : attributeNames) {
                    String value = p.attribute(attribute);
                    row.add(value == null ? "" : value);
                }
                row.add(p.name());
                if (descriptions) {
                    row.add(p.description());
                }
                writeCsvRecord(out, row);
            }
        }
    }

    /** One RFC 4180 record ended by CRLF; a field is quoted when it holds a comma, quote or line break, or starts or ends with a space. */
    static void writeCsvRecord(Appendable out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i);
            boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0
                    || !field.equals(field.strip());
            out.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        out.append("\r\n");
    }

    /**
     * Writes {@code products} as JSON Lines, replacing {@code file}: {@code id}, {@code name},
     * {@code description}, {@code image} (relative to the file's directory when the photo lies
     * under it, else absolute; absent when the product has none) and each attribute as a string.
     */
    static void writeJsonLines(Path file, List<Product> products) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Product p : products) {
                ObjectNode record = Json.object();
                record.put("id", p.id());
                record.put("name", p.name());
                record.put("description", p.description());
                if (p.image() != null) {
                    Path image = p.image().toAbsolutePath();
                    record.put("image", image.startsWith(base) ? base.relativize(image).toString() : image.toString());
                }
                for (Map.Entry<String, String> a : p.attributes().entrySet()) {
                    record.put(a.getKey(), a.getValue());
                }
                out.write(toLine(record));
                out.write('\n');
            }
        }
    }

    private static String toLine(ObjectNode record) {
        try {
            return Json.MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON line", e);
        }
    }

    /** Whether {@code directory} is a CSV catalog (read as such even if it also has a JSON Lines file). */
    static boolean isCsvCatalog(Path directory) {
        return Files.isRegularFile(directory.resolve(StylesCsvReader.STYLES_FILE));
    }
}
