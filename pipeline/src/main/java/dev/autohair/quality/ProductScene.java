package dev.autohair.quality;

import java.util.Random;

/** A bottle: solid, with a hard but anti-aliased outline — the case where matting must not blur. */
final class ProductScene implements Scene {

    @Override
    public void paint(LayerCanvas canvas, Random random) {
        int w = canvas.width();
        int h = canvas.height();
        double m = Math.min(w, h);
        double cx = w / 2.0 + (random.nextDouble() - 0.5) * 0.1 * w;
        double bodyHalfWidth = m * (0.14 + 0.04 * random.nextDouble());
        float[] glass = {0.15f + 0.3f * random.nextFloat(), 0.35f + 0.3f * random.nextFloat(), 0.2f};

        Shape body = Shape.roundedRectangle(cx, 0.64 * h, bodyHalfWidth, 0.28 * h, 0.05 * m)
                .union(Shape.ellipse(cx, 0.38 * h, bodyHalfWidth, 0.09 * h));
        Shape neck = Shape.roundedRectangle(cx, 0.24 * h, 0.045 * m, 0.10 * h, 0.015 * m);
        Shape cap = Shape.roundedRectangle(cx, 0.13 * h, 0.053 * m, 0.035 * h, 0.01 * m);
        canvas.paint(body.union(neck).rasterize(w, h), Palette.shaded(glass, cx, bodyHalfWidth));
        canvas.paint(cap.rasterize(w, h), Palette.shaded(Palette.clothing(random), cx, 0.053 * m));
    }
}
