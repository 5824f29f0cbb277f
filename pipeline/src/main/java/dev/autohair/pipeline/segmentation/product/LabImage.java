package dev.autohair.pipeline.segmentation.product;

import dev.autohair.common.image.RgbImage;

/**
 * CIE L*a*b* (D65) samples, interleaved, row-major: distances in it are close to perceived colour
 * differences (ΔE), so one threshold means the same on white, grey or coloured backgrounds.
 */
record LabImage(int width, int height, float[] lab) {

    static LabImage of(RgbImage image) {
        float[] rgb = image.rgb();
        float[] lab = new float[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            double r = linear(rgb[i]);
            double g = linear(rgb[i + 1]);
            double b = linear(rgb[i + 2]);
            double x = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047);
            double y = f(0.2126729 * r + 0.7151522 * g + 0.0721750 * b);
            double z = f((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883);
            lab[i] = (float) (116 * y - 16);
            lab[i + 1] = (float) (500 * (x - y));
            lab[i + 2] = (float) (200 * (y - z));
        }
        return new LabImage(image.width(), image.height(), lab);
    }

    private static double linear(float srgb) {
        double c = Math.max(0, Math.min(1, srgb));
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
