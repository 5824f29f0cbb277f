package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;

/**
 * Stacks opaque-coloured layers with fractional coverage using the "over" operator, keeping
 * premultiplied colour, so the final alpha and foreground colour are exactly what a camera
 * would see through overlapping strands: alpha = 1 − Π(1 − coverage).
 */
final class LayerCanvas {

    private final int width;
    private final int height;
    private final float[] alpha;
    private final float[] premultiplied;

    LayerCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.alpha = new float[width * height];
        this.premultiplied = new float[3 * width * height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Paints a layer on top of everything painted so far. */
    void paint(Coverage coverage, Paint paint) {
        float[] rgb = new float[3];
        int[] pixels = coverage.pixels();
        float[] amounts = coverage.amounts();
        for (int k = 0; k < pixels.length; k++) {
            int i = pixels[k];
            float c = amounts[k];
            paint.colourAt(i % width, i / width, rgb);
            for (int ch = 0; ch < 3; ch++) {
                premultiplied[3 * i + ch] = c * rgb[ch] + (1 - c) * premultiplied[3 * i + ch];
            }
            alpha[i] = c + (1 - c) * alpha[i];
        }
    }

    Matte alpha() {
        return new Matte(width, height, alpha.clone());
    }

    /** Un-premultiplied colour, clamped to [0, 1] against rounding; 0 where nothing was painted. */
    RgbImage foreground() {
        float[] rgb = new float[premultiplied.length];
        for (int i = 0; i < alpha.length; i++) {
            if (alpha[i] > 0) {
                for (int ch = 0; ch < 3; ch++) {
                    rgb[3 * i + ch] = Math.min(1f, Math.max(0f, premultiplied[3 * i + ch] / alpha[i]));
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }
}
