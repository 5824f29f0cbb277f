package dev.autohair.pipeline.segmentation.product;

import static org.bytedeco.opencv.global.opencv_imgproc.GC_BGD;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_PR_BGD;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_PR_FGD;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.Resampler;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the product in the common e-commerce photo, a product on a plain or gently shaded
 * surface, without learned weights:
 *
 * <ol>
 *   <li>at {@link #WORKING_SIDE} px, a smooth background colour field is fitted to the image
 *       border ({@link BorderBackground}); every pixel's distance from it is a soft
 *       "not background" map;</li>
 *   <li>that map, thresholded relative to the border's own noise, seeds GrabCut: the border that
 *       fits the model is sure background, near pixels probable background, far pixels probable
 *       subject; GrabCut's colour models and graph cut then settle the outline;</li>
 *   <li>specks are dropped and the mask is scaled back to full size (bilinear: a soft edge for
 *       the trimap and matting).</li>
 * </ol>
 *
 * On a busy border (texture, scenery) the distance map means little and GrabCut is seeded like
 * its rectangle mode instead: border background, everything inside probably subject.
 *
 * <p>It always returns a mask, and says how far to trust it ({@link Evidence}, the weakest of):
 * a busy border (structure, not sensor grain: measured on a lightly blurred copy), a subject or
 * clutter covering much of the border, a mask that is tiny or nearly the whole frame, an outline
 * that does not lie on a clear edge, GrabCut straying far from the background distance, a mask
 * reaching two opposite edges (horizon, table edge), a mask whose extent fills the frame both ways
 * (no surface visible; a framed photo). A blank or uniform image gives an empty mask with
 * confidence 0 (the pipeline then stops with "nothing found"), not an exception.
 */
public final class ProductSegmentation {

    /** Below this confidence a {@link ProductMask} carries a doubt. */
    public static final double SURE = 0.5;
    public static final int WORKING_SIDE = 512;
    private static final int ITERATIONS = 5;
    /** Fewer probable-subject seeds than this share of the image: nothing stands out. */
    private static final double MIN_SEED_SHARE = 0.0005;
    /** Border noise (ΔE) above which the border is texture rather than a surface. */
    static final double BUSY_NOISE = 6;

    public ProductMask segment(RgbImage image) {
        RgbImage small = workingCopy(image);
        int w = small.width();
        int h = small.height();
        LabImage lab = LabImage.of(small);
        LabImage smooth = lab.smoothed(1);
        int strip = Math.max(2, (int) Math.round(0.015 * Math.min(w, h)));
        BorderBackground background = BorderBackground.fit(smooth, strip);
        float[] distance = background.distanceMap(smooth);
        double low = Math.max(BorderBackground.MIN_INLIER_DISTANCE, 3 * background.noise());

        // On a busy border the distance map says little: seed like GrabCut's rectangle (all of the
        // inside may be subject) and let its colour models decide; the evidence will say "busy".
        boolean busy = background.noise() > BUSY_NOISE;
        byte[] labels = new byte[w * h];
        int seeds = 0;
        for (int i = 0; i < labels.length; i++) {
            if (background.backgroundBorder()[i] || (busy && background.border()[i])) {
                labels[i] = GC_BGD;
            } else if (busy || distance[i] >= low) {
                labels[i] = GC_PR_FGD;
                seeds++;
            } else {
                labels[i] = GC_PR_BGD;
            }
        }
        if (seeds < Math.max(20, MIN_SEED_SHARE * labels.length)) {
            return new ProductMask(Matte.blank(image.width(), image.height()), 0,
                    Optional.of("nothing stands out from the background (" + seeds + " of " + labels.length
                            + " pixels differ from it): blank image or a subject the colour of its surface"));
        }
        boolean[] seeded = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            seeded[i] = labels[i] == GC_PR_FGD;
        }
        boolean[] subject = Regions.keepLarge(GrabCut.segment(small, labels, ITERATIONS), w, h, 0.05);
        Evidence evidence = Evidence.of(background, lab, seeded, subject, strip);
        Matte mask = fullSize(subject, w, h, image.width(), image.height());
        return new ProductMask(mask, evidence.confidence(),
                evidence.confidence() < SURE ? Optional.of(evidence.weakest()) : Optional.empty());
    }

    private static RgbImage workingCopy(RgbImage image) {
        int longer = Math.max(image.width(), image.height());
        if (longer <= WORKING_SIDE) {
            return image;
        }
        double scale = (double) WORKING_SIDE / longer;
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        return new RgbImage(w, h, Resampler.resize(image.rgb(), image.width(), image.height(), 3, w, h));
    }

    private static Matte fullSize(boolean[] subject, int w, int h, int width, int height) {
        float[] alpha = new float[subject.length];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = subject[i] ? 1f : 0f;
        }
        if (w == width && h == height) {
            return new Matte(width, height, alpha);
        }
        float[] scaled = Resampler.resize(alpha, w, h, 1, width, height);
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = Math.max(0f, Math.min(1f, scaled[i]));
        }
        return new Matte(width, height, scaled);
    }

    static double share(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return (double) n / mask.length;
    }

    static double median(float[] values, boolean[] where) {
        int n = 0;
        float[] picked = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            if (where[i]) {
                picked[n++] = values[i];
            }
        }
        if (n == 0) {
            return 0;
        }
        float[] sorted = Arrays.copyOf(picked, n);
        Arrays.sort(sorted);
        return sorted[n / 2];
    }
}
