package io.fashionrec.synthetic;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;

/** Draws lower-body garments laid flat, seen from the front: jeans, shorts, skirts. */
final class BottomwearArtists {

    /** The orange-brown thread of denim topstitching. */
    private static final Color DENIM_THREAD = new Color(0xC8, 0x8A, 0x3C);

    private BottomwearArtists() {
    }

    /** Five-pocket jeans: waistband with belt loops, two legs, fly, pocket curves, twill and fading. */
    static void jeans(Sketch s) {
        double taper = s.styled("Skinny Fit") ? 8 : s.styled("Slim Fit") ? 4 : 0;
        Shape legs = Pen.at(62, 32).curve(60, 70, 62 + taper / 2, 120, 66 + taper, 190).line(97 - taper / 3, 190)
                .line(100, 96).line(103 + taper / 3, 190).line(134 - taper, 190)
                .curve(138 - taper / 2, 120, 140, 70, 138, 32).close();
        s.cloth(legs, Grain.VERTICAL);
        int fade = s.styled("Washed") ? 90 : 50;
        s.within(legs, () -> {
            for (double d = -200; d < 200; d += 2.2) {
                s.line(new Line2D.Double(d, 0, d + 200, 200), new Color(255, 255, 255, 14), 0.7);
            }
            for (double x : new double[] {82, 118}) {
                s.glow(x, 104, 11, 30, new Color(255, 255, 255, fade));
            }
        });
        Shape waistband = new RoundRectangle2D.Double(61, 22, 78, 11, 2, 2);
        s.cloth(waistband, Grain.VERTICAL);
        s.stitches(new Line2D.Double(62, 31, 138, 31), DENIM_THREAD);
        for (double x : new double[] {67, 85, 115, 133}) {
            s.cloth(new RoundRectangle2D.Double(x - 2, 20, 4, 15, 1.5, 1.5), Grain.VERTICAL);
        }
        s.stitches(Pen.at(106, 33).line(106, 76).quad(106, 86, 100, 88).open(), DENIM_THREAD);
        s.seam(new Line2D.Double(100, 33, 100, 92));
        Shape pocket = Pen.at(73, 33).quad(76, 50, 62, 56).open();
        s.seam(pocket);
        s.seam(Sketch.mirror(pocket));
        s.stitches(Pen.at(75, 33).quad(78, 52, 62, 58).open(), DENIM_THREAD);
        s.stitches(Sketch.mirror(Pen.at(75, 33).quad(78, 52, 62, 58).open()), DENIM_THREAD);
        s.button(100, 27.5, 2.6, s.hardware());
        s.button(72, 36, 1.2, s.hardware());
        s.button(128, 36, 1.2, s.hardware());
        s.stitches(new Line2D.Double(67 + taper, 186, 97 - taper / 3, 186), DENIM_THREAD);
        s.stitches(new Line2D.Double(103 + taper / 3, 186, 133 - taper, 186), DENIM_THREAD);
    }

    /** Shorts: chinos with belt loops and slant pockets, or sports shorts with an elastic waist and a side stripe. */
    static void shorts(Sketch s) {
        boolean sport = s.plan().style().usage().equals("Sports");
        Shape legs = Pen.at(60, 56).line(50, 146).line(96, 152).line(100, 108).line(104, 152).line(150, 146)
                .line(140, 56).close();
        s.cloth(legs, Grain.HORIZONTAL);
        Shape waistband = new RoundRectangle2D.Double(59, 44, 82, 13, 2, 2);
        s.cloth(waistband, Grain.HORIZONTAL);
        if (sport) {
            s.within(waistband, () -> {
                for (double x = 61; x < 141; x += 2.5) {
                    s.seam(new Line2D.Double(x, 44, x, 57));
                }
            });
            Shape stripe = Pen.at(60, 58).line(64.5, 58).line(55.5, 147).line(51, 146.5).close();
            s.plain(stripe, s.accent());
            s.plain(Sketch.mirror(stripe), s.accent());
            Color cord = Tones.lighter(s.accent(), 0.2);
            s.line(Pen.at(97, 54).quad(94, 66, 90, 74).open(), cord, 1.4);
            s.line(Pen.at(103, 54).quad(106, 66, 110, 74).open(), cord, 1.4);
        } else {
            for (double x : new double[] {66, 86, 114, 134}) {
                s.cloth(new RoundRectangle2D.Double(x - 2, 42, 4, 16, 1.5, 1.5), Grain.HORIZONTAL);
            }
            s.button(100, 50.5, 2.3, Tones.darker(s.main(), 0.3));
            s.seam(Pen.at(104, 57).line(104, 92).quad(104, 100, 100, 102).open());
            s.seam(new Line2D.Double(100, 57, 100, 104));
            Shape pocket = Pen.at(72, 57).line(62, 80).open();
            s.seam(pocket);
            s.seam(Sketch.mirror(pocket));
        }
        s.seam(new Line2D.Double(51, 140, 96.5, 146));
        s.seam(new Line2D.Double(103.5, 146, 149, 140));
    }

    /** A skirt: waistband and an A-line body; "Pleated" ones get pleats, "Flared" a wider wavy hem. */
    static void skirt(Sketch s) {
        double flare = s.styled("Flared") ? 14 : s.styled("Formal") ? -14 : 0;
        Shape body = Pen.at(68, 50).line(132, 50).line(154 + flare, 168)
                .quad(100, 180, 46 - flare, 168).close();
        s.cloth(body, Grain.VERTICAL);
        if (s.styled("Pleated")) {
            s.within(body, () -> {
                for (int i = -6; i <= 6; i++) {
                    double top = 100 + i * 5;
                    double bottom = 100 + i * (9 + flare / 7);
                    s.line(new Line2D.Double(top, 50, bottom, 180), new Color(0, 0, 0, 55), 0.9);
                    s.line(new Line2D.Double(top + 1.2, 50, bottom + 2, 180), new Color(255, 255, 255, 40), 0.9);
                }
            });
        } else {
            s.seam(new Line2D.Double(84, 52, 74, 172));
            s.seam(new Line2D.Double(116, 52, 126, 172));
        }
        Shape waistband = new RoundRectangle2D.Double(67, 40, 66, 11, 2, 2);
        s.cloth(waistband, Grain.VERTICAL);
        if (s.random().nextBoolean()) {
            s.button(126, 45.5, 2.2, s.hardware());
        }
    }
}
