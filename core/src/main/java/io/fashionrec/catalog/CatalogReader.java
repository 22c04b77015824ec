package io.fashionrec.catalog;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a catalog in one layout. Implementations never throw for a bad row: they report it to
 * the {@link ProblemReport} and go on. They throw {@link CatalogException} only when the source as
 * a whole is unusable (no such directory, no header, no id or name column).
 */
public interface CatalogReader {

    /**
     * Reads every product of {@code source}.
     *
     * @param source   the catalog's directory or file
     * @param problems where row-level problems are reported
     * @throws CatalogException if the source as a whole cannot be read as a catalog
     * @throws IOException      on an I/O failure
     */
    Catalog read(Path source, ProblemReport problems) throws IOException;
}
