package dev.autohair.pipeline.segmentation.product;

import static org.bytedeco.opencv.global.opencv_imgproc.GC_FGD;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_INIT_WITH_MASK;
import static org.bytedeco.opencv.global.opencv_imgproc.GC_PR_FGD;
import static org.bytedeco.opencv.global.opencv_imgproc.grabCut;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;

import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.OpenCvImages;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * OpenCV's GrabCut (Rother et al. 2004: colour GMMs for subject and background plus a
 * contrast-sensitive graph cut) started from a label map rather than a rectangle.
 */
final class GrabCut {

    /**
     * GrabCut starts its colour models with k-means++, drawn from OpenCV's per-thread generator:
     * unseeded, a photo's mask depended on what that thread had segmented before (on the cup and
     * the labelled photos, 0.1-3 % of the pixels changed from one call to the next).
     */
    private static final int SEED = 0x5eed;

    private GrabCut() {
    }

    /**
     * @param labels one of GC_BGD, GC_FGD, GC_PR_BGD, GC_PR_FGD per pixel; needs enough pixels of
     *     both kinds (probable or sure) for the colour models
     * @return for each pixel whether the cut put it in the subject
     */
    static boolean[] segment(RgbImage image, byte[] labels, int iterations) {
        try (Mat bgr = OpenCvImages.toBgr(image);
                Mat mask = new Mat(image.height(), image.width(), CV_8UC1);
                Mat background = new Mat();
                Mat foreground = new Mat();
                Rect unused = new Rect()) {
            mask.data().put(labels);
            setRNGSeed(SEED); // the calling thread's generator, the one grabCut draws from
            grabCut(bgr, mask, unused, background, foreground, iterations, GC_INIT_WITH_MASK);
            byte[] out = new byte[labels.length];
            mask.data().get(out);
            boolean[] subject = new boolean[out.length];
            for (int i = 0; i < out.length; i++) {
                subject[i] = out[i] == GC_FGD || out[i] == GC_PR_FGD;
            }
            return subject;
        }
    }
}
