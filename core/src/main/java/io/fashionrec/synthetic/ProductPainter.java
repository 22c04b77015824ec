package io.fashionrec.synthetic;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws one product photo: the article's artist draws it in the design box, placed with a little
 * random size, position and rotation (and, for shoes and caps, facing either way), then it is put
 * on a white background with a soft shadow. The image depends only on the plan and the size.
 * Thread-safe: each call uses its own image and graphics.
 */
final class ProductPainter {

    private ProductPainter() {
    }

    /**
     * @param plan   the product to draw
     * @param width  image width in pixels, at least 1
     * @param height image height in pixels, at least 1
     * @return an opaque RGB image
     */
    static BufferedImage paint(ProductPlan plan, int width, int height) {
        Random random = new Random(plan.drawingSeed());
        double unit = Math.min(width, height) / Sketch.SIZE;
        BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = layer.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            double scale = unit * (0.82 + 0.12 * random.nextDouble());
            double dx = (random.nextDouble() - 0.5) * 12 * unit;
            double dy = (random.nextDouble() - 0.5) * 12 * unit;
            double angle = Math.toRadians((random.nextDouble() - 0.5) * 7);
            boolean flip = plan.type().flippable() && random.nextBoolean();
            g.translate(width / 2.0 + dx, height / 2.0 + dy);
            g.rotate(angle);
            g.scale(flip ? -scale : scale, scale);
            g.translate(-Sketch.SIZE / 2, -Sketch.SIZE / 2);
            plan.type().artist().draw(new Sketch(g, plan, random));
        } finally {
            g.dispose();
        }
        return Backdrop.compose(layer, unit);
    }
}
