package dev.autohair.bench;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.MattingSystem;

/**
 * The naive baseline: the same unknown-only closed-form system, solved by textbook
 * unpreconditioned conjugate gradients from zero, single-threaded vector updates, stopping on the
 * same relative residual ||b - Ax|| / ||b||. No coarse-to-fine start.
 */
final class PlainConjugateGradientMatting {

    record Result(Matte matte, int iterations) {}

    private final double epsilon;
    private final double tolerance;
    private final int maxIterations;

    PlainConjugateGradientMatting(double epsilon, double tolerance, int maxIterations) {
        this.epsilon = epsilon;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    Result solve(RgbImage image, Trimap trimap) {
        MattingSystem system = MattingSystem.build(image, trimap, epsilon);
        double[] b = system.rhs();
        double[] x = system.newVector();
        double[] r = b.clone();
        double[] p = b.clone();
        double[] q = system.newVector();
        double bNorm = Math.sqrt(dot(b, b));
        double rr = dot(r, r);
        int iteration = 0;
        while (bNorm > 0 && Math.sqrt(rr) / bNorm > tolerance && iteration < maxIterations) {
            iteration++;
            system.multiply(p, q);
            double alpha = rr / dot(p, q);
            for (int i = 0; i < x.length; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }
            double next = dot(r, r);
            double beta = next / rr;
            rr = next;
            for (int i = 0; i < p.length; i++) {
                p[i] = r[i] + beta * p[i];
            }
        }
        float[] alpha = new float[trimap.labels().length];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = trimap.isForeground(i) ? 1f : 0f;
        }
        system.scatterInto(x, alpha);
        return new Result(new Matte(image.width(), image.height(), alpha), iteration);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
