package io.fashionrec.server;

import io.fashionrec.index.ProductTable;
import io.fashionrec.recommend.ProductFilter;
import io.fashionrec.recommend.Recommendation;
import io.fashionrec.recommend.Recommender;
import io.fashionrec.recommend.SearchOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Browsing the catalog: all products in catalog order, or those whose names match a text ranked
 * by the text search, narrowed by attribute filters, a page at a time, with facet counts for
 * the filters a page offers. Thread-safe.
 */
final class CatalogBrowser {

    /** Attributes with more distinct values than this (ids, free text) are not offered as filters. */
    static final int MAX_FACET_VALUES = 200;

    /** A text search ranks at most this many matches: a shopper does not page further. */
    static final int MAX_TEXT_MATCHES = 500;

    private final Recommender recommender;
    private final ProductTable products;
    /**
     * The attributes offered as filters, found on the first browse rather than at construction:
     * finding them reads every product's values (millions of strings for a million products),
     * which would lengthen every server start. Threads that race to find them find the same list.
     */
    private volatile List<String> facetAttributes;

    CatalogBrowser(Recommender recommender) {
        this.recommender = recommender;
        this.products = recommender.index().products();
    }

    /** One value of a facet and how many matching products have it. */
    record FacetValue(String value, int count) {
    }

    /**
     * A page of matches.
     *
     * @param total     how many products match
     * @param ordinals  the page's products, in order
     * @param facets    per filterable attribute, its values among the matches by decreasing count
     */
    record Page(int total, List<Integer> ordinals, Map<String, List<FacetValue>> facets) {
    }

    /**
     * @param text    free text, or null/blank to list the catalog in order
     * @param filters attribute = value, compared ignoring case; the attributes must exist
     */
    Page browse(String text, Map<String, String> filters, int page, int size) {
        List<Integer> matches = new ArrayList<>();
        SearchOptions where = SearchOptions.top(Math.min(MAX_TEXT_MATCHES, Math.max(1, products.size()))).withWhere(filters);
        if (text == null || text.isBlank()) {
            ProductFilter filter = ProductFilter.of(products, where, -1);
            for (int i = 0; i < products.size(); i++) {
                if (filter.accepts(i)) {
                    matches.add(i);
                }
            }
        } else {
            for (Recommendation r : recommender.searchText(text, where)) {
                if (r.text() > 0) { // a shopper's search lists products whose names share a word with it
                    matches.add(r.ordinal());
                }
            }
        }
        int from = (int) Math.min((long) page * size, matches.size());
        int to = Math.min(from + size, matches.size());
        return new Page(matches.size(), List.copyOf(matches.subList(from, to)), facets(matches));
    }

    boolean isAttribute(String name) {
        return products.hasAttribute(name);
    }

    List<String> attributeNames() {
        return products.attributeNames();
    }

    private Map<String, List<FacetValue>> facets(List<Integer> matches) {
        Map<String, List<FacetValue>> out = new LinkedHashMap<>();
        for (String attribute : facetAttributes()) {
            Map<String, Integer> counts = new HashMap<>();
            for (int ordinal : matches) {
                String value = products.attribute(ordinal, attribute);
                if (!value.isBlank()) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
            List<FacetValue> values = new ArrayList<>();
            counts.forEach((value, count) -> values.add(new FacetValue(value, count)));
            values.sort(Comparator.comparingInt(FacetValue::count).reversed().thenComparing(FacetValue::value));
            out.put(attribute, values);
        }
        return out;
    }

    private List<String> facetAttributes() {
        List<String> found = facetAttributes;
        if (found == null) {
            found = findFacetAttributes();
            facetAttributes = found;
        }
        return found;
    }

    /** The attributes with at most {@link #MAX_FACET_VALUES} distinct values, in the table's order. */
    private List<String> findFacetAttributes() {
        List<String> facets = new ArrayList<>();
        for (String attribute : products.attributeNames()) {
            Set<String> values = new HashSet<>();
            for (int i = 0; i < products.size() && values.size() <= MAX_FACET_VALUES; i++) {
                values.add(products.attribute(i, attribute));
            }
            if (values.size() <= MAX_FACET_VALUES) {
                facets.add(attribute);
            }
        }
        return List.copyOf(facets);
    }
}
