package io.fashionrec.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the attributes and the display name of one product. Names follow the shape of real
 * catalog names, {@code <Brand> <Gender> <descriptor> <Colour> <ArticleType>}, e.g.
 * "Northwind Men Slim Fit Striped Navy Blue Shirts", where the descriptor is the style word plus
 * the pattern word, so a name says "Striped" exactly when the picture has stripes. Like real
 * names, about one in ten leaves out the colour.
 */
final class ProductPlanner {

    /** The share of names that leave out the colour, as many real names do. */
    static final double COLOURLESS_NAME_SHARE = 0.10;

    /** Colours that stand out on most others, used for stripes, prints and trims. */
    private static final Weighted<NamedColour> ACCENTS = Weighted.parse(
            "White:5, Black:3, Red:2, Navy Blue:2, Yellow:2, Grey:2, Beige:1, Blue:1, Green:1, Pink:1, Mustard:1",
            NamedColour::byLabel);

    /** Below this RGB distance an accent would not read as a second colour. */
    private static final double MIN_ACCENT_DISTANCE = 140;

    private ProductPlanner() {
    }

    /**
     * Plans product {@code index} of the catalog {@code seed}.
     *
     * @param id    the product's id
     * @param type  its article type (from {@link ArticleMix})
     * @param seed  the catalog seed
     * @param index the product's position, 0-based; with {@code seed} it fixes every choice
     */
    static ProductPlan plan(int id, ArticleType type, long seed, int index) {
        Random random = Seeds.random(seed, index, Seeds.ATTRIBUTES);
        String gender = type.genders().pick(random);
        NamedColour colour = type.colours().pick(random);
        NamedColour secondary = accentFor(colour, random);
        FabricPattern pattern = type.patterns().pick(random);
        Style style = type.styles().pick(random);
        String season = type.seasons().pick(random);
        int year = 2010 + random.nextInt(10);
        String name = name(Brands.pick(random), gender, style, pattern, type, colour, random);
        return new ProductPlan(id, type, gender, colour, secondary, pattern, style, season, year, name,
                Seeds.mix(seed, index, Seeds.DRAWING));
    }

    private static NamedColour accentFor(NamedColour colour, Random random) {
        NamedColour accent = ACCENTS.pick(random);
        // Every colour has an accent at least MIN_ACCENT_DISTANCE away (white or black), so this ends.
        while (colour.distanceTo(accent.rgb()) < MIN_ACCENT_DISTANCE) {
            accent = ACCENTS.pick(random);
        }
        return accent;
    }

    private static String name(String brand, String gender, Style style, FabricPattern pattern, ArticleType type,
                               NamedColour colour, Random random) {
        List<String> words = new ArrayList<>();
        words.add(brand);
        words.add(gender);
        words.add(style.word());
        boolean patterned = pattern != FabricPattern.SOLID;
        // "Solid" only where the type also comes patterned; "Solid Black Watches" says nothing.
        boolean saySolid = !patterned && type.patterns().values().size() > 1 && random.nextInt(4) == 0;
        if (patterned || saySolid) {
            words.add(pattern.words().pick(random));
        }
        if (random.nextDouble() >= COLOURLESS_NAME_SHARE) {
            words.add(colour.label());
        }
        words.add(type.label());
        return String.join(" ", words);
    }
}
