package io.fashionrec.index;

import io.fashionrec.index.store.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The products of an index: ids, names, descriptions, image paths, attributes and fingerprints
 * ({@link ProductFingerprint}), by ordinal
 * ({@code 0 .. size-1}, the catalog's order). Backed by lists (a fresh build) or by
 * memory-mapped columns (an index read from disk): columns are read through {@link Column}.
 * Thread-safe for reads.
 */
public final class ProductTable {

    /** One column of strings, by ordinal. Missing values are empty strings. */
    public interface Column {
        int size();

        String get(int ordinal);

        /**
         * Hands every value's UTF-8 bytes to {@code visitor}, in order. This default encodes each
         * value; a column over a memory-mapped part copies them from the map in blocks.
         */
        default void forEachUtf8(StringColumn.Utf8Visitor visitor) {
            for (int i = 0; i < size(); i++) {
                byte[] bytes = get(i).getBytes(StandardCharsets.UTF_8);
                visitor.accept(i, bytes, 0, bytes.length);
            }
        }

        static Column of(List<String> values) {
            List<String> copy = List.copyOf(values);
            return new Column() {
                @Override
                public int size() {
                    return copy.size();
                }

                @Override
                public String get(int ordinal) {
                    return copy.get(ordinal);
                }
            };
        }
    }

    private final Column ids;
    private final Column names;
    private final Column descriptions;
    private final Column images;
    private final List<String> attributeNames;
    private final Map<String, Column> attributes;
    private final Column fingerprints;
    private final Column photoRecords;
    private final IdOrdinals ordinals;

    /**
     * @param images       the image path of each product as the catalog gave it, or empty when none
     * @param fingerprints each product's {@link ProductFingerprint} of the current version, or
     *                     null when they are not known (an index of an older layout)
     * @param photoRecords each product's {@link PhotoRecord} as text (empty when it has no
     *                     readable photo), or null when not known (an index of an older layout)
     */
    public ProductTable(Column ids, Column names, Column descriptions, Column images, List<String> attributeNames,
                        IntFunction<Column> attributeColumn, Column fingerprints, Column photoRecords) {
        int n = ids.size();
        List<Column> columns = new java.util.ArrayList<>(List.of(names, descriptions, images));
        if (fingerprints != null) {
            columns.add(fingerprints);
        }
        if (photoRecords != null) {
            columns.add(photoRecords);
        }
        for (Column c : columns) {
            if (c.size() != n) {
                throw new IllegalArgumentException("every column needs " + n + " values, one has " + c.size());
            }
        }
        this.fingerprints = fingerprints;
        this.photoRecords = photoRecords;
        this.ids = ids;
        this.names = names;
        this.descriptions = descriptions;
        this.images = images;
        this.attributeNames = List.copyOf(attributeNames);
        this.attributes = new HashMap<>();
        for (int a = 0; a < attributeNames.size(); a++) {
            Column column = attributeColumn.apply(a);
            if (column.size() != n) {
                throw new IllegalArgumentException("attribute " + attributeNames.get(a) + " has " + column.size() + " values, expected " + n);
            }
            attributes.put(attributeNames.get(a), column);
        }
        this.ordinals = new IdOrdinals(ids);
    }

    public int size() {
        return ids.size();
    }

    public String id(int ordinal) {
        return ids.get(ordinal);
    }

    public String name(int ordinal) {
        return names.get(ordinal);
    }

    public String description(int ordinal) {
        return descriptions.get(ordinal);
    }

    /** The image path as the catalog gave it, or empty when the product has none. */
    public String image(int ordinal) {
        return images.get(ordinal);
    }

    public List<String> attributeNames() {
        return attributeNames;
    }

    public boolean hasAttribute(String attribute) {
        return attributes.containsKey(attribute);
    }

    /** The value of an attribute ("" when the product has none). */
    public String attribute(int ordinal, String attribute) {
        Column column = attributes.get(attribute);
        if (column == null) {
            throw new IllegalArgumentException("no attribute '" + attribute + "'; the index has " + String.join(", ", attributeNames));
        }
        return column.get(ordinal);
    }

    /** Whether the table knows each product's {@link ProductFingerprint} (of the current version). */
    public boolean hasFingerprints() {
        return fingerprints != null;
    }

    /**
     * The product's {@link ProductFingerprint}: equal fingerprints mean the index holds the same
     * about both products.
     *
     * @throws IllegalStateException if the table has no fingerprints (see {@link #hasFingerprints()})
     */
    public String fingerprint(int ordinal) {
        if (fingerprints == null) {
            throw new IllegalStateException("this index records no product fingerprints (it was written by an older fashionrec)");
        }
        return fingerprints.get(ordinal);
    }

    /** The ordinal of a product id, or -1 if there is none. */
    public int ordinal(String id) {
        return ordinals.ordinal(id);
    }

    Column ids() {
        return ids;
    }

    Column names() {
        return names;
    }

    Column descriptions() {
        return descriptions;
    }

    Column images() {
        return images;
    }

    boolean hasPhotoRecords() {
        return photoRecords != null;
    }

    /** The {@link PhotoRecord} text of product {@code ordinal}; call only when {@link #hasPhotoRecords()}. */
    String photoRecord(int ordinal) {
        return photoRecords.get(ordinal);
    }

    /** The photo records column, or null when unknown. */
    Column photoRecords() {
        return photoRecords;
    }

    /** The fingerprints column, or null when unknown. */
    Column fingerprints() {
        return fingerprints;
    }

    Column attributeColumn(String attribute) {
        return attributes.get(attribute);
    }
}
