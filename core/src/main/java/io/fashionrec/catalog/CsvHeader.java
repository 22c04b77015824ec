package io.fashionrec.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The columns of a catalog CSV, found by header name (case-insensitively): {@code id} (required),
 * the name column ({@code productDisplayName}, else {@code name}; required), an optional
 * {@code description}, and every other column as an attribute, in header order. A column whose
 * header cell is empty is called {@code column<N>} (1-based), so that an unnamed index column such
 * as pandas writes stays usable.
 *
 * @param columns           every column name, trimmed, in header order
 * @param idColumn          index of the id column
 * @param nameColumn        index of the name column
 * @param descriptionColumn index of the description column, or -1 if there is none
 * @param attributeColumns  indexes of the attribute columns, in header order
 */
record CsvHeader(List<String> columns, int idColumn, int nameColumn, int descriptionColumn,
                 List<Integer> attributeColumns) {

    private static final String ID = "id";
    private static final List<String> NAME_COLUMNS = List.of("productDisplayName", "name");
    private static final String DESCRIPTION = "description";

    CsvHeader {
        columns = List.copyOf(columns);
        attributeColumns = List.copyOf(attributeColumns);
    }

    /**
     * Finds the columns of a header record.
     *
     * @param cells the header's fields as read
     * @param file  the file, for the error message
     * @throws CatalogException if a column name repeats or the id or name column is missing
     */
    static CsvHeader of(List<String> cells, Path file) {
        List<String> columns = new ArrayList<>(cells.size());
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String column = cells.get(i).strip();
            if (column.isEmpty()) {
                column = "column" + (i + 1);
            }
            Integer earlier = byName.putIfAbsent(column.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                throw new CatalogException(file + " names the column '" + column + "' twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + "); rename one of them so that every column has its own name");
            }
            columns.add(column);
        }
        Integer id = byName.get(ID);
        Integer name = NAME_COLUMNS.stream().map(n -> byName.get(n.toLowerCase(Locale.ROOT)))
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (id == null || name == null) {
            throw new CatalogException(file + " has the columns " + columns + " but needs an 'id' column and a name column ('"
                    + String.join("' or '", NAME_COLUMNS) + "'); rename the header accordingly");
        }
        int description = byName.getOrDefault(DESCRIPTION, -1);
        List<Integer> attributes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (i != id && i != name && i != description) {
                attributes.add(i);
            }
        }
        return new CsvHeader(columns, id, name, description, attributes);
    }

    int size() {
        return columns.size();
    }

    String nameColumnName() {
        return columns.get(nameColumn);
    }

    /** The attribute column names in header order. */
    List<String> attributeNames() {
        return attributeColumns.stream().map(columns::get).toList();
    }
}
