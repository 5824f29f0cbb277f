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

    /**
     * Two passes of a (2r+1)-wide box blur per axis (close to a Gaussian of σ ≈ 0.8·(r + 0.5)):
     * pixel noise fades, texture and edges stay, so "busy" means structure, not sensor grain.
     */
    LabImage smoothed(int radius) {
        float[] out = lab;
        for (int pass = 0; pass < 2; pass++) {
            out = box(out, width, height, radius, true);
            out = box(out, width, height, radius, false);
        }
        return new LabImage(width, height, out);
    }

    private static float[] box(float[] src, int w, int h, int r, boolean horizontal) {
        float[] out = new float[src.length];
        int lines = horizontal ? h : w;
        int length = horizontal ? w : h;
        for (int line = 0; line < lines; line++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < length; k++) {
                    double sum = 0;
                    int from = Math.max(0, k - r);
                    int to = Math.min(length - 1, k + r);
                    for (int j = from; j <= to; j++) {
                        int p = horizontal ? line * w + j : j * w + line;
                        sum += src[3 * p + c];
                    }
                    int p = horizontal ? line * w + k : k * w + line;
                    out[3 * p + c] = (float) (sum / (to - from + 1));
                }
            }
        }
        return out;
    }

    private static double linear(float srgb) {
        double c = Math.max(0, Math.min(1, srgb));
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
