package io.fashionrec.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the products of one catalog file in source order and reports what every reader reports
 * the same way: a missing id, a repeated id (the first is kept) and an empty name.
 *
 * <p>Not thread-safe.
 */
final class ProductCollector {

    private final ProblemReport problems;
    private final String nameField;
    private final String recordWord;
    private final Map<String, Long> firstLineById = new HashMap<>();
    private final List<Product> products = new ArrayList<>();
    private final Map<String, String> attributeValues = new HashMap<>();

    /**
     * @param problems   where problems go
     * @param nameField  what the name is called in this format, for reasons ("productDisplayName")
     * @param recordWord what one product's text is called in this format, for reasons ("row")
     */
    ProductCollector(ProblemReport problems, String nameField, String recordWord) {
        this.problems = problems;
        this.nameField = nameField;
        this.recordWord = recordWord;
    }

    /**
     * Claims {@code id} for the record at {@code where}. Reports {@link ProblemKind#MISSING_ID} for
     * an empty id and {@link ProblemKind#DUPLICATE_ID} for one claimed before.
     *
     * @return true if the record should become a product
     */
    boolean claim(String id, SourceLocation where) {
        if (id.isEmpty()) {
            problems.add(ProblemKind.MISSING_ID, where, null, "this " + recordWord + " has no id: skipped it");
            return false;
        }
        Long first = firstLineById.putIfAbsent(id, where.line());
        if (first != null) {
            problems.add(ProblemKind.DUPLICATE_ID, where, id,
                    "id " + ReasonText.printable(id) + " was already read at line " + first + ": kept that product and skipped this " + recordWord);
            return false;
        }
        return true;
    }

    /** Adds a product whose id was claimed, reporting {@link ProblemKind#EMPTY_NAME} if it has no name. */
    void add(Product product) {
        if (product.name().isEmpty()) {
            problems.add(ProblemKind.EMPTY_NAME, product.origin(), product.id(),
                    nameField + " is empty: kept the product without a name");
        }
        products.add(product);
    }

    /**
     * {@code value} itself or an equal string an earlier product's attribute holds. Attribute
     * values repeat (a few genders, colours and seasons over thousands of products): held once,
     * the catalog of 44,446 products keeps 350,000 fewer strings alive, which every young
     * collection of a build would otherwise copy.
     */
    String attributeValue(String value) {
        return attributeValues.computeIfAbsent(value, v -> v);
    }

    List<Product> products() {
        return products;
    }
}
