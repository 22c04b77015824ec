package io.fashionrec.recommend;

import io.fashionrec.index.ProductTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attribute conditions of a search, checked per candidate during the scan (so a filtered
 * search still returns k results whenever k products match). Values compare ignoring case and
 * surrounding spaces.
 */
public final class ProductFilter {

    private final ProductTable products;
    private final List<String> attributes = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private ProductFilter(ProductTable products) {
        this.products = products;
    }

    /**
     * @param queryOrdinal the query product, or -1 when the query is not a product (then
     *                     {@code same} is refused)
     * @throws IllegalArgumentException for an unknown attribute, or {@code same} without a query product
     */
    public static ProductFilter of(ProductTable products, SearchOptions options, int queryOrdinal) {
        ProductFilter filter = new ProductFilter(products);
        for (String attribute : options.same()) {
            requireAttribute(products, attribute, "same");
            if (queryOrdinal < 0) {
                throw new IllegalArgumentException("same=" + attribute + " needs a query product; use where=" + attribute + "=VALUE for a text or image query");
            }
            filter.add(attribute, products.attribute(queryOrdinal, attribute));
        }
        for (Map.Entry<String, String> condition : options.where().entrySet()) {
            requireAttribute(products, condition.getKey(), "where");
            filter.add(condition.getKey(), condition.getValue());
        }
        return filter;
    }

    private static void requireAttribute(ProductTable products, String attribute, String option) {
        if (!products.hasAttribute(attribute)) {
            throw new IllegalArgumentException("unknown attribute '" + attribute + "' in '" + option + "'; this index has: "
                    + String.join(", ", products.attributeNames()));
        }
    }

    private void add(String attribute, String value) {
        attributes.add(attribute);
        values.add(value.strip());
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    public boolean accepts(int ordinal) {
        for (int i = 0; i < attributes.size(); i++) {
            if (!products.attribute(ordinal, attributes.get(i)).strip().equalsIgnoreCase(values.get(i))) {
                return false;
            }
        }
        return true;
    }
}
