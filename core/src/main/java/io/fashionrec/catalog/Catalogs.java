package io.fashionrec.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a catalog in whichever supported layout {@code source} has. */
public final class Catalogs {

    private Catalogs() {
    }

    /**
     * Reads {@code source} with the reader its layout calls for: a directory with
     * {@code styles.csv} or a {@code .csv} file is read by {@link StylesCsvReader}; a
     * {@code .jsonl}/{@code .ndjson} file or a directory with {@code products.jsonl} by
     * {@link JsonLinesReader}. A directory holding both is read as CSV.
     *
     * @param source   a catalog directory or file
     * @param problems where row-level problems are reported
     * @throws CatalogException if {@code source} does not exist or has neither layout, or if the
     *                          chosen reader cannot read it as a whole
     * @throws IOException      on an I/O failure
     */
    public static Catalog read(Path source, ProblemReport problems) throws IOException {
        requireExists(source);
        return readerFor(source).read(source, problems);
    }

    private static CatalogReader readerFor(Path source) {
        if (Files.isDirectory(source)) {
            if (Files.isRegularFile(source.resolve(StylesCsvReader.STYLES_FILE))) {
                return new StylesCsvReader();
            }
            if (Files.isRegularFile(source.resolve(JsonLinesReader.PRODUCTS_FILE))) {
                return new JsonLinesReader();
            }
        } else {
            String fileName = source.getFileName().toString().toLowerCase(Locale.ROOT);
            if (fileName.endsWith(".csv")) {
                return new StylesCsvReader();
            }
            if (fileName.endsWith(".jsonl") || fileName.endsWith(".ndjson")) {
                return new JsonLinesReader();
            }
        }
        throw new CatalogException(source + ": expected a directory with styles.csv (Kaggle layout) or a .jsonl file");
    }

    /** Throws the one-sentence {@link CatalogException} for a source that is not there. */
    static void requireExists(Path source) {
        if (!Files.exists(source)) {
            throw new CatalogException(source + " does not exist: give a catalog directory with styles.csv or a .jsonl file");
        }
    }
}
