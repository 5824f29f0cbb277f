package dev.autohair.pipeline.matting;

/**
 * An approximation M of the system matrix, applied as z = M^-1 r. Block-diagonal over the
 * system's thread blocks, so each block can be applied on its own thread.
 */
public interface Preconditioner {

    /**
     * z = M^-1 r on the unknowns of {@code block}; r and z are extended-space vectors. Returns
     * r . z over the block, which conjugate gradients needs next, so it costs no pass of its own.
     */
    double applyBlock(double[] r, double[] z, int block);

    /** No preconditioning: z = r (plain conjugate gradients). */
    static Preconditioner identity(MattingSystem system) {
        return (r, z, block) -> {
            int from = system.extBlockStart[block];
            int to = system.extBlockStart[block + 1];
            System.arraycopy(r, from, z, from, to - from);
            return Vectors.dot(r, z, from, to);
        };
    }

    /** z = r / diag(A): cheap, but weak on the matting Laplacian. */
    static Preconditioner jacobi(MattingSystem system) {
        double[] inverseDiagonal = new double[system.unknowns];
        for (int i = 0; i < system.unknowns; i++) {
            double diagonal = system.coeff[i * 25 + MattingSystem.CENTRE];
            inverseDiagonal[i] = diagonal > 0 ? 1 / diagonal : 0; // zero diagonal: a decoupled unknown
        }
        return (r, z, block) -> {
            double rz = 0;
            for (int i = system.blockStart[block]; i < system.blockStart[block + 1]; i++) {
                int e = system.unknownExt[i];
                z[e] = r[e] * inverseDiagonal[i];
                rz += r[e] * z[e];
            }
            return rz;
        };
    }
}
