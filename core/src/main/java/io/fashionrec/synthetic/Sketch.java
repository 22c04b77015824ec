package io.fashionrec.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * What an {@link ArticleArtist} draws with: a graphics context whose user space is a 200x200
 * design box (the product centred in it, about 20..180 both ways), the product's colours and
 * cloth pattern, and the random source of its drawing. Shapes are filled as cloth (base colour,
 * pattern, soft shading, outline), as plain colour, or as metal. Not thread-safe; one per image.
 */
final class Sketch {

    /** The side of the design box, in design units. */
    static final double SIZE = 200;

    private static final float OUTLINE_WIDTH = 1.3f;

    private final Graphics2D g;
    private final ProductPlan plan;
    private final Random random;
    private final Color main;
    private final Color accent;
    private final Color hardware;
    private final Fabric fabric;

    Sketch(Graphics2D g, ProductPlan plan, Random random) {
        this.g = g;
        this.plan = plan;
        this.random = random;
        this.main = plan.colour().shade(random);
        this.accent = plan.secondary().shade(random);
        this.hardware = plan.colour().metallic() ? main
                : (random.nextBoolean() ? NamedColour.SILVER : NamedColour.GOLD).shade(random);
        this.fabric = new Fabric(plan.pattern(), main, accent, random);
    }

    ProductPlan plan() {
        return plan;
    }

    Random random() {
        return random;
    }

    /** This product's shade of its base colour. */
    Color main() {
        return main;
    }

    /** This product's shade of its secondary colour (trims, stripes, prints). */
    Color accent() {
        return accent;
    }

    /** True if the product's style word is {@code word}; artists draw some styles (hoods, sub-dials). */
    boolean styled(String word) {
        return plan.style().is(word);
    }

    /** A metal tone for hardware (buckles, clasps, rivets): the product's own if it is a metal, else silver or gold. */
    Color hardware() {
        return hardware;
    }

    /** Fills {@code shape} with the product's cloth: base colour, pattern, shading and outline. */
    void cloth(Shape shape, Grain grain) {
        if (plan.colour().metallic()) {
            metal(shape, main);
            return;
        }
        g.setColor(main);
        g.fill(shape);
        fabric.paint(g, shape, grain);
        shade(shape, 40);
        outline(shape, main);
    }

    /** Fills {@code shape} in plain {@code colour} with soft shading and an outline. */
    void plain(Shape shape, Color colour) {
        g.setColor(colour);
        g.fill(shape);
        shade(shape, 34);
        outline(shape, colour);
    }

    /** Fills {@code shape} with a flat colour, no shading or outline (holes, highlights, inner shadows). */
    void flat(Shape shape, Color colour) {
        g.setColor(colour);
        g.fill(shape);
    }

    /**
     * A soft elliptical highlight (or, with a dark colour, a shadow) centred at (cx, cy): full
     * {@code colour} at the centre fading to nothing at radii (rx, ry). Used for worn denim and
     * sheen on leather.
     */
    void glow(double cx, double cy, double rx, double ry, Color colour) {
        AffineTransform squash = new AffineTransform();
        squash.translate(cx, cy);
        squash.scale(1, ry / rx);
        squash.translate(-cx, -cy);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, cy), (float) rx, new Point2D.Double(cx, cy),
                new float[] {0f, 1f}, new Color[] {colour, Tones.withAlpha(colour, 0)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE, MultipleGradientPaint.ColorSpaceType.SRGB, squash));
        g.fill(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
    }

    /** Fills {@code shape} as polished metal of tone {@code tone}, with a diagonal sheen. */
    void metal(Shape shape, Color tone) {
        Rectangle2D b = shape.getBounds2D();
        g.setPaint(new LinearGradientPaint(
                new Point2D.Double(b.getMinX(), b.getMinY()),
                new Point2D.Double(b.getMaxX() + 0.01, b.getMaxY() + 0.01),
                new float[] {0f, 0.35f, 0.5f, 0.7f, 1f},
                new Color[] {Tones.darker(tone, 0.22), Tones.lighter(tone, 0.45), tone, Tones.darker(tone, 0.12),
                        Tones.darker(tone, 0.3)}));
        g.fill(shape);
        outline(shape, tone);
    }

    /** Strokes {@code path} in {@code colour}, {@code width} design units wide, with round ends. */
    void line(Shape path, Color colour, double width) {
        g.setColor(colour);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    /** A seam: a thin translucent dark line, visible on any cloth colour. */
    void seam(Shape path) {
        line(path, new Color(0, 0, 0, 70), 0.8);
    }

    /** Topstitching along {@code path}: short dashes of thread colour {@code colour}. */
    void stitches(Shape path, Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2.2f, 1.6f}, 0f));
        g.draw(path);
    }

    /** A small round button or rivet of {@code colour} at (x, y). */
    void button(double x, double y, double radius, Color colour) {
        Ellipse2D dot = new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
        plain(dot, colour);
    }

    /** Runs {@code drawing} with everything outside {@code clip} masked (ribs on a slanted cuff, texture). */
    void within(Shape clip, Runnable drawing) {
        Shape oldClip = g.getClip();
        g.clip(clip);
        drawing.run();
        g.setClip(oldClip);
    }

    /** {@code shape} mirrored about the vertical centre line of the design box. */
    static Shape mirror(Shape shape) {
        return new AffineTransform(-1, 0, 0, 1, SIZE, 0).createTransformedShape(shape);
    }

    /** {@code shape} shrunk by {@code factor} about its own centre (for inset stitching). */
    static Shape inset(Shape shape, double factor) {
        Rectangle2D b = shape.getBounds2D();
        AffineTransform t = new AffineTransform();
        t.translate(b.getCenterX(), b.getCenterY());
        t.scale(factor, factor);
        t.translate(-b.getCenterX(), -b.getCenterY());
        return t.createTransformedShape(shape);
    }

    /** Light from the upper left: lighter there, darker lower right, keeping the mean colour. */
    private void shade(Shape shape, int strength) {
        Rectangle2D b = shape.getBounds2D();
        Shape oldClip = g.getClip();
        g.clip(shape);
        g.setPaint(new GradientPaint(
                (float) b.getMinX(), (float) b.getMinY(), new Color(255, 255, 255, strength),
                (float) b.getMaxX(), (float) b.getMaxY(), new Color(0, 0, 0, strength)));
        g.fill(b);
        g.setClip(oldClip);
    }

    private void outline(Shape shape, Color fill) {
        g.setColor(Tones.outline(fill));
        g.setStroke(new BasicStroke(OUTLINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }
}
