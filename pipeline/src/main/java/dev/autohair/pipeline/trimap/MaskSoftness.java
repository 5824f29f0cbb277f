package dev.autohair.pipeline.trimap;

import dev.autohair.common.image.Matte;

/**
 * How soft a mask's edge is, measured from the mask alone in one pass.
 *
 * <p>The transition width is how many pixels the mask takes to go from 0 to 1 across its
 * sharpest edges: 1 / (a high percentile of |∇m| over the mid-level pixels 0.25 ≤ m ≤ 0.75).
 * The sharpest edges, not the typical one, because hair makes wide soft areas that say where the
 * network was unsure, while the solid parts of the outline (a shoulder, a bottle) show the blur
 * the mask's own resolution put on every edge: a 320 px mask scaled to 2560 px ramps over about
 * 8–16 px even where the subject is solid; a hard or anti-aliased mask over 1–2 px.
 *
 * @param transitionWidth pixels from 0 to 1 across the sharpest edges (≥ 1); 0 when the mask has
 *                        no mid-level pixels at all (a perfectly binary mask)
 * @param edgePixels      how many mid-level pixels the estimate rests on
 */
public record MaskSoftness(double transitionWidth, long edgePixels) {

    /** Which percentile of the mid-level gradients stands for the sharpest edges. */
    static final double SHARP_PERCENTILE = 0.99;
    private static final int BINS = 4096; // |∇m| ≤ 1 with central differences: 1/4096 steps

    public static MaskSoftness measure(Matte mask) {
        int w = mask.width();
        int h = mask.height();
        float[] m = mask.alpha();
        long[] histogram = new long[BINS + 1];
        long count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = m[y * w + x];
                if (v < 0.25f || v > 0.75f) {
                    continue;
                }
                float gx = 0.5f * (m[y * w + Math.min(w - 1, x + 1)] - m[y * w + Math.max(0, x - 1)]);
                float gy = 0.5f * (m[Math.min(h - 1, y + 1) * w + x] - m[Math.max(0, y - 1) * w + x]);
                double g = Math.min(1.0, Math.hypot(gx, gy));
                histogram[(int) Math.round(g * BINS)]++;
                count++;
            }
        }
        if (count == 0) {
            return new MaskSoftness(0, 0);
        }
        long rank = (long) Math.ceil(SHARP_PERCENTILE * count);
        long seen = 0;
        int bin = 0;
        while (bin < BINS && seen + histogram[bin] < rank) {
            seen += histogram[bin];
            bin++;
        }
        double gradient = Math.max(1.0 / BINS, bin / (double) BINS);
        return new MaskSoftness(Math.max(1.0, 1.0 / gradient), count);
    }
}
