package dev.autohair.pipeline.matting.flow;

import dev.autohair.common.image.RgbImage;

/**
 * Colour-mixture flow (Aksoy et al. 2017, section 3.1): a pixel's colour as an affine mixture of
 * the colours of its K nearest neighbours in [r, g, b, x/W, y/H], with locally linear embedding
 * weights; the energy sum_p (alpha_p - sum_q w_pq alpha_q)² asks alpha to mix the same way.
 *
 * <p>Rows: every unknown pixel, then the known pixels within {@code rowMargin} of the band (the
 * paper sums over the whole image; known rows far from the band involve no unknown and are
 * constant). Neighbours: the unknowns and the known pixels near the band. Row p's residual is
 * {@code offset_p + sum_q a_pq x_q} over the unknowns x, with a_pp = 1 on unknown rows and
 * a_pq = -w_pq; the known pixels' fixed alpha goes into the offset.
 */
final class ColourMixtureFlow {

    /** Neighbours per row. */
    final int k;
    /** Rows: the first {@link #unknowns} are the unknowns themselves. */
    final int rows;
    final int unknowns;
    /** Per row, k neighbour unknown indices; -1 for a known neighbour (or no neighbour). */
    final int[] column;
    /** The matching weights (a known neighbour's weight is already in {@link #offset}). */
    final float[] weight;
    /** Per row, the constant part of its residual. */
    final double[] offset;

    private ColourMixtureFlow(int k, int rows, int unknowns, int[] column, float[] weight, double[] offset) {
        this.k = k;
        this.rows = rows;
        this.unknowns = unknowns;
        this.column = column;
        this.weight = weight;
        this.offset = offset;
    }

    static ColourMixtureFlow compute(RgbImage image, Band band, int neighbours, double spatialScale,
            double regularisation, int rowMargin) {
        int n = band.unknowns();
        int foreground = band.foregroundPixel().length;
        float[] features = Features.of(image, spatialScale, band.unknownPixel(), band.foregroundPixel(),
                band.backgroundPixel());
        KdTree tree = new KdTree(features, Features.DIM);
        int[] rowId = rowIds(band, rowMargin);
        int rows = rowId.length;
        int k = Math.max(0, Math.min(neighbours, tree.size() - 1));
        int[] column = new int[rows * k];
        float[] weight = new float[column.length];
        double[] offset = new double[rows];
        if (k == 0) {
            return new ColourMixtureFlow(0, n, n, new int[0], new float[0], new double[n]);
        }
        float[] rgb = image.rgb();
        Chunks.range(rows, (from, to) -> {
            KdTree.Query query = new KdTree.Query(k);
            LocallyLinearWeights lle = new LocallyLinearWeights(k, regularisation);
            int[] pixels = new int[k];
            double[] w = new double[k];
            for (int row = from; row < to; row++) {
                int id = rowId[row];
                tree.nearest(features, id * Features.DIM, k, id, query);
                int found = query.count();
                for (int j = 0; j < found; j++) {
                    pixels[j] = pixelOf(band, query.found[j]);
                }
                lle.solve(rgb, pixelOf(band, id), pixels, found, w);
                // alpha of the row's own pixel when known, minus its known neighbours' share
                double constant = id < n ? 0 : id < n + foreground ? 1 : 0;
                for (int j = 0; j < k; j++) {
                    int slot = row * k + j;
                    column[slot] = -1;
                    if (j >= found) {
                        continue;
                    }
                    int q = query.found[j];
                    weight[slot] = (float) w[j];
                    if (q < n) {
                        column[slot] = q;
                    } else if (q < n + foreground) {
                        constant -= w[j];
                    }
                }
                offset[row] = constant;
            }
        });
        return new ColourMixtureFlow(k, rows, n, column, weight, offset);
    }

    /** Candidate ids of the rows: all unknowns, then the known candidates within rowMargin of the band. */
    private static int[] rowIds(Band band, int rowMargin) {
        int n = band.unknowns();
        int[] fd = band.foregroundDistance();
        int[] bd = band.backgroundDistance();
        int count = n;
        for (int d : fd) {
            count += d <= rowMargin ? 1 : 0;
        }
        for (int d : bd) {
            count += d <= rowMargin ? 1 : 0;
        }
        int[] ids = new int[count];
        int r = 0;
        for (int i = 0; i < n; i++) {
            ids[r++] = i;
        }
        for (int j = 0; j < fd.length; j++) {
            if (fd[j] <= rowMargin) {
                ids[r++] = n + j;
            }
        }
        for (int j = 0; j < bd.length; j++) {
            if (bd[j] <= rowMargin) {
                ids[r++] = n + fd.length + j;
            }
        }
        return ids;
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
