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
    static final double MIN_DECISIVENESS = 0.85;
    /** Below this the model is closer to a coin toss than to an answer. */
    static final double GUESSING = 0.5;

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

    public boolean confident() {
        return area >= MIN_AREA && area <= MAX_AREA && decisiveness >= MIN_DECISIVENESS;
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
