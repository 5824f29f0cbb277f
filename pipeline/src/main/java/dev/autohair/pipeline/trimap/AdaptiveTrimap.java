package dev.autohair.pipeline.trimap;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import java.util.Objects;

/**
 * The default trimap: it reads the mask it is given before deciding the band.
 *
 * <ul>
 *   <li>Where the mask is unsure (between {@code low} and {@code high}) is unknown, however wide
 *       that is: a soft mask's blur already marks where the network did not know (hair).</li>
 *   <li>Beyond that, the band reaches a few mask transition widths further on each side
 *       ({@link MaskSoftness}): a mask scaled up from a low working resolution is blurry over
 *       several pixels everywhere, and detail it lost (strands) lies within a pixel or two of its
 *       working resolution from where it gives up; a fixed fraction of the diagonal is far too
 *       wide for a sharp mask of a large photo and too narrow for a blurry one.</li>
 *   <li>A hard mask (transition under {@link Rule#hardBelow} px) says nothing about where it
 *       might be wrong, so it gets the image-scaled binary band ({@link ScaledBand#DEFAULT}); so
 *       does a mask that is nowhere sure of the subject or of the background.</li>
 * </ul>
 */
public final class AdaptiveTrimap implements TrimapGenerator {

    /**
     * @param low               mask values at or below it are sure background (before the margin)
     * @param high              mask values at or above it are sure foreground (before the margin)
     * @param outsideWidths     margin outside the unsure zone, in transition widths
     * @param insideWidths      margin inside the unsure zone, in transition widths
     * @param outsideFraction   plus this fraction of the image diagonal outside
     * @param insideFraction    plus this fraction of the image diagonal inside
     * @param hardBelow         masks whose transition is narrower than this many px count as hard
     */
    public record Rule(float low, float high, double outsideWidths, double insideWidths, double outsideFraction,
            double insideFraction, double hardBelow) {

        /**
         * Sure below 0.05 / above 0.95 (the mask prior's thresholds); margins of 0.35 transition
         * widths each side (≈ 3.5 px for a 320 px mask at 1280 px, 7 px at 2560 px); hard below
         * 2.25 px, since an anti-aliased hard edge (one fractional pixel) reads at most 2 px. Tuned
         * on the quality composites, seeds 1–3 (docs/QUALITY.md): 0.5–1 widths, or a low threshold
         * of 0.1–0.2, were better on some kinds and clearly worse on others (0.1 helped hair,
         * ruined curls).
         */
        public static final Rule DEFAULT = new Rule(0.05f, 0.95f, 0.35, 0.35, 0.0, 0.0, 2.25);

        public Rule {
            if (!(low >= 0 && low < high && high <= 1)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 <= low < high <= 1, got low=" + low
                        + " high=" + high);
            }
            if (!(outsideWidths >= 0 && insideWidths >= 0 && outsideFraction >= 0 && insideFraction >= 0
                    && outsideFraction < 0.5 && insideFraction < 0.5)) {
                throw new IllegalArgumentException("margins must be >= 0 (fractions below 0.5)");
            }
        }

        /** The band for a soft mask of this transition width on a width x height image. */
        public TrimapBand bandFor(MaskSoftness softness, int width, int height) {
            double diagonal = Math.hypot(width, height);
            double t = softness.transitionWidth();
            int outside = Math.max(1, (int) Math.round(outsideWidths * t + outsideFraction * diagonal));
            int inside = Math.max(0, (int) Math.round(insideWidths * t + insideFraction * diagonal));
            return new TrimapBand(outside, inside);
        }
    }

    private final Rule rule;
    private final AutomaticTrimap hardMaskTrimap = new AutomaticTrimap(TrimapSettings.scaledToImage());

    public AdaptiveTrimap(Rule rule) {
        this.rule = Objects.requireNonNull(rule, "adaptive trimap rule");
    }

    public AdaptiveTrimap() {
        this(Rule.DEFAULT);
    }

    public Rule rule() {
        return rule;
    }

    /** What {@link #generate} will do with this mask. */
    public TrimapSettings settingsFor(Matte mask) {
        MaskSoftness softness = MaskSoftness.measure(mask);
        if (softness.transitionWidth() < rule.hardBelow() || !reachesBothThresholds(mask)) {
            return hardMaskTrimap.settings();
        }
        return TrimapSettings.confidence(rule.bandFor(softness, mask.width(), mask.height()), rule.low(),
                rule.high());
    }

    /**
     * A mask that never gets sure of the subject (some models top out at 0.8–0.9) or of the
     * background would leave the confidence band nothing to anchor; binarising at 0.5 still works.
     */
    private boolean reachesBothThresholds(Matte mask) {
        boolean sureSubject = false;
        boolean sureBackground = false;
        for (float m : mask.alpha()) {
            sureSubject |= m >= rule.high();
            sureBackground |= m <= rule.low();
        }
        return sureSubject && sureBackground;
    }

    @Override
    public Trimap generate(Matte mask) {
        return new AutomaticTrimap(settingsFor(mask)).generate(mask);
    }
}
