package dev.autohair.pipeline.matting;

/**
 * The conjugate-gradient solvers' vector loops over a range of a vector, and the sum of their
 * blocks' results. The loops keep four partial sums: with one, every element's addition waited
 * for the previous one, and that chain, not memory, made these loops a third of an iteration on a
 * small band.
 */
public final class Vectors {

    private Vectors() {}

    /** x += alpha p and r -= alpha q over [from, to); returns the new r . r there. */
    public static double stepAndNorm(double[] x, double[] r, double[] p, double[] q, double alpha, int from, int to) {
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
    public static double dot(double[] a, double[] b, int from, int to) {
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

    /** The blocks' partial results added in block order, so a solve does not depend on which thread ran which. */
    public static double sum(double[] parts) {
        double s = 0;
        for (double v : parts) {
            s += v;
        }
        return s;
    }
}
