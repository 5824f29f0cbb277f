package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.RgbImage;

/**
 * Intra-U flow (Aksoy et al. 2017, section 3.3): each unknown pixel linked to its K nearest
 * unknown pixels in [r, g, b, s·x/W, s·y/H] with a small s (colour matters far more than
 * position, so similar-looking pixels far apart share information), with weight
 * max(1 - ||f_p - f_q||, 0); the energy is sum_p sum_q w_pq (alpha_p - alpha_q)².
 */
final class IntraUnknownFlow {

    final int k;
    /** Per unknown, k neighbour unknown indices, -1 where there are fewer. */
    final int[] column;
    final float[] weight;

    private IntraUnknownFlow(int k, int[] column, float[] weight) {
        this.k = k;
        this.column = column;
        this.weight = weight;
    }

    static IntraUnknownFlow compute(RgbImage image, Band band, int neighbours, double spatialScale) {
        int n = band.unknowns();
        float[] features = Features.of(image, spatialScale, band.unknownPixel());
        KdTree tree = new KdTree(features, Features.DIM);
        int k = Math.max(0, Math.min(neighbours, n - 1));
        int[] column = new int[n * k];
        float[] weight = new float[n * k];
        if (k == 0) {
            return new IntraUnknownFlow(0, column, weight);
        }
        Chunks.range(n, (from, to) -> {
            KdTree.Query query = new KdTree.Query(k);
            for (int i = from; i < to; i++) {
                tree.nearest(features, i * Features.DIM, k, i, query);
                for (int j = 0; j < k; j++) {
                    int slot = i * k + j;
                    if (j < query.count()) {
                        column[slot] = query.found[j];
                        weight[slot] = (float) Math.max(0, 1 - Math.sqrt(query.distance[j]));
                    } else {
                        column[slot] = -1;
                    }
                }
            }
        });
        return new IntraUnknownFlow(k, column, weight);
    }
}
