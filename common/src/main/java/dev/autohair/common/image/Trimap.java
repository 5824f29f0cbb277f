package dev.autohair.common.image;

/**
 * Foreground / unknown / background labels, one unsigned byte per pixel, row-major, with the
 * conventional values 255 / 128 / 0. Matting solves only the unknown pixels.
 */
public record Trimap(int width, int height, byte[] labels) {

    public static final int BACKGROUND = 0;
    public static final int UNKNOWN = 128;
    public static final int FOREGROUND = 255;

    public Trimap {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("trimap size must be positive, got " + width + "x" + height);
        }
        if (labels.length != width * height) {
            throw new IllegalArgumentException(
                    "expected " + width * height + " labels for " + width + "x" + height + ", got " + labels.length);
        }
    }

    /** The label of pixel i as 0..255. */
    public int label(int i) {
        return labels[i] & 0xFF;
    }

    public boolean isForeground(int i) {
        return label(i) == FOREGROUND;
    }

    public boolean isBackground(int i) {
        return label(i) == BACKGROUND;
    }

    /** Anything neither fully foreground nor fully background is unknown (hand-made trimaps use several greys). */
    public boolean isUnknown(int i) {
        int label = label(i);
        return label != FOREGROUND && label != BACKGROUND;
    }

    public int unknownCount() {
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (isUnknown(i)) {
                count++;
            }
        }
        return count;
    }

    public boolean sameSizeAs(RgbImage image) {
        return width == image.width() && height == image.height();
    }
}
