package dev.autohair.pipeline.trimap;

/**
 * Band widths in pixels.
 *
 * @param size    how far the unknown band reaches outside the mask: the mask is dilated with a
 *                (2·size+1)² square
 * @param erosion how far the sure foreground is pulled back inside the mask: the mask is eroded
 *                {@code erosion} times with a 3×3 square, i.e. once with a (2·erosion+1)² square
 */
public record TrimapBand(int size, int erosion) implements BandSizing {

    public TrimapBand {
        if (size < 1) {
            throw new IllegalArgumentException(
                    "trimap band size must be at least 1 pixel, got " + size + ": a band of 0 leaves nothing to matte");
        }
        if (erosion < 0) {
            throw new IllegalArgumentException("trimap erosion must be 0 or more pixels, got " + erosion);
        }
    }

    /** A fixed band ignores the image size. */
    @Override
    public TrimapBand bandFor(int width, int height) {
        return this;
    }
}
