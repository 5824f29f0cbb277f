package dev.autohair.pipeline.matting.flow;

import dev.autohair.pipeline.matting.MattingSystem;

/**
 * The information-flow linear system on the unknown pixels, known pixels being constraints:
 *
 * <pre>
 *   [ (I - W_cm)'(I - W_cm) + sigma_uu L_uu + sigma_l L_local + sigma_ku H ] alpha
 *       = (I - W_cm)' b_cm + sigma_l b_local + sigma_ku H w_F
 * </pre>
 *
 * (plus, with a mask prior, sigma_l P on the left and sigma_l P m on the right, P = diag(μ where the
 * mask is sure))
 *
 * (written for the unknown rows; known rows near the band add rows to the factor A = I - W_cm,
 * see {@link ColourMixtureFlow}) where W_cm holds the colour-mixture weights among unknowns and
 * b_cm their known neighbours' part, L_uu is the graph Laplacian of the symmetrised intra-U weights, L_local the matting
 * Laplacian (with its known couplings b_local moved right), and H = diag(eta) the K-to-U
 * confidences. The colour-mixture term is applied as two sparse products, never formed
 * (forming it would cost about K² entries per row); everything else is one sparse matrix.
 * Storage is O(unknowns × neighbours).
 */
final class FlowSystem {

    final int n;
    private final int k;
    private final int rows;
    private final int[] cmColumn;
    private final float[] cmWeight;
    /** W_cm' as compressed rows: for unknown i, the rows p (and weights) that use i. */
    private final int[] cmTransposeStart;
    private final int[] cmTransposeRow;
    private final float[] cmTransposeWeight;
    /** Off-diagonal entries of sigma_uu L_uu + sigma_l L_local, compressed rows. */
    private final int[] sparseStart;
    private final int[] sparseColumn;
    private final float[] sparseValue;
    /** Diagonal of the sparse part plus sigma_ku eta. */
    private final double[] sparseDiagonal;
    final double[] rhs;
    /** Diagonal of the whole operator, for the preconditioner. */
    final double[] diagonal;
    private final int[] chunks;
    private final int[] rowChunks;
    private final double[] scratch;
    /** The sparse couplings the preconditioner uses: within a row's chunk, below and above the diagonal. */
    private final Triangle lower;
    private final Triangle upper;

    /** Compressed rows of one triangle of the sparse part, in its original entry order. */
    private record Triangle(int[] start, int[] column, float[] value) {}

    private FlowSystem(int n, ColourMixtureFlow cm, int[] tStart, int[] tRow, float[] tWeight, int[] sStart,
            int[] sColumn, float[] sValue, double[] sDiagonal, double[] rhs, double[] diagonal) {
        this.n = n;
        this.k = cm.k;
        this.rows = cm.rows;
        this.cmColumn = cm.column;
        this.cmWeight = cm.weight;
        this.cmTransposeStart = tStart;
        this.cmTransposeRow = tRow;
        this.cmTransposeWeight = tWeight;
        this.sparseStart = sStart;
        this.sparseColumn = sColumn;
        this.sparseValue = sValue;
        this.sparseDiagonal = sDiagonal;
        this.rhs = rhs;
        this.diagonal = diagonal;
        this.chunks = Chunks.split(n);
        this.rowChunks = Chunks.split(rows);
        this.scratch = new double[rows];
        this.lower = triangle(true);
        this.upper = triangle(false);
    }

    /**
     * The entries (i, j) of the sparse part with j in i's chunk and j below (or above) i: all that
     * each sweep of {@link #precondition} reads, so a sweep skips no entries.
     */
    private Triangle triangle(boolean below) {
        int[] start = new int[n + 1];
        for (int c = 0; c + 1 < chunks.length; c++) {
            for (int i = chunks[c]; i < chunks[c + 1]; i++) {
                start[i + 1] = start[i];
                for (int t = sparseStart[i]; t < sparseStart[i + 1]; t++) {
                    if (inTriangle(sparseColumn[t], i, chunks[c], chunks[c + 1], below)) {
                        start[i + 1]++;
                    }
                }
            }
        }
        int[] column = new int[start[n]];
        float[] value = new float[start[n]];
        for (int c = 0; c + 1 < chunks.length; c++) {
            for (int i = chunks[c]; i < chunks[c + 1]; i++) {
                int at = start[i];
                for (int t = sparseStart[i]; t < sparseStart[i + 1]; t++) {
                    if (inTriangle(sparseColumn[t], i, chunks[c], chunks[c + 1], below)) {
                        column[at] = sparseColumn[t];
                        value[at++] = sparseValue[t];
                    }
                }
            }
        }
        return new Triangle(start, column, value);
    }

    private static boolean inTriangle(int j, int i, int from, int to, boolean below) {
        return below ? j >= from && j < i : j > i && j < to;
    }

    /**
     * Stored non-zeros: the colour-mixture factor (off-diagonal, stored with its transpose), the sparse part's
     * off-diagonal entries (and the preconditioner's copy of those within a chunk) and the diagonal. The
     * system's storage, in entries.
     */
    long nonZeros() {
        return (long) cmTransposeRow.length * 2 + sparseColumn.length + lower.column().length + upper.column().length + n;
    }

    int[] chunks() {
        return chunks;
    }

    static FlowSystem build(MattingSystem local, ColourMixtureFlow cm, KnownToUnknownFlow ku, IntraUnknownFlow uu,
            double sigmaKu, double sigmaUu, double sigmaLocal) {
        return build(local, cm, ku, uu, sigmaKu, sigmaUu, sigmaLocal, null, null);
    }

    /**
     * With a mask prior: {@code priorWeight[i]} (μ or 0) and {@code priorTarget[i]} (the mask, in
     * [0, 1]) per unknown add sigma_l μ (alpha_i - m_i)² to the energy, i.e. the prior weighed
     * against the local flow exactly as closed-form matting weighs it against the same matting
     * Laplacian. Null arrays: no prior.
     */
    static FlowSystem build(MattingSystem local, ColourMixtureFlow cm, KnownToUnknownFlow ku, IntraUnknownFlow uu,
            double sigmaKu, double sigmaUu, double sigmaLocal, float[] priorWeight, float[] priorTarget) {
        int n = local.unknownCount();
        int k = cm.k;
        // transpose of the colour-mixture factor's off-diagonal part: for each unknown, the rows using it
        int[] tStart = new int[n + 1];
        for (int slot = 0; slot < cm.column.length; slot++) {
            if (cm.column[slot] >= 0) {
                tStart[cm.column[slot] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            tStart[i + 1] += tStart[i];
        }
        int[] tRow = new int[tStart[n]];
        float[] tWeight = new float[tStart[n]];
        int[] fill = tStart.clone();
        for (int slot = 0; slot < cm.column.length; slot++) {
            int c = cm.column[slot];
            if (c >= 0) {
                int at = fill[c]++;
                tRow[at] = slot / k;
                tWeight[at] = cm.weight[slot];
            }
        }
        // sparse part: local Laplacian rows plus intra-U edges (each directed edge p->q of weight w
        // adds w/2 to the symmetric pair, i.e. the Laplacian of (W + W')/2)
        int[] sStart = new int[n + 1];
        int[] columns = new int[25];
        double[] values = new double[25];
        for (int i = 0; i < n; i++) {
            sStart[i + 1] += local.row(i, columns, values) - 1; // minus the diagonal
        }
        int uk = uu.k;
        for (int slot = 0; slot < uu.column.length; slot++) {
            int q = uu.column[slot];
            if (q >= 0 && uu.weight[slot] > 0) {
                sStart[slot / uk + 1]++;
                sStart[q + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            sStart[i + 1] += sStart[i];
        }
        int[] sColumn = new int[sStart[n]];
        float[] sValue = new float[sStart[n]];
        double[] sDiagonal = new double[n];
        fill = sStart.clone();
        for (int i = 0; i < n; i++) {
            int count = local.row(i, columns, values);
            for (int j = 0; j < count; j++) {
                if (columns[j] == i) {
                    sDiagonal[i] += sigmaLocal * values[j];
                } else {
                    int at = fill[i]++;
                    sColumn[at] = columns[j];
                    sValue[at] = (float) (sigmaLocal * values[j]);
                }
            }
        }
        for (int slot = 0; slot < uu.column.length; slot++) {
            int p = slot / uk;
            int q = uu.column[slot];
            if (q < 0 || !(uu.weight[slot] > 0)) {
                continue;
            }
            double half = 0.5 * sigmaUu * uu.weight[slot];
            sDiagonal[p] += half;
            sDiagonal[q] += half;
            int at = fill[p]++;
            sColumn[at] = q;
            sValue[at] = (float) -half;
            at = fill[q]++;
            sColumn[at] = p;
            sValue[at] = (float) -half;
        }
        double[] rhs = new double[n];
        double[] diagonal = new double[n];
        for (int i = 0; i < n; i++) {
            double h = sigmaKu * ku.confidence[i];
            sDiagonal[i] += h;
            double prior = priorWeight == null ? 0 : sigmaLocal * priorWeight[i];
            sDiagonal[i] += prior;
            // A' A x = -A' offset, where column i of A is 1 at row i and -w at the rows using i
            double cmDiagonal = 1;
            double transposed = 0;
            for (int t = tStart[i]; t < tStart[i + 1]; t++) {
                cmDiagonal += (double) tWeight[t] * tWeight[t];
                transposed += tWeight[t] * cm.offset[tRow[t]];
            }
            diagonal[i] = cmDiagonal + sDiagonal[i];
            rhs[i] = transposed - cm.offset[i] + sigmaLocal * local.rhsOf(i) + h * ku.target[i]
                    + (prior == 0 ? 0 : prior * priorTarget[i]);
        }
        return new FlowSystem(n, cm, tStart, tRow, tWeight, sStart, sColumn, sValue, sDiagonal, rhs, diagonal);
    }

    /**
     * z = M^-1 r for the block symmetric Gauss-Seidel preconditioner M = (D + L) D^-1 (D + L'),
     * D the operator's diagonal and L the strictly lower part of its sparse (local and intra-U)
     * couplings within each chunk; couplings across chunks and the colour-mixture off-diagonals
     * are left out, so M is symmetric positive definite and the chunks run in parallel.
     */
    void precondition(double[] r, double[] z) {
        int[] lowerStart = lower.start();
        int[] lowerColumn = lower.column();
        float[] lowerValue = lower.value();
        int[] upperStart = upper.start();
        int[] upperColumn = upper.column();
        float[] upperValue = upper.value();
        Chunks.forEach(chunks, c -> {
            int from = chunks[c];
            int to = chunks[c + 1];
            for (int i = from; i < to; i++) {
                double s = r[i];
                for (int t = lowerStart[i]; t < lowerStart[i + 1]; t++) {
                    s -= lowerValue[t] * z[lowerColumn[t]];
                }
                z[i] = s / diagonal[i];
            }
            for (int i = to - 1; i >= from; i--) {
                double s = 0;
                for (int t = upperStart[i]; t < upperStart[i + 1]; t++) {
                    s += upperValue[t] * z[upperColumn[t]];
                }
                z[i] -= s / diagonal[i];
            }
        });
    }

    /** y = A x. Not reentrant: one multiply at a time per system (it uses a scratch vector). */
    void multiply(double[] x, double[] y) {
        double[] r = scratch;
        // r = A x: the unknown rows have their own pixel on the diagonal, the known rows not
        Chunks.forEach(rowChunks, c -> {
            for (int i = rowChunks[c]; i < rowChunks[c + 1]; i++) {
                double s = i < n ? x[i] : 0;
                int base = i * k;
                for (int j = 0; j < k; j++) {
                    int q = cmColumn[base + j];
                    if (q >= 0) {
                        s -= cmWeight[base + j] * x[q];
                    }
                }
                r[i] = s;
            }
        });
        // y = A' r + S x
        Chunks.forEach(chunks, c -> {
            for (int i = chunks[c]; i < chunks[c + 1]; i++) {
                double s = r[i];
                for (int t = cmTransposeStart[i]; t < cmTransposeStart[i + 1]; t++) {
                    s -= cmTransposeWeight[t] * r[cmTransposeRow[t]];
                }
                s += sparseDiagonal[i] * x[i];
                for (int t = sparseStart[i]; t < sparseStart[i + 1]; t++) {
                    s += sparseValue[t] * x[sparseColumn[t]];
                }
                y[i] = s;
            }
        });
    }
}
