package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;

/**
 * How a segmentation mask m steers alpha inside the unknown band: the matting energy gets the
 * term {@code strength · Σ_sure (α_i − m_i)²}, summed over the unknown pixels where the mask is
 * sure: every mask value within {@code margin} px is at most {@code low} (sure background) or
 * every one is at least {@code high} (sure foreground).
 *
 * <p>Why: the colour-line model cannot tell textured background from the subject when both fit
 * it (fur over fur), and leaks alpha into the background; where the mask is sure, it settles
 * that. Elsewhere the prior is off, not merely weak: in smoothly shaded areas the Laplacian lets
 * alpha follow the shading at almost no cost, so even a tiny weight would decide there, and a
 * mask a few pixels off its true edge would then be copied. The margin keeps the prior that far
 * from any place the mask is unsure, which is where a misplaced edge would be confidently wrong.
 *
 * <p>The strength is relative to the matting Laplacian, whose diagonal is about 5 whatever the
 * image contrast (each of a pixel's 9 windows adds 1 − (1 + d'Σ⁻¹d)/9, and d'Σ⁻¹d averages 3
 * over a window; measured on the quality composites' bands: mean 5.1–5.7, 90 % between 3.8 and
 * 7.0), so one strength suits every image and every pyramid level.
 *
 * @param strength μ ≥ 0; 0 switches the prior off and leaves plain closed-form matting
 * @param marginFraction the margin as a fraction of the image diagonal, in [0, 0.5)
 * @param low mask values at or below it are sure background
 * @param high mask values at or above it are sure foreground; 0 ≤ low < high ≤ 1
 */
public record MaskPrior(double strength, double marginFraction, float low, float high) {

    private static final int SURE_FOREGROUND = 1;
    private static final int SURE_BACKGROUND = 2;

    /** No prior: plain closed-form matting. */
    public static final MaskPrior OFF = new MaskPrior(0, 0, 0.05f, 0.95f);

    public MaskPrior {
        if (!(strength >= 0) || Double.isInfinite(strength)) {
            throw new IllegalArgumentException("mask prior strength must be finite and >= 0, got " + strength);
        }
        if (!(marginFraction >= 0 && marginFraction < 0.5)) {
            throw new IllegalArgumentException("mask prior margin must be in [0, 0.5) of the diagonal, got "
                    + marginFraction);
        }
        if (!(low >= 0 && low < high && high <= 1)) {
            throw new IllegalArgumentException("mask prior thresholds must satisfy 0 <= low < high <= 1, got low="
                    + low + " high=" + high);
        }
    }

    /**
     * Strength 1, margin 0.5 % of the diagonal (4 px at 640×480, 25 px at 4000×3000), sure below
     * 0.05 / above 0.95 as the confidence trimap. μ = 1 is a fifth or so of the Laplacian's
     * diagonal: where the mask is sure it has a real say, yet strong colour evidence (a strand
     * the mask missed) can still pull alpha away from it; it is not a hard constraint.
     */
    public static MaskPrior defaults() {
        return new MaskPrior(1, 0.005, 0.05f, 0.95f);
    }

    public MaskPrior withStrength(double value) {
        return new MaskPrior(value, marginFraction, low, high);
    }

    public MaskPrior withMarginFraction(double value) {
        return new MaskPrior(strength, value, low, high);
    }

    public boolean isOff() {
        return strength == 0;
    }

    /** The margin in pixels for a width x height image. */
    public int marginFor(int width, int height) {
        return (int) Math.round(marginFraction * Math.hypot(width, height));
    }

    /**
     * Per-pixel weight of the prior for {@code mask}: μ where the mask is sure, else 0 (the target
     * is the mask itself, clamped to [0, 1]). For matting methods outside this package that add
     * the same term to their own systems.
     */
    public Matte weights(Matte mask) {
        return field(mask).weight();
    }

    /** Per-pixel target (the mask itself; clamped to [0, 1] where used) and weight: μ where sure, else 0. */
    PriorField field(Matte mask) {
        int w = mask.width();
        int h = mask.height();
        float[] m = mask.alpha();
        byte[] flags = new byte[w * h];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = (byte) ((m[i] >= high ? SURE_FOREGROUND : 0) | (m[i] <= low ? SURE_BACKGROUND : 0));
        }
        byte[] sure = AndFilter.square(flags, w, h, marginFor(w, h));
        float[] weight = new float[w * h];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = sure[i] != 0 ? (float) strength : 0f;
        }
        return new PriorField(mask, new Matte(w, h, weight));
    }
}
