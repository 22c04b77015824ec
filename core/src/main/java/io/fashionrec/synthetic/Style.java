package io.fashionrec.synthetic;

/**
 * A style word of an article type and the Kaggle {@code usage} it implies, e.g. "Formal" shirts
 * are for Formal use, "Sport" shorts for Sports. Some artists also draw the style (a hood for
 * "Hooded", sub-dials for "Chronograph"), so the word is part of what the image shows.
 *
 * @param word  one or two words for the display name, no commas or quotes
 * @param usage the usage value written to styles.csv
 */
record Style(String word, String usage) {

    /** Parses {@code "Slim Fit/Casual"}: the word, a slash, the usage. */
    static Style parse(String spec) {
        int slash = spec.indexOf('/');
        if (slash <= 0 || slash == spec.length() - 1) {
            throw new IllegalArgumentException("a style is written 'Word/Usage', not '" + spec + "'");
        }
        return new Style(spec.substring(0, slash).strip(), spec.substring(slash + 1).strip());
    }

    /** True if this style is {@code word} (how artists ask "is it Hooded?"). */
    boolean is(String other) {
        return word.equals(other);
    }
}
