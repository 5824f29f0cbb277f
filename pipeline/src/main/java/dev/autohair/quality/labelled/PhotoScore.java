package dev.autohair.quality.labelled;

import dev.autohair.common.image.Matte;
import dev.autohair.quality.AlphaMetrics;
import java.util.Optional;

/**
 * One photo's score on one route: IoU of the cutout (alpha ≥ 0.5) with the truth (≥ 0.5), SAD
 * (Σ|α − α*| ÷ 1000, as {@link AlphaMetrics}) and the mean absolute alpha error over the image;
 * {@code failure} is the "nothing found" message when the route gave no cutout (then IoU is 0 and
 * the errors are those of an empty alpha).
 */
public record PhotoScore(String name, double iou, double sad, double meanAbsoluteError, Optional<String> failure,
        String note) {

    static PhotoScore of(String name, Matte alpha, Matte truth, String note) {
        double sad = AlphaMetrics.overWholeImage(alpha, truth).sad();
        return new PhotoScore(name, iou(alpha, truth), sad, sad * 1000 / truth.pixelCount(), Optional.empty(), note);
    }

    static PhotoScore failed(String name, Matte truth, String why, String note) {
        double sad = AlphaMetrics.overWholeImage(Matte.blank(truth.width(), truth.height()), truth).sad();
        return new PhotoScore(name, 0, sad, sad * 1000 / truth.pixelCount(), Optional.of(why), note);
    }

    /** Intersection over union of the two masks at 0.5; two empty masks agree completely (1). */
    static double iou(Matte alpha, Matte truth) {
        long both = 0;
        long either = 0;
        float[] a = alpha.alpha();
        float[] t = truth.alpha();
        for (int i = 0; i < t.length; i++) {
            boolean inA = a[i] >= 0.5f;
            boolean inT = t[i] >= 0.5f;
            both += inA && inT ? 1 : 0;
            either += inA || inT ? 1 : 0;
        }
        return either == 0 ? 1 : (double) both / either;
    }
}
