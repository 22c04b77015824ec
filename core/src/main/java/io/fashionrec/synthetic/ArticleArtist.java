package io.fashionrec.synthetic;

/**
 * Draws one article type, centred in the 200x200 design box of a {@link Sketch}, using the
 * sketch's colours, pattern and random source. Implementations are stateless.
 */
@FunctionalInterface
interface ArticleArtist {

    void draw(Sketch sketch);
}
