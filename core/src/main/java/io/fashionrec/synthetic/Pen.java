package io.fashionrec.synthetic;

import java.awt.geom.Path2D;

/**
 * A fluent way to write a path: {@code Pen.at(10, 10).line(20, 10).quad(25, 15, 20, 20).close()}.
 * Coordinates are in the 200x200 design box of a {@link Sketch}. Not thread-safe; one pen per
 * path.
 */
final class Pen {

    private final Path2D.Double path = new Path2D.Double();

    private Pen(double x, double y) {
        path.moveTo(x, y);
    }

    /** Starts a path at (x, y). */
    static Pen at(double x, double y) {
        return new Pen(x, y);
    }

    Pen line(double x, double y) {
        path.lineTo(x, y);
        return this;
    }

    Pen quad(double cx, double cy, double x, double y) {
        path.quadTo(cx, cy, x, y);
        return this;
    }

    Pen curve(double c1x, double c1y, double c2x, double c2y, double x, double y) {
        path.curveTo(c1x, c1y, c2x, c2y, x, y);
        return this;
    }

    /** The path as a closed outline, for filling. */
    Path2D close() {
        path.closePath();
        return path;
    }

    /** The path as an open line, for stroking (seams, straps, laces). */
    Path2D open() {
        return path;
    }
}
