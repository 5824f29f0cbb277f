package dev.autohair.pipeline.matting.flow;

/**
 * The weights of locally linear embedding (Roweis and Saul 2000) in colour: the w minimising
 * ||c_p - sum_q w_q c_q||² with sum_q w_q = 1. With more neighbours than colour dimensions the
 * local Gram matrix is singular, so it is regularised by {@code regularisation} × its trace
 * (plus a tiny floor for neighbours of exactly the pixel's colour). One instance per thread.
 */
final class LocallyLinearWeights {

    /** Used when every neighbour has exactly the pixel's colour (trace zero): weights come out uniform. */
    private static final double FLOOR = 1e-12;

    private final double regularisation;
    private final double[] gram;
    private final double[] difference;

    LocallyLinearWeights(int maxNeighbours, double regularisation) {
        if (!(regularisation > 0)) {
            throw new IllegalArgumentException("regularisation must be positive, got " + regularisation);
        }
        this.regularisation = regularisation;
        this.gram = new double[maxNeighbours * maxNeighbours];
        this.difference = new double[3 * maxNeighbours];
    }

    /**
     * Writes into {@code weights[0..k)} the weights of the pixels {@code neighbours[0..k)}
     * reconstructing the colour of {@code pixel}; {@code rgb} is the image's interleaved colour.
     */
    void solve(float[] rgb, int pixel, int[] neighbours, int k, double[] weights) {
        if (k == 0) {
            return;
        }
        double r = rgb[3 * pixel];
        double g = rgb[3 * pixel + 1];
        double b = rgb[3 * pixel + 2];
        for (int j = 0; j < k; j++) {
            int o = 3 * neighbours[j];
            difference[3 * j] = rgb[o] - r;
            difference[3 * j + 1] = rgb[o + 1] - g;
            difference[3 * j + 2] = rgb[o + 2] - b;
        }
        double trace = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double v = difference[3 * i] * difference[3 * j] + difference[3 * i + 1] * difference[3 * j + 1]
                        + difference[3 * i + 2] * difference[3 * j + 2];
                gram[i * k + j] = v;
            }
            trace += gram[i * k + i];
        }
        double shift = regularisation * trace + FLOOR;
        for (int i = 0; i < k; i++) {
            gram[i * k + i] += shift;
        }
        // Cholesky in place (lower triangle), then solve G w = 1 and normalise to sum 1
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = gram[i * k + j];
                for (int m = 0; m < j; m++) {
                    s -= gram[i * k + m] * gram[j * k + m];
                }
                gram[i * k + j] = i == j ? Math.sqrt(Math.max(s, FLOOR)) : s / gram[j * k + j];
            }
        }
        for (int i = 0; i < k; i++) {
            double s = 1;
            for (int m = 0; m < i; m++) {
                s -= gram[i * k + m] * weights[m];
            }
            weights[i] = s / gram[i * k + i];
        }
        double sum = 0;
        for (int i = k - 1; i >= 0; i--) {
            double s = weights[i];
            for (int m = i + 1; m < k; m++) {
                s -= gram[m * k + i] * weights[m];
            }
            weights[i] = s / gram[i * k + i];
            sum += weights[i];
        }
        for (int i = 0; i < k; i++) {
            weights[i] /= sum;
        }
    }
}
