package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.RgbImage;

/**
 * K-to-U flow (Aksoy et al. 2017, section 3.2): each unknown pixel's colour mixed, with locally
 * linear embedding weights, from its K nearest foreground and K nearest background pixels (in
 * [r, g, b, s·x/W, s·y/H], a larger s favouring nearby known pixels). The summed foreground
 * weight w_F estimates alpha directly, and the energy eta_p (alpha_p - w_F)² pulls towards it
 * with a confidence eta_p = ||sum_F w_q c_q - sum_B w_q c_q||² / 3 that is low where the
 * foreground and background parts of the mixture look alike.
 */
final class KnownToUnknownFlow {

    /** Per unknown, the estimate w_F, clamped to [0, 1]. */
    final double[] target;
    /** Per unknown, eta_p in [0, 1]. */
    final double[] confidence;

    private KnownToUnknownFlow(double[] target, double[] confidence) {
        this.target = target;
        this.confidence = confidence;
    }

    static KnownToUnknownFlow compute(RgbImage image, Band band, int neighbours, double spatialScale,
            double regularisation) {
        int n = band.unknowns();
        float[] unknownFeatures = Features.of(image, spatialScale, band.unknownPixel());
        KdTree foreground = new KdTree(Features.of(image, spatialScale, band.foregroundPixel()), Features.DIM);
        KdTree background = new KdTree(Features.of(image, spatialScale, band.backgroundPixel()), Features.DIM);
        int kf = Math.min(neighbours, foreground.size());
        int kb = Math.min(neighbours, background.size());
        double[] target = new double[n];
        double[] confidence = new double[n];
        float[] rgb = image.rgb();
        Chunks.range(n, (from, to) -> {
            KdTree.Query fq = new KdTree.Query(Math.max(kf, 1));
            KdTree.Query bq = new KdTree.Query(Math.max(kb, 1));
            LocallyLinearWeights lle = new LocallyLinearWeights(kf + kb, regularisation);
            int[] pixels = new int[kf + kb];
            double[] w = new double[kf + kb];
            double[] difference = new double[3];
            for (int i = from; i < to; i++) {
                foreground.nearest(unknownFeatures, i * Features.DIM, kf, -1, fq);
                background.nearest(unknownFeatures, i * Features.DIM, kb, -1, bq);
                int nf = fq.count();
                int nb = bq.count();
                for (int j = 0; j < nf; j++) {
                    pixels[j] = band.foregroundPixel()[fq.found[j]];
                }
                for (int j = 0; j < nb; j++) {
                    pixels[nf + j] = band.backgroundPixel()[bq.found[j]];
                }
                lle.solve(rgb, band.unknownPixel()[i], pixels, nf + nb, w);
                double wf = 0;
                java.util.Arrays.fill(difference, 0);
                for (int j = 0; j < nf + nb; j++) {
                    double sign = j < nf ? 1 : -1;
                    if (j < nf) {
                        wf += w[j];
                    }
                    int o = 3 * pixels[j];
                    difference[0] += sign * w[j] * rgb[o];
                    difference[1] += sign * w[j] * rgb[o + 1];
                    difference[2] += sign * w[j] * rgb[o + 2];
                }
                target[i] = Math.max(0, Math.min(1, wf));
                double eta = (difference[0] * difference[0] + difference[1] * difference[1]
                        + difference[2] * difference[2]) / 3;
                confidence[i] = Math.min(1, eta);
            }
        });
        return new KnownToUnknownFlow(target, confidence);
    }
}
