package dev.autohair.pipeline.matting;

/**
 * An approximation M of the system matrix, applied as z = M^-1 r in two passes over the
 * system's thread blocks, each block on its own thread, with the unknowns that couple blocks
 * (if any) done on one thread between them: {@link #forwardBlock} on every block, then
 * {@link #couplings}, then {@link #backwardBlock} on every block. r and z are extended-space
 * vectors.
 */
public interface Preconditioner {

    /** The first pass over the block's unknowns. */
    void forwardBlock(double[] r, double[] z, int block);

    /**
     * Between the passes, on one thread: the unknowns no block owns. Returns r . z over them.
     * None for a block-diagonal preconditioner.
     */
    default double couplings(double[] r, double[] z) {
        return 0;
    }

    /**
     * The second pass, which finishes z over the block. Returns r . z over the block, which
     * conjugate gradients needs next, so it costs no pass of its own.
     */
    double backwardBlock(double[] r, double[] z, int block);

    /** No preconditioning: z = r (plain conjugate gradients). */
    static Preconditioner identity(MattingSystem system) {
        return new Preconditioner() {
            @Override
            public void forwardBlock(double[] r, double[] z, int block) {
                int from = system.extBlockStart[block];
                System.arraycopy(r, from, z, from, system.extBlockStart[block + 1] - from);
            }

            @Override
            public double backwardBlock(double[] r, double[] z, int block) {
                return Vectors.dot(r, z, system.extBlockStart[block], system.extBlockStart[block + 1]);
            }
        };
    }

    /** z = r / diag(A): cheap, but weak on the matting Laplacian. */
    static Preconditioner jacobi(MattingSystem system) {
        double[] inverseDiagonal = new double[system.unknowns];
        for (int i = 0; i < system.unknowns; i++) {
            double diagonal = system.coeff[i * 25 + MattingSystem.CENTRE];
            inverseDiagonal[i] = diagonal > 0 ? 1 / diagonal : 0; // zero diagonal: a decoupled unknown
        }
        return new Preconditioner() {
            @Override
            public void forwardBlock(double[] r, double[] z, int block) {
                for (int i = system.blockStart[block]; i < system.blockStart[block + 1]; i++) {
                    int e = system.unknownExt[i];
                    z[e] = r[e] * inverseDiagonal[i];
                }
            }

            @Override
            public double backwardBlock(double[] r, double[] z, int block) {
                return Vectors.dot(r, z, system.extBlockStart[block], system.extBlockStart[block + 1]);
            }
        };
    }
}
