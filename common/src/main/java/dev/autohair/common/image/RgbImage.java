package dev.autohair.common.image;

/**
 * An sRGB colour image with interleaved R, G, B samples in [0, 1], row-major.
 *
 * <p>Floats rather than bytes because every stage after decoding (matting, colour estimation,
 * compositing) works in continuous values; conversion happens once at the edges.
 */
public record RgbImage(int width, int height, float[] rgb) {

    public RgbImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (rgb.length != 3L * width * height) {
            throw new IllegalArgumentException(
                    "expected " + 3L * width * height + " samples for " + width + "x" + height + ", got " + rgb.length);
        }
    }

    public static RgbImage blank(int width, int height) {
        return new RgbImage(width, height, new float[3 * width * height]);
    }

    public int pixelCount() {
        return width * height;
    }

    /** Sample {@code channel} (0 = R, 1 = G, 2 = B) of the pixel at column x, row y. */
    public float get(int x, int y, int channel) {
        return rgb[3 * (y * width + x) + channel];
    }

    public void set(int x, int y, int channel, float value) {
        rgb[3 * (y * width + x) + channel] = value;
    }
}
