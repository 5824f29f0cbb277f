package dev.autohair.pipeline.segmentation;

/**
 * How much one forward pass may take: at most {@code maxImages} images and at most
 * {@code maxPixels} model-input pixels (width × height summed over the batch), so large inputs
 * cannot exhaust device memory. A single image over the pixel budget still runs, alone.
 */
public record BatchLimits(int maxImages, long maxPixels) {

    public static final BatchLimits DEFAULT = new BatchLimits(16, 16L * 1024 * 1024);

    public BatchLimits {
        if (maxImages < 1) {
            throw new InvalidModelSpecException("batch.maxImages must be at least 1, got " + maxImages);
        }
        if (maxPixels < 1) {
            throw new InvalidModelSpecException("batch.maxPixels must be at least 1, got " + maxPixels);
        }
    }
}
