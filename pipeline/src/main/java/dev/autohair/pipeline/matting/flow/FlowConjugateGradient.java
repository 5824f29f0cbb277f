package dev.autohair.pipeline.matting.flow;

import dev.autohair.pipeline.matting.Vectors;

/**
 * Preconditioned conjugate gradients on a {@link FlowSystem} (its block symmetric Gauss-Seidel
 * preconditioner); stops when the relative residual ||b - A x|| / ||b|| reaches the tolerance.
 * (The project's {@code ConjugateGradient} and block incomplete Cholesky are tied to the matting
 * Laplacian's 25-point stencil in its extended index space; this operator's non-local rows do
 * not fit them.)
 */
final class FlowConjugateGradient {

    record Stats(int iterations, double relativeResidual) {}

    private FlowConjugateGradient() {}

    /** Solves in place: {@code x} holds the initial guess and receives the solution. */
    static Stats solve(FlowSystem system, double[] x, double tolerance, int maxIterations) {
        int n = system.n;
        int[] chunks = system.chunks();
        int parts = chunks.length - 1;
        double[] b = system.rhs;
        double[] r = new double[n];
        double[] z = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        double[] partA = new double[parts];
        double[] partB = new double[parts];
        system.multiply(x, q);
        Chunks.forEach(chunks, c -> {
            double bb = 0, rr = 0;
            for (int i = chunks[c]; i < chunks[c + 1]; i++) {
                double v = b[i] - q[i];
                r[i] = v;
                bb += b[i] * b[i];
                rr += v * v;
            }
            partA[c] = bb;
            partB[c] = rr;
        });
        double bNorm = Math.sqrt(Vectors.sum(partA));
        if (bNorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new Stats(0, 0);
        }
        double residual = Math.sqrt(Vectors.sum(partB)) / bNorm;
        system.precondition(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = dot(chunks, r, z, partA);
        int iteration = 0;
        while (residual > tolerance && iteration < maxIterations) {
            iteration++;
            system.multiply(p, q);
            double curvature = dot(chunks, p, q, partA);
            if (!(curvature > 0 && rz > 0)) {
                break;
            }
            double step = rz / curvature;
            Chunks.forEach(chunks, c -> partB[c] = Vectors.stepAndNorm(x, r, p, q, step, chunks[c], chunks[c + 1]));
            residual = Math.sqrt(Vectors.sum(partB)) / bNorm;
            if (residual <= tolerance) {
                break;
            }
            system.precondition(r, z);
            double rzNext = dot(chunks, r, z, partA);
            double beta = rzNext / rz;
            rz = rzNext;
            Chunks.forEach(chunks, c -> {
                for (int i = chunks[c]; i < chunks[c + 1]; i++) {
                    p[i] = z[i] + beta * p[i];
                }
            });
        }
        return new Stats(iteration, residual);
    }

    private static double dot(int[] chunks, double[] a, double[] b, double[] parts) {
        Chunks.forEach(chunks, c -> parts[c] = Vectors.dot(a, b, chunks[c], chunks[c + 1]));
        return Vectors.sum(parts);
    }
}
