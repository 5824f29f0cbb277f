package dev.autohair.quality;

import java.util.Random;

/**
 * Ringlets: each strand is a looping trochoid (a coil seen from the side) leaving the head
 * outwards and downwards, so the matte has holes and loops at several scales.
 */
final class CurlScene implements Scene {

    @Override
    public void paint(LayerCanvas canvas, Random random) {
        int w = canvas.width();
        int h = canvas.height();
        double m = Math.min(w, h);
        double px = m / 512;
        HeadAndShoulders head = HeadAndShoulders.paint(canvas, random);
        float[] colour = Palette.hair(random);

        int curls = (int) (170 * px);
        for (int i = 0; i < curls; i++) {
            double theta = -Math.PI * (-0.1 + 1.2 * random.nextDouble());
            double[] root = head.pointAt(theta, 0.8 + 0.2 * random.nextDouble());
            double[] n = head.normalAt(theta);
            double[] axis = normalise(n[0], n[1] + 0.8);
            double[] across = {-axis[1], axis[0]};
            double length = m * (0.08 + 0.22 * random.nextDouble());
            double coil = m * (0.012 + 0.02 * random.nextDouble());
            double turns = length / (coil * (2.2 + 1.5 * random.nextDouble()));
            double phase = 2 * Math.PI * random.nextDouble();
            int points = (int) Math.ceil(length + 2 * Math.PI * turns * coil) + 2;
            double[] xs = new double[points];
            double[] ys = new double[points];
            for (int k = 0; k < points; k++) {
                double t = k / (points - 1.0);
                double a = 2 * Math.PI * turns * t + phase;
                // Along the axis: steady advance plus the coil's cosine; loops form where the coil
                // runs backwards faster than the axis advances.
                double along = t * length + coil * (Math.cos(a) - Math.cos(phase));
                double side = coil * (Math.sin(a) - Math.sin(phase));
                xs[k] = root[0] + along * axis[0] + side * across[0];
                ys[k] = root[1] + along * axis[1] + side * across[1];
            }
            double rootRadius = px * (0.3 + 0.45 * random.nextDouble());
            canvas.paint(Stroke.polyline(xs, ys, rootRadius, 0.35 * rootRadius).rasterize(w, h),
                    Palette.vary(colour, random, 0.2));
        }
    }

    private static double[] normalise(double x, double y) {
        double n = Math.hypot(x, y);
        return new double[] {x / n, y / n};
    }
}
