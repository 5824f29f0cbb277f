package dev.autohair.pipeline.segmentation.product;

import java.util.Locale;

/**
 * Why a product mask can or cannot be trusted: each check scores 0 (fails) to 1 (fine), the
 * confidence is the weakest score, and the weakest check's sentence is the doubt.
 */
record Evidence(double plainBorder, double backgroundBorder, double area, double contrast, double agreement,
        double notCrossing, String[] reasons) {

    static Evidence of(BorderBackground background, float[] distance, double low, boolean[] seeded, boolean[] subject,
            int width, int height, int strip) {
        double noise = background.noise();
        double free = background.backgroundFraction();
        double area = ProductSegmentation.share(subject);
        double contrast = ProductSegmentation.median(distance, subject) / low;
        double agreement = iou(seeded, subject);
        double crossing = crossing(subject, width, height, strip);
        String[] reasons = {
            String.format(Locale.ROOT, "the border is busy (texture or clutter: typical distance %.1f ΔE from a smooth"
                    + " background), not a plain surface", noise),
            String.format(Locale.ROOT, "the subject or clutter covers %.0f%% of the image border", 100 * (1 - free)),
            String.format(Locale.ROOT, "the mask covers %.1f%% of the frame", 100 * area),
            String.format(Locale.ROOT, "the subject hardly differs from the background (median distance %.1f×"
                    + " the background threshold)", contrast),
            String.format(Locale.ROOT, "the colour models disagree with the background distance (IoU %.2f)", agreement),
            String.format(Locale.ROOT, "the mask reaches two opposite edges (%.0f%% of each): a horizon, table edge or"
                    + " scenery rather than a product", 100 * crossing),
        };
        return new Evidence(
                falling(noise, 2.5, 8),
                rising(free, 0.4, 0.7),
                Math.min(rising(area, 0.002, 0.01), falling(area, 0.65, 0.85)),
                rising(contrast, 1.2, 2.5),
                rising(agreement, 0.5, 0.75),
                falling(crossing, 0.03, 0.15),
                reasons);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "plainBorder %.2f backgroundBorder %.2f area %.2f contrast %.2f agreement %.2f"
                + " notCrossing %.2f", plainBorder, backgroundBorder, area, contrast, agreement, notCrossing) + " | " + String.join(" | ", reasons);
    }

    double confidence() {
        double weakest = 1;
        for (double score : scores()) {
            weakest = Math.min(weakest, score);
        }
        return weakest;
    }

    private double[] scores() {
        return new double[] {plainBorder, backgroundBorder, area, contrast, agreement, notCrossing};
    }

    String weakest() {
        double[] scores = scores();
        int worst = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] < scores[worst]) {
                worst = i;
            }
        }
        return reasons[worst];
    }

    /** 0 at or below {@code bad}, 1 at or above {@code good}, linear between. */
    static double rising(double value, double bad, double good) {
        return Math.max(0, Math.min(1, (value - bad) / (good - bad)));
    }

    /** 1 at or below {@code good}, 0 at or above {@code bad}. */
    static double falling(double value, double good, double bad) {
        return 1 - rising(value, good, bad);
    }

    /**
     * How far the mask spans the frame: for the left/right and top/bottom pairs of edges, the
     * share of each edge's length the mask touches (within the border strip), the smaller of the
     * pair; the larger of the two pairs. A product touching one edge scores 0.
     */
    static double crossing(boolean[] subject, int width, int height, int strip) {
        double left = 0;
        double right = 0;
        for (int y = 0; y < height; y++) {
            left += touches(subject, width, y, 0, strip, true) ? 1 : 0;
            right += touches(subject, width, y, width - strip, width, true) ? 1 : 0;
        }
        double top = 0;
        double bottom = 0;
        for (int x = 0; x < width; x++) {
            top += touches(subject, width, x, 0, strip, false) ? 1 : 0;
            bottom += touches(subject, width, x, height - strip, height, false) ? 1 : 0;
        }
        return Math.max(Math.min(left, right) / height, Math.min(top, bottom) / width);
    }

    /** Whether the mask has a pixel on row (or column) {@code line} between {@code from} and {@code to}. */
    private static boolean touches(boolean[] subject, int width, int line, int from, int to, boolean alongRow) {
        for (int k = from; k < to; k++) {
            if (subject[alongRow ? line * width + k : k * width + line]) {
                return true;
            }
        }
        return false;
    }

    private static double iou(boolean[] a, boolean[] b) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] && b[i] ? 1 : 0;
            either += a[i] || b[i] ? 1 : 0;
        }
        return either == 0 ? 1 : (double) both / either;
    }
}
