package io.fashionrec.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Kaggle <i>Fashion Product Images</i> layout: a directory holding {@code styles.csv}
 * and {@code images/<id>.jpg}, or a {@code .csv} file directly (its images then live in the
 * {@code images/} directory beside it). The columns are found by header name (see
 * {@link CsvHeader}); the file is parsed as RFC 4180 (see {@link CsvRecordReader}) from bytes, line
 * by line (see {@link PhysicalLineReader}).
 *
 * <p>Row-level quirks are reported and the product kept whenever it has an id:
 * <ul>
 *   <li>more fields than the header (an unquoted comma in the name): the fields left of the name
 *       column map from the left, those right of it from the right, and the middle is joined back
 *       with "," into the name ({@link ProblemKind#EXTRA_FIELDS_JOINED});</li>
 *   <li>fewer fields than the header: the missing columns are left empty
 *       ({@link ProblemKind#MISSING_FIELDS});</li>
 *   <li>no id: skipped ({@link ProblemKind#MISSING_ID}); an id seen before: skipped, the first
 *       kept ({@link ProblemKind#DUPLICATE_ID}); an empty name ({@link ProblemKind#EMPTY_NAME});</li>
 *   <li>no {@code images/<id>} with any of {@link ImageDirectory#EXTENSIONS}, or an id that cannot
 *       safely name a file: the image is null ({@link ProblemKind#IMAGE_MISSING}).</li>
 * </ul>
 * Fields and ids are trimmed. Reading is linear in the file's size.
 *
 * <p>Stateless and thread-safe: each {@link #read} call uses its own state.
 */
public final class StylesCsvReader implements CatalogReader {

    /** The file a Kaggle-layout catalog directory holds its products in. */
    public static final String STYLES_FILE = "styles.csv";
    /** The directory, beside the CSV file, that holds the product images. */
    public static final String IMAGES_DIRECTORY = "images";

    /**
     * Reads a Kaggle-layout directory or a {@code .csv} file.
     *
     * @throws CatalogException if {@code source} does not exist, is a directory without
     *                          {@value #STYLES_FILE}, is empty, or lacks an id or name column
     */
    @Override
    public Catalog read(Path source, ProblemReport problems) throws IOException {
        Catalogs.requireExists(source);
        Path csv = Files.isDirectory(source) ? source.resolve(STYLES_FILE) : source;
        if (!Files.isRegularFile(csv)) {
            throw new CatalogException(source + " has no " + STYLES_FILE
                    + ": expected a directory with styles.csv and images/ (Kaggle layout)");
        }
        ImageDirectory images = ImageDirectory.list(csv.resolveSibling(IMAGES_DIRECTORY));
        try (PhysicalLineReader lines = new PhysicalLineReader(Files.newInputStream(csv))) {
            CsvRecordReader records = new CsvRecordReader(lines, csv, problems);
            CsvRecord headerRecord = records.next();
            if (headerRecord == null) {
                throw new CatalogException(csv + " is empty: expected a header line such as "
                        + "id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName");
            }
            headerRecord.lines().forEach(line -> line.reportEncoding(problems, csv, null));
            CsvHeader header = CsvHeader.of(headerRecord.fields(), csv);
            RowReader rows = new RowReader(csv, header, images, problems);
            for (CsvRecord record = records.next(); record != null; record = records.next()) {
                rows.read(record);
            }
            return new Catalog(source, rows.collector.products(), header.attributeNames(), problems);
        }
    }

    /** Turns the records of one file into products. */
    private static final class RowReader {

        private final Path csv;
        private final CsvHeader header;
        private final ImageDirectory images;
        private final ProblemReport problems;
        private final ProductCollector collector;
        /** Shared by every product's {@link AttributeMap}. */
        private final String[] attributeNames;

        RowReader(Path csv, CsvHeader header, ImageDirectory images, ProblemReport problems) {
            this.csv = csv;
            this.header = header;
            this.images = images;
            this.problems = problems;
            this.collector = new ProductCollector(problems, header.nameColumnName(), "row");
            this.attributeNames = header.attributeNames().toArray(String[]::new);
        }

        void read(CsvRecord record) {
            SourceLocation where = new SourceLocation(csv, record.line());
            List<String> fields = record.fields();
            List<String> values = align(fields);
            String id = values.get(header.idColumn()).strip();
            record.lines().forEach(line -> line.reportEncoding(problems, csv, id.isEmpty() ? null : id));
            if (!collector.claim(id, where)) {
                return;
            }
            reportShape(fields.size(), where, id);
            String[] attributeValues = new String[attributeNames.length];
            for (int a = 0; a < attributeNames.length; a++) {
                attributeValues[a] = collector.attributeValue(values.get(header.attributeColumns().get(a)).strip());
            }
            AttributeMap attributes = new AttributeMap(attributeNames, attributeValues);
            String description = header.descriptionColumn() < 0 ? "" : values.get(header.descriptionColumn()).strip();
            Path image = image(id, where);
            collector.add(new Product(id, values.get(header.nameColumn()).strip(), description, image, attributes, where));
        }

        /**
         * One value per column. A short row is padded with empty values; a long one keeps the
         * columns left of the name from the left and those right of it from the right, and joins
         * the fields in between into the name: the name is the only free-text column, so an
         * unquoted comma there is what makes a row long.
         */
        private List<String> align(List<String> fields) {
            int columns = header.size();
            if (fields.size() <= columns) {
                List<String> values = new ArrayList<>(fields);
                while (values.size() < columns) {
                    values.add("");
                }
                return values;
            }
            int name = header.nameColumn();
            int extra = fields.size() - columns;
            List<String> values = new ArrayList<>(fields.subList(0, name));
            values.add(String.join(",", fields.subList(name, name + extra + 1)));
            values.addAll(fields.subList(name + extra + 1, fields.size()));
            return values;
        }

        private void reportShape(int fieldCount, SourceLocation where, String id) {
            int columns = header.size();
            String counts = "row has " + fieldCount + " fields, header has " + columns;
            if (fieldCount > columns) {
                int first = header.nameColumn() + 1;
                problems.add(ProblemKind.EXTRA_FIELDS_JOINED, where, id, counts + ": joined fields " + first + "-"
                        + (first + fieldCount - columns) + " into " + header.nameColumnName());
            } else if (fieldCount < columns) {
                String missing = String.join(", ", header.columns().subList(fieldCount, columns));
                problems.add(ProblemKind.MISSING_FIELDS, where, id, counts + ": left " + missing + " empty");
            }
        }

        private Path image(String id, SourceLocation where) {
            String unsafe = ImageDirectory.unsafeReason(id);
            if (unsafe != null) {
                problems.add(ProblemKind.IMAGE_MISSING, where, id,
                        "id '" + ReasonText.printable(id) + "' cannot name an image file because " + unsafe + "; kept with its text only");
                return null;
            }
            Path image = images.find(id);
            if (image == null) {
                problems.add(ProblemKind.IMAGE_MISSING, where, id,
                        "no image " + IMAGES_DIRECTORY + "/" + id + ImageDirectory.EXTENSIONS.get(0) + "; kept with its text only");
            }
            return image;
        }
    }
}
