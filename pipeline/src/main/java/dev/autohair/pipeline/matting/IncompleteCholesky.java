package dev.autohair.pipeline.matting;

import dev.autohair.pipeline.parallel.RowBlocks;

/**
 * Zero-fill incomplete Cholesky factor L L' ~ A on the 25-point stencil, one independent factor
 * per thread block (couplings between blocks are dropped), so both the factorisation and the two
 * triangular solves run in parallel with no synchronisation.
 *
 * <p>The matting Laplacian is not an M-matrix, so IC(0) meets non-positive pivots; the diagonal
 * is scaled up by a shift (Manteuffel's remedy), doubled and refactored while a pivot breaks down.
 */
public final class IncompleteCholesky implements Preconditioner {

    private static final int LOWER = 12;
    private static final int STRIDE = 13; // 12 lower couplings, then the pivot
    /** For each lower slot o: pairs (o1, o2) with L[i,o1] * L[j,o2] contributing to L[i,o], j = i + offset(o). */
    private static final int[][] PAIRS = pairs();

    /**
     * Diagonal shift tried first (doubled on breakdown). Unshifted IC(0) broke down on every photo
     * tried, and on lemur a shift of 0.0016 needs ~60% more CG iterations than 0.01, and 0.1 ~50%
     * more: a barely-positive factor is badly conditioned. So factorisation starts at 0.01.
     */
    private static final double FIRST_SHIFT = 0.01;

    private static final double MAX_SHIFT = 1e6;

    private final MattingSystem system;
    /** Per unknown: its 12 lower couplings divided by its pivot ({@link #scaleRows}), then the pivot. Float halves the solves' memory traffic. */
    private final float[] factor;
    private final float[] inversePivot; // multiplying beats dividing
    private final double[] shifts;
    private final int[] safeFrom;

    public IncompleteCholesky(MattingSystem system) {
        this.system = system;
        this.factor = new float[system.unknowns * STRIDE];
        this.inversePivot = new float[system.unknowns];
        this.shifts = new double[system.blocks()];
        this.safeFrom = new int[system.blocks()];
        for (int b = 0; b < safeFrom.length; b++) {
            safeFrom[b] = firstUnsharedUnknown(system, b);
        }
        RowBlocks.forEach(system.blocks(), this::factorBlock);
    }

    /**
     * The block's first unknown whose backward-pass stencil (two image rows up) reaches no other
     * block's unknowns. Blocks split the unknowns mid-row, so the row the block starts in is
     * shared with the block before: every unknown in the block's first three image rows reaches it.
     */
    static int firstUnsharedUnknown(MattingSystem system, int block) {
        int from = system.blockStart[block];
        int i = from;
        if (block > 0 && from < system.unknowns) {
            int firstRow = system.unknownPixel[from] / system.width;
            while (i < system.blockStart[block + 1] && system.unknownPixel[i] / system.width < firstRow + 3) {
                i++;
            }
        }
        return i;
    }

    /** The largest diagonal shift any block needed (0 when plain IC(0) succeeded). */
    public double maxShift() {
        double max = 0;
        for (double s : shifts) {
            max = Math.max(max, s);
        }
        return max;
    }

    private static int[][] pairs() {
        int[][] table = new int[LOWER][];
        for (int o = 0; o < LOWER; o++) {
            int dy = o / 5 - 2;
            int dx = o % 5 - 2;
            int[] list = new int[2 * LOWER];
            int count = 0;
            for (int o1 = 0; o1 < o; o1++) {
                int dy2 = o1 / 5 - 2 - dy;
                int dx2 = o1 % 5 - 2 - dx;
                if (Math.abs(dy2) <= 2 && Math.abs(dx2) <= 2) {
                    int o2 = MattingSystem.slot(dy2, dx2);
                    if (o2 < LOWER) {
                        list[count++] = o1;
                        list[count++] = o2;
                    }
                }
            }
            table[o] = java.util.Arrays.copyOf(list, count);
        }
        return table;
    }

    private void factorBlock(int block) {
        double shift = FIRST_SHIFT;
        while (!tryFactor(block, shift)) {
            shift *= 2;
            if (shift > MAX_SHIFT) { // a shifted PSD stencil always factors long before this
                throw new IllegalStateException("incomplete Cholesky failed up to diagonal shift " + MAX_SHIFT);
            }
        }
        shifts[block] = shift;
        scaleRows(block);
    }

    /**
     * Stores row i of the factor divided by its pivot, L[i, o] / L[i, i], once the block is
     * factored. Both triangular solves are chains through the left neighbour (latency, not
     * arithmetic, bounds them), and the scaled rows take the multiply by 1 / pivot off that
     * chain: forward t_i = r_i / d_i - sum L'_io t_o, backward t_o -= L'_io t_i with z_i = t_i / d_i.
     */
    private void scaleRows(int block) {
        for (int i = system.blockStart[block]; i < system.blockStart[block + 1]; i++) {
            int li = i * STRIDE;
            for (int o = 0; o < LOWER; o++) {
                factor[li + o] *= inversePivot[i];
            }
        }
    }

    private boolean tryFactor(int block, double shift) {
        int from = system.blockStart[block];
        int to = system.blockStart[block + 1];
        float[] a = system.coeff;
        int[] rowBase = system.rowBase;
        int[] unknownOfExt = system.unknownOfExt;
        for (int i = from; i < to; i++) {
            int ai = i * 25;
            int li = i * STRIDE;
            double sumSquares = 0;
            for (int o = 0; o < LOWER; o++) {
                double value = a[ai + o];
                int j = value == 0 ? -1 : unknownOfExt[rowBase[i * 5 + o / 5] + o % 5];
                if (j < from) { // known or outside this block: dropped
                    factor[li + o] = 0;
                    continue;
                }
                int lj = j * STRIDE;
                int[] pairs = PAIRS[o];
                for (int k = 0; k < pairs.length; k += 2) {
                    value -= factor[li + pairs[k]] * factor[lj + pairs[k + 1]];
                }
                float l = (float) (value / factor[lj + LOWER]);
                factor[li + o] = l;
                sumSquares += (double) l * l;
            }
            double diagonal = a[ai + MattingSystem.CENTRE] * (1 + shift);
            if (!(diagonal > 0)) {
                // a zero diagonal in a PSD matrix means an all-zero row: that unknown is decoupled
                // and CG never changes it, so give it an identity pivot
                java.util.Arrays.fill(factor, li, li + LOWER, 0f);
                factor[li + LOWER] = 1;
                inversePivot[i] = 1;
                continue;
            }
            double pivot = diagonal - sumSquares;
            if (!(pivot > 1e-10 * diagonal)) {
                return false;
            }
            factor[li + LOWER] = (float) Math.sqrt(pivot);
            inversePivot[i] = 1 / factor[li + LOWER];
        }
        return true;
    }

    @Override
    public double applyBlock(double[] r, double[] z, int block) {
        int from = system.blockStart[block];
        int to = system.blockStart[block + 1];
        int[] rowBase = system.rowBase;
        int[] ext = system.unknownExt;
        // t lives in z itself: the backward pass finishes t_i before it turns it into z_i, and
        // never reads an entry after that, so no vector of its own (at 40 MP one is 45 MB)
        double[] t = z;
        // forward: L t = r (couplings outside the block are exactly zero in the factor, and
        // whatever z held there is finite, so their products are zero)
        for (int i = from; i < to; i++) {
            int li = i * STRIDE;
            int rb = i * 5;
            int b0 = rowBase[rb];
            int b1 = rowBase[rb + 1];
            int b2 = rowBase[rb + 2];
            // summed as a tree so only the left neighbour's fresh value is on the critical path
            double far = ((factor[li] * t[b0] + factor[li + 1] * t[b0 + 1])
                    + (factor[li + 2] * t[b0 + 2] + factor[li + 3] * t[b0 + 3]))
                    + ((factor[li + 4] * t[b0 + 4] + factor[li + 5] * t[b1])
                    + (factor[li + 6] * t[b1 + 1] + factor[li + 7] * t[b1 + 2]))
                    + ((factor[li + 8] * t[b1 + 3] + factor[li + 9] * t[b1 + 4]) + factor[li + 10] * t[b2]);
            t[ext[i]] = (r[ext[i]] * inversePivot[i] - far) - factor[li + 11] * t[b2 + 1];
        }
        // backward: L' z = t, column by column so only the factor's own rows are read. Couplings
        // to other blocks are zero, yet a "-= 0" there would still race with that block's thread
        // (a read-modify-write that can undo its update), so the block's first three image rows
        // (the only ones reaching back into another block) test every coupling; halo entries only
        // ever receive "-= 0" and stay zero.
        int safe = safeFrom[block];
        double rz = 0; // z is zero on the halo, so the unknowns alone make r . z
        for (int i = to - 1; i >= from; i--) {
            int li = i * STRIDE;
            double ti = t[ext[i]];
            double zi = ti * inversePivot[i];
            z[ext[i]] = zi;
            rz += r[ext[i]] * zi;
            int rb = i * 5;
            int b0 = rowBase[rb];
            int b1 = rowBase[rb + 1];
            int b2 = rowBase[rb + 2];
            if (i < safe) {
                for (int o = 0; o < LOWER; o++) {
                    float l = factor[li + o];
                    if (l != 0) {
                        t[rowBase[rb + o / 5] + o % 5] -= l * ti;
                    }
                }
                continue;
            }
            t[b0] -= factor[li] * ti;
            t[b0 + 1] -= factor[li + 1] * ti;
            t[b0 + 2] -= factor[li + 2] * ti;
            t[b0 + 3] -= factor[li + 3] * ti;
            t[b0 + 4] -= factor[li + 4] * ti;
            t[b1] -= factor[li + 5] * ti;
            t[b1 + 1] -= factor[li + 6] * ti;
            t[b1 + 2] -= factor[li + 7] * ti;
            t[b1 + 3] -= factor[li + 8] * ti;
            t[b1 + 4] -= factor[li + 9] * ti;
            t[b2] -= factor[li + 10] * ti;
            t[b2 + 1] -= factor[li + 11] * ti;
        }
        return rz;
    }
}
