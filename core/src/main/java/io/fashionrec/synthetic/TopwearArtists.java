package io.fashionrec.synthetic;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;

/** Draws upper-body garments laid flat, seen from the front: shirts, tees, sweatshirts, dresses. */
final class TopwearArtists {

    private TopwearArtists() {
    }

    /** A long-sleeved shirt: pointed collar, button placket, cuffs, often a chest pocket. */
    static void shirt(Sketch s) {
        Shape sleeve = Pen.at(64, 40).curve(50, 43, 42, 54, 38, 72).line(22, 160).line(44, 164)
                .line(60, 98).line(66, 84).close();
        Shape cuff = Pen.at(24.6, 146).line(47.3, 150).line(44, 164).line(22, 160).close();
        for (Shape side : new Shape[] {sleeve, Sketch.mirror(sleeve)}) {
            s.cloth(side, Grain.VERTICAL);
        }
        for (Shape side : new Shape[] {cuff, Sketch.mirror(cuff)}) {
            s.cloth(side, Grain.VERTICAL);
        }
        Shape body = Pen.at(64, 40).line(86, 29).line(114, 29).line(136, 40)
                .curve(136, 60, 134, 75, 134, 84).line(136, 180)
                .curve(128, 192, 112, 188, 100, 186).curve(88, 188, 72, 192, 64, 180)
                .line(66, 84).curve(66, 75, 64, 60, 64, 40).close();
        s.cloth(body, Grain.VERTICAL);
        s.seam(Pen.at(64, 40).curve(64, 60, 66, 75, 66, 84).open());
        s.seam(Pen.at(136, 40).curve(136, 60, 134, 75, 134, 84).open());
        s.flat(Pen.at(85, 29).quad(100, 22, 115, 29).line(111, 36).quad(100, 31, 89, 36).close(), Tones.darker(s.main(), 0.35));
        Shape leaf = Pen.at(87, 27).line(100, 46).line(87, 58).line(78, 37).quad(80, 30, 87, 27).close();
        s.cloth(leaf, Grain.VERTICAL);
        s.cloth(Sketch.mirror(leaf), Grain.VERTICAL);
        s.seam(new Line2D.Double(96, 47, 96, 186));
        s.seam(new Line2D.Double(104, 47, 104, 186));
        Color buttonColour = Tones.luminance(s.main()) > 200 ? Tones.darker(s.main(), 0.2) : Tones.lighter(s.main(), 0.75);
        for (double y = 58; y < 180; y += 18) {
            s.button(100, y, 2.1, buttonColour);
        }
        if (s.random().nextInt(3) > 0) {
            s.seam(new RoundRectangle2D.Double(72, 66, 18, 20, 3, 3));
            s.seam(new Line2D.Double(72, 70, 90, 70));
        }
        s.seam(new Line2D.Double(25, 152, 46, 156));
        s.seam(Sketch.mirror(new Line2D.Double(25, 152, 46, 156)));
    }

    /** A short-sleeved tee with a ribbed crew neck; sports tees get a contrasting neck rib. */
    static void tshirt(Sketch s) {
        boolean women = s.plan().gender().equals("Women");
        double waist = women ? 6 : 0;
        Shape sleeve = Pen.at(60, 42).curve(46, 46, 36, 56, 26, 76).line(45, 100)
                .curve(52, 94, 58, 90, 62, 86).close();
        s.cloth(sleeve, Grain.HORIZONTAL);
        s.cloth(Sketch.mirror(sleeve), Grain.HORIZONTAL);
        Shape body = Pen.at(60, 42).line(84, 33).quad(100, 48, 116, 33).line(140, 42)
                .curve(141, 60, 140, 76, 138, 86).quad(138 - waist, 130, 140, 182).quad(100, 186, 60, 182)
                .quad(62 + waist, 130, 62, 86).curve(60, 76, 59, 60, 60, 42).close();
        s.cloth(body, Grain.HORIZONTAL);
        s.flat(Pen.at(84, 33).quad(100, 25, 116, 33).quad(100, 44, 84, 33).close(), Tones.darker(s.main(), 0.35));
        boolean sport = s.plan().style().usage().equals("Sports");
        Color rib = sport ? s.accent() : Tones.darker(s.main(), 0.12);
        s.line(Pen.at(84, 34).quad(100, 49, 116, 34).open(), Tones.outline(rib), 4.6);
        s.line(Pen.at(84, 34).quad(100, 49, 116, 34).open(), rib, 3.4);
        s.seam(Pen.at(60, 42).curve(59, 60, 60, 76, 62, 86).open());
        s.seam(Sketch.mirror(Pen.at(60, 42).curve(59, 60, 60, 76, 62, 86).open()));
        s.seam(new Line2D.Double(29.5, 80.5, 47.5, 97));
        s.seam(Sketch.mirror(new Line2D.Double(29.5, 80.5, 47.5, 97)));
        s.seam(Pen.at(61, 176).quad(100, 180, 139, 176).open());
    }

    /** A sweatshirt with ribbed cuffs and hem; "Hooded" ones get a hood, drawstrings and a pouch pocket. */
    static void sweatshirt(Sketch s) {
        boolean hooded = s.styled("Hooded");
        if (hooded) {
            s.cloth(Pen.at(74, 44).curve(64, 4, 136, 4, 126, 44).close(), Grain.HORIZONTAL);
        }
        Shape sleeve = Pen.at(62, 40).curve(46, 44, 38, 58, 34, 78).line(24, 150).line(48, 154)
                .line(58, 100).line(64, 86).close();
        s.cloth(sleeve, Grain.HORIZONTAL);
        s.cloth(Sketch.mirror(sleeve), Grain.HORIZONTAL);
        Shape cuff = Pen.at(24, 150).line(48, 154).line(46, 170).line(26, 167).close();
        rib(s, cuff, 24, 46);
        rib(s, Sketch.mirror(cuff), 154, 176);
        Shape body = Pen.at(62, 40).line(84, 32).quad(100, 42, 116, 32).line(138, 40)
                .curve(139, 60, 137, 76, 136, 86).line(138, 168).line(62, 168).line(64, 86)
                .curve(63, 76, 61, 60, 62, 40).close();
        s.cloth(body, Grain.HORIZONTAL);
        rib(s, new RoundRectangle2D.Double(62, 166, 76, 14, 3, 3), 62, 138);
        if (hooded) {
            s.flat(Pen.at(80, 34).quad(100, 20, 120, 34).quad(100, 56, 80, 34).close(), Tones.darker(s.main(), 0.4));
            s.cloth(Pen.at(80, 34).quad(100, 58, 120, 34).line(118, 40).quad(100, 64, 82, 40).close(), Grain.HORIZONTAL);
            Color cord = Tones.lighter(s.accent(), 0.1);
            s.line(Pen.at(94, 50).quad(92, 70, 94, 84).open(), cord, 1.6);
            s.line(Pen.at(106, 50).quad(108, 70, 106, 84).open(), cord, 1.6);
            s.button(94, 86, 1.5, s.hardware());
            s.button(106, 86, 1.5, s.hardware());
            Shape pouch = Pen.at(76, 124).line(124, 124).line(134, 164).line(66, 164).close();
            s.seam(pouch);
            s.seam(new Line2D.Double(78, 126, 70, 162));
            s.seam(new Line2D.Double(122, 126, 130, 162));
        } else {
            Color neck = Tones.darker(s.main(), 0.1);
            s.flat(Pen.at(84, 32).quad(100, 24, 116, 32).quad(100, 42, 84, 32).close(), Tones.darker(s.main(), 0.35));
            s.line(Pen.at(84, 33).quad(100, 45, 116, 33).open(), Tones.outline(neck), 6);
            s.line(Pen.at(84, 33).quad(100, 45, 116, 33).open(), neck, 4.8);
        }
        s.seam(Pen.at(62, 40).curve(61, 60, 63, 76, 64, 86).open());
        s.seam(Sketch.mirror(Pen.at(62, 40).curve(61, 60, 63, 76, 64, 86).open()));
    }

    /** A knee-length dress: fitted bodice, seamed waist, flared skirt; straps or cap sleeves. */
    static void dress(Sketch s) {
        boolean straps = s.styled("Sleeveless") || s.random().nextInt(3) == 0;
        if (straps) {
            s.cloth(new RoundRectangle2D.Double(81, 16, 6, 32, 3, 3), Grain.HORIZONTAL);
            s.cloth(new RoundRectangle2D.Double(113, 16, 6, 32, 3, 3), Grain.HORIZONTAL);
        } else {
            Shape capSleeve = Pen.at(80, 28).curve(68, 28, 60, 40, 60, 56).line(78, 60).close();
            s.cloth(capSleeve, Grain.HORIZONTAL);
            s.cloth(Sketch.mirror(capSleeve), Grain.HORIZONTAL);
        }
        double top = straps ? 42 : 28;
        double flare = s.styled("Skater") ? 10 : 0;
        Shape dress = Pen.at(78, top).quad(100, top + 18, 122, top).curve(128, 60, 124, 78, 120, 92)
                .curve(136, 120, 152 + flare, 160, 158 + flare, 182)
                .quad(140, 191, 120, 186).quad(100, 193, 80, 186).quad(60, 191, 42 - flare, 182)
                .curve(48 - flare, 160, 64, 120, 80, 92).curve(76, 78, 72, 60, 78, top).close();
        s.cloth(dress, Grain.HORIZONTAL);
        s.flat(Pen.at(82, top + 1).quad(100, top - 4, 118, top + 1).quad(100, top + 15, 82, top + 1).close(),
                Tones.darker(s.main(), 0.35));
        if (s.styled("Party") || s.random().nextInt(4) == 0) {
            s.plain(Pen.at(80, 89).quad(100, 93, 120, 89).line(121, 96).quad(100, 100, 79, 96).close(), s.accent());
        } else {
            s.seam(Pen.at(80, 92).quad(100, 96, 120, 92).open());
        }
        for (double[] fold : new double[][] {{88, 98, 72, 184}, {100, 99, 100, 188}, {112, 98, 128, 184}}) {
            s.seam(new Line2D.Double(fold[0], fold[1], fold[2], fold[3]));
        }
    }

    /** A ribbed band (cuffs, hems): the shape in a slightly darker shade with vertical ribs. */
    private static void rib(Sketch s, Shape band, double fromX, double toX) {
        s.plain(band, Tones.darker(s.main(), 0.1));
        double top = band.getBounds2D().getMinY();
        double bottom = band.getBounds2D().getMaxY();
        s.within(band, () -> {
            for (double x = fromX + 3; x < toX - 1; x += 3) {
                s.seam(new Line2D.Double(x, top, x, bottom));
            }
        });
    }
}
