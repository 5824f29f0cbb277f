package dev.autohair.pipeline.matting;

import dev.autohair.pipeline.parallel.RowBlocks;
import java.util.ArrayList;
import java.util.List;

/**
 * Zero-fill incomplete Cholesky factor L L' ~ A on the 25-point stencil, in an order that lets
 * the thread blocks work at once without dropping a coupling: at each seam between two blocks,
 * two whole image rows of unknowns (a <em>separator</em>: the stencil reaches two rows, so they
 * cut every coupling between the rows above and below) are eliminated after every block's
 * <em>core</em>, the rest of its unknowns. The cores factor and solve in parallel, each in
 * row-major order; the separators, a few rows in all, on one thread between the two passes of a
 * solve. (Factoring each block alone, as before, dropped the seams' couplings: one block instead
 * of two needed up to a fifth fewer iterations.)
 *
 * <p>The matting Laplacian is not an M-matrix, so IC(0) meets non-positive pivots; the diagonal
 * is scaled up by a shift (Manteuffel's remedy), doubled and refactored while a pivot breaks down.
 */
public final class IncompleteCholesky implements Preconditioner {

    private static final int LOWER = 12;
    private static final int STRIDE = 13; // 12 lower couplings, then the pivot
    /** For each lower slot o: pairs (o1, o2) with L[i,o1] * L[j,o2] contributing to L[i,o], j = i + offset(o). */
    private static final int[][] PAIRS = pairs();
    /** DIFFERENCE[o1 * 25 + o]: the slot of offset(o1) - offset(o), or -1 beyond the stencil. */
    private static final int[] DIFFERENCE = differences();
    /** Separator rows: the stencil's reach, so that the rows above and below them never couple. */
    static final int SEPARATOR_ROWS = 2;

    /**
     * Diagonal shift tried first (doubled on breakdown). Unshifted IC(0) broke down on every photo
     * tried, and on lemur a shift of 0.0016 needs ~60% more CG iterations than 0.01, and 0.1 ~50%
     * more: a barely-positive factor is badly conditioned. So factorisation starts at 0.01.
     */
    private static final double FIRST_SHIFT = 0.01;

    private static final double MAX_SHIFT = 1e6;

    private final MattingSystem system;
    /** Per core unknown: its 12 lower couplings divided by its pivot ({@link #scaleRows}), then the pivot. Float halves the solves' memory traffic. */
    private final float[] factor;
    private final float[] inversePivot; // multiplying beats dividing; every unknown, separators too
    /** Per system block, its core: unknowns coreStart[b] until coreEnd[b] (empty when a separator covers the block). */
    private final int[] coreStart;
    private final int[] coreEnd;
    /** Separators as ranges of unknowns (whole image rows), ascending, at least three rows apart. */
    private final int[] separatorStart;
    private final int[] separatorEnd;
    /**
     * The separators' rows, unknown after unknown in order: the extended indices of its couplings
     * to earlier-eliminated unknowns and those couplings divided by its pivot, entries
     * separatorRowEnd[k - 1] until separatorRowEnd[k] for the k-th separator unknown.
     */
    private int[] separatorColumns;
    private float[] separatorValues;
    private int[] separatorRowEnd;
    private final double[] shifts; // per block, then one for the separators

    public IncompleteCholesky(MattingSystem system) {
        this.system = system;
        this.factor = new float[system.unknowns * STRIDE];
        this.inversePivot = new float[system.unknowns];
        int blocks = system.blocks();
        List<Range> separators = separators(system);
        separatorStart = separators.stream().mapToInt(Range::start).toArray();
        separatorEnd = separators.stream().mapToInt(Range::end).toArray();
        coreStart = new int[blocks];
        coreEnd = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            Range core = core(system.blockStart[b], system.blockStart[b + 1], separators);
            coreStart[b] = core.start();
            coreEnd[b] = core.end();
        }
        this.shifts = new double[blocks + 1];
        RowBlocks.forEach(blocks, this::factorCore);
        factorSeparators();
    }

    /** Unknowns start until end. */
    record Range(int start, int end) {}

    /**
     * The separators: at each seam between blocks, the two image rows from the row the later block
     * starts in, merged with the one before where fewer than three rows would lie between them
     * (a short band of long rows), so that no two separators couple.
     */
    static List<Range> separators(MattingSystem system) {
        List<Range> separators = new ArrayList<>();
        int lastRow = Integer.MIN_VALUE; // the last image row of the previous separator
        for (int b = 1; b < system.blocks(); b++) {
            int seam = system.blockStart[b];
            if (seam >= system.unknowns) {
                continue;
            }
            int firstRow = rowOf(system, seam);
            if (firstRow <= lastRow + SEPARATOR_ROWS) { // too close: extend the previous separator
                firstRow = rowOf(system, separators.remove(separators.size() - 1).start());
            }
            lastRow = Math.max(lastRow, rowOf(system, seam) + SEPARATOR_ROWS - 1);
            separators.add(new Range(firstUnknownFromRow(system, firstRow), firstUnknownFromRow(system, lastRow + 1)));
        }
        return separators;
    }

    /**
     * A block's unknowns less the separators at its ends (every separator holds a seam, so none
     * lies inside a block); empty when a merged separator covers the block.
     */
    private static Range core(int from, int to, List<Range> separators) {
        for (Range separator : separators) {
            if (separator.start() <= from && separator.end() > from) {
                from = separator.end();
            }
            if (separator.start() < to && separator.end() >= to) {
                to = separator.start();
            }
        }
        return new Range(from, Math.max(from, to));
    }

    private static int rowOf(MattingSystem system, int unknown) {
        return system.unknownPixel[unknown] / system.width;
    }

    /** The first unknown in image row {@code row} or below (unknowns are numbered row-major). */
    private static int firstUnknownFromRow(MattingSystem system, int row) {
        int low = 0;
        int high = system.unknowns;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rowOf(system, mid) < row) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The largest diagonal shift any block or separator needed. */
    public double maxShift() {
        double max = 0;
        for (double s : shifts) {
            max = Math.max(max, s);
        }
        return max;
    }

    private static int[][] pairs() {
        int[] differences = differences();
        int[][] table = new int[LOWER][];
        for (int o = 0; o < LOWER; o++) {
            int[] list = new int[2 * LOWER];
            int count = 0;
            for (int o1 = 0; o1 < o; o1++) {
                int o2 = differences[o1 * 25 + o];
                if (o2 >= 0 && o2 < LOWER) {
                    list[count++] = o1;
                    list[count++] = o2;
                }
            }
            table[o] = java.util.Arrays.copyOf(list, count);
        }
        return table;
    }

    private static int[] differences() {
        int[] table = new int[25 * 25];
        for (int o1 = 0; o1 < 25; o1++) {
            for (int o = 0; o < 25; o++) {
                int dy = o1 / 5 - o / 5;
                int dx = o1 % 5 - o % 5;
                table[o1 * 25 + o] = Math.abs(dy) <= 2 && Math.abs(dx) <= 2 ? MattingSystem.slot(dy, dx) : -1;
            }
        }
        return table;
    }

    private void factorCore(int block) {
        double shift = FIRST_SHIFT;
        while (!tryFactorCore(coreStart[block], coreEnd[block], shift)) {
            shift = doubled(shift);
        }
        shifts[block] = shift;
        scaleRows(coreStart[block], coreEnd[block]);
    }

    private static double doubled(double shift) {
        if (2 * shift > MAX_SHIFT) { // a shifted PSD stencil always factors long before this
            throw new IllegalStateException("incomplete Cholesky failed up to diagonal shift " + MAX_SHIFT);
        }
        return 2 * shift;
    }

    /**
     * Stores rows from..to of the factor divided by their pivots, L[i, o] / L[i, i], once the
     * core is factored. Both triangular solves are
     * chains through the left neighbour (latency, not arithmetic, bounds them), and the scaled
     * rows take the multiply by 1 / pivot off that chain: forward t_i = r_i / d_i - sum L'_io t_o,
     * backward t_o -= L'_io t_i with z_i = t_i / d_i.
     */
    private void scaleRows(int from, int to) {
        for (int i = from; i < to; i++) {
            int li = i * STRIDE;
            for (int o = 0; o < LOWER; o++) {
                factor[li + o] *= inversePivot[i];
            }
        }
    }

    private boolean tryFactorCore(int from, int to, double shift) {
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
                if (j < from) { // known, or in a separator or block eliminated apart: not in this core's rows
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
            float pivot = pivot(a[ai + MattingSystem.CENTRE] * (1 + shift), sumSquares);
            if (pivot == 0) {
                return false;
            }
            factor[li + LOWER] = pivot;
            inversePivot[i] = 1 / pivot;
        }
        return true;
    }

    /**
     * The pivot of a row with this shifted diagonal and these squared couplings, or 0 on
     * breakdown. A zero diagonal in a PSD matrix means an all-zero row: that unknown is decoupled
     * and CG never changes it, so it gets an identity pivot.
     */
    private static float pivot(double diagonal, double sumSquares) {
        if (!(diagonal > 0)) {
            return 1;
        }
        double pivot = diagonal - sumSquares;
        return pivot > 1e-10 * diagonal ? (float) Math.sqrt(pivot) : 0;
    }

    private void factorSeparators() {
        int unknowns = 0;
        for (int s = 0; s < separatorStart.length; s++) {
            unknowns += separatorEnd[s] - separatorStart[s];
        }
        float[] rows = new float[unknowns * 25]; // all 25 slots a row while factoring; the centre holds the pivot
        double shift = FIRST_SHIFT;
        while (unknowns > 0 && !tryFactorSeparators(rows, shift)) {
            shift = doubled(shift);
        }
        shifts[shifts.length - 1] = unknowns > 0 ? shift : 0;
        pack(rows, unknowns);
    }

    /** The separators' rows as their nonzero couplings, divided by the pivot: a row has about 12 of its 24 slots. */
    private void pack(float[] rows, int unknowns) {
        int entries = 0;
        for (int o = 0; o < rows.length; o++) {
            entries += rows[o] != 0 && o % 25 != MattingSystem.CENTRE ? 1 : 0;
        }
        separatorColumns = new int[entries];
        separatorValues = new float[entries];
        separatorRowEnd = new int[unknowns];
        int k = 0;
        int next = 0;
        for (int s = 0; s < separatorStart.length; s++) {
            for (int i = separatorStart[s]; i < separatorEnd[s]; i++, k++) {
                for (int o = 0; o < 25; o++) {
                    float l = rows[k * 25 + o];
                    if (l != 0 && o != MattingSystem.CENTRE) {
                        separatorColumns[next] = system.rowBase[i * 5 + o / 5] + o % 5;
                        separatorValues[next++] = l * inversePivot[i];
                    }
                }
                separatorRowEnd[k] = next;
            }
        }
    }

    /**
     * A separator unknown s couples to earlier-eliminated unknowns in the cores above and below
     * it and in its own separator before it. L[s, j] = (A[s, j] - sum_k L[s, k] L[j, k]) / L[j, j]
     * over the common neighbours k eliminated before j, the cores' j first (in index order, which
     * is their elimination order), then the separator's own.
     */
    private boolean tryFactorSeparators(float[] rows, double shift) {
        float[] a = system.coeff;
        int base = 0;
        int[] earlier = new int[24];
        for (int s = 0; s < separatorStart.length; s++) {
            int start = separatorStart[s];
            int end = separatorEnd[s];
            for (int i = start; i < end; i++, base += 25) {
                java.util.Arrays.fill(rows, base, base + 25, 0f);
                int count = 0;
                for (int pass = 0; pass < 2; pass++) { // cores' neighbours, then the separator's own
                    for (int o = 0; o < 25; o++) {
                        int j = o == MattingSystem.CENTRE || a[i * 25 + o] == 0 ? -1 : neighbour(i, o);
                        boolean inSeparator = j >= start && j < end;
                        if (j >= 0 && (pass == 0 ? !inSeparator : inSeparator && j < i)) {
                            earlier[count++] = o;
                        }
                    }
                }
                double sumSquares = 0;
                for (int n = 0; n < count; n++) {
                    int o = earlier[n];
                    int j = neighbour(i, o);
                    boolean jInSeparator = j >= start && j < end;
                    int jBase = jInSeparator ? base + (j - i) * 25 : -1;
                    double value = a[i * 25 + o];
                    for (int m = 0; m < n; m++) { // k = the earlier neighbours of i before j
                        int o1 = earlier[m];
                        int slot = DIFFERENCE[o1 * 25 + o]; // k's slot in j's row
                        if (slot < 0) {
                            continue;
                        }
                        double ljk = jInSeparator ? rows[jBase + slot] // a core's rows are stored over their pivot
                                : slot < LOWER ? factor[j * STRIDE + slot] * factor[j * STRIDE + LOWER] : 0;
                        value -= rows[base + o1] * ljk;
                    }
                    float l = (float) (value * (jInSeparator ? 1 / rows[jBase + MattingSystem.CENTRE] : inversePivot[j]));
                    rows[base + o] = l;
                    sumSquares += (double) l * l;
                }
                float pivot = pivot(a[i * 25 + MattingSystem.CENTRE] * (1 + shift), sumSquares);
                if (pivot == 0) {
                    return false;
                }
                rows[base + MattingSystem.CENTRE] = pivot;
                inversePivot[i] = 1 / pivot;
            }
        }
        return true;
    }

    /** The unknown at stencil slot o of unknown i, or -1 (known or outside the image). */
    private int neighbour(int i, int o) {
        return system.unknownOfExt[system.rowBase[i * 5 + o / 5] + o % 5];
    }

    /**
     * Forward pass over the block's core, L t = r, t kept in z. Couplings outside the core are
     * zero in the factor, and whatever z holds there is finite, so their products are zero.
     */
    @Override
    public void forwardBlock(double[] r, double[] z, int block) {
        int[] rowBase = system.rowBase;
        int[] ext = system.unknownExt;
        double[] t = z;
        for (int i = coreStart[block]; i < coreEnd[block]; i++) {
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
    }

    /**
     * The separators, once every core's forward pass is done: their forward pass, then their
     * backward pass, which passes their share on to the cores above and below. Returns r . z
     * over the separators.
     */
    @Override
    public double couplings(double[] r, double[] z) {
        int[] ext = system.unknownExt;
        double[] t = z;
        int k = 0;
        for (int s = 0; s < separatorStart.length; s++) {
            for (int i = separatorStart[s]; i < separatorEnd[s]; i++, k++) {
                double sum = 0;
                for (int e = k == 0 ? 0 : separatorRowEnd[k - 1]; e < separatorRowEnd[k]; e++) {
                    sum += separatorValues[e] * t[separatorColumns[e]];
                }
                t[ext[i]] = r[ext[i]] * inversePivot[i] - sum;
            }
        }
        double rz = 0;
        for (int s = separatorStart.length - 1; s >= 0; s--) {
            for (int i = separatorEnd[s] - 1; i >= separatorStart[s]; i--) {
                k--;
                double ti = t[ext[i]];
                double zi = ti * inversePivot[i];
                z[ext[i]] = zi;
                rz += r[ext[i]] * zi;
                for (int e = k == 0 ? 0 : separatorRowEnd[k - 1]; e < separatorRowEnd[k]; e++) {
                    t[separatorColumns[e]] -= separatorValues[e] * ti;
                }
            }
        }
        return rz;
    }

    /**
     * Backward pass over the block's core, L' z = t, column by column so only the factor's own
     * rows are read. The "-= 0" of couplings outside the core land only in the separator above
     * it, which no other thread touches now, so no write can undo another block's.
     */
    @Override
    public double backwardBlock(double[] r, double[] z, int block) {
        int[] rowBase = system.rowBase;
        int[] ext = system.unknownExt;
        double[] t = z;
        double rz = 0; // z is zero on the halo, so the unknowns alone make r . z
        for (int i = coreEnd[block] - 1; i >= coreStart[block]; i--) {
            int li = i * STRIDE;
            double ti = t[ext[i]];
            double zi = ti * inversePivot[i];
            z[ext[i]] = zi;
            rz += r[ext[i]] * zi;
            int rb = i * 5;
            int b0 = rowBase[rb];
            int b1 = rowBase[rb + 1];
            int b2 = rowBase[rb + 2];
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
