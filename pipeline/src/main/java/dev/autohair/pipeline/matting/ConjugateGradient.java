package dev.autohair.pipeline.matting;

import dev.autohair.pipeline.parallel.RowBlocks;

/**
 * Preconditioned conjugate gradients on a {@link MattingSystem}, stopping when the relative
 * residual ||b - A x|| / ||b|| falls to the tolerance. Vector updates are fused per thread block
 * so each iteration makes three parallel passes (update + the preconditioner's forward pass; its
 * backward pass; next direction with its operator product).
 */
public final class ConjugateGradient {

    /** What a solve did: iterations run and the final relative residual. */
    public record Stats(int iterations, double relativeResidual, boolean converged) {}

    private ConjugateGradient() {}

    /**
     * Solves in place: {@code x} holds the initial guess (extended space, zero on the halo) and
     * receives the solution.
     */
    public static Stats solve(MattingSystem system, Preconditioner preconditioner, double[] x, double tolerance,
            int maxIterations) {
        int m = system.extendedSize;
        if (x.length != m) {
            throw new IllegalArgumentException("vector length " + x.length + " != system size " + m);
        }
        int blocks = system.blocks();
        int[] ext = system.extBlockStart;
        double[] b = system.rhs;
        double[] r = new double[m];
        double[] z = new double[m];
        double[] p = new double[m];
        double[] q = new double[m];
        double[] partA = new double[blocks];
        double[] partB = new double[blocks];

        // r = b - A x, norms of b and r
        system.multiply(x, q);
        RowBlocks.forEach(blocks, k -> {
            double bb = 0, rr = 0;
            for (int e = ext[k]; e < ext[k + 1]; e++) {
                double v = b[e] - q[e];
                r[e] = v;
                bb += b[e] * b[e];
                rr += v * v;
            }
            partA[k] = bb;
            partB[k] = rr;
        });
        double bNorm = Math.sqrt(Vectors.sum(partA));
        if (bNorm == 0) { // only background around the band: the exact answer is zero
            java.util.Arrays.fill(x, 0);
            return new Stats(0, 0, true);
        }
        double residual = Math.sqrt(Vectors.sum(partB)) / bNorm;
        if (residual <= tolerance) {
            return new Stats(0, residual, true);
        }
        RowBlocks.forEach(blocks, k -> preconditioner.forwardBlock(r, z, k));
        double rz = finishPreconditioning(preconditioner, r, z, blocks, partA);
        RowBlocks.forEach(blocks, k -> System.arraycopy(z, ext[k], p, ext[k], ext[k + 1] - ext[k]));
        RowBlocks.forEach(blocks,
                k -> partA[k] = system.multiplyBlock(p, q, system.blockStart[k], system.blockStart[k + 1]));
        double curvature = Vectors.sum(partA);
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            if (!(curvature > 0 && rz > 0)) { // breakdown: nothing left that the operator can reduce
                return new Stats(iteration - 1, residual, residual <= tolerance);
            }
            double alpha = rz / curvature;
            // each block starts preconditioning as soon as its own residual is updated, in the
            // same pass
            RowBlocks.forEach(blocks, k -> {
                partB[k] = Vectors.stepAndNorm(x, r, p, q, alpha, ext[k], ext[k + 1]);
                preconditioner.forwardBlock(r, z, k);
            });
            residual = Math.sqrt(Vectors.sum(partB)) / bNorm;
            if (residual <= tolerance) {
                return new Stats(iteration, residual, true);
            }
            double rzNext = finishPreconditioning(preconditioner, r, z, blocks, partA);
            double beta = rzNext / rz;
            rz = rzNext;
            // the next direction and its product in one pass: q = A z + beta q
            RowBlocks.forEach(blocks, k -> partA[k] = system.nextDirectionBlock(z, p, q, beta,
                    system.blockStart[k], system.blockStart[k + 1]));
            curvature = Vectors.sum(partA);
        }
        return new Stats(iteration, residual, false);
    }

    /** The preconditioner's coupling unknowns and backward pass, after its forward pass; returns r . z. */
    private static double finishPreconditioning(Preconditioner preconditioner, double[] r, double[] z, int blocks,
            double[] parts) {
        double coupled = preconditioner.couplings(r, z);
        RowBlocks.forEach(blocks, k -> parts[k] = preconditioner.backwardBlock(r, z, k));
        return Vectors.sum(parts) + coupled;
    }
}
