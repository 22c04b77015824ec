package io.fashionrec.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * The pattern of one product's cloth: its geometry (stripe period, dot spacing, motif size) is
 * chosen once, so every piece of the garment (body, sleeves, cuffs) carries the same pattern.
 * Pattern marks cover well under half the area, so the base colour stays dominant, which is what
 * the product's baseColour promises. Not thread-safe; one per drawing.
 */
final class Fabric {

    private final FabricPattern pattern;
    private final Color accent;
    private final Color motifCentre;
    private final double period;
    private final double mark;
    private final double phase;

    /**
     * @param pattern the pattern to paint
     * @param base    the cloth colour, used to pick a visible motif centre
     * @param accent  the colour of the stripes, checks or motifs
     * @param random  where the geometry is drawn from
     */
    Fabric(FabricPattern pattern, Color base, Color accent, Random random) {
        this.pattern = pattern;
        this.accent = accent;
        this.motifCentre = Tones.luminance(base) > 150 ? new Color(0xC9, 0x8A, 0x1E) : new Color(0xF6, 0xD8, 0x4A);
        this.period = switch (pattern) {
            case STRIPES -> 7 + random.nextDouble() * 7;
            case CHECKS -> 12 + random.nextDouble() * 9;
            case DOTS -> 8 + random.nextDouble() * 4;
            case FLORAL -> 16 + random.nextDouble() * 6;
            case SOLID -> 1;
        };
        this.mark = switch (pattern) {
            case STRIPES -> period * (0.22 + random.nextDouble() * 0.14);
            case CHECKS -> period * (0.30 + random.nextDouble() * 0.12);
            case DOTS -> 1.4 + random.nextDouble() * 1.0;
            case FLORAL -> 3.0 + random.nextDouble() * 1.2;
            case SOLID -> 0;
        };
        this.phase = random.nextDouble() * period;
    }

    /**
     * Paints the pattern over {@code shape}, which the caller has already filled with the base
     * colour. The pattern is aligned to the design box, not to the shape, so adjacent pieces
     * continue each other's pattern.
     */
    void paint(Graphics2D g, Shape shape, Grain grain) {
        if (pattern == FabricPattern.SOLID) {
            return;
        }
        Shape oldClip = g.getClip();
        g.clip(shape);
        Rectangle2D b = shape.getBounds2D();
        switch (pattern) {
            case STRIPES -> stripes(g, b, grain);
            case CHECKS -> checks(g, b);
            case DOTS -> dots(g, b);
            case FLORAL -> flowers(g, b);
            case SOLID -> throw new AssertionError("solid cloth has no pattern");
        }
        g.setClip(oldClip);
    }

    private void stripes(Graphics2D g, Rectangle2D b, Grain grain) {
        g.setColor(accent);
        for (double p = start(grain == Grain.VERTICAL ? b.getMinX() : b.getMinY()); p < end(grain, b); p += period) {
            g.fill(grain == Grain.VERTICAL
                    ? new Rectangle2D.Double(p, b.getMinY(), mark, b.getHeight())
                    : new Rectangle2D.Double(b.getMinX(), p, b.getWidth(), mark));
        }
    }

    private void checks(Graphics2D g, Rectangle2D b) {
        Color band = Tones.withAlpha(accent, 115);
        Color thread = Tones.withAlpha(Tones.darker(accent, 0.5), 90);
        for (double x = start(b.getMinX()); x < b.getMaxX(); x += period) {
            g.setColor(band);
            g.fill(new Rectangle2D.Double(x, b.getMinY(), mark, b.getHeight()));
            g.setColor(thread);
            g.fill(new Rectangle2D.Double(x + mark / 2 - 0.4, b.getMinY(), 0.8, b.getHeight()));
        }
        for (double y = start(b.getMinY()); y < b.getMaxY(); y += period) {
            g.setColor(band);
            g.fill(new Rectangle2D.Double(b.getMinX(), y, b.getWidth(), mark));
            g.setColor(thread);
            g.fill(new Rectangle2D.Double(b.getMinX(), y + mark / 2 - 0.4, b.getWidth(), 0.8));
        }
    }

    private void dots(Graphics2D g, Rectangle2D b) {
        g.setColor(accent);
        int row = 0;
        for (double y = start(b.getMinY()); y < b.getMaxY() + period; y += period * 0.87, row++) {
            double shift = (row % 2) * period / 2;
            for (double x = start(b.getMinX()) - shift; x < b.getMaxX() + period; x += period) {
                g.fill(new Ellipse2D.Double(x - mark, y - mark, 2 * mark, 2 * mark));
            }
        }
    }

    private void flowers(Graphics2D g, Rectangle2D b) {
        int row = 0;
        for (double y = start(b.getMinY()); y < b.getMaxY() + period; y += period * 0.8, row++) {
            double shift = (row % 2) * period / 2;
            for (double x = start(b.getMinX()) - shift; x < b.getMaxX() + period; x += period) {
                flower(g, x, y, (row * 37 + x) * 0.11);
            }
        }
    }

    /** Five petals round a centre; the turn varies per flower so the print does not look stamped. */
    private void flower(Graphics2D g, double cx, double cy, double turn) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(turn);
        g.setColor(accent);
        for (int i = 0; i < 5; i++) {
            g.fill(new Ellipse2D.Double(-mark * 0.45, -mark * 1.25, mark * 0.9, mark * 1.1));
            g.rotate(2 * Math.PI / 5);
        }
        g.setColor(motifCentre);
        g.fill(new Ellipse2D.Double(-mark * 0.32, -mark * 0.32, mark * 0.64, mark * 0.64));
        g.setTransform(saved);
    }

    /** The first pattern line at or before {@code min}, so patterns line up across pieces. */
    private double start(double min) {
        return Math.floor((min - phase) / period) * period + phase;
    }

    private static double end(Grain grain, Rectangle2D b) {
        return grain == Grain.VERTICAL ? b.getMaxX() : b.getMaxY();
    }
}
