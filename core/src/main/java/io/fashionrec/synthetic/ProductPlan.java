package io.fashionrec.synthetic;

/**
 * Everything decided about one synthetic product before it is drawn: its styles.csv row and the
 * few visual choices the name depends on (pattern, style).
 *
 * @param id          the product id, unique within the catalog
 * @param type        the article type
 * @param gender      Men, Women or Unisex
 * @param colour      the dominant colour, written as baseColour
 * @param secondary   the colour of stripes, checks, prints and trims; differs visibly from {@code colour}
 * @param pattern     the cloth pattern, painted and named
 * @param style       the style word of the name, and the usage it implies
 * @param season      Summer, Fall, Winter or Spring
 * @param year        2010 to 2019
 * @param name        the productDisplayName, free of commas, quotes and line breaks
 * @param drawingSeed the seed of the random source the image is drawn with
 */
record ProductPlan(int id, ArticleType type, String gender, NamedColour colour, NamedColour secondary,
                   FabricPattern pattern, Style style, String season, int year, String name, long drawingSeed) {
}
