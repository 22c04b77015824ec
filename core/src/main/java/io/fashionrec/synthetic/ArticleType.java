package io.fashionrec.synthetic;

/**
 * The article types of the synthetic catalog, with their place in the Kaggle taxonomy
 * (masterCategory / subCategory / articleType) and the distributions their attributes are drawn
 * from. The taxonomy values are those of the Kaggle <i>Fashion Product Images</i> styles.csv; the
 * shares and distributions are this project's rough imitation of that catalog's mix.
 */
enum ArticleType {
    SHIRTS("Shirts", "Apparel", "Topwear", 12, "Men:7, Women:3",
            "Fall:4, Summer:3, Winter:2, Spring:1",
            "Blue:4, White:4, Navy Blue:3, Black:2, Grey:2, Pink:1, Maroon:1, Green:1, Olive:1, Beige:1, Lavender:1, Red:1",
            "SOLID:5, STRIPES:3, CHECKS:4, DOTS:1, FLORAL:1",
            "Slim Fit/Casual:3, Regular Fit/Casual:2, Casual/Casual:2, Formal/Formal:3, Classic/Formal:2, Party/Party:1",
            false, TopwearArtists::shirt),
    TSHIRTS("Tshirts", "Apparel", "Topwear", 14, "Men:6, Women:3, Unisex:1",
            "Summer:4, Fall:3, Spring:2, Winter:1",
            "Black:4, White:4, Grey:3, Navy Blue:3, Blue:2, Red:2, Green:2, Yellow:2, Pink:1, Olive:1, Maroon:1, Purple:1, Orange:1, Teal:1",
            "SOLID:6, STRIPES:3, DOTS:1, FLORAL:2",
            "Round Neck/Casual:3, Slim Fit/Casual:2, Casual/Casual:2, Sport/Sports:2, Training/Sports:1, Basic/Casual:1",
            false, TopwearArtists::tshirt),
    SWEATSHIRTS("Sweatshirts", "Apparel", "Topwear", 5, "Men:6, Women:4",
            "Winter:5, Fall:4",
            "Grey:4, Black:3, Navy Blue:3, Maroon:2, Olive:2, Charcoal:2, Red:1, Blue:1, Green:1, Pink:1",
            "SOLID:6, STRIPES:2",
            "Hooded/Casual:3, Crew Neck/Casual:3, Sport/Sports:2, Fleece/Casual:1",
            false, TopwearArtists::sweatshirt),
    DRESSES("Dresses", "Apparel", "Dress", 5, "Women",
            "Summer:4, Spring:2, Fall:2, Winter:1",
            "Black:3, Red:2, Navy Blue:2, Pink:2, Blue:2, White:2, Green:1, Maroon:1, Yellow:1, Purple:1, Lavender:1, Teal:1",
            "SOLID:4, STRIPES:1, DOTS:2, FLORAL:3",
            "A-Line/Casual:3, Skater/Casual:2, Party/Party:2, Sleeveless/Casual:2",
            false, TopwearArtists::dress),
    JEANS("Jeans", "Apparel", "Bottomwear", 6, "Men:6, Women:4",
            "Fall:4, Winter:3, Summer:2, Spring:1",
            "Blue:6, Navy Blue:3, Black:3, Grey:2",
            "SOLID",
            "Slim Fit/Casual:3, Skinny Fit/Casual:2, Regular Fit/Casual:2, Straight Fit/Casual:2, Washed/Casual:2",
            false, BottomwearArtists::jeans),
    SHORTS("Shorts", "Apparel", "Bottomwear", 4, "Men:7, Women:3",
            "Summer:6, Spring:2, Fall:1",
            "Navy Blue:3, Black:2, Grey:2, Beige:2, Olive:2, Blue:2, Red:1, White:1, Green:1",
            "SOLID:5, CHECKS:2, STRIPES:1, FLORAL:1",
            "Casual/Casual:3, Chino/Casual:2, Sport/Sports:3, Running/Sports:1",
            false, BottomwearArtists::shorts),
    SKIRTS("Skirts", "Apparel", "Bottomwear", 4, "Women",
            "Summer:3, Spring:2, Fall:2, Winter:1",
            "Black:3, Navy Blue:2, Red:2, Pink:2, Beige:2, Blue:1, Maroon:1, Olive:1, White:1, Mustard:1",
            "SOLID:4, CHECKS:2, DOTS:1, FLORAL:2, STRIPES:1",
            "A-Line/Casual:3, Pleated/Casual:3, Flared/Casual:2, Formal/Formal:1",
            false, BottomwearArtists::skirt),
    CASUAL_SHOES("Casual Shoes", "Footwear", "Shoes", 9, "Men:6, Women:3, Unisex:1",
            "Fall:4, Summer:3, Winter:2, Spring:1",
            "White:4, Black:4, Navy Blue:2, Grey:2, Blue:2, Brown:2, Red:1, Tan:1, Olive:1, Beige:1",
            "SOLID",
            "Lace-Up/Casual:3, Canvas/Casual:2, Low-Top/Casual:2, Classic/Casual:2, Sporty/Sports:2",
            true, FootwearArtists::casualShoe),
    HEELS("Heels", "Footwear", "Shoes", 6, "Women",
            "Fall:3, Summer:3, Winter:2, Spring:2",
            "Black:4, Red:2, Beige:2, Brown:2, Pink:1, Tan:1, Maroon:1, Gold:1, Silver:1, White:1, Navy Blue:1",
            "SOLID",
            "Stiletto/Party:3, Block Heel/Casual:2, Pointed Toe/Formal:2, Classic/Formal:1",
            true, FootwearArtists::heel),
    FLIP_FLOPS("Flip Flops", "Footwear", "Flip Flops", 4, "Men:5, Women:4, Unisex:1",
            "Summer:6, Spring:2, Fall:1",
            "Black:3, Blue:2, Navy Blue:2, Brown:2, Red:1, Green:1, Yellow:1, Pink:1, Grey:1, White:1, Orange:1, Teal:1",
            "SOLID",
            "Casual/Casual:3, Beach/Casual:2, Comfort/Casual:2, Sport/Sports:1",
            true, FootwearArtists::flipFlops),
    HANDBAGS("Handbags", "Accessories", "Bags", 7, "Women",
            "Winter:3, Fall:3, Summer:2, Spring:1",
            "Black:4, Brown:3, Tan:2, Beige:2, Maroon:2, Red:1, Pink:1, Navy Blue:1, White:1, Olive:1, Mustard:1",
            "SOLID:6, CHECKS:1, FLORAL:1",
            "Tote/Casual:3, Satchel/Formal:2, Quilted/Party:2, Structured/Formal:1",
            false, BagArtists::handbag),
    BACKPACKS("Backpacks", "Accessories", "Bags", 5, "Unisex:5, Men:3, Women:2",
            "Fall:3, Summer:3, Winter:2, Spring:2",
            "Black:4, Navy Blue:3, Grey:2, Blue:2, Red:2, Olive:2, Maroon:1, Green:1, Teal:1, Pink:1",
            "SOLID:6, STRIPES:1, CHECKS:1",
            "Casual/Casual:3, Laptop/Travel:2, Travel/Travel:2, Sport/Sports:2, School/Casual:1",
            false, BagArtists::backpack),
    WATCHES("Watches", "Accessories", "Watches", 7, "Men:6, Women:4",
            "Winter:5, Fall:2, Summer:2, Spring:1",
            "Black:4, Brown:3, Silver:3, Gold:2, Tan:1, Navy Blue:1, Maroon:1",
            "SOLID",
            "Analogue/Casual:4, Chronograph/Casual:2, Classic/Formal:2, Sport/Sports:1",
            false, AccessoryArtists::watch),
    CAPS("Caps", "Accessories", "Headwear", 4, "Unisex:5, Men:4, Women:1",
            "Summer:5, Spring:2, Fall:2",
            "Black:3, Navy Blue:2, Red:2, White:2, Grey:2, Olive:2, Blue:1, Beige:1, Green:1, Maroon:1, Yellow:1",
            "SOLID:6, STRIPES:1, CHECKS:1",
            "Baseball/Casual:4, Sport/Sports:2, Classic/Casual:2",
            true, AccessoryArtists::cap),
    SUNGLASSES("Sunglasses", "Accessories", "Eyewear", 5, "Men:5, Women:4, Unisex:2",
            "Summer:5, Spring:2, Fall:2, Winter:1",
            "Black:5, Brown:3, Grey:2, Blue:1, Green:1, Maroon:1",
            "SOLID",
            "Aviator/Casual:3, Wayfarer/Casual:3, Round/Casual:2, Sport/Sports:1",
            false, AccessoryArtists::sunglasses),
    BELTS("Belts", "Accessories", "Belts", 4, "Men:8, Women:2",
            "Winter:3, Fall:3, Summer:2, Spring:1",
            "Black:5, Brown:5, Tan:2, Maroon:1, Navy Blue:1, White:1",
            "SOLID",
            "Leather/Formal:3, Reversible/Formal:1, Casual/Casual:3, Classic/Formal:2",
            false, AccessoryArtists::belt);

    private final String label;
    private final String masterCategory;
    private final String subCategory;
    private final int share;
    private final Weighted<String> genders;
    private final Weighted<String> seasons;
    private final Weighted<NamedColour> colours;
    private final Weighted<FabricPattern> patterns;
    private final Weighted<Style> styles;
    private final boolean flippable;
    private final ArticleArtist artist;

    ArticleType(String label, String masterCategory, String subCategory, int share, String genders,
                String seasons, String colours, String patterns, String styles, boolean flippable,
                ArticleArtist artist) {
        this.label = label;
        this.masterCategory = masterCategory;
        this.subCategory = subCategory;
        this.share = share;
        this.genders = Weighted.parse(genders, g -> g);
        this.seasons = Weighted.parse(seasons, s -> s);
        this.colours = Weighted.parse(colours, NamedColour::byLabel);
        this.patterns = Weighted.parse(patterns, FabricPattern::valueOf);
        this.styles = Weighted.parse(styles, Style::parse);
        this.flippable = flippable;
        this.artist = artist;
    }

    /** The articleType value of styles.csv, also the last words of display names. */
    String label() {
        return label;
    }

    String masterCategory() {
        return masterCategory;
    }

    String subCategory() {
        return subCategory;
    }

    /** Relative share of this type in a catalog (see {@link ArticleMix}). */
    int share() {
        return share;
    }

    Weighted<String> genders() {
        return genders;
    }

    Weighted<String> seasons() {
        return seasons;
    }

    Weighted<NamedColour> colours() {
        return colours;
    }

    Weighted<FabricPattern> patterns() {
        return patterns;
    }

    Weighted<Style> styles() {
        return styles;
    }

    /** True if the product may be drawn facing either way (shoes, caps), like real photos. */
    boolean flippable() {
        return flippable;
    }

    ArticleArtist artist() {
        return artist;
    }
}
