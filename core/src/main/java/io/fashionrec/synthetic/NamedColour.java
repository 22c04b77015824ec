package io.fashionrec.synthetic;

import java.awt.Color;
import java.util.Random;

/**
 * The colour names a synthetic product can carry as its {@code baseColour}, with the RGB value
 * it is painted in. The names follow the Kaggle <i>Fashion Product Images</i> vocabulary; the
 * RGB values are this project's choice of a typical shade for each name.
 */
public enum NamedColour {
    BLACK("Black", 0x222224),
    WHITE("White", 0xF4F4F1),
    GREY("Grey", 0x85878B),
    CHARCOAL("Charcoal", 0x45484E),
    NAVY_BLUE("Navy Blue", 0x1F2C56),
    BLUE("Blue", 0x2F62B0),
    TEAL("Teal", 0x16817F),
    GREEN("Green", 0x2E8A4A),
    OLIVE("Olive", 0x6B6B32),
    YELLOW("Yellow", 0xF0C93A),
    MUSTARD("Mustard", 0xC99A22),
    ORANGE("Orange", 0xEE7A2A),
    RED("Red", 0xC3242E),
    MAROON("Maroon", 0x6E1A28),
    PINK("Pink", 0xEC8FB2),
    MAGENTA("Magenta", 0xB3287A),
    PURPLE("Purple", 0x6A3A8E),
    LAVENDER("Lavender", 0xB7A5D8),
    BROWN("Brown", 0x6E4427),
    TAN("Tan", 0xC08F5E),
    BEIGE("Beige", 0xDCC8A6),
    SILVER("Silver", 0xBFC1C6),
    GOLD("Gold", 0xCFA544);

    private final String label;
    private final Color rgb;

    NamedColour(String label, int rgb) {
        this.label = label;
        this.rgb = new Color(rgb);
    }

    /** The name as written in styles.csv and product names, e.g. {@code "Navy Blue"}. */
    public String label() {
        return label;
    }

    /** The reference RGB value of this colour name. */
    public Color rgb() {
        return rgb;
    }

    /** True for the metal tones, which are painted with a sheen rather than as cloth. */
    public boolean metallic() {
        return this == SILVER || this == GOLD;
    }

    /**
     * A per-product shade of this colour: the same hue, lightness moved by up to about 6% either
     * way, so that two "Navy Blue" shirts are not pixel-identical yet both read as navy.
     */
    public Color shade(Random random) {
        float factor = 1f + (random.nextFloat() - 0.5f) * 0.12f;
        return new Color(clamp(rgb.getRed() * factor), clamp(rgb.getGreen() * factor), clamp(rgb.getBlue() * factor));
    }

    /** Euclidean distance in RGB between this colour's reference value and {@code c}. */
    public double distanceTo(Color c) {
        double dr = rgb.getRed() - c.getRed();
        double dg = rgb.getGreen() - c.getGreen();
        double db = rgb.getBlue() - c.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    /** The colour whose label is {@code label} (as written in styles.csv). */
    public static NamedColour byLabel(String label) {
        for (NamedColour c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown colour name '" + label + "'; known names are "
                + java.util.Arrays.stream(values()).map(NamedColour::label).toList());
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
