package dev.autohair.quality;

import dev.autohair.common.image.Matte;
import dev.autohair.pipeline.image.Resampler;

/**
 * Stands in for a segmentation network: the true alpha reduced so its longer side is
 * {@link #DEFAULT_LONG_SIDE} px (area averaging) and scaled back up bilinearly. The result is soft
 * and has lost every detail finer than the network's resolution, as a real mask has.
 */
public final class RoughMask {

    /** About the input size of common portrait/salient-object segmenters. */
    public static final int DEFAULT_LONG_SIDE = 320;

    private RoughMask() {
    }

    public static Matte of(Matte truth) {
        return of(truth, DEFAULT_LONG_SIDE);
    }

    public static Matte of(Matte truth, int longSide) {
        if (longSide < 8) {
            throw new IllegalArgumentException("rough mask resolution must be at least 8 px, got " + longSide);
        }
        int w = truth.width();
        int h = truth.height();
        double scale = longSide / (double) Math.max(w, h);
        int smallW = Math.max(1, (int) Math.round(w * scale));
        int smallH = Math.max(1, (int) Math.round(h * scale));
        float[] small = Resampler.resize(truth.alpha(), w, h, 1, smallW, smallH);
        float[] back = Resampler.resize(small, smallW, smallH, 1, w, h);
        for (int i = 0; i < back.length; i++) {
            back[i] = Math.min(1f, Math.max(0f, back[i]));
        }
        return new Matte(w, h, back);
    }
}
