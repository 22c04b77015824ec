package io.fashionrec.synthetic;

import java.util.List;

/** Formats plans as rows of the Kaggle <i>Fashion Product Images</i> styles.csv. */
final class StylesCsv {

    /** The header line, exactly as in the Kaggle file. */
    static final String HEADER = "id,gender,masterCategory,subCategory,articleType,baseColour,season,year,usage,productDisplayName";

    private StylesCsv() {
    }

    /** The whole file: header and one row per plan, each line ended by {@code \n}. */
    static String format(List<ProductPlan> plans) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ProductPlan plan : plans) {
            csv.append(row(plan)).append('\n');
        }
        return csv.toString();
    }

    /**
     * One unquoted row. Fields never need quoting because the vocabularies contain no commas,
     * quotes or line breaks; that is checked here so a vocabulary edit cannot silently produce a
     * file that naive readers split wrongly.
     */
    static String row(ProductPlan p) {
        ArticleType t = p.type();
        List<String> fields = List.of(Integer.toString(p.id()), p.gender(), t.masterCategory(), t.subCategory(),
                t.label(), p.colour().label(), p.season(), Integer.toString(p.year()), p.style().usage(), p.name());
        for (String field : fields) {
            if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                throw new IllegalStateException("synthetic field would need CSV quoting: '" + field
                        + "'; keep commas, quotes and line breaks out of the synthetic vocabularies");
            }
        }
        return String.join(",", fields);
    }
}
