package dev.autohair.pipeline.trimap;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import java.util.Objects;

/**
 * A trimap fitted to the mask it is given: it reads the mask before deciding the band.
 *
 * <ul>
 *   <li>Where the mask is unsure (between {@code low} and {@code high}) is unknown, however wide
 *       that is: a soft mask's blur already marks where the network did not know (hair).</li>
 *   <li>Beyond that, the band reaches a margin further on each side that covers where the mask
 *       may be misplaced, not its blur: about half a working pixel of the network that made it,
 *       read off the mask's transition width ({@link MaskSoftness}), and never less than an
 *       anti-aliased edge is wide. A fixed fraction of the diagonal is far too wide for a sharp
 *       mask of a large photo and too narrow for a blurry one.</li>
 *   <li>Where the mask is unsure but flat (it varies by less than {@link Rule#plateauRange} over
 *       {@link Rule#plateauWidths} transition widths around the pixel) at a mid level (at least
 *       {@link Rule#plateauLevel} from 0 and from 1), and the image-scaled binary band would call
 *       the pixel known, it keeps that label: mid-level values that neither ramp like a blurred
 *       edge nor vary like hair coverage are the network's doubt about a whole region (a faint haze
 *       over a busy background, a body at 0.7), which matting cannot settle from colour with no
 *       sure pixel nearby, and which the mask's 0.5 threshold decides better.</li>
 *   <li>A hard mask (transition under {@link Rule#hardBelow} px) says nothing about where it
 *       might be wrong, so it gets the image-scaled binary band ({@link ScaledBand#DEFAULT}); so
 *       does a mask that is nowhere sure of the subject or of the background.</li>
 * </ul>
 */
public final class AdaptiveTrimap implements TrimapGenerator {

    /**
     * @param low            mask values at or below it are sure background (before the margin)
     * @param high           mask values at or above it are sure foreground (before the margin)
     * @param outsideWidths  margin outside the unsure zone, in transition widths
     * @param insideWidths   margin inside the unsure zone, in transition widths
     * @param minMargin      neither margin is narrower than this many px
     * @param hardBelow      masks whose transition is narrower than this many px count as hard
     * @param plateauRange   an unsure pixel whose neighbourhood varies by less than this is on a plateau
     * @param plateauWidths  that neighbourhood's radius, in transition widths (at least {@code minMargin} px)
     * @param plateauLevel   only pixels at least this far from 0 and from 1 can be on a plateau
     */
    public record Rule(float low, float high, double outsideWidths, double insideWidths, int minMargin,
            double hardBelow, float plateauRange, double plateauWidths, float plateauLevel) {

        /**
         * Sure below 0.05 / above 0.95 (the mask prior's thresholds). Margins of 0.2 transition
         * widths each side, at least 2 px: a network mask scaled up bilinearly ramps over 2–3 of
         * its working pixels (one from the interpolation, the rest its own softness), so 0.2 T is
         * about half a working pixel, the registration error that resampling conventions alone
         * can put between a mask and its photo. The blur itself needs no margin: where the mask
         * reads ≤ 0.05 the subject covers at most about 5 % on the scale of T, and on the quality
         * composites matting such a pixel leaked more alpha onto it (0.5–6 % on average) than it
         * recovered coverage (0–1.2 %; docs/QUALITY.md). 2 px is the width of an anti-aliased
         * edge (one fractional pixel), the finest any mask places an edge; the hard-mask cut-off of
         * 2.25 px rests on the same width.
         *
         * <p>Plateaus: a blurred edge changes by 1 over a transition width and a mask of hair
         * varies with the strands' density, so a variation under 0.1 within two transition widths
         * is neither. Within 0.1 of 0 or 1 a flat mask is where a smooth edge or a thinning cloud of
         * strands levels off towards sure, not doubt: the quality composites' soft tails are flat
         * there. Measured on the labelled photos with ISNet's masks, where the band without this
         * step lost to the scaled band (IoU 0.918 against 0.932; 0.934 with it), and on the
         * composites, whose soft zones are all true coverage and where it changes 34 pixels in
         * the whole grid (docs/QUALITY.md).
         */
        public static final Rule DEFAULT = new Rule(0.05f, 0.95f, 0.2, 0.2, 2, 2.25, 0.1f, 2.0, 0.1f);

        public Rule {
            if (!(low >= 0 && low < high && high <= 1)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 <= low < high <= 1, got low=" + low
                        + " high=" + high);
            }
            if (!(plateauRange >= 0 && plateauRange <= 1 && plateauWidths >= 0 && plateauLevel >= 0
                    && plateauLevel <= 0.5)) {
                throw new IllegalArgumentException("a plateau needs a range in [0, 1], a radius >= 0 widths and a level"
                        + " in [0, 0.5], got " + plateauRange + " over " + plateauWidths + " widths, level "
                        + plateauLevel);
            }
            if (!(outsideWidths >= 0 && insideWidths >= 0) || minMargin < 1) {
                throw new IllegalArgumentException("margins must be >= 0 transition widths and at least 1 px, got "
                        + outsideWidths + " / " + insideWidths + " widths, " + minMargin + " px");
            }
        }

        /** The band for a soft mask of this transition width. */
        public TrimapBand bandFor(MaskSoftness softness) {
            double t = softness.transitionWidth();
            return new TrimapBand(Math.max(minMargin, (int) Math.round(outsideWidths * t)),
                    Math.max(minMargin, (int) Math.round(insideWidths * t)));
        }

        /** The radius over which a mask of this transition width must stay flat to be on a plateau. */
        public int plateauRadius(MaskSoftness softness) {
            return Math.max(minMargin, (int) Math.round(plateauWidths * softness.transitionWidth()));
        }
    }

    private final Rule rule;
    private final AutomaticTrimap scaledBand = new AutomaticTrimap(TrimapSettings.scaledToImage());

    public AdaptiveTrimap(Rule rule) {
        this.rule = Objects.requireNonNull(rule, "adaptive trimap rule");
    }

    public AdaptiveTrimap() {
        this(Rule.DEFAULT);
    }

    public Rule rule() {
        return rule;
    }

    /** The band {@link #generate} starts from for this mask, before plateaus take the scaled band's labels. */
    public TrimapSettings settingsFor(Matte mask) {
        return settingsFor(mask, MaskSoftness.measure(mask));
    }

    private TrimapSettings settingsFor(Matte mask, MaskSoftness softness) {
        if (softness.transitionWidth() < rule.hardBelow() || !reachesBothThresholds(mask)) {
            return scaledBand.settings();
        }
        return TrimapSettings.confidence(rule.bandFor(softness), rule.low(), rule.high());
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
        MaskSoftness softness = MaskSoftness.measure(mask);
        TrimapSettings settings = settingsFor(mask, softness);
        Trimap trimap = new AutomaticTrimap(settings).generate(mask);
        if (settings.equals(scaledBand.settings())) {
            return trimap; // a hard or never-sure mask: this already is the scaled band
        }
        return withPlateausDecided(trimap, mask, rule.plateauRadius(softness));
    }

    /** Unknown pixels on a mid-level plateau of the mask take the scaled band's label where it has one. */
    private Trimap withPlateausDecided(Trimap trimap, Matte mask, int radius) {
        byte[] scaled = scaledBand.labels(mask);
        float[] m = mask.alpha();
        float[] range = SquareRange.of(m, mask.width(), mask.height(), radius);
        byte[] labels = trimap.labels().clone();
        for (int i = 0; i < labels.length; i++) {
            boolean midLevel = m[i] >= rule.plateauLevel() && m[i] <= 1 - rule.plateauLevel();
            if (midLevel && range[i] < rule.plateauRange() && trimap.label(i) == Trimap.UNKNOWN
                    && (scaled[i] & 0xff) != Trimap.UNKNOWN) {
                labels[i] = scaled[i];
            }
        }
        return new Trimap(mask.width(), mask.height(), labels);
    }
}
