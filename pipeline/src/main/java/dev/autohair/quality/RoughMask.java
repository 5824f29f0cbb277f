package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.pipeline.image.Resampler;

/**
 * Stands in for a segmentation network: the true alpha reduced so its longer side is the
 * network's working resolution ({@link #DEFAULT_LONG_SIDE} px unless told; area averaging),
 * optionally smoothed there, and scaled back up bilinearly. The result is soft and has lost every
 * detail finer than the network's resolution, as a real mask has.
 */
public final class RoughMask {

    /** About the input size of common portrait/salient-object segmenters. */
    public static final int DEFAULT_LONG_SIDE = 320;

    /**
     * σ, in working pixels, of the smoothing {@link #network} applies: a network's output is
     * smoother than the area-averaged truth at its own resolution (its decoder upsamples coarser
     * features), so even a solid edge is soft over a couple of its pixels.
     */
    public static final double NETWORK_BLUR_SIGMA = 1.0;

    private RoughMask() {
    }

    public static Matte of(Matte truth) {
        return of(truth, DEFAULT_LONG_SIDE);
    }

    /** Area-averaged to {@code longSide} and back, no smoothing (the idealised mask of the first reports). */
    public static Matte of(Matte truth, int longSide) {
        return of(truth, longSide, 0);
    }

    /** As a network working at {@code longSide} px returns it: {@link #NETWORK_BLUR_SIGMA} smoothing there. */
    public static Matte network(Matte truth, int longSide) {
        return of(truth, longSide, NETWORK_BLUR_SIGMA);
    }

    /**
     * @param longSide   the working resolution's longer side; larger than the image means the
     *                   network upsampled it, so the mask comes back nearly exact
     * @param blurSigma  Gaussian smoothing at the working resolution, in its pixels; 0 for none
     */
    public static Matte of(Matte truth, int longSide, double blurSigma) {
        if (longSide < 8) {
            throw new IllegalArgumentException("rough mask resolution must be at least 8 px, got " + longSide);
        }
        if (!(blurSigma >= 0 && blurSigma <= 16)) {
            throw new IllegalArgumentException("rough mask blur must be 0-16 working pixels, got " + blurSigma);
        }
        int w = truth.width();
        int h = truth.height();
        double scale = longSide / (double) Math.max(w, h);
        int smallW = Math.max(1, (int) Math.round(w * scale));
        int smallH = Math.max(1, (int) Math.round(h * scale));
        float[] small = Resampler.resize(truth.alpha(), w, h, 1, smallW, smallH);
        if (blurSigma > 0) {
            small = gaussian(small, smallW, smallH, blurSigma);
        }
        float[] back = Resampler.resize(small, smallW, smallH, 1, w, h);
        for (int i = 0; i < back.length; i++) {
            back[i] = Math.min(1f, Math.max(0f, back[i]));
        }
        return new Matte(w, h, back);
    }

    /** Separable Gaussian, borders replicated. */
    private static float[] gaussian(float[] src, int w, int h, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            sum += Math.exp(-k * k / (2 * sigma * sigma));
        }
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) (Math.exp(-k * k / (2 * sigma * sigma)) / sum);
        }
        float[] rows = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * src[y * w + Math.max(0, Math.min(w - 1, x + k))];
                }
                rows[y * w + x] = acc;
            }
        }
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * rows[Math.max(0, Math.min(h - 1, y + k)) * w + x];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }
}
