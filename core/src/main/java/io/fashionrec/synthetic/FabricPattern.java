package io.fashionrec.synthetic;

/**
 * How a product's cloth (or leather) is patterned. The pattern is both painted on the product and
 * named in its display name, so text and image agree.
 */
enum FabricPattern {
    /** One colour; names sometimes say "Solid". */
    SOLID("Solid:1"),
    /** Stripes of the secondary colour over the base colour. */
    STRIPES("Striped"),
    /** Crossing translucent bands of the secondary colour (gingham / tartan-like). */
    CHECKS("Checked"),
    /** Small dots of the secondary colour in a staggered grid. */
    DOTS("Polka Dot:2, Printed:1"),
    /** A scattered small flower motif. */
    FLORAL("Floral:2, Printed:1");

    private final Weighted<String> words;

    FabricPattern(String words) {
        this.words = Weighted.parse(words, w -> w);
    }

    /** The words a display name may use for this pattern. */
    Weighted<String> words() {
        return words;
    }
}
