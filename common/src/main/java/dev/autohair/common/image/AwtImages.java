package dev.autohair.common.image;

import java.awt.image.BufferedImage;

/** Conversions from {@code java.awt} images, for tools and tests that read files with ImageIO. */
public final class AwtImages {

    private AwtImages() {
    }

    /** The image's sRGB colours as floats in [0, 1] (alpha, if any, dropped). */
    public static RgbImage rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] rgb = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                int i = 3 * (y * w + x);
                rgb[i] = ((p >> 16) & 0xFF) / 255f;
                rgb[i + 1] = ((p >> 8) & 0xFF) / 255f;
                rgb[i + 2] = (p & 0xFF) / 255f;
            }
        }
        return new RgbImage(w, h, rgb);
    }
}
