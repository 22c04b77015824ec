package io.fashionrec.catalog;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * A product's attributes: an unmodifiable map in the source's column order, held as an array of
 * names and an array of values. The readers give every product of a catalog the same names array,
 * so a product holds two objects for its attributes where a {@code LinkedHashMap} holds one per
 * attribute and more (for 44,446 products with 8 attributes: 400,000 fewer objects alive, which
 * every young collection of a build copies). Lookups scan the names: a catalog has a handful of
 * attribute columns.
 */
final class AttributeMap extends AbstractMap<String, String> {

    private final String[] names;
    private final String[] values;

    /**
     * @param names  the attribute names, distinct, not null; not copied (share it between products), must not change
     * @param values the values of {@code names}, not null; not copied, must not change
     */
    AttributeMap(String[] names, String[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " attribute names but " + values.length + " values");
        }
        this.names = names;
        this.values = values;
    }

    /** {@code source} as an attribute map, in its iteration order. */
    static AttributeMap copyOf(Map<String, String> source) {
        if (source instanceof AttributeMap same) {
            return same;
        }
        String[] names = new String[source.size()];
        String[] values = new String[source.size()];
        int i = 0;
        for (Map.Entry<String, String> e : source.entrySet()) {
            names[i] = Objects.requireNonNull(e.getKey(), "attribute name");
            values[i] = Objects.requireNonNull(e.getValue(), () -> "the value of attribute " + e.getKey());
            i++;
        }
        return new AttributeMap(names, values);
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> e = new SimpleImmutableEntry<>(names[next], values[next]);
                        next++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }
}
