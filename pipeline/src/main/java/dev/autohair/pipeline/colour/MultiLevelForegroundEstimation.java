package dev.autohair.pipeline.colour;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.parallel.RowBlocks;
import java.util.Arrays;

/**
 * Fast multi-level foreground estimation (Germer, Uelwer, Conrad, Harmeling, 2020). Finds F and B
 * minimising, per channel,
 *
 * <pre>
 *   sum_i (a_i F_i + (1 - a_i) B_i - I_i)^2
 *     + sum_i sum_{j in 4-neighbours(i)} (regularization + gradientWeight |a_i - a_j|) ((F_i - F_j)^2 + (B_i - B_j)^2)
 * </pre>
 *
 * coarse to fine: the image and alpha are resized (nearest neighbour) to sizes growing
 * geometrically from 1x1 to full size; at each level F and B, upsampled from the previous level,
 * are improved by a few sweeps that solve each pixel's 2x2 system with its neighbours held fixed.
 * Most of the work happens on small levels, so full-size images need only a couple of sweeps.
 *
 * <p>Sweeps use red-black ordering (a pixel's 4-neighbours all have the other colour), so each
 * half-sweep updates its pixels in parallel, row by row, deterministically.
 */
public final class MultiLevelForegroundEstimation implements ForegroundEstimation {

    /**
     * @param regularization smoothness of F and B everywhere (the paper's epsilon_r)
     * @param gradientWeight extra smoothness across alpha edges (the paper's omega)
     * @param smallIterations sweeps on levels no larger than smallSize in both dimensions
     * @param bigIterations sweeps on the larger levels
     * @param smallSize side below which a level counts as small
     */
    public record Options(double regularization, double gradientWeight, int smallIterations, int bigIterations,
            int smallSize) {

        public Options {
            if (!(regularization > 0) || gradientWeight < 0 || smallIterations < 1 || bigIterations < 1 || smallSize < 1) {
                throw new IllegalArgumentException("invalid foreground estimation options " + this);
            }
        }

        /** The values pymatting's implementation of the method uses. */
        public static Options defaults() {
            return new Options(1e-5, 1.0, 10, 2, 32);
        }
    }

    /**
     * Pixels further than this from any alpha edge are not swept on the large levels. There the
     * data term pins one layer to the image (F = I where alpha is 1, B = I where it is 0) to within
     * the regularisation (1e-5), and the other layer is invisible in the output; the few sweeps of a
     * large level carry information only a few pixels, so sweeping beyond this margin changed
     * nothing that shows, yet was most of the work on photos whose band is a small part.
     */
    static final int ACTIVE_MARGIN = 6;

    /** Estimated foreground and background colours. */
    public record Layers(RgbImage foreground, RgbImage background) {}

    private final Options options;
    private final boolean sweepEverywhere;

    public MultiLevelForegroundEstimation() {
        this(Options.defaults());
    }

    public MultiLevelForegroundEstimation(Options options) {
        this(options, false);
    }

    /** With {@code sweepEverywhere}, every pixel of every level is swept: the method as published, for comparison. */
    MultiLevelForegroundEstimation(Options options, boolean sweepEverywhere) {
        this.options = options;
        this.sweepEverywhere = sweepEverywhere;
    }

    /**
     * The foreground alone. The full-size level, the largest object, is swept in stripes of
     * {@link #STRIPE_ROWS} rows, each with a halo of as many rows as the level has half-sweeps:
     * a half-sweep carries information one pixel, so each stripe's own rows come out exactly as
     * in one full-size pass, while only a stripe's B layer exists at a time (at 40 MP, 480 MB less).
     */
    @Override
    public RgbImage estimate(RgbImage image, Matte alpha) {
        requireSameSize(image, alpha);
        return foreground(image, alpha, new float[image.rgb().length]);
    }

    /**
     * The same foreground, written over the image's own samples: a stripe's rows go into the image
     * once the next stripe, whose halo reads them, has been swept. At 40 MP that is 480 MB less at
     * the colour stage, the run's peak.
     */
    @Override
    public RgbImage estimateConsuming(RgbImage image, Matte alpha) {
        requireSameSize(image, alpha);
        return foreground(image, alpha, image.rgb());
    }

    private RgbImage foreground(RgbImage image, Matte alpha, float[] foreground) {
        int w = image.width();
        int h = image.height();
        Pyramid pyramid = new Pyramid(w, h);
        if (pyramid.levels == 0 || isSmall(w, h)) {
            float[] f = estimateLayers(image, alpha).foreground().rgb();
            System.arraycopy(f, 0, foreground, 0, f.length);
            return new RgbImage(w, h, foreground);
        }
        Level coarse = coarseLevels(image, alpha, pyramid);
        float[] rgb = image.rgb();
        float[] a = alpha.alpha();
        ActiveRegion active = activeRegion(a, w, h, false);
        int halo = 2 * options.bigIterations();
        float[] heldBack = new float[0]; // the last stripe's rows that the next one still reads as image
        int heldBackRow = 0;
        for (int core = 0; core < h; core += STRIPE_ROWS) {
            int coreEnd = Math.min(h, core + STRIPE_ROWS);
            int from = Math.max(0, core - halo);
            int to = Math.min(h, coreEnd + halo);
            Level stripe = coarse.rowsOfResized(w, h, from, to, rgb, a, active);
            stripe.sweep(rgb, a, active, options.bigIterations());
            System.arraycopy(heldBack, 0, foreground, 3 * heldBackRow * w, heldBack.length);
            int writeEnd = coreEnd == h ? h : Math.max(core, coreEnd - halo);
            System.arraycopy(stripe.f, 3 * (core - from) * w, foreground, 3 * core * w, 3 * (writeEnd - core) * w);
            heldBack = Arrays.copyOfRange(stripe.f, 3 * (writeEnd - from) * w, 3 * (coreEnd - from) * w);
            heldBackRow = writeEnd;
        }
        System.arraycopy(heldBack, 0, foreground, 3 * heldBackRow * w, heldBack.length);
        return new RgbImage(w, h, foreground);
    }

    /** Both layers: the foreground F and the background B with I ~ aF + (1 - a)B. */
    public Layers estimateLayers(RgbImage image, Matte alpha) {
        requireSameSize(image, alpha);
        int w = image.width();
        int h = image.height();
        Pyramid pyramid = new Pyramid(w, h);
        boolean small = isSmall(w, h);
        ActiveRegion active = activeRegion(alpha.alpha(), w, h, small);
        Level level = pyramid.levels == 0 ? new Level(1, 1, 0, meanColour(image), meanColour(image))
                : coarseLevels(image, alpha, pyramid).rowsOfResized(w, h, 0, h, image.rgb(), alpha.alpha(), active);
        level.sweep(image.rgb(), alpha.alpha(), active, small ? options.smallIterations() : options.bigIterations());
        return new Layers(new RgbImage(w, h, level.f), new RgbImage(w, h, level.b));
    }

    /** Blocks of rows for a pass over this many pixels of a level: one per thread above 16 384, else one. */
    static int rowBlocks(long pixels) {
        return pixels > 16_384 ? RowBlocks.THREADS : 1;
    }

    /** Rows of the full-size level swept at a time by {@link #estimate}. */
    static final int STRIPE_ROWS = 256;

    /** Level sizes growing geometrically from 1x1 to the image's. */
    private record Pyramid(int width, int height, int levels) {
        Pyramid(int width, int height) {
            this(width, height, (int) Math.ceil(Math.log(Math.max(width, height)) / Math.log(2)));
        }

        int width(int level) {
            return Math.max(1, (int) Math.round(Math.pow(width, (double) level / levels)));
        }

        int height(int level) {
            return Math.max(1, (int) Math.round(Math.pow(height, (double) level / levels)));
        }
    }

    /** Every level below the full size, from the mean colour at 1x1 up. */
    private Level coarseLevels(RgbImage image, Matte alpha, Pyramid pyramid) {
        int w = image.width();
        int h = image.height();
        float[] mean = meanColour(image);
        Level level = new Level(1, 1, 0, mean, mean.clone());
        for (int l = 0; l < pyramid.levels; l++) {
            int lw = pyramid.width(l);
            int lh = pyramid.height(l);
            float[] levelAlpha = resizeNearest(alpha.alpha(), w, h, lw, lh, 1);
            float[] levelImage = resizeNearest(image.rgb(), w, h, lw, lh, 3);
            boolean small = isSmall(lw, lh);
            ActiveRegion active = activeRegion(levelAlpha, lw, lh, small);
            level = level.rowsOfResized(lw, lh, 0, lh, levelImage, levelAlpha, active);
            level.sweep(levelImage, levelAlpha, active, small ? options.smallIterations() : options.bigIterations());
        }
        return level;
    }

    private boolean isSmall(int w, int h) {
        return w <= options.smallSize() && h <= options.smallSize();
    }

    private ActiveRegion activeRegion(float[] alpha, int w, int h, boolean small) {
        return small || sweepEverywhere ? ActiveRegion.everywhere(w, h) : ActiveRegion.nearEdges(alpha, w, h, ACTIVE_MARGIN);
    }

    private static void requireSameSize(RgbImage image, Matte alpha) {
        if (!alpha.sameSizeAs(image)) {
            throw new IllegalArgumentException("alpha " + alpha.width() + "x" + alpha.height()
                    + " does not match image " + image.width() + "x" + image.height());
        }
    }

    private static float[] meanColour(RgbImage image) {
        double r = 0;
        double g = 0;
        double b = 0;
        float[] rgb = image.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            r += rgb[i];
            g += rgb[i + 1];
            b += rgb[i + 2];
        }
        int n = image.pixelCount();
        return new float[] {(float) (r / n), (float) (g / n), (float) (b / n)};
    }

    /** Nearest-neighbour resize of an interleaved image with {@code depth} channels. */
    static float[] resizeNearest(float[] src, int sw, int sh, int dw, int dh, int depth) {
        if (sw == dw && sh == dh) {
            return src; // never modified: the full-size level reads the caller's arrays
        }
        return resizeNearestRows(src, sw, sh, dw, dh, depth, 0, dh);
    }

    /** Rows {@code from} (inclusive) to {@code to} of the nearest-neighbour resize to dw x dh. */
    static float[] resizeNearestRows(float[] src, int sw, int sh, int dw, int dh, int depth, int from, int to) {
        float[] dst = new float[dw * (to - from) * depth];
        int[] column = nearestColumns(sw, dw, depth);
        int blocks = rowBlocks((long) dw * (to - from));
        int[] bounds = RowBlocks.split(to - from, blocks);
        RowBlocks.forEach(blocks, k -> resizeRows(src, sw, sh, dw, dh, depth, from, from + bounds[k],
                from + bounds[k + 1], column, dst));
        return dst;
    }

    /** Source offset of each destination column's nearest pixel, for {@code depth} samples a pixel. */
    private static int[] nearestColumns(int sw, int dw, int depth) {
        int[] column = new int[dw];
        for (int x = 0; x < dw; x++) {
            column[x] = Math.min(sw - 1, (int) ((long) x * sw / dw)) * depth;
        }
        return column;
    }

    /** Rows {@code first} to {@code end} of the resize into dst, whose row 0 is row {@code from}. */
    private static void resizeRows(float[] src, int sw, int sh, int dw, int dh, int depth, int from, int first,
            int end, int[] column, float[] dst) {
        int rowLength = dw * depth;
        int previousRow = -1;
        for (int y = first; y < end; y++) {
            int row = Math.min(sh - 1, (int) ((long) y * sh / dh)) * sw * depth;
            int out = (y - from) * rowLength;
            if (row == previousRow) { // upsampling repeats source rows: copy the row just made
                System.arraycopy(dst, out - rowLength, dst, out, rowLength);
                continue;
            }
            previousRow = row;
            if (depth == 3) {
                for (int x = 0; x < dw; x++, out += 3) {
                    int in = row + column[x];
                    dst[out] = src[in];
                    dst[out + 1] = src[in + 1];
                    dst[out + 2] = src[in + 2];
                }
            } else if (depth == 1) {
                for (int x = 0; x < dw; x++) {
                    dst[out + x] = src[row + column[x]];
                }
            } else {
                for (int x = 0; x < dw; x++, out += depth) {
                    System.arraycopy(src, row + column[x], dst, out, depth);
                }
            }
        }
    }

    /**
     * F and B over rows {@code top} to {@code top + h} of one level of the pyramid, {@code w} wide
     * (all of it, or a stripe); image, alpha and active region are the whole level's.
     */
    private final class Level {
        final int w;
        final int h;
        final int top;
        final float[] f;
        final float[] b;

        Level(int w, int h, int top, float[] f, float[] b) {
            this.w = w;
            this.h = h;
            this.top = top;
            this.f = f;
            this.b = b;
        }

        /**
         * Rows {@code from} to {@code to} of this (whole) level resized to nw x nh, the size of
         * {@code image}, {@code alpha} and {@code active}, in one pass that also settles the layers
         * outside the active region: F = I where alpha is 1 and B = I where it is 0, as the data
         * term demands. Sweeps never write there, so the layers start as they end.
         */
        Level rowsOfResized(int nw, int nh, int from, int to, float[] image, float[] alpha, ActiveRegion active) {
            int samples = 3 * nw * (to - from);
            Level level = new Level(nw, to - from, from, new float[samples], new float[samples]);
            int[] column = nearestColumns(w, nw, 3);
            int blocks = rowBlocks((long) nw * (to - from));
            int[] bounds = RowBlocks.split(to - from, blocks);
            RowBlocks.forEach(blocks, k -> {
                for (int y = from + bounds[k]; y < from + bounds[k + 1]; y++) {
                    int source = Math.min(h - 1, (int) ((long) y * h / nh)) * w * 3;
                    if (active.isEverywhere()) {
                        level.copyRun(f, b, source, column, y, 0, nw);
                        continue;
                    }
                    int gapFrom = 0;
                    for (int r = active.firstRun(y); r < active.endRun(y); r++) {
                        level.settleGap(f, b, source, column, image, alpha, y, gapFrom, active.runFrom(r));
                        level.copyRun(f, b, source, column, y, active.runFrom(r), active.runTo(r));
                        gapFrom = active.runTo(r);
                    }
                    level.settleGap(f, b, source, column, image, alpha, y, gapFrom, nw);
                }
            });
            return level;
        }

        /** Columns fromX to toX of row y: the coarse layers' nearest pixels, starting at {@code source}. */
        private void copyRun(float[] coarseF, float[] coarseB, int source, int[] column, int y, int fromX, int toX) {
            for (int x = fromX, o = 3 * ((y - top) * w + fromX); x < toX; x++, o += 3) {
                int in = source + column[x];
                setPixel(o, coarseF, in, coarseB, in);
            }
        }

        /** Like {@link #copyRun}, but the image's colour wherever the data term pins a layer to it. */
        private void settleGap(float[] coarseF, float[] coarseB, int source, int[] column, float[] image,
                float[] alpha, int y, int fromX, int toX) {
            for (int x = fromX, o = 3 * ((y - top) * w + fromX); x < toX; x++, o += 3) {
                int i = y * w + x;
                int in = source + column[x];
                float a = alpha[i];
                float[] fFrom = a >= 1 ? image : coarseF;
                float[] bFrom = a <= 0 ? image : coarseB;
                setPixel(o, fFrom, a >= 1 ? 3 * i : in, bFrom, a <= 0 ? 3 * i : in);
            }
        }

        /** The pixel at sample o of both layers, F from fFrom at fAt and B from bFrom at bAt. */
        private void setPixel(int o, float[] fFrom, int fAt, float[] bFrom, int bAt) {
            f[o] = fFrom[fAt];
            f[o + 1] = fFrom[fAt + 1];
            f[o + 2] = fFrom[fAt + 2];
            b[o] = bFrom[bAt];
            b[o + 1] = bFrom[bAt + 1];
            b[o + 2] = bFrom[bAt + 2];
        }

        /** {@code sweeps} red-black sweeps of the active pixels. */
        void sweep(float[] image, float[] alpha, ActiveRegion active, int sweeps) {
            for (int s = 0; s < sweeps; s++) {
                halfSweep(image, alpha, active, 0);
                halfSweep(image, alpha, active, 1);
            }
        }

        /** Updates the active pixels with (x + y) % 2 == parity from their 4-neighbours. */
        private void halfSweep(float[] image, float[] alpha, ActiveRegion active, int parity) {
            // several blocks per thread, as the active rows are uneven; a half-sweep of a few
            // thousand pixels already outlasts the team's hand-off (at 16 384, set for the common
            // pool's, the last coarse levels of a small photo ran on one thread)
            int blocks = active.count() > 2_048 ? 4 * RowBlocks.THREADS : 1;
            int[] bounds = RowBlocks.split(h, blocks);
            RowBlocks.forEach(blocks, k -> {
                for (int y = top + bounds[k]; y < top + bounds[k + 1]; y++) {
                    if (active.rowHasAny(y)) {
                        sweepRow(image, alpha, active, y, parity);
                    }
                }
            });
        }

        /** Row y of the level (a row of this stripe): image, alpha and active are indexed by level, f and b by stripe. */
        private void sweepRow(float[] image, float[] alpha, ActiveRegion active, int y, int parity) {
            double eps = options.regularization();
            double omega = options.gradientWeight();
            int local = y - top;
            for (int k = active.firstRun(y); k < active.endRun(y); k++) {
                int end = active.runTo(k);
                int start = active.runFrom(k);
                for (int x = start + ((start + y + parity) & 1); x < end; x += 2) {
                    sweepPixel(image, alpha, eps, omega, y, x, local);
                }
            }
        }

        /** Solves pixel (x, y) of the level, row {@code local} of this stripe, from its 4-neighbours. */
        private void sweepPixel(float[] image, float[] alpha, double eps, double omega, int y, int x, int local) {
            int i = y * w + x;
            int li = local * w + x;
            double a = alpha[i];
            // the four neighbours unrolled; one outside the stripe gets weight 0 (and reads pixel i)
            boolean hasLeft = x > 0;
            boolean hasRight = x < w - 1;
            boolean hasUp = local > 0;
            boolean hasDown = local < h - 1;
            double wl = hasLeft ? eps + omega * Math.abs(a - alpha[i - 1]) : 0;
            double wr = hasRight ? eps + omega * Math.abs(a - alpha[i + 1]) : 0;
            double wu = hasUp ? eps + omega * Math.abs(a - alpha[i - w]) : 0;
            double wd = hasDown ? eps + omega * Math.abs(a - alpha[i + w]) : 0;
            double weightSum = (wl + wr) + (wu + wd);
            int l = 3 * (hasLeft ? li - 1 : li);
            int r = 3 * (hasRight ? li + 1 : li);
            int u = 3 * (hasUp ? li - w : li);
            int d = 3 * (hasDown ? li + w : li);
            double f0 = (wl * f[l] + wr * f[r]) + (wu * f[u] + wd * f[d]);
            double f1 = (wl * f[l + 1] + wr * f[r + 1]) + (wu * f[u + 1] + wd * f[d + 1]);
            double f2 = (wl * f[l + 2] + wr * f[r + 2]) + (wu * f[u + 2] + wd * f[d + 2]);
            double b0 = (wl * b[l] + wr * b[r]) + (wu * b[u] + wd * b[d]);
            double b1 = (wl * b[l + 1] + wr * b[r + 1]) + (wu * b[u + 1] + wd * b[d + 1]);
            double b2 = (wl * b[l + 2] + wr * b[r + 2]) + (wu * b[u + 2] + wd * b[d + 2]);
            if (weightSum == 0) {
                return; // a 1x1 level: the system is singular, keep the mean colour
            }
            double a11 = a * a + weightSum;
            double a12 = a * (1 - a);
            double a22 = (1 - a) * (1 - a) + weightSum;
            double inverseDet = 1 / (a11 * a22 - a12 * a12);
            // every load before the first store: the compiler cannot tell the image from the
            // layers, so a store between loads kept it from reordering them (sweeps ~25 % slower)
            int o = 3 * i;
            double c0 = image[o];
            double c1 = image[o + 1];
            double c2 = image[o + 2];
            double na = 1 - a;
            double rf0 = a * c0 + f0, rb0 = na * c0 + b0;
            double rf1 = a * c1 + f1, rb1 = na * c1 + b1;
            double rf2 = a * c2 + f2, rb2 = na * c2 + b2;
            double fi0 = (a22 * rf0 - a12 * rb0) * inverseDet, bi0 = (a11 * rb0 - a12 * rf0) * inverseDet;
            double fi1 = (a22 * rf1 - a12 * rb1) * inverseDet, bi1 = (a11 * rb1 - a12 * rf1) * inverseDet;
            double fi2 = (a22 * rf2 - a12 * rb2) * inverseDet, bi2 = (a11 * rb2 - a12 * rf2) * inverseDet;
            int lo = 3 * li;
            f[lo] = unit(fi0);
            f[lo + 1] = unit(fi1);
            f[lo + 2] = unit(fi2);
            b[lo] = unit(bi0);
            b[lo + 1] = unit(bi1);
            b[lo + 2] = unit(bi2);
        }

        private static float unit(double value) {
            // comparisons, not Math.max / min: those handle NaN and -0 in several instructions each,
            // six times a pixel (the same result, -0 included, as <= 0 turns it into 0)
            return (float) (value <= 0 ? 0 : value >= 1 ? 1 : value);
        }
    }
}
