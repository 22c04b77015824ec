package io.fashionrec.catalog;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One product of a catalog, as read from its source.
 *
 * <p>Contract: {@code id} is non-empty and unique within a catalog; {@code name} and
 * {@code description} are never null (possibly empty); {@code image} is null when the catalog
 * has no image file for the product (the readers report a named or expected file that does not
 * exist as {@link ProblemKind#IMAGE_MISSING}; an existing file that is empty or unreadable is found
 * out later, when it is decoded); {@code attributes} keeps the source's column order and is
 * unmodifiable. Attributes are what {@code evaluate} scores against and what filters select on:
 * the features never read them.
 *
 * @param id          the product's identifier, unique within the catalog
 * @param name        the display name (the text that TF-IDF reads)
 * @param description an optional longer description, read by TF-IDF with the name; empty if none
 * @param image       the product photo, or null if the catalog has none for this product
 * @param attributes  every other column, in source order (gender, articleType, baseColour, ...)
 * @param origin      where the product was read from, for problem reports
 */
public record Product(String id, String name, String description, Path image,
                      Map<String, String> attributes, SourceLocation origin) {

    public Product {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a product id must not be empty");
        }
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        attributes = attributes == null ? Map.of() : AttributeMap.copyOf(attributes);
        Objects.requireNonNull(origin, "origin");
    }

    /** The text the text features read: the name, then the description if there is one. */
    public String text() {
        return description.isEmpty() ? name : name + "\n" + description;
    }

    /** The value of one attribute, or null if the product does not have it. */
    public String attribute(String attributeName) {
        return attributes.get(attributeName);
    }
}
