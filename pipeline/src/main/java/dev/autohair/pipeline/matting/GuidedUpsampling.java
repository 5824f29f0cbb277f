package dev.autohair.pipeline.matting;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.parallel.RowBlocks;

/**
 * A half-size matte brought to full size through the image's colours, as a solve's starting
 * vector: closed-form matting's own model, alpha = a . colour + b in every small window, fitted to
 * the coarse matte over 3x3 windows of the half-size image (a guided filter, He, Sun and Tang
 * 2010), the coefficients averaged over the windows that hold each coarse pixel, interpolated
 * bilinearly and applied to the full-size colours. Unlike interpolating alpha itself, this keeps a
 * strand's edge where the image has it, so the fine solve starts with most of its detail.
 *
 * <p>Only what the band needs is computed: rows of the half-size image are averaged from the
 * full-size one as the fine unknowns (row-major) reach them, a few rows at a time, over the
 * columns the band spans; no half-size or full-size copy is made.
 */
final class GuidedUpsampling {

    /**
     * Regulariser of the windows' colour covariance (colours in 0..1): small enough that the fit
     * follows a strand's colour line, large enough to keep flat windows' coefficients bounded.
     * Measured on hair and curls composites at 0.5 and 2 MP: 1e-6 to 1e-4 start equally well
     * (within a few iterations), 1e-3 and above start further from the answer.
     */
    static final double EPSILON = 1e-5;

    /** Window statistics summed per coarse pixel: r, g, b, alpha, six colour products, three with alpha. */
    private static final int SUMS = 13;

    /** Rows kept by each rolling cache: the most rows one step reads at once is 3, plus room to move on. */
    private static final int CACHED_ROWS = 8;

    private final Matte coarse;
    private final RgbImage image;
    private final int cw;
    private final int ch;
    /**
     * Coarse columns computed, from (inclusive) to (exclusive): the means the band reads, the
     * windows those average (one column either side), the sums those windows add (one more).
     */
    private final int meanFrom;
    private final int meanTo;
    private final int windowFrom;
    private final int windowTo;
    private final int sumFrom;
    private final int sumTo;
    /** Per coarse pixel, its row's three-pixel sums of the window statistics ({@link #sumRow}). */
    private final RowCache sums;
    /** One coarse row's statistics before the horizontal sums, over the columns summed. */
    private final double[] products;
    private final double[] mean = new double[SUMS];
    /** Window coefficients a_r, a_g, a_b, b per coarse pixel (window centred there). */
    private final RowCache windows;
    /** Those coefficients averaged over the windows holding each coarse pixel. */
    private final RowCache means;

    private GuidedUpsampling(Matte coarse, RgbImage image, int fromColumn, int toColumn) {
        this.coarse = coarse;
        this.image = image;
        this.cw = coarse.width();
        this.ch = coarse.height();
        this.meanFrom = fromColumn;
        this.meanTo = toColumn;
        this.windowFrom = Math.max(0, fromColumn - 1);
        this.windowTo = Math.min(cw, toColumn + 1);
        this.sumFrom = Math.max(0, fromColumn - 2);
        this.sumTo = Math.min(cw, toColumn + 2);
        this.products = new double[SUMS * (sumTo - sumFrom)];
        this.sums = new RowCache(SUMS * cw, this::sumRow);
        this.windows = new RowCache(4 * cw, this::windowRow);
        this.means = new RowCache(4 * cw, this::meanRow);
    }

    /**
     * The starting vector of {@code system} (extended space) from the half-size matte of the
     * same problem; {@code image} is the full-size image the system was built from.
     */
    static double[] onto(Matte coarse, RgbImage image, MattingSystem system) {
        double[] x = system.newVector();
        if (system.unknowns == 0) {
            return x;
        }
        int w = system.width;
        int minX = w;
        int maxX = 0;
        for (int p : system.unknownPixel) {
            minX = Math.min(minX, p % w);
            maxX = Math.max(maxX, p % w);
        }
        int from = Pyramid.tap(minX, coarse.width()).low();
        int to = Pyramid.tap(maxX, coarse.width()).high() + 1;
        float[] rgb = image.rgb();
        // each block its own caches: the rows where two blocks meet are computed by both
        RowBlocks.forEach(system.blocks(), b -> {
            GuidedUpsampling upsampling = new GuidedUpsampling(coarse, image, from, to);
            for (int i = system.blockStart[b]; i < system.blockStart[b + 1]; i++) {
                int p = system.unknownPixel[i];
                double v = upsampling.alphaAt(p % w, p / w, rgb[3 * p], rgb[3 * p + 1], rgb[3 * p + 2]);
                x[system.unknownExt[i]] = v < 0 ? 0 : v > 1 ? 1 : v;
            }
        });
        return x;
    }

    private double alphaAt(int x, int y, float r, float g, float b) {
        Pyramid.Tap tx = Pyramid.tap(x, cw);
        Pyramid.Tap ty = Pyramid.tap(y, ch);
        double[] top = means.row(ty.low());
        double[] bottom = means.row(ty.high());
        float wx = tx.weight();
        // the four bilinear weights applied to each coarse pixel's a . colour + b
        return (1 - ty.weight()) * ((1 - wx) * apply(top, tx.low(), r, g, b) + wx * apply(top, tx.high(), r, g, b))
                + ty.weight() * ((1 - wx) * apply(bottom, tx.low(), r, g, b) + wx * apply(bottom, tx.high(), r, g, b));
    }

    private static double apply(double[] means, int cx, float r, float g, float b) {
        int o = 4 * cx;
        return means[o] * r + means[o + 1] * g + means[o + 2] * b + means[o + 3];
    }

    /**
     * Per coarse pixel of row cy, the sums over it and its two horizontal neighbours (edges
     * clamped) of r, g, b, alpha and their products rr, rg, rb, gg, gb, bb, r alpha, g alpha,
     * b alpha; colours are the 2x2 averages of {@link Pyramid#halve(RgbImage)}.
     */
    private void sumRow(int cy, double[] out) {
        int w = image.width();
        int h = image.height();
        float[] src = image.rgb();
        float[] alpha = coarse.alpha();
        int row0 = 3 * (2 * cy) * w;
        int row1 = 3 * Math.min(h - 1, 2 * cy + 1) * w;
        double[] q = products;
        for (int cx = sumFrom; cx < sumTo; cx++) {
            int c0 = 6 * cx;
            int c1 = 3 * Math.min(w - 1, 2 * cx + 1);
            double r = 0.25f * (src[row0 + c0] + src[row0 + c1] + src[row1 + c0] + src[row1 + c1]);
            double g = 0.25f * (src[row0 + c0 + 1] + src[row0 + c1 + 1] + src[row1 + c0 + 1] + src[row1 + c1 + 1]);
            double b = 0.25f * (src[row0 + c0 + 2] + src[row0 + c1 + 2] + src[row1 + c0 + 2] + src[row1 + c1 + 2]);
            double a = alpha[cy * cw + cx];
            int o = SUMS * (cx - sumFrom);
            q[o] = r;
            q[o + 1] = g;
            q[o + 2] = b;
            q[o + 3] = a;
            q[o + 4] = r * r;
            q[o + 5] = r * g;
            q[o + 6] = r * b;
            q[o + 7] = g * g;
            q[o + 8] = g * b;
            q[o + 9] = b * b;
            q[o + 10] = r * a;
            q[o + 11] = g * a;
            q[o + 12] = b * a;
        }
        for (int cx = windowFrom; cx < windowTo; cx++) {
            int left = SUMS * (Math.max(0, cx - 1) - sumFrom);
            int centre = SUMS * (cx - sumFrom);
            int right = SUMS * (Math.min(cw - 1, cx + 1) - sumFrom);
            for (int k = 0; k < SUMS; k++) {
                out[SUMS * cx + k] = q[left + k] + q[centre + k] + q[right + k];
            }
        }
    }

    /** The least-squares alpha = a . colour + b over the 3x3 window centred at each coarse pixel of row cy (edges clamped). */
    private void windowRow(int cy, double[] out) {
        double[] above = sums.row(Math.max(0, cy - 1));
        double[] row = sums.row(cy);
        double[] below = sums.row(Math.min(ch - 1, cy + 1));
        double[] m = mean;
        for (int cx = windowFrom; cx < windowTo; cx++) {
            int o = SUMS * cx;
            for (int k = 0; k < SUMS; k++) {
                m[k] = (above[o + k] + row[o + k] + below[o + k]) / 9;
            }
            double mr = m[0], mg = m[1], mb = m[2], ma = m[3];
            // covariance + epsilon I, symmetric: its inverse by cofactors is exact enough here,
            // since epsilon bounds the condition number by ~3 / epsilon
            double c00 = m[4] - mr * mr + EPSILON, c01 = m[5] - mr * mg, c02 = m[6] - mr * mb;
            double c11 = m[7] - mg * mg + EPSILON, c12 = m[8] - mg * mb, c22 = m[9] - mb * mb + EPSILON;
            double v0 = m[10] - mr * ma, v1 = m[11] - mg * ma, v2 = m[12] - mb * ma;
            double k00 = c11 * c22 - c12 * c12, k01 = c02 * c12 - c01 * c22, k02 = c01 * c12 - c02 * c11;
            double k11 = c00 * c22 - c02 * c02, k12 = c01 * c02 - c00 * c12, k22 = c00 * c11 - c01 * c01;
            double inverseDeterminant = 1 / (c00 * k00 + c01 * k01 + c02 * k02);
            double a0 = (k00 * v0 + k01 * v1 + k02 * v2) * inverseDeterminant;
            double a1 = (k01 * v0 + k11 * v1 + k12 * v2) * inverseDeterminant;
            double a2 = (k02 * v0 + k12 * v1 + k22 * v2) * inverseDeterminant;
            out[4 * cx] = a0;
            out[4 * cx + 1] = a1;
            out[4 * cx + 2] = a2;
            out[4 * cx + 3] = ma - a0 * mr - a1 * mg - a2 * mb;
        }
    }

    /** Each coarse pixel's coefficients averaged over the windows (inside the image) that hold it. */
    private void meanRow(int cy, double[] out) {
        int y0 = Math.max(0, cy - 1);
        int y1 = Math.min(ch - 1, cy + 1);
        double[][] rows = new double[y1 - y0 + 1][];
        for (int y = y0; y <= y1; y++) {
            rows[y - y0] = windows.row(y);
        }
        for (int cx = meanFrom; cx < meanTo; cx++) {
            int x0 = Math.max(0, cx - 1);
            int x1 = Math.min(cw - 1, cx + 1);
            double scale = 1.0 / (rows.length * (x1 - x0 + 1));
            for (int k = 0; k < 4; k++) {
                double sum = 0;
                for (double[] row : rows) {
                    for (int x = x0; x <= x1; x++) {
                        sum += row[4 * x + k];
                    }
                }
                out[4 * cx + k] = sum * scale;
            }
        }
    }

    /** The last few rows of a per-row computation, computed on first use. */
    private static final class RowCache {
        interface Filler {
            void fill(int row, double[] out);
        }

        private final double[][] rows;
        private final int[] rowOf;
        private final Filler filler;

        RowCache(int length, Filler filler) {
            this.rows = new double[CACHED_ROWS][length];
            this.rowOf = new int[CACHED_ROWS];
            java.util.Arrays.fill(rowOf, -1);
            this.filler = filler;
        }

        double[] row(int row) {
            int slot = row % CACHED_ROWS;
            if (rowOf[slot] != row) {
                filler.fill(row, rows[slot]);
                rowOf[slot] = row;
            }
            return rows[slot];
        }
    }
}
