package dev.autohair.quality;

/**
 * Coverage is measured on an 8×8 grid of sample points per pixel (64 levels), which resolves
 * strands down to about a tenth of a pixel wide.
 */
final class Supersampling {

    static final int GRID = 8;
    static final int SAMPLES = GRID * GRID;

    private Supersampling() {
    }

    /** Offset of sub-sample {@code k} (0..GRID-1) inside its pixel, in pixels. */
    static double offset(int k) {
        return (k + 0.5) / GRID;
    }
}
