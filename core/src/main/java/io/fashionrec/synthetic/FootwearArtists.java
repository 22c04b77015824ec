package io.fashionrec.synthetic;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** Draws footwear: sneakers and heels from the side (toe to the right), flip-flops from above. */
final class FootwearArtists {

    private static final Color RUBBER_WHITE = new Color(0xF2, 0xF1, 0xEC);
    private static final Color GUM = new Color(0xC9, 0x9A, 0x62);

    private FootwearArtists() {
    }

    /** A low sneaker: rubber sole, upper with laces on the vamp, heel tab; canvas ones get a toe cap. */
    static void casualShoe(Sketch s) {
        Shape upper = Pen.at(30, 150).curve(26, 124, 28, 104, 34, 92).quad(40, 86, 52, 90)
                .curve(64, 96, 76, 98, 86, 92).line(92, 80).quad(100, 73, 107, 80)
                .curve(120, 96, 146, 116, 168, 126).curve(182, 132, 188, 140, 186, 150).close();
        s.cloth(upper, Grain.HORIZONTAL);
        s.flat(Pen.at(36, 93).quad(44, 88, 52, 91).curve(64, 97, 76, 99, 86, 93).line(88, 97)
                .curve(74, 104, 60, 102, 36, 97).close(), Tones.darker(s.main(), 0.4));
        boolean canvas = s.styled("Canvas");
        Color sole = soleFor(s);
        if (canvas) {
            Shape toeCap = Pen.at(164, 124).quad(158, 138, 162, 150).line(187, 150).curve(188, 140, 182, 130, 164, 124).close();
            s.plain(toeCap, sole);
        } else {
            s.within(upper, () -> s.line(Pen.at(62, 146).curve(80, 134, 100, 118, 126, 104).open(), s.accent(), 5));
            s.plain(Pen.at(26, 100).quad(24, 120, 30, 146).line(42, 146).quad(36, 122, 40, 98).close(), Tones.darker(s.main(), 0.15));
        }
        s.seam(Pen.at(92, 82).curve(112, 104, 140, 124, 166, 132).open());
        // Laces match the sole: white on a white-soled shoe, tone-on-tone on an all-dark one.
        Color lace = sole.equals(RUBBER_WHITE) && s.plan().colour() != NamedColour.WHITE ? Color.WHITE : Tones.lighter(sole, 0.1);
        for (int i = 0; i < 5; i++) {
            double t = i / 4.0;
            double x = 96 + t * 52;
            double y = 86 + t * 32;
            s.line(new Line2D.Double(x - 4, y + 5, x + 5, y - 5), Tones.outline(lace), 3.2);
            s.line(new Line2D.Double(x - 4, y + 5, x + 5, y - 5), lace, 2.2);
        }
        // Rubber is drawn evenly lit: a shaded white sole would read as grey and dull the shoe's colour.
        Shape outsole = Pen.at(22, 146).line(187, 146).quad(192, 152, 186, 159).line(34, 161).quad(20, 160, 22, 146).close();
        s.flat(outsole, sole);
        s.line(outsole, Tones.outline(sole), 1.3);
        s.line(Pen.at(24, 154).line(188, 152).open(), Tones.withAlpha(Tones.darker(sole, 0.4), 120), 0.9);
        if (!canvas) {
            s.plain(Pen.at(28, 88).quad(34, 84, 42, 88).line(40, 104).line(28, 104).close(), s.accent());
        }
    }

    /**
     * The sole of a sneaker: mostly white rubber, but dark shoes often have dark soles and light
     * brown ones gum soles, as in real catalogs. A white shoe keeps a white sole so it still reads
     * as white.
     */
    private static Color soleFor(Sketch s) {
        double luminance = Tones.luminance(s.main());
        if (luminance < 70 && s.random().nextBoolean()) {
            return Tones.lighter(s.main(), 0.12);
        }
        if (s.plan().colour() == NamedColour.TAN || s.plan().colour() == NamedColour.BROWN) {
            return s.random().nextBoolean() ? GUM : RUBBER_WHITE;
        }
        return RUBBER_WHITE;
    }

    /** A court shoe on a heel: a slim stiletto or, for "Block Heel", a sturdy block; insole visible. */
    static void heel(Sketch s) {
        boolean block = s.styled("Block Heel");
        double tip = s.styled("Pointed Toe") ? 8 : 0;
        Shape heelPost = block
                ? Pen.at(34, 110).line(62, 116).line(58, 174).line(40, 174).close()
                : Pen.at(36, 108).line(58, 114).quad(50, 130, 50, 172).line(44, 172).quad(44, 130, 36, 108).close();
        s.cloth(heelPost, Grain.VERTICAL);
        s.flat(block ? new Rectangle2D.Double(40, 170, 18, 4) : new Rectangle2D.Double(44, 169, 6, 3),
                new Color(0x2A, 0x26, 0x24));
        Shape shoe = Pen.at(36, 86).curve(29, 98, 32, 112, 40, 118).curve(70, 124, 100, 148, 130, 161)
                .curve(152, 168, 178 + tip, 168, 188 + tip, 158).curve(192 + tip, 148, 178, 134, 160, 128)
                .curve(150, 125, 138, 123, 128, 122).curve(100, 118, 60, 100, 36, 86).close();
        s.cloth(shoe, Grain.HORIZONTAL);
        Shape opening = Pen.at(38, 88).curve(60, 101, 100, 119, 127, 123).curve(100, 134, 62, 120, 38, 88).close();
        s.flat(opening, Tones.darker(s.main(), 0.35));
        Color insole = Tones.mix(s.main(), new Color(0xE8, 0xD6, 0xBC), 0.7);
        s.flat(Pen.at(42, 96).curve(64, 112, 100, 126, 126, 124).curve(100, 134, 62, 120, 42, 96).close(), insole);
        s.line(Pen.at(38, 88).curve(62, 120, 100, 134, 127, 123).open(), Tones.outline(s.main()), 1.2);
        s.seam(Pen.at(40, 118).curve(70, 124, 100, 148, 130, 161).curve(152, 168, 178 + tip, 168, 188 + tip, 158).open());
        s.within(shoe, () -> s.glow(158, 142, 18, 7, new Color(255, 255, 255, 70)));
    }

    /** A pair of flip-flops seen from above: footbed, thickness and a V strap from the toe post. */
    static void flipFlops(Sketch s) {
        Shape sole = Pen.at(0, -72).curve(18, -72, 26, -54, 25, -30).curve(24, -8, 16, 10, 18, 30)
                .curve(20, 54, 10, 70, 0, 70).curve(-12, 70, -22, 54, -19, 30).curve(-17, 10, -26, -8, -25, -30)
                .curve(-24, -54, -16, -72, 0, -72).close();
        Shape strap = Pen.at(-22, -2).quad(-12, -30, -5, -46).quad(12, -30, 22, -2).open();
        Color strapColour = s.random().nextBoolean() ? s.accent() : Tones.darker(s.main(), 0.3);
        for (int side = -1; side <= 1; side += 2) {
            AffineTransform place = new AffineTransform();
            place.translate(100 + side * 32, 100 + side * 4);
            place.rotate(Math.toRadians(side * 7));
            place.scale(side, 1);
            Shape footbed = place.createTransformedShape(sole);
            AffineTransform down = AffineTransform.getTranslateInstance(0, 5);
            s.plain(down.createTransformedShape(footbed), Tones.darker(s.main(), 0.3));
            s.cloth(footbed, Grain.HORIZONTAL);
            s.flat(place.createTransformedShape(Sketch.inset(sole, 0.8)), new Color(0, 0, 0, 22));
            Shape band = place.createTransformedShape(strap);
            s.line(band, Tones.outline(strapColour), 7);
            s.line(band, strapColour, 5.4);
            Shape post = place.createTransformedShape(new Ellipse2D.Double(-8, -49, 6, 6));
            s.plain(post, strapColour);
        }
    }
}
