package dev.autohair.pipeline.matting;

import dev.autohair.pipeline.parallel.RowBlocks;

/**
 * Preconditioned conjugate gradients on a {@link MattingSystem}, stopping when the relative
 * residual ||b - A x|| / ||b|| falls to the tolerance. Vector updates are fused per thread block
 * so each iteration makes two parallel passes (update + preconditioner; next direction with its
 * operator product).
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
        double bNorm = Math.sqrt(sum(partA));
        if (bNorm == 0) { // only background around the band: the exact answer is zero
            java.util.Arrays.fill(x, 0);
            return new Stats(0, 0, true);
        }
        double residual = Math.sqrt(sum(partB)) / bNorm;
        if (residual <= tolerance) {
            return new Stats(0, residual, true);
        }
        RowBlocks.forEach(blocks, k -> {
            preconditioner.applyBlock(r, z, k);
            System.arraycopy(z, ext[k], p, ext[k], ext[k + 1] - ext[k]);
            partA[k] = dot(r, z, ext[k], ext[k + 1]);
        });
        double rz = sum(partA);
        RowBlocks.forEach(blocks,
                k -> partA[k] = system.multiplyBlock(p, q, system.blockStart[k], system.blockStart[k + 1]));
        double curvature = sum(partA);
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            if (!(curvature > 0 && rz > 0)) { // breakdown: nothing left that the operator can reduce
                return new Stats(iteration - 1, residual, residual <= tolerance);
            }
            double alpha = rz / curvature;
            // the preconditioner is block-diagonal, so each block can apply it as soon as its own
            // residual is updated: one pass instead of two
            RowBlocks.forEach(blocks, k -> {
                partB[k] = step(x, r, p, q, alpha, ext[k], ext[k + 1]);
                preconditioner.applyBlock(r, z, k);
                partA[k] = dot(r, z, ext[k], ext[k + 1]);
            });
            residual = Math.sqrt(sum(partB)) / bNorm;
            if (residual <= tolerance) {
                return new Stats(iteration, residual, true);
            }
            double rzNext = sum(partA);
            double beta = rzNext / rz;
            rz = rzNext;
            // the next direction and its product in one pass: q = A z + beta q
            RowBlocks.forEach(blocks, k -> partA[k] = system.nextDirectionBlock(z, p, q, beta,
                    system.blockStart[k], system.blockStart[k + 1]));
            curvature = sum(partA);
        }
        return new Stats(iteration, residual, false);
    }

    /*
     * The two vector loops below keep four partial sums: with one, each element's addition waited
     * for the previous one, and that chain, not memory, made them a third of an iteration on a
     * small band.
     */

    /** x += alpha p and r -= alpha q over [from, to); returns the new r . r there. */
    private static double step(double[] x, double[] r, double[] p, double[] q, double alpha, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int e = from;
        for (; e + 3 < to; e += 4) {
            x[e] += alpha * p[e];
            x[e + 1] += alpha * p[e + 1];
            x[e + 2] += alpha * p[e + 2];
            x[e + 3] += alpha * p[e + 3];
            double v0 = r[e] - alpha * q[e];
            double v1 = r[e + 1] - alpha * q[e + 1];
            double v2 = r[e + 2] - alpha * q[e + 2];
            double v3 = r[e + 3] - alpha * q[e + 3];
            r[e] = v0;
            r[e + 1] = v1;
            r[e + 2] = v2;
            r[e + 3] = v3;
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        for (; e < to; e++) {
            x[e] += alpha * p[e];
            double v = r[e] - alpha * q[e];
            r[e] = v;
            s0 += v * v;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** a . b over [from, to). */
    private static double dot(double[] a, double[] b, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int e = from;
        for (; e + 3 < to; e += 4) {
            s0 += a[e] * b[e];
            s1 += a[e + 1] * b[e + 1];
            s2 += a[e + 2] * b[e + 2];
            s3 += a[e + 3] * b[e + 3];
        }
        for (; e < to; e++) {
            s0 += a[e] * b[e];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static double sum(double[] parts) {
        double s = 0;
        for (double v : parts) {
            s += v;
        }
        return s;
    }
}
