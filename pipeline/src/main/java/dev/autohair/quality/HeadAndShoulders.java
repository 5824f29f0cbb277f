package dev.autohair.quality;

import java.util.Random;

/** The solid body that hair and curls grow from: head ellipse, neck and a torso cut by the frame. */
record HeadAndShoulders(double headX, double headY, double headRx, double headRy) {

    static HeadAndShoulders paint(LayerCanvas canvas, Random random) {
        int w = canvas.width();
        int h = canvas.height();
        double m = Math.min(w, h);
        HeadAndShoulders body = new HeadAndShoulders(w / 2.0 + (random.nextDouble() - 0.5) * 0.1 * w,
                0.42 * h, 0.16 * m, 0.20 * m);
        double torsoRy = 0.28 * h + 0.1 * m;
        Shape torso = Shape.ellipse(body.headX, h + 0.1 * m, 0.34 * w, torsoRy);
        Shape neck = Shape.roundedRectangle(body.headX, 0.42 * h + 0.2 * m + 0.05 * h, 0.06 * m, 0.08 * h, 0.02 * m);
        canvas.paint(torso.rasterize(w, h), Palette.shaded(Palette.clothing(random), body.headX, 0.34 * w));
        float[] skin = Palette.skin(random);
        canvas.paint(neck.rasterize(w, h), Palette.shaded(skin, body.headX, 0.06 * m));
        canvas.paint(Shape.ellipse(body.headX, body.headY, body.headRx, body.headRy).rasterize(w, h),
                Palette.shaded(skin, body.headX, body.headRx));
        return body;
    }

    /** A point on the head ellipse at angle theta (y down: −π/2 is the crown), scaled by {@code scale}. */
    double[] pointAt(double theta, double scale) {
        return new double[] {headX + scale * headRx * Math.cos(theta), headY + scale * headRy * Math.sin(theta)};
    }

    /** Unit outward normal of the head ellipse at angle theta. */
    double[] normalAt(double theta) {
        double nx = Math.cos(theta) / headRx;
        double ny = Math.sin(theta) / headRy;
        double norm = Math.hypot(nx, ny);
        return new double[] {nx / norm, ny / norm};
    }
}
