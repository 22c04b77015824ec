package io.fashionrec.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * A catalog read from disk: its products in source order, the names of its attribute columns,
 * and what went wrong while reading it.
 *
 * @param source         the directory or file it was read from
 * @param products       the products, ids unique, in source order
 * @param attributeNames the attribute columns in source order (for styles.csv: gender,
 *                       masterCategory, subCategory, articleType, baseColour, season, year, usage)
 * @param problems       problems met while reading; image decoding adds to the same report later
 */
public record Catalog(Path source, List<Product> products, List<String> attributeNames, ProblemReport problems) {

    public Catalog {
        products = List.copyOf(products);
        attributeNames = List.copyOf(attributeNames);
    }

    public int size() {
        return products.size();
    }
}
