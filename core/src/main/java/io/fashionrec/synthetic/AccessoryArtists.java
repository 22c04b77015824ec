package io.fashionrec.synthetic;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Draws small accessories: watches, caps, sunglasses, belts. */
final class AccessoryArtists {

    private static final Color GUNMETAL = new Color(0x3A, 0x3C, 0x40);
    /** Classic dial colours: white first, then the dark ones. */
    private static final Color[] DIALS = {new Color(0xF7, 0xF5, 0xEF), new Color(0x1E, 0x1F, 0x24), new Color(0x22, 0x33, 0x5E)};

    private AccessoryArtists() {
    }

    /**
     * A wrist watch, face up: leather strap with stitching and holes (or a metal link bracelet for
     * metal colours), round case, dial with markers and hands; "Chronograph" adds sub-dials.
     */
    static void watch(Sketch s) {
        boolean women = s.plan().gender().equals("Women");
        double half = women ? 18 : 23;
        double radius = women ? 25 : 30;
        Shape top = Pen.at(100 - half - 1, 6).line(100 + half + 1, 6).line(100 + half, 100).line(100 - half, 100).close();
        Shape bottom = Pen.at(100 - half, 100).line(100 + half, 100).line(100 + half + 1, 194).line(100 - half - 1, 194).close();
        boolean bracelet = s.plan().colour().metallic();
        for (Shape band : new Shape[] {top, bottom}) {
            if (bracelet) {
                s.metal(band, s.main());
                s.within(band, () -> {
                    for (double y = 10; y < 194; y += 9) {
                        s.seam(new Line2D.Double(70, y, 130, y));
                    }
                    s.seam(new Line2D.Double(100 - half / 3, 0, 100 - half / 3, 200));
                    s.seam(new Line2D.Double(100 + half / 3, 0, 100 + half / 3, 200));
                });
            } else {
                s.cloth(band, Grain.VERTICAL);
                Color thread = Tones.lighter(s.main(), 0.45);
                s.stitches(new Line2D.Double(100 - half + 3, 8, 100 - half + 3, 192), thread);
                s.stitches(new Line2D.Double(100 + half - 3, 8, 100 + half - 3, 192), thread);
            }
        }
        if (!bracelet) {
            for (double y = 150; y < 190; y += 9) {
                s.flat(new Ellipse2D.Double(98, y, 4, 4), Tones.darker(s.main(), 0.6));
            }
            s.plain(new RoundRectangle2D.Double(100 - half - 2, 30, 2 * half + 4, 7, 2, 2), Tones.darker(s.main(), 0.15));
        }
        // Dark straps often come with a black case; otherwise steel or gold.
        Color caseTone = Tones.luminance(s.main()) < 70 && s.random().nextBoolean() ? GUNMETAL : s.hardware();
        for (int dy : new int[] {-1, 1}) {
            s.metal(new RoundRectangle2D.Double(100 - half + 1, 100 + dy * (radius - 2) - 6, 2 * half - 2, 12, 3, 3), caseTone);
        }
        s.metal(new RoundRectangle2D.Double(100 + radius - 1, 95, 7, 10, 2, 2), caseTone);
        s.metal(new Ellipse2D.Double(100 - radius, 100 - radius, 2 * radius, 2 * radius), caseTone);
        double dialRadius = radius - 5;
        // Half the dials are a tint of the strap, as on many real watches; the others classic,
        // though not white on a dark strap, where it would outweigh the strap's colour.
        boolean darkStrap = Tones.luminance(s.main()) < 70;
        Color dial = s.random().nextBoolean() ? Tones.lighter(s.main(), 0.15)
                : DIALS[darkStrap ? 1 + s.random().nextInt(DIALS.length - 1) : s.random().nextInt(DIALS.length)];
        Color ink = Tones.luminance(dial) > 128 ? new Color(0x22, 0x22, 0x22) : new Color(0xEE, 0xEE, 0xEE);
        s.plain(new Ellipse2D.Double(100 - dialRadius, 100 - dialRadius, 2 * dialRadius, 2 * dialRadius), dial);
        for (int hour = 0; hour < 12; hour++) {
            double a = Math.toRadians(hour * 30);
            double outer = dialRadius - 2.5;
            double inner = dialRadius - (hour % 3 == 0 ? 8 : 5);
            s.line(new Line2D.Double(100 + Math.sin(a) * inner, 100 - Math.cos(a) * inner,
                    100 + Math.sin(a) * outer, 100 - Math.cos(a) * outer), ink, hour % 3 == 0 ? 2 : 1.1);
        }
        if (s.styled("Chronograph")) {
            for (double[] at : new double[][] {{-1, 0}, {1, 0}, {0, 1}}) {
                double cx = 100 + at[0] * dialRadius * 0.45;
                double cy = 100 + at[1] * dialRadius * 0.45;
                double r = dialRadius * 0.22;
                s.line(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), Tones.withAlpha(ink, 160), 0.8);
                s.line(new Line2D.Double(cx, cy, cx + r * 0.7, cy - r * 0.4), ink, 0.8);
            }
        }
        double hourAngle = s.random().nextDouble() * 2 * Math.PI;
        double minuteAngle = s.random().nextDouble() * 2 * Math.PI;
        s.line(hand(hourAngle, dialRadius * 0.5), ink, 2.6);
        s.line(hand(minuteAngle, dialRadius * 0.8), ink, 1.8);
        s.line(hand(minuteAngle + 2.3, dialRadius * 0.85), new Color(0xC8, 0x2A, 0x2A), 0.8);
        s.button(100, 100, 2, caseTone);
        s.flat(new Arc2D.Double(100 - dialRadius, 100 - dialRadius, 2 * dialRadius, 2 * dialRadius, 100, 80, Arc2D.CHORD),
                new Color(255, 255, 255, 38));
    }

    /** A baseball cap from the side: six-panel crown with seams and top button, curved brim to the right. */
    static void cap(Sketch s) {
        boolean twoTone = s.styled("Sport") || s.random().nextInt(4) == 0;
        Color brimColour = twoTone ? s.accent() : s.main();
        // The brim is drawn first so the crown hides its back end and it seems to grow out of the front.
        Shape brim = Pen.at(128, 120).curve(150, 110, 178, 110, 194, 125).quad(199, 131, 192, 135)
                .curve(172, 136, 150, 134, 128, 130).close();
        Shape underside = Pen.at(128, 130).curve(150, 134, 172, 136, 192, 135).curve(176, 145, 150, 143, 128, 134).close();
        s.plain(underside, Tones.darker(brimColour, 0.3));
        if (twoTone) {
            s.plain(brim, brimColour);
        } else {
            s.cloth(brim, Grain.HORIZONTAL);
        }
        s.stitches(Pen.at(156, 116).curve(170, 115, 182, 118, 189, 126).open(), Tones.lighter(brimColour, 0.4));
        Shape crown = Pen.at(28, 134).curve(24, 80, 60, 50, 96, 50).curve(134, 50, 156, 84, 154, 126)
                .quad(92, 142, 28, 134).close();
        s.cloth(crown, Grain.HORIZONTAL);
        s.within(crown, () -> {
            s.seam(Pen.at(96, 50).quad(64, 80, 58, 140).open());
            s.seam(Pen.at(96, 50).quad(114, 82, 112, 140).open());
            s.seam(Pen.at(96, 50).quad(142, 80, 146, 134).open());
        });
        for (double[] eye : new double[][] {{78, 72}, {117, 70}}) {
            s.flat(new Ellipse2D.Double(eye[0] - 1.6, eye[1] - 1.6, 3.2, 3.2), Tones.darker(s.main(), 0.45));
        }
        s.plain(new Ellipse2D.Double(89, 46, 14, 7), Tones.darker(s.main(), 0.12));
        s.plain(new RoundRectangle2D.Double(122, 90, 18, 14, 5, 5), s.accent());
        s.seam(Pen.at(30, 127).quad(92, 136, 152, 120).open());
    }

    /** Sunglasses from the front: tinted lenses in the product's colour, frame, bridge and hinges. */
    static void sunglasses(Sketch s) {
        Shape lens;
        if (s.styled("Aviator")) {
            lens = Pen.at(-32, -18).curve(-12, -24, 22, -24, 32, -16).curve(35, 6, 24, 28, 4, 28)
                    .curve(-18, 28, -32, 8, -32, -18).close();
        } else if (s.styled("Round")) {
            lens = new Ellipse2D.Double(-27, -25, 54, 52);
        } else {
            lens = Pen.at(-33, -20).line(33, -22).quad(36, -4, 30, 12).quad(24, 24, 6, 24).line(-12, 24)
                    .quad(-30, 22, -32, 6).close();
        }
        boolean thinFrame = s.styled("Aviator") || s.styled("Round");
        Color frame = thinFrame ? s.hardware() : Tones.darker(s.main(), 0.35);
        Color tint = Tones.darker(s.main(), 0.15);
        for (int side = -1; side <= 1; side += 2) {
            AffineTransform place = AffineTransform.getTranslateInstance(100 + side * 38, 100);
            place.scale(side, 1);
            Shape placed = place.createTransformedShape(lens);
            s.line(place.createTransformedShape(new Line2D.Double(-31, -16, -48, -10)), frame, thinFrame ? 2.6 : 5);
            s.plain(placed, tint);
            s.within(placed, () -> s.flat(place.createTransformedShape(
                    Pen.at(-30, 0).line(-6, -26).line(4, -26).line(-22, 10).close()), new Color(255, 255, 255, 50)));
            s.line(placed, frame, thinFrame ? 2.4 : 5);
        }
        if (thinFrame) {
            s.line(Pen.at(82, 86).quad(100, 80, 118, 86).open(), frame, 2.4);
            s.line(Pen.at(84, 96).quad(100, 92, 116, 96).open(), frame, 1.6);
        } else {
            s.line(Pen.at(80, 90).quad(100, 82, 120, 90).open(), frame, 5);
        }
    }

    /**
     * A belt rolled into a loose ring and seen from above the front, like catalog photos: the
     * front face of the strap with stitching, holes and a metal buckle, the inside of the back.
     */
    static void belt(Sketch s) {
        double band = 24;
        Ellipse2D topEdge = new Ellipse2D.Double(24, 62, 152, 68);
        Ellipse2D bottomEdge = new Ellipse2D.Double(24, 62 + band, 152, 68);
        Area inside = new Area(topEdge);
        inside.subtract(new Area(bottomEdge));
        s.plain(inside, Tones.darker(s.main(), 0.35));
        Area front = new Area(bottomEdge);
        front.add(new Area(new Rectangle2D.Double(24, 96, 152, band)));
        front.subtract(new Area(topEdge));
        s.cloth(front, Grain.HORIZONTAL);
        Color thread = Tones.lighter(s.main(), 0.4);
        s.stitches(new Arc2D.Double(27, 62 + 4, 146, 68, 192, 156, Arc2D.OPEN), thread);
        s.stitches(new Arc2D.Double(27, 62 + band - 4, 146, 68, 186, 168, Arc2D.OPEN), thread);
        for (int i = 0; i < 5; i++) {
            double x = 100 + i * 8;
            s.flat(new Ellipse2D.Double(x - 1.6, 130 - 1.6 + i * 0.2, 3.2, 3.2), Tones.darker(s.main(), 0.7));
        }
        s.plain(new Rectangle2D.Double(82, 116, 7, band + 3), Tones.darker(s.main(), 0.12));
        Shape buckle = new RoundRectangle2D.Double(52, 112, 26, band + 8, 8, 8);
        Area frame = new Area(buckle);
        frame.subtract(new Area(new RoundRectangle2D.Double(56, 116, 18, band, 5, 5)));
        s.metal(frame, s.hardware());
        s.metal(new RoundRectangle2D.Double(58, 126.5, 24, 3, 1.5, 1.5), s.hardware());
    }

    private static Line2D hand(double angle, double length) {
        return new Line2D.Double(100, 100, 100 + Math.sin(angle) * length, 100 - Math.cos(angle) * length);
    }
}
