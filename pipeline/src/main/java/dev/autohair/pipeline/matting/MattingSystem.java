package dev.autohair.pipeline.matting;

import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.parallel.RowBlocks;

/**
 * The closed-form matting equations restricted to the unknown pixels: L_uu x = -L_uk alpha_k,
 * where L is the matting Laplacian of Levin, Lischinski and Weiss over 3x3 windows.
 *
 * <p>Every row is a 5x5 (25-point) stencil stored only for unknown pixels. Vectors live in an
 * "extended band" index space: the unknown pixels plus every pixel within two of them (padding
 * outside the image included). Because of that halo, the five stencil pixels of any row of the
 * stencil are consecutive extended indices, so a row needs one base index per stencil row, and
 * halo entries of every vector stay zero. Storage is proportional to the band, not the image.
 */
public final class MattingSystem {

    /** Stencil slot of offset (dy, dx), both in -2..2: row-major, so slots 0..11 precede the centre 12. */
    static int slot(int dy, int dx) {
        return (dy + 2) * 5 + (dx + 2);
    }

    static final int CENTRE = 12;

    private static final double NINTH = 1.0 / 9;
    private static final double THIRD = 1.0 / 3;

    /** For window pixels i and j (0..8, row-major in the 3x3 window), the slot of j in i's stencil. */
    private static final int[] WINDOW_SLOT = new int[81];

    static {
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                WINDOW_SLOT[i * 9 + j] = slot(j / 3 - i / 3, j % 3 - i % 3);
            }
        }
    }

    final int width;
    final int height;
    final int unknowns;
    final int extendedSize;
    /** Image pixel index (y * width + x) of each unknown, ascending. */
    final int[] unknownPixel;
    /** Extended index of each unknown. */
    final int[] unknownExt;
    /** Per unknown, for dy = -2..2, the extended index of the pixel (x - 2, y + dy). */
    final int[] rowBase;
    /** Per unknown, 25 stencil coefficients; couplings to known pixels are moved to the right-hand side. */
    final float[] coeff;
    /** Extended index -> unknown index, or -1 on the halo. */
    final int[] unknownOfExt;
    /** Right-hand side in extended space (zero on the halo). */
    final double[] rhs;
    /** Unknown-index block bounds, one block per thread, contiguous in row-major order. */
    final int[] blockStart;
    /** Extended-index bounds of the same blocks, covering [0, extendedSize). */
    final int[] extBlockStart;
    /**
     * Runs of unknowns along an image row: run r is unknowns runStart[r] until runStart[r + 1],
     * whose five row bases are runBase[5 r ..] at its first unknown and one more at each next one
     * (the halo numbers a row's band pixels consecutively). The operator product reads these
     * instead of five bases per unknown: on a large band it is bound by memory, and the bases
     * were a sixth of what it read.
     */
    private final int[] runStart;
    private final int[] runBase;

    private MattingSystem(int width, int height, int unknowns, int extendedSize, int[] unknownPixel,
            int[] unknownExt, int[] unknownOfExt, int[] rowBase, float[] coeff, double[] rhs, int blocks) {
        this.unknownOfExt = unknownOfExt;
        this.width = width;
        this.height = height;
        this.unknowns = unknowns;
        this.extendedSize = extendedSize;
        this.unknownPixel = unknownPixel;
        this.unknownExt = unknownExt;
        this.rowBase = rowBase;
        this.coeff = coeff;
        this.rhs = rhs;
        this.blockStart = RowBlocks.split(unknowns, blocks);
        this.extBlockStart = new int[blocks + 1];
        for (int b = 1; b < blocks; b++) {
            extBlockStart[b] = unknownExt[blockStart[b]];
        }
        extBlockStart[blocks] = extendedSize;
        this.runStart = runStarts(rowBase, unknowns);
        int runs = runStart.length - 1;
        this.runBase = new int[runs * 5];
        for (int r = 0; r < runs; r++) {
            System.arraycopy(rowBase, runStart[r] * 5, runBase, r * 5, 5);
        }
    }

    /** Where each run of unknowns with consecutive row bases starts, then the unknown count. */
    private static int[] runStarts(int[] rowBase, int unknowns) {
        int[] starts = new int[unknowns + 1];
        int runs = 0;
        for (int i = 0; i < unknowns; i++) {
            boolean continues = i > 0;
            for (int k = 0; k < 5 && continues; k++) {
                continues = rowBase[i * 5 + k] == rowBase[(i - 1) * 5 + k] + 1;
            }
            if (!continues) {
                starts[runs++] = i;
            }
        }
        starts[runs] = unknowns;
        return java.util.Arrays.copyOf(starts, runs + 1);
    }

    /**
     * Builds the system for every unknown pixel of the trimap.
     *
     * @throws UnconstrainedMatteException when the trimap has unknown pixels but no known pixel,
     *     or the image is smaller than one 3x3 window
     * @throws IllegalArgumentException when the image and trimap sizes differ or epsilon is not positive
     */
    public static MattingSystem build(RgbImage image, Trimap trimap, double epsilon) {
        return build(image, trimap, epsilon, null, RowBlocks.THREADS);
    }

    /**
     * Builds the system with a mask prior: (L_uu + D) x = -L_uk alpha_k + D m, where D holds the
     * prior's weights on the unknowns and m its target. A null prior is exactly
     * {@link #build(RgbImage, Trimap, double)}.
     *
     * @throws IllegalArgumentException also when the prior's size differs from the image's
     */
    static MattingSystem build(RgbImage image, Trimap trimap, double epsilon, PriorField prior) {
        return build(image, trimap, epsilon, prior, RowBlocks.THREADS);
    }

    static MattingSystem build(RgbImage image, Trimap trimap, double epsilon, int blocks) {
        return build(image, trimap, epsilon, null, blocks);
    }

    static MattingSystem build(RgbImage image, Trimap trimap, double epsilon, PriorField prior, int blocks) {
        if (!trimap.sameSizeAs(image)) {
            throw new IllegalArgumentException("trimap " + trimap.width() + "x" + trimap.height()
                    + " does not match image " + image.width() + "x" + image.height());
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + epsilon);
        }
        int w = image.width();
        int h = image.height();
        int n = trimap.unknownCount();
        if (n == trimap.labels().length) {
            throw new UnconstrainedMatteException("every pixel is unknown: no foreground or background to anchor alpha");
        }
        if (n > 0 && (w < 3 || h < 3)) {
            throw new UnconstrainedMatteException("image " + w + "x" + h + " is smaller than one 3x3 matting window");
        }
        if (prior != null && (prior.target().width() != w || prior.target().height() != h)) {
            throw new IllegalArgumentException("prior " + prior.target().width() + "x" + prior.target().height()
                    + " does not match image " + w + "x" + h);
        }
        MattingSystem system = new Builder(image, trimap, epsilon, n, Math.max(1, Math.min(blocks, n / 256 + 1))).build();
        if (prior != null) {
            system.addPrior(prior.target().alpha(), prior.weight().alpha());
        }
        return system;
    }

    /** Adds the prior's weight to each unknown's diagonal and weight × target to its right-hand side. */
    private void addPrior(float[] target, float[] weight) {
        for (int i = 0; i < unknowns; i++) {
            int p = unknownPixel[i];
            coeff[i * 25 + CENTRE] += weight[p];
            rhs[unknownExt[i]] += (double) weight[p] * Math.min(1f, Math.max(0f, target[p]));
        }
    }

    /** Number of unknown pixels, i.e. equations solved. */
    public int unknownCount() {
        return unknowns;
    }

    /** Length of every solver vector: the unknowns plus a two-pixel halo around them. */
    public int extendedSize() {
        return extendedSize;
    }

    public int blocks() {
        return blockStart.length - 1;
    }

    /**
     * Row {@code unknown} of L_uu as (column, coefficient) pairs, columns being unknown indices
     * (unknowns are numbered in ascending pixel order); couplings to known pixels are already in
     * the right-hand side. Returns how many pairs were written (at most 25). For other solvers
     * that add terms to the same Laplacian.
     */
    public int row(int unknown, int[] columns, double[] values) {
        int count = 0;
        for (int k = 0; k < 25; k++) {
            float value = coeff[unknown * 25 + k];
            if (value == 0) {
                continue;
            }
            int column = unknownOfExt[rowBase[unknown * 5 + k / 5] + k % 5];
            if (column >= 0) {
                columns[count] = column;
                values[count++] = value;
            }
        }
        return count;
    }

    /** The right-hand side -L_uk alpha_k of one unknown. */
    public double rhsOf(int unknown) {
        return rhs[unknownExt[unknown]];
    }

    /** A fresh zero vector of {@link #extendedSize()}. */
    public double[] newVector() {
        return new double[extendedSize];
    }

    /** The right-hand side -L_uk alpha_k, in extended space. Do not modify. */
    public double[] rhs() {
        return rhs;
    }

    /** y = L_uu x on the unknowns (halo entries of y are left untouched, hence zero). */
    public void multiply(double[] x, double[] y) {
        RowBlocks.forEach(blocks(), b -> multiplyBlock(x, y, blockStart[b], blockStart[b + 1]));
    }

    /** y = L_uu x over one block of unknowns; returns the block's contribution to x . y. */
    double multiplyBlock(double[] x, double[] y, int from, int to) {
        double dot = 0;
        for (int r = firstRun(from); runStart[r] < to; r++) {
            for (int i = Math.max(runStart[r], from), end = Math.min(runStart[r + 1], to); i < end; i++) {
                int along = i - runStart[r];
                double s = rowProduct(x, i, r, along);
                int e = runBase[r * 5 + 2] + along + 2; // the unknown itself, the centre of its middle row
                y[e] = s;
                dot += s * x[e];
            }
        }
        return dot;
    }

    /**
     * One conjugate-gradient direction step over a block, fused with its operator product:
     * p = z + beta p and q = A p, computed as A z + beta q since q held A p before. Returns the
     * block's contribution to p . q. Reads z around the block, writes p and q inside it only.
     */
    double nextDirectionBlock(double[] z, double[] p, double[] q, double beta, int from, int to) {
        double dot = 0;
        for (int r = firstRun(from); runStart[r] < to; r++) {
            for (int i = Math.max(runStart[r], from), end = Math.min(runStart[r + 1], to); i < end; i++) {
                int along = i - runStart[r];
                int e = runBase[r * 5 + 2] + along + 2;
                double qi = rowProduct(z, i, r, along) + beta * q[e];
                double pi = z[e] + beta * p[e];
                q[e] = qi;
                p[e] = pi;
                dot += pi * qi;
            }
        }
        return dot;
    }

    /** The run unknown {@code from} lies in (a block's first: one search per pass). */
    private int firstRun(int from) {
        int found = java.util.Arrays.binarySearch(runStart, 0, runStart.length - 1, from);
        return found >= 0 ? found : Math.max(0, -found - 2); // 0 also for a band of no unknowns
    }

    /** Row i of L_uu times x, i being the unknown {@code along} places into run r. */
    private double rowProduct(double[] x, int i, int r, int along) {
        int c = i * 25;
        int bases = r * 5;
        // five independent row sums added as a tree: a single running sum would chain 25
        // dependent additions, and that latency, not memory, bounded the product
        double s0 = rowSum(x, runBase[bases] + along, c);
        double s1 = rowSum(x, runBase[bases + 1] + along, c + 5);
        double s2 = rowSum(x, runBase[bases + 2] + along, c + 10);
        double s3 = rowSum(x, runBase[bases + 3] + along, c + 15);
        double s4 = rowSum(x, runBase[bases + 4] + along, c + 20);
        return ((s0 + s1) + (s2 + s3)) + s4;
    }

    private double rowSum(double[] x, int base, int k) {
        return (coeff[k] * x[base] + coeff[k + 1] * x[base + 1]) + (coeff[k + 2] * x[base + 2]
                + coeff[k + 3] * x[base + 3]) + coeff[k + 4] * x[base + 4];
    }

    /** Writes x (extended space) into alpha: clamped to [0, 1] on the unknowns. */
    public void scatterInto(double[] x, float[] alpha) {
        scatter(x, unknownExt, unknownPixel, alpha);
    }

    /** {@link #scatterInto} from the two index arrays alone, so the rest of a system can be dropped first. */
    static void scatter(double[] x, int[] unknownExt, int[] unknownPixel, float[] alpha) {
        for (int i = 0; i < unknownPixel.length; i++) {
            double v = x[unknownExt[i]];
            alpha[unknownPixel[i]] = (float) (v < 0 ? 0 : v > 1 ? 1 : v);
        }
    }

    /** Reads alpha at the unknown pixels into a vector of extended space. */
    public double[] gatherFrom(float[] alpha) {
        double[] x = newVector();
        for (int i = 0; i < unknowns; i++) {
            x[unknownExt[i]] = alpha[unknownPixel[i]];
        }
        return x;
    }

    /**
     * Assembles the stencils window by window. Which padded pixels belong to the extended band is
     * one byte each; their extended indices are recomputed a row at a time where needed, since a
     * full-size index map (4 bytes a pixel, 160 MB at 40 MP) was the build's largest transient.
     */
    private static final class Builder {
        private final RgbImage image;
        private final Trimap trimap;
        private final double epsilon;
        private final int n;
        private final int blocks;
        private final int w;
        private final int h;
        private final int pw;
        private final int ph;
        private byte[] inBand; // padded pixel -> 1 when it is in the extended band
        private int[] unknownOfExt; // extended index -> unknown index, or -1
        private int[] extRowStart; // padded row -> first extended index in it
        private int[] extPixelX; // extended index -> image column
        private int[] unknownPixel;
        private int[] unknownExt;
        private float[] coeff;

        Builder(RgbImage image, Trimap trimap, double epsilon, int n, int blocks) {
            this.image = image;
            this.trimap = trimap;
            this.epsilon = epsilon;
            this.n = n;
            this.blocks = blocks;
            this.w = image.width();
            this.h = image.height();
            this.pw = w + 4;
            this.ph = h + 4;
        }

        MattingSystem build() {
            int m = indexBand();
            int[] rowBase = new int[n * 5];
            numberUnknowns(rowBase);
            coeff = new float[n * 25];
            if (n > 0) {
                assemble();
            }
            double[] rhs = new double[m];
            moveKnownToRhs(rhs);
            return new MattingSystem(w, h, n, m, unknownPixel, unknownExt, unknownOfExt, rowBase, coeff, rhs, blocks);
        }

        private int padded(int x, int y) {
            return (y + 2) * pw + (x + 2);
        }

        /** Marks the unknowns dilated by two and numbers them row-major. Returns the extended size. */
        private int indexBand() {
            inBand = new byte[pw * ph];
            unknownPixel = new int[n];
            int u = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (!trimap.isUnknown(y * w + x)) {
                        continue;
                    }
                    int end = x; // a run of unknowns is marked at once: five fills, not five per pixel
                    while (end < w && trimap.isUnknown(y * w + end)) {
                        unknownPixel[u++] = y * w + end;
                        end++;
                    }
                    int from = padded(x, y) - 2;
                    int to = padded(end - 1, y) + 3;
                    for (int dy = -2; dy <= 2; dy++) {
                        java.util.Arrays.fill(inBand, from + dy * pw, to + dy * pw, (byte) 1);
                    }
                    x = end;
                }
            }
            extRowStart = new int[ph + 1];
            int m = 0;
            for (byte b : inBand) {
                m += b;
            }
            extPixelX = new int[m];
            int next = 0;
            for (int row = 0; row < ph; row++) {
                extRowStart[row] = next;
                for (int q = row * pw, column = -2; column < pw - 2; q++, column++) {
                    if (inBand[q] != 0) {
                        extPixelX[next++] = column;
                    }
                }
            }
            extRowStart[ph] = m;
            return m;
        }

        /** Fills {@code index} with the extended index of each column of padded row {@code paddedRow}, or -1. */
        private void extendedRow(int paddedRow, int[] index) {
            int next = extRowStart[paddedRow];
            if (next == extRowStart[paddedRow + 1]) {
                java.util.Arrays.fill(index, -1);
                return;
            }
            for (int c = 0, q = paddedRow * pw; c < pw; c++, q++) {
                index[c] = inBand[q] != 0 ? next++ : -1;
            }
        }

        /** Each unknown's extended index, the inverse map, and the base of each of its five stencil rows. */
        private void numberUnknowns(int[] rowBase) {
            unknownOfExt = new int[extRowStart[ph]];
            java.util.Arrays.fill(unknownOfExt, -1);
            unknownExt = new int[n];
            int[] bounds = RowBlocks.split(n, blocks); // each unknown's entries are its own
            RowBlocks.forEach(blocks, b -> {
                int[][] rows = new int[5][pw]; // padded rows y .. y + 4: image rows y - 2 .. y + 2
                int rowsOf = -1;
                for (int i = bounds[b]; i < bounds[b + 1]; i++) {
                    int p = unknownPixel[i];
                    int x = p % w;
                    int y = p / w;
                    if (y != rowsOf) {
                        for (int k = 0; k < 5; k++) {
                            extendedRow(y + k, rows[k]);
                        }
                        rowsOf = y;
                    }
                    int e = rows[2][x + 2];
                    unknownExt[i] = e;
                    unknownOfExt[e] = i;
                    for (int k = 0; k < 5; k++) {
                        rowBase[i * 5 + k] = rows[k][x]; // padded column of x - 2
                    }
                }
            });
        }

        /**
         * Adds every 3x3 window that holds an unknown pixel. Windows of image rows y and y' write
         * the same stencils only when |y - y'| <= 2, so stripes of >= 2 rows are done in two
         * phases (even stripes, then odd): deterministic and race-free.
         */
        private void assemble() {
            int windowRows = h - 2; // centres y = 1..h-2
            // sixteen stripes a thread, claimed as they come: a band's rows are uneven, and with four
            // a thread idled ~15 % of a small photo's assembly
            int stripe = Math.max(2, windowRows / (16 * blocks) + 1);
            int stripes = (windowRows + stripe - 1) / stripe;
            for (int phase = 0; phase < 2; phase++) {
                int first = phase;
                int count = (stripes - first + 1) / 2;
                RowBlocks.forEach(count, s -> {
                    int index = first + 2 * s;
                    int y0 = 1 + index * stripe;
                    int y1 = Math.min(h - 1, y0 + stripe);
                    int[][] rows = new int[3][pw];
                    for (int y = y0; y < y1; y++) {
                        addWindowsOfRow(y, rows);
                    }
                });
            }
        }

        /** @param rows room for the extended indices of image rows y - 1 .. y + 1 */
        private void addWindowsOfRow(int y, int[][] rows) {
            int from = extRowStart[y + 2];
            int to = extRowStart[y + 3];
            if (from == to) {
                return; // no window centre of this row is near an unknown
            }
            for (int k = 0; k < 3; k++) {
                extendedRow(y + 1 + k, rows[k]);
            }
            float[] rgb = image.rgb();
            int[] pos = new int[9];
            int[] unk = new int[9];
            double[] d = new double[27];
            for (int e = from; e < to; e++) {
                int x = extPixelX[e];
                if (x < 1 || x > w - 2) {
                    continue;
                }
                boolean any = false;
                for (int k = 0; k < 9; k++) {
                    int px = x + k % 3 - 1;
                    int py = y + k / 3 - 1;
                    int ext = rows[k / 3][px + 2];
                    int u = ext >= 0 ? unknownOfExt[ext] : -1;
                    unk[k] = u;
                    pos[k] = py * w + px;
                    any |= u >= 0;
                }
                if (!any) {
                    continue;
                }
                whitenedColours(rgb, pos, d);
                for (int i = 0; i < 9; i++) {
                    int u = unk[i];
                    if (u < 0) {
                        continue; // a known pixel's row of the block: its couplings are not kept
                    }
                    addBlockRow(d, i, u * 25);
                }
            }
        }

        /**
         * Row i of the 9x9 block of the matting Laplacian for one window, added to the stencil at
         * {@code base}: delta_ij - (1 + d_i' C d_j) / 9, with d the colours less their mean and C
         * the inverse of their regularised covariance, d_i' C d_j being w_i . w_j
         * ({@link #whitenedColours}). Only the rows of unknown pixels are computed.
         */
        private void addBlockRow(double[] w, int i, int base) {
            double x0 = w[i], x1 = w[9 + i], x2 = w[18 + i];
            int slots = i * 9;
            for (int j = 0; j < 9; j++) {
                double q = NINTH + x0 * w[j] + x1 * w[9 + j] + x2 * w[18 + j];
                coeff[base + WINDOW_SLOT[slots + j]] += (float) ((i == j ? 1 : 0) - q);
            }
        }

        /**
         * The nine colours of one window, less their mean, whitened and divided by 3: w = R^-T d / 3
         * with R the Cholesky factor of the regularised covariance, so that w_i . w_j = d_i' C d_j / 9.
         *
         * <p>The Gram form rather than an explicit inverse: where a window's colours lie almost on
         * a line or plane (mixed hair over a plain background) the covariance's condition number
         * reaches 1e7, and a cofactor inverse then made blocks indefinite by up to 1e-2 — enough
         * for conjugate gradients to break down. The Gram form keeps every block positive
         * semi-definite up to rounding.
         */
        private void whitenedColours(float[] rgb, int[] pos, double[] w) {
            // w holds the nine colours channel by channel (w[k], w[9 + k], w[18 + k])
            double mr = 0, mg = 0, mb = 0;
            for (int k = 0; k < 9; k++) {
                int o = 3 * pos[k];
                mr += rgb[o];
                mg += rgb[o + 1];
                mb += rgb[o + 2];
            }
            mr *= NINTH;
            mg *= NINTH;
            mb *= NINTH;
            double a = 0, bq = 0, c = 0, dd = 0, e = 0, f = 0; // covariance, two-pass
            for (int k = 0; k < 9; k++) {
                int o = 3 * pos[k];
                double r = rgb[o] - mr, gr = rgb[o + 1] - mg, b = rgb[o + 2] - mb;
                w[k] = r;
                w[9 + k] = gr;
                w[18 + k] = b;
                a += r * r;
                bq += r * gr;
                c += r * b;
                dd += gr * gr;
                e += gr * b;
                f += b * b;
            }
            double reg = epsilon * NINTH;
            a = a * NINTH + reg;
            bq *= NINTH;
            c *= NINTH;
            dd = dd * NINTH + reg;
            e *= NINTH;
            f = f * NINTH + reg;
            double l00 = Math.sqrt(a);
            double i00 = 1 / l00;
            double l10 = bq * i00;
            double l20 = c * i00;
            double l11 = Math.sqrt(dd - l10 * l10);
            double i11 = 1 / l11;
            double l21 = (e - l20 * l10) * i11;
            double i22 = 1 / Math.sqrt(f - l20 * l20 - l21 * l21);
            for (int k = 0; k < 9; k++) {
                double w0 = w[k] * i00;
                double w1 = (w[9 + k] - l10 * w0) * i11;
                double w2 = (w[18 + k] - l20 * w0 - l21 * w1) * i22;
                w[k] = w0 * THIRD; // stored over 3, so w_i . w_j comes out already over 9
                w[9 + k] = w1 * THIRD;
                w[18 + k] = w2 * THIRD;
            }
        }

        /** b_i = -sum over known neighbours j of L_ij alpha_j; those couplings then leave the matrix. Rows are independent. */
        private void moveKnownToRhs(double[] rhs) {
            int[] bounds = RowBlocks.split(n, blocks);
            RowBlocks.forEach(blocks, block -> {
                for (int i = bounds[block]; i < bounds[block + 1]; i++) {
                    int p = unknownPixel[i];
                    int x = p % w;
                    int y = p / w;
                    double b = 0;
                    for (int dy = -2; dy <= 2; dy++) {
                        int py = y + dy;
                        for (int dx = -2; dx <= 2; dx++) {
                            int px = x + dx;
                            int k = i * 25 + slot(dy, dx);
                            if (px < 0 || py < 0 || px >= w || py >= h) {
                                coeff[k] = 0;
                                continue;
                            }
                            int j = py * w + px;
                            if (!trimap.isUnknown(j)) {
                                if (trimap.isForeground(j)) {
                                    b -= coeff[k];
                                }
                                coeff[k] = 0;
                            }
                        }
                    }
                    rhs[unknownExt[i]] = b;
                }
            });
        }
    }
}
