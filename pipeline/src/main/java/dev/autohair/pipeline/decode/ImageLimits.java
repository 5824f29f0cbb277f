package dev.autohair.pipeline.decode;

/**
 * Caps checked before any pixel is decoded, so a tiny file that claims a huge canvas
 * (a decompression bomb) is refused without allocating it.
 */
public record ImageLimits(long maxBytes, long maxPixels) {

    /** 50 MiB and 50 megapixels: above any product photo, below what a worker's heap can hold many of. */
    public static final ImageLimits DEFAULT = new ImageLimits(50L << 20, 50_000_000L);

    public ImageLimits {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
    }
}
