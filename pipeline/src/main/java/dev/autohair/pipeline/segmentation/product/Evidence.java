package dev.autohair.pipeline.segmentation.product;

import java.util.Locale;

/**
 * Why a product mask can or cannot be trusted: each check scores 0 (fails) to 1 (fine), the
 * confidence is the weakest score, and the weakest check's sentence is the doubt.
 */
record Evidence(double plainBorder, double backgroundBorder, double area, double contrast, double agreement,
        double notCrossing, double margin, String[] reasons) {

    static Evidence of(BorderBackground background, LabImage lab, boolean[] seeded, boolean[] subject, int strip) {
        int width = lab.width();
        int height = lab.height();
        double noise = background.noise();
        double free = background.backgroundFraction();
        double area = ProductSegmentation.share(subject);
        double contrast = outlineContrast(lab, subject);
        boolean[] seeds = majority(seeded, width, height, 2);
        double agreement = iou(seeds, subject);
        double crossing = crossing(subject, width, height, 3 * strip);
        double margin = freeMargin(subject, width, height);
        String[] reasons = {
            String.format(Locale.ROOT, "the border is busy (texture or clutter: typical distance %.1f ΔE from a smooth"
                    + " background), not a plain surface", noise),
            String.format(Locale.ROOT, "the subject or clutter covers %.0f%% of the image border", 100 * (1 - free)),
            String.format(Locale.ROOT, "the mask covers %.1f%% of the frame", 100 * area),
            String.format(Locale.ROOT, "the outline does not follow a clear edge (median contrast %.1f ΔE across it):"
                    + " a subject close to the surface's colour, or only part of it found", contrast),
            String.format(Locale.ROOT, "the colour models disagree with the background distance (IoU %.2f)", agreement),
            String.format(Locale.ROOT, "the mask reaches two opposite edges (%.0f%% of each): a horizon, table edge or"
                    + " scenery rather than a product", 100 * crossing),
            String.format(Locale.ROOT, "the mask's extent fills the frame both ways (%.0f%% left free at most): no"
                    + " surface visible around the subject, or a framed photo", 100 * margin),
        };
        return new Evidence(
                falling(noise, 2.5, 7),
                rising(free, 0.4, 0.7),
                Math.min(rising(area, 0.002, 0.01), falling(area, 0.65, 0.85)),
                rising(contrast, 5, 12),
                rising(agreement, 0.5, 0.75),
                falling(crossing, 0.08, 0.25),
                rising(margin, 0.06, 0.14),
                reasons);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "plainBorder %.2f backgroundBorder %.2f area %.2f contrast %.2f agreement %.2f"
                + " notCrossing %.2f margin %.2f", plainBorder, backgroundBorder, area, contrast, agreement, notCrossing,
                margin) + " | " + String.join(" | ", reasons);
    }

    double confidence() {
        double weakest = 1;
        for (double score : scores()) {
            weakest = Math.min(weakest, score);
        }
        return weakest;
    }

    private double[] scores() {
        return new double[] {plainBorder, backgroundBorder, area, contrast, agreement, notCrossing, margin};
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
     * share of each edge's length the mask comes within {@code reach} px of, the smaller of the
     * pair; the larger of the two pairs. A product touching one edge scores 0.
     */
    static double crossing(boolean[] subject, int width, int height, int reach) {
        int strip = Math.min(reach, Math.min(width, height) / 2);
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

    /**
     * The share of the frame the mask's bounding box leaves free along the less filled axis:
     * a product photo shows surface above/below or beside the product; 0 for an empty mask.
     */
    static double freeMargin(boolean[] subject, int width, int height) {
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (subject[y * width + x]) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return 0;
        }
        return Math.max(1 - (right - left + 1.0) / width, 1 - (bottom - top + 1.0) / height);
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

    /**
     * The median colour difference (ΔE, unweighted) across the mask's outline: between the pixels
     * two steps either side of each outline pixel, along the axis where it is larger. A product's
     * outline lies on a sharp edge; a shadow's, or a cut through a subject's own shading, does not.
     */
    static double outlineContrast(LabImage lab, boolean[] subject) {
        int w = lab.width();
        int h = lab.height();
        float[] l = lab.lab();
        float[] contrasts = new float[subject.length];
        boolean[] outline = new boolean[subject.length];
        for (int y = 2; y < h - 2; y++) {
            for (int x = 2; x < w - 2; x++) {
                int i = y * w + x;
                if (!subject[i] || (subject[i - 1] && subject[i + 1] && subject[i - w] && subject[i + w])) {
                    continue;
                }
                outline[i] = true;
                contrasts[i] = (float) Math.max(deltaE(l, i - 2, i + 2), deltaE(l, i - 2 * w, i + 2 * w));
            }
        }
        return ProductSegmentation.median(contrasts, outline);
    }

    private static double deltaE(float[] lab, int a, int b) {
        double dl = lab[3 * a] - lab[3 * b];
        double da = lab[3 * a + 1] - lab[3 * b + 1];
        double db = lab[3 * a + 2] - lab[3 * b + 2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    /** True where most of the (2r+1)² box around a pixel is true: isolated noisy seeds go. */
    static boolean[] majority(boolean[] mask, int w, int h, int r) {
        int[] integral = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                integral[(y + 1) * (w + 1) + x + 1] = (mask[y * w + x] ? 1 : 0) + integral[y * (w + 1) + x + 1]
                        + integral[(y + 1) * (w + 1) + x] - integral[y * (w + 1) + x];
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(w, x + r + 1);
                int sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0]
                        + integral[y0 * (w + 1) + x0];
                out[y * w + x] = 2 * sum > (y1 - y0) * (x1 - x0);
            }
        }
        return out;
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
