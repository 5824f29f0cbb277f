package dev.autohair.quality;

import java.util.Random;

/** An animal-like body and head whose outline is covered in thousands of short tapering hairs. */
final class FurScene implements Scene {

    /** Fur hairs per pixel of outline at a 512 px short side. */
    private static final double DENSITY = 6;

    @Override
    public void paint(LayerCanvas canvas, Random random) {
        int w = canvas.width();
        int h = canvas.height();
        double m = Math.min(w, h);
        double px = m / 512;
        float[] colour = Palette.fur(random);
        float[] undercoat = {colour[0] * 0.8f, colour[1] * 0.8f, colour[2] * 0.8f};

        double[][] ellipses = {
            {0.45 * w, 0.58 * h, 0.30 * w, 0.24 * h},
            {0.45 * w + 0.3 * w, 0.40 * h, 0.13 * m, 0.12 * m},
        };
        for (double[] e : ellipses) {
            canvas.paint(Shape.ellipse(e[0], e[1], e[2], e[3]).rasterize(w, h),
                    Palette.shaded(undercoat, e[0], e[2]));
        }
        for (double[] e : ellipses) {
            double perimeter = Math.PI * (3 * (e[2] + e[3]) - Math.sqrt((3 * e[2] + e[3]) * (e[2] + 3 * e[3])));
            int hairs = (int) (perimeter * DENSITY);
            for (int i = 0; i < hairs; i++) {
                paintHair(canvas, random, e, colour, px);
            }
        }
    }

    private static void paintHair(LayerCanvas canvas, Random random, double[] e, float[] colour, double px) {
        double theta = 2 * Math.PI * random.nextDouble();
        double inset = 4 * px * random.nextDouble();
        double nx = Math.cos(theta) / e[2];
        double ny = Math.sin(theta) / e[3];
        double norm = Math.hypot(nx, ny);
        double[] dir = HairScene.rotate(new double[] {nx / norm, ny / norm}, 0.35 * random.nextGaussian());
        double rx = e[0] + e[2] * Math.cos(theta) - inset * nx / norm;
        double ry = e[1] + e[3] * Math.sin(theta) - inset * ny / norm;
        double length = px * (6 + 16 * random.nextDouble());
        double bend = 0.25 * length * random.nextGaussian();
        double[] cx = {rx, rx + dir[0] * length / 3 - dir[1] * bend / 2,
            rx + dir[0] * 2 * length / 3 - dir[1] * bend, rx + dir[0] * length - dir[1] * 1.5 * bend};
        double[] cy = {ry, ry + dir[1] * length / 3 + dir[0] * bend / 2,
            ry + dir[1] * 2 * length / 3 + dir[0] * bend, ry + dir[1] * length + dir[0] * 1.5 * bend};
        double rootRadius = px * (0.2 + 0.4 * random.nextDouble());
        canvas.paint(Stroke.bezier(cx, cy, rootRadius, 0.25 * rootRadius).rasterize(canvas.width(), canvas.height()),
                Palette.vary(colour, random, 0.25));
    }
}
