package io.fashionrec.synthetic;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;

/** Draws bags from the front: handbags and backpacks. */
final class BagArtists {

    private BagArtists() {
    }

    /**
     * A handbag: a trapezoid body with topstitching. Totes have two tall handles and a zip,
     * satchels a flap with a clasp and one handle, quilted bags diamond stitching.
     */
    static void handbag(Sketch s) {
        boolean satchel = s.styled("Satchel") || s.styled("Structured");
        Shape handle = satchel
                ? Pen.at(80, 90).curve(80, 50, 120, 50, 120, 90).open()
                : Pen.at(72, 90).curve(70, 28, 130, 28, 128, 90).open();
        Color handleColour = Tones.darker(s.main(), 0.12);
        if (!satchel) {
            Shape back = AffineTransform.getTranslateInstance(5, -3).createTransformedShape(handle);
            s.line(back, Tones.outline(handleColour), 6.5);
            s.line(back, Tones.darker(handleColour, 0.2), 5);
        }
        s.line(handle, Tones.outline(handleColour), 6.5);
        s.line(handle, handleColour, 5);
        Shape body = Pen.at(56, 86).line(144, 86).curve(150, 120, 158, 150, 160, 168).quad(160, 178, 150, 178)
                .line(50, 178).quad(40, 178, 40, 168).curve(42, 150, 50, 120, 56, 86).close();
        s.cloth(body, Grain.VERTICAL);
        Color thread = Tones.lighter(s.main(), 0.35);
        if (s.styled("Quilted")) {
            s.within(body, () -> {
                for (double d = -120; d < 220; d += 14) {
                    s.seam(new Line2D.Double(d, 80, d + 100, 180));
                    s.seam(new Line2D.Double(d + 100, 80, d, 180));
                }
            });
        }
        s.stitches(Sketch.inset(body, 0.92), thread);
        for (double x : new double[] {72, 128}) {
            s.metal(new RoundRectangle2D.Double(x - 4, 84, 8, 6, 2, 2), s.hardware());
        }
        if (satchel) {
            Shape flap = Pen.at(55, 86).line(145, 86).line(147, 116).quad(100, 134, 53, 116).close();
            s.cloth(flap, Grain.VERTICAL);
            s.stitches(Pen.at(57, 112).quad(100, 128, 143, 112).open(), thread);
            s.metal(new RoundRectangle2D.Double(93, 118, 14, 14, 3, 3), s.hardware());
        } else {
            s.line(new Line2D.Double(60, 93, 140, 93), Tones.darker(s.main(), 0.45), 1.6);
            s.metal(new RoundRectangle2D.Double(124, 91, 5, 12, 2, 2), s.hardware());
        }
    }

    /** A backpack: rounded body, shoulder straps at the sides, top handle, zipped front pocket. */
    static void backpack(Sketch s) {
        Color strapColour = Tones.darker(s.main(), 0.28);
        Shape strap = Pen.at(56, 62).curve(40, 90, 38, 140, 46, 176).line(55, 174).curve(49, 140, 52, 92, 62, 66).close();
        s.plain(strap, strapColour);
        s.plain(Sketch.mirror(strap), strapColour);
        s.line(Pen.at(88, 36).curve(88, 16, 112, 16, 112, 36).open(), Tones.outline(strapColour), 5);
        s.line(Pen.at(88, 36).curve(88, 16, 112, 16, 112, 36).open(), strapColour, 3.6);
        Shape body = Pen.at(54, 180).line(54, 80).curve(54, 42, 80, 30, 100, 30).curve(120, 30, 146, 42, 146, 80)
                .line(146, 180).quad(146, 188, 138, 188).line(62, 188).quad(54, 188, 54, 180).close();
        s.cloth(body, Grain.HORIZONTAL);
        s.within(body, () -> s.plain(new RoundRectangle2D.Double(50, 174, 100, 20, 4, 4), strapColour));
        Shape zip = Pen.at(60, 96).curve(60, 54, 82, 42, 100, 42).curve(118, 42, 140, 54, 140, 96).open();
        s.line(zip, Tones.darker(s.main(), 0.5), 2);
        s.stitches(zip, Tones.lighter(s.main(), 0.4));
        Shape pocket = Pen.at(64, 118).line(136, 118).line(138, 168).quad(138, 174, 132, 174).line(68, 174)
                .quad(62, 174, 62, 168).close();
        s.cloth(pocket, Grain.HORIZONTAL);
        s.line(new Line2D.Double(66, 124, 134, 124), Tones.darker(s.main(), 0.5), 1.8);
        s.metal(new RoundRectangle2D.Double(118, 122, 5, 12, 2, 2), s.hardware());
        s.metal(new RoundRectangle2D.Double(72, 52, 5, 12, 2, 2), s.hardware());
        if (!s.styled("Laptop")) {
            s.plain(new RoundRectangle2D.Double(90, 140, 20, 12, 3, 3), s.accent());
        }
    }
}
