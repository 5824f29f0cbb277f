package dev.autohair.pipeline.segmentation.product;

import java.util.Arrays;

/**
 * The background as a smooth colour field fitted to the image border: per L*a*b* channel a
 * quadratic in x and y, so a gradient sweep, vignette or soft light fall-off is background too.
 * Fitted robustly (border pixels far from the fit are left out and the fit repeated), so a
 * product that touches an edge does not drag the model towards its own colour.
 */
final class BorderBackground {

    /** Darkening counts less than a colour change: soft shadows on the surface stay background. */
    static final double DARKER_WEIGHT = 0.35;
    static final double BRIGHTER_WEIGHT = 0.6;
    /** Residuals below this (ΔE) are background even on a perfectly flat synthetic border. */
    static final double MIN_INLIER_DISTANCE = 4;
    private static final int TERMS = 6;
    private static final int REFITS = 4;

    private final int width;
    private final int height;
    private final double[][] coefficients; // [channel][term]
    private final boolean[] border;
    private final boolean[] backgroundBorder;
    private final double noise;
    private final double backgroundFraction;

    private BorderBackground(int width, int height, double[][] coefficients, boolean[] border,
            boolean[] backgroundBorder, double noise, double backgroundFraction) {
        this.width = width;
        this.height = height;
        this.coefficients = coefficients;
        this.border = border;
        this.backgroundBorder = backgroundBorder;
        this.noise = noise;
        this.backgroundFraction = backgroundFraction;
    }

    /** Fits the model to a strip {@code strip} pixels wide along all four edges. */
    static BorderBackground fit(LabImage image, int strip) {
        int w = image.width();
        int h = image.height();
        boolean[] border = new boolean[w * h];
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x < strip || y < strip || x >= w - strip || y >= h - strip) {
                    border[y * w + x] = true;
                    count++;
                }
            }
        }
        int[] samples = new int[count];
        for (int i = 0, k = 0; i < border.length; i++) {
            if (border[i]) {
                samples[k++] = i;
            }
        }
        float[] lab = image.lab();
        // Start from the border's median colour: robust to whatever the subject puts on the border.
        double[][] coefficients = new double[3][TERMS];
        for (int c = 0; c < 3; c++) {
            double[] values = new double[count];
            for (int k = 0; k < count; k++) {
                values[k] = lab[3 * samples[k] + c];
            }
            coefficients[c][0] = median(values);
        }
        boolean[] inlier = new boolean[count];
        double noise = 0;
        for (int pass = 0; pass <= REFITS; pass++) {
            double[] residuals = new double[count];
            for (int k = 0; k < count; k++) {
                residuals[k] = distance(coefficients, lab, samples[k], w, h);
            }
            // Noise from the better half of the border: the background's share when the subject touches it.
            double[] sorted = residuals.clone();
            Arrays.sort(sorted);
            noise = sorted[count / 4] * 2;
            double limit = Math.max(MIN_INLIER_DISTANCE, 3 * noise);
            int inliers = 0;
            for (int k = 0; k < count; k++) {
                inlier[k] = residuals[k] <= limit;
                inliers += inlier[k] ? 1 : 0;
            }
            if (pass == REFITS || inliers < TERMS * 4) {
                break;
            }
            coefficients = leastSquares(lab, samples, inlier, w, h);
        }
        boolean[] backgroundBorder = new boolean[w * h];
        int inliers = 0;
        for (int k = 0; k < count; k++) {
            if (inlier[k]) {
                backgroundBorder[samples[k]] = true;
                inliers++;
            }
        }
        return new BorderBackground(w, h, coefficients, border, backgroundBorder, noise, (double) inliers / count);
    }

    /** For each pixel, its weighted colour distance (ΔE-like) from the background model there. */
    float[] distanceMap(LabImage image) {
        float[] out = new float[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) distance(coefficients, image.lab(), i, width, height);
        }
        return out;
    }

    /** The border strip. */
    boolean[] border() {
        return border;
    }

    /** Border pixels that fit the background model. */
    boolean[] backgroundBorder() {
        return backgroundBorder;
    }

    /** A typical border pixel's distance from the model: about 1-2 for a plain surface, far more for texture. */
    double noise() {
        return noise;
    }

    /** The share of the border strip that fits the model. */
    double backgroundFraction() {
        return backgroundFraction;
    }

    private static double distance(double[][] coefficients, float[] lab, int index, int w, int h) {
        double[] basis = basis(index % w, index / w, w, h);
        double dl = lab[3 * index] - dot(coefficients[0], basis);
        double da = lab[3 * index + 1] - dot(coefficients[1], basis);
        double db = lab[3 * index + 2] - dot(coefficients[2], basis);
        double wl = dl < 0 ? DARKER_WEIGHT : BRIGHTER_WEIGHT;
        return Math.sqrt(wl * wl * dl * dl + da * da + db * db);
    }

    private static double[] basis(int x, int y, int w, int h) {
        double u = (x + 0.5) / w - 0.5;
        double v = (y + 0.5) / h - 0.5;
        return new double[] {1, u, v, u * u, u * v, v * v};
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Normal equations with a light ridge on the non-constant terms, so a one-sided border cannot run wild. */
    private static double[][] leastSquares(float[] lab, int[] samples, boolean[] use, int w, int h) {
        double[][] normal = new double[TERMS][TERMS];
        double[][] right = new double[3][TERMS];
        int n = 0;
        for (int k = 0; k < samples.length; k++) {
            if (!use[k]) {
                continue;
            }
            n++;
            double[] b = basis(samples[k] % w, samples[k] / w, w, h);
            for (int i = 0; i < TERMS; i++) {
                for (int j = 0; j < TERMS; j++) {
                    normal[i][j] += b[i] * b[j];
                }
                for (int c = 0; c < 3; c++) {
                    right[c][i] += b[i] * lab[3 * samples[k] + c];
                }
            }
        }
        for (int i = 1; i < TERMS; i++) {
            normal[i][i] += 0.01 * n;
        }
        double[][] out = new double[3][];
        for (int c = 0; c < 3; c++) {
            out[c] = solve(normal, right[c]);
        }
        return out;
    }

    /** Gaussian elimination with partial pivoting on a copy (6×6, symmetric positive definite). */
    private static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = rhs[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[r][k] -= factor * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
