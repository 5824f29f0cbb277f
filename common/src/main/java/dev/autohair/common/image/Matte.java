package dev.autohair.common.image;

/**
 * Per-pixel opacity in [0, 1], row-major: an alpha matte, or the soft mask a segmentation model
 * returns (a mask is a rough matte).
 */
public record Matte(int width, int height, float[] alpha) {

    public Matte {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("matte size must be positive, got " + width + "x" + height);
        }
        if (alpha.length != width * height) {
            throw new IllegalArgumentException(
                    "expected " + width * height + " values for " + width + "x" + height + ", got " + alpha.length);
        }
    }

    public static Matte blank(int width, int height) {
        return new Matte(width, height, new float[width * height]);
    }

    public int pixelCount() {
        return width * height;
    }

    public float get(int x, int y) {
        return alpha[y * width + x];
    }

    public void set(int x, int y, float value) {
        alpha[y * width + x] = value;
    }

    public boolean sameSizeAs(RgbImage image) {
        return width == image.width() && height == image.height();
    }
}
