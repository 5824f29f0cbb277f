package dev.autohair.pipeline.segmentation.routing;

import dev.autohair.common.image.Matte;

/**
 * How sure a portrait model's soft mask is that a person is there: enough of the frame is subject
 * (not a speck, not everything), and the mask is decisive — a portrait model is near 0 or 1 almost
 * everywhere on a person and hesitant (mid-grey blobs) on what it was not trained for.
 *
 * @param area         share of pixels at or above 0.5
 * @param decisiveness mean of |2p − 1| over the pixels near the subject (1: a hard mask)
 */
public record PersonEvidence(double area, double decisiveness) {

    static final double MIN_AREA = 0.02;
    static final double MAX_AREA = 0.95;
    /** Sure enough to keep the portrait mask when the alternative is the weights-free product segmenter. */
    static final double SURE_OVER_PRODUCT = 0.85;
    /**
     * Sure enough to keep it when a general model (trained on every kind of subject) is the
     * alternative: the bar rises with the alternative's quality, so animals and teddies that the
     * portrait model outlines decisively (0.86-0.91) go to the general model, people (0.94 and up
     * on the samples) stay.
     */
    static final double SURE_OVER_GENERAL = 0.93;
    /**
     * Below this the model hesitates over most of what it marks (a grey blob rather than an
     * outline). Chosen with the labelled photos and the coffee sample in view (docs/QUALITY.md):
     * between the hesitant masks of a banana (0.32), a cup on wood (0.61) and a horse among trees
     * (0.63), where the product segmenter did better, and the portrait model's usable masks of
     * animals (0.66 and up).
     */
    static final double GUESSING = 0.65;

    public static PersonEvidence of(Matte mask) {
        float[] p = mask.alpha();
        long subject = 0;
        double decisive = 0;
        long counted = 0;
        for (float v : p) {
            if (v >= 0.5f) {
                subject++;
            }
            if (v > 0.02f) { // the subject and its surroundings, not the empty background
                decisive += Math.abs(2 * v - 1);
                counted++;
            }
        }
        return new PersonEvidence(subject / (double) p.length, counted == 0 ? 0 : decisive / counted);
    }

    /** A person is there, sure enough to prefer the portrait mask over an alternative that needs {@code bar}. */
    public boolean confident(double bar) {
        return area >= MIN_AREA && area <= MAX_AREA && decisiveness >= bar;
    }

    /** The model hesitates about most of what it marked: its mask is more grey than black and white. */
    public boolean guessing() {
        return decisiveness < GUESSING;
    }

    /** Whether the mask has any subject at all. */
    public boolean found() {
        return area > 0.001;
    }
}
