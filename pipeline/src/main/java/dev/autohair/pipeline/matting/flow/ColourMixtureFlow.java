package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.RgbImage;

/**
 * Colour-mixture flow (Aksoy et al. 2017, section 3.1): each unknown pixel's colour as an affine
 * mixture of the colours of its K nearest neighbours in [r, g, b, x/W, y/H], with locally linear
 * embedding weights; the energy sum_p (alpha_p - sum_q w_pq alpha_q)² asks alpha to mix the same
 * way. Neighbours come from the unknowns and the known pixels near the band; those known carry
 * fixed alpha, so their part of each row is kept as {@link #knownTerm}.
 */
final class ColourMixtureFlow {

    /** Neighbours per row. */
    final int k;
    /** Per unknown, k neighbour unknown indices; -1 for a known neighbour (or no neighbour). */
    final int[] column;
    /** The matching weights (a known neighbour's weight is already in {@link #knownTerm}). */
    final float[] weight;
    /** Per unknown, sum over known neighbours of w_pq alpha_q. */
    final double[] knownTerm;

    private ColourMixtureFlow(int k, int[] column, float[] weight, double[] knownTerm) {
        this.k = k;
        this.column = column;
        this.weight = weight;
        this.knownTerm = knownTerm;
    }

    static ColourMixtureFlow compute(RgbImage image, Band band, int neighbours, double spatialScale,
            double regularisation) {
        int n = band.unknowns();
        int foreground = band.foregroundPixel().length;
        float[] features = Features.of(image, spatialScale, band.unknownPixel(), band.foregroundPixel(),
                band.backgroundPixel());
        KdTree tree = new KdTree(features, Features.DIM);
        int k = Math.min(neighbours, tree.size() - 1);
        int[] column = new int[n * Math.max(k, 0)];
        float[] weight = new float[column.length];
        double[] knownTerm = new double[n];
        if (k <= 0) {
            return new ColourMixtureFlow(0, column, weight, knownTerm);
        }
        float[] rgb = image.rgb();
        Chunks.range(n, (from, to) -> {
            KdTree.Query query = new KdTree.Query(k);
            LocallyLinearWeights lle = new LocallyLinearWeights(k, regularisation);
            int[] pixels = new int[k];
            double[] w = new double[k];
            for (int i = from; i < to; i++) {
                tree.nearest(features, i * Features.DIM, k, i, query);
                int found = query.count();
                for (int j = 0; j < found; j++) {
                    pixels[j] = pixelOf(band, query.found[j]);
                }
                lle.solve(rgb, band.unknownPixel()[i], pixels, found, w);
                double known = 0;
                for (int j = 0; j < k; j++) {
                    int slot = i * k + j;
                    if (j >= found) {
                        column[slot] = -1;
                        continue;
                    }
                    int id = query.found[j];
                    weight[slot] = (float) w[j];
                    if (id < n) {
                        column[slot] = id;
                    } else {
                        column[slot] = -1;
                        if (id < n + foreground) {
                            known += w[j]; // foreground: alpha 1; background adds 0
                        }
                    }
                }
                knownTerm[i] = known;
            }
        });
        return new ColourMixtureFlow(k, column, weight, knownTerm);
    }

    /** Candidate id (unknowns, then foreground, then background) to image pixel. */
    private static int pixelOf(Band band, int id) {
        int n = band.unknowns();
        int f = band.foregroundPixel().length;
        if (id < n) {
            return band.unknownPixel()[id];
        }
        return id < n + f ? band.foregroundPixel()[id - n] : band.backgroundPixel()[id - n - f];
    }
}
