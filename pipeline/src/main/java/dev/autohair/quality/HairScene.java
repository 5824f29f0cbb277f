package dev.autohair.quality;

import java.util.Random;

/**
 * Long hair: a dense mass of curved tapering strands falling from the crown past the shoulders,
 * plus sparse thin flyaways standing off the head — where segmentation loses detail.
 */
final class HairScene implements Scene {

    @Override
    public void paint(LayerCanvas canvas, Random random) {
        int w = canvas.width();
        int h = canvas.height();
        double m = Math.min(w, h);
        double px = m / 512; // strand widths and counts are set for a 512 px short side
        HeadAndShoulders head = HeadAndShoulders.paint(canvas, random);
        float[] colour = Palette.hair(random);

        int strands = (int) (900 * px);
        for (int i = 0; i < strands; i++) {
            double theta = -Math.PI * (0.04 + 0.92 * random.nextDouble());
            // Rooted on the scalp, lying over the skull, then falling past the face and shoulders.
            double[] root = head.pointAt(theta, 0.3 + 0.65 * random.nextDouble());
            double[] over = head.pointAt(theta, 1.08 + 0.08 * random.nextDouble());
            double length = m * (0.2 + 0.3 * random.nextDouble());
            double side = Math.signum(Math.cos(theta)) * (0.35 + 0.15 * random.nextGaussian());
            double[] cx = {root[0], over[0], over[0] + length * 0.45 * side, 0};
            double[] cy = {root[1], over[1], over[1] + length * 0.45 * (0.9 + 0.1 * random.nextGaussian()), 0};
            cx[3] = cx[2] + length * 0.5 * (0.3 * side + 0.15 * random.nextGaussian());
            cy[3] = cy[2] + length * 0.5;
            double rootRadius = px * (0.25 + 0.35 * random.nextDouble());
            canvas.paint(Stroke.bezier(cx, cy, rootRadius, 0.3 * rootRadius).rasterize(w, h),
                    Palette.vary(colour, random, 0.2));
        }

        int flyaways = (int) (70 * px);
        for (int i = 0; i < flyaways; i++) {
            double theta = -Math.PI * (0.05 + 0.9 * random.nextDouble());
            double[] root = head.pointAt(theta, 0.9 + 0.1 * random.nextDouble());
            double[] n = rotate(head.normalAt(theta), 0.6 * random.nextGaussian());
            double length = m * (0.04 + 0.12 * random.nextDouble());
            double bend = 0.3 * length * random.nextGaussian();
            double[] cx = {root[0], root[0] + n[0] * length / 3 - n[1] * bend,
                root[0] + n[0] * 2 * length / 3 - n[1] * bend, root[0] + n[0] * length};
            double[] cy = {root[1], root[1] + n[1] * length / 3 + n[0] * bend,
                root[1] + n[1] * 2 * length / 3 + n[0] * bend, root[1] + n[1] * length};
            double rootRadius = px * (0.12 + 0.2 * random.nextDouble());
            canvas.paint(Stroke.bezier(cx, cy, rootRadius, 0.4 * rootRadius).rasterize(w, h),
                    Palette.vary(colour, random, 0.25));
        }
    }

    static double[] rotate(double[] v, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[] {c * v[0] - s * v[1], s * v[0] + c * v[1]};
    }
}
