package dev.autohair.quality;

import java.util.HashMap;
import java.util.Map;

/**
 * A tapered strand: a polyline whose half-width varies linearly from point to point. Its
 * coverage is the union of capsules around the segments, so a strand never darkens where its
 * own segments overlap.
 */
final class Stroke {

    private final double[] xs;
    private final double[] ys;
    private final double[] radii;

    Stroke(double[] xs, double[] ys, double[] radii) {
        if (xs.length < 2 || xs.length != ys.length || xs.length != radii.length) {
            throw new IllegalArgumentException("a stroke needs at least 2 points with one radius each");
        }
        this.xs = xs;
        this.ys = ys;
        this.radii = radii;
    }

    /** Samples a cubic Bézier every ~1 px, tapering from {@code rootRadius} to {@code tipRadius}. */
    static Stroke bezier(double[] px, double[] py, double rootRadius, double tipRadius) {
        double length = 0;
        for (int i = 1; i < 4; i++) {
            length += Math.hypot(px[i] - px[i - 1], py[i] - py[i - 1]);
        }
        int n = Math.max(2, (int) Math.ceil(length) + 1);
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] radii = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) (n - 1);
            double u = 1 - t;
            double b0 = u * u * u;
            double b1 = 3 * u * u * t;
            double b2 = 3 * u * t * t;
            double b3 = t * t * t;
            xs[i] = b0 * px[0] + b1 * px[1] + b2 * px[2] + b3 * px[3];
            ys[i] = b0 * py[0] + b1 * py[1] + b2 * py[2] + b3 * py[3];
            radii[i] = rootRadius + (tipRadius - rootRadius) * t;
        }
        return new Stroke(xs, ys, radii);
    }

    /** A polyline through the given points, tapering linearly from root to tip. */
    static Stroke polyline(double[] xs, double[] ys, double rootRadius, double tipRadius) {
        double[] radii = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            radii[i] = rootRadius + (tipRadius - rootRadius) * i / (xs.length - 1.0);
        }
        return new Stroke(xs, ys, radii);
    }

    Coverage rasterize(int width, int height) {
        Map<Integer, Long> hits = new HashMap<>();
        for (int s = 0; s + 1 < xs.length; s++) {
            rasterizeSegment(s, width, height, hits);
        }
        int[] pixels = new int[hits.size()];
        float[] amounts = new float[hits.size()];
        int n = 0;
        for (Map.Entry<Integer, Long> e : hits.entrySet()) {
            pixels[n] = e.getKey();
            amounts[n] = Long.bitCount(e.getValue()) / (float) Supersampling.SAMPLES;
            n++;
        }
        return new Coverage(pixels, amounts);
    }

    private void rasterizeSegment(int s, int width, int height, Map<Integer, Long> hits) {
        double ax = xs[s];
        double ay = ys[s];
        double bx = xs[s + 1];
        double by = ys[s + 1];
        double maxRadius = Math.max(radii[s], radii[s + 1]);
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - maxRadius));
        int x1 = Math.min(width - 1, (int) Math.floor(Math.max(ax, bx) + maxRadius));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - maxRadius));
        int y1 = Math.min(height - 1, (int) Math.floor(Math.max(ay, by) + maxRadius));
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                long bits = 0;
                for (int sy = 0; sy < Supersampling.GRID; sy++) {
                    for (int sx = 0; sx < Supersampling.GRID; sx++) {
                        double qx = x + Supersampling.offset(sx);
                        double qy = y + Supersampling.offset(sy);
                        double t = lengthSquared == 0 ? 0
                                : Math.max(0, Math.min(1, ((qx - ax) * dx + (qy - ay) * dy) / lengthSquared));
                        double ex = qx - (ax + t * dx);
                        double ey = qy - (ay + t * dy);
                        double r = radii[s] + (radii[s + 1] - radii[s]) * t;
                        if (ex * ex + ey * ey <= r * r) {
                            bits |= 1L << (sy * Supersampling.GRID + sx);
                        }
                    }
                }
                if (bits != 0) {
                    hits.merge(y * width + x, bits, (a, b) -> a | b);
                }
            }
        }
    }
}
