package dev.autohair.quality;

import dev.autohair.common.image.Matte;

/** Computes {@link AlphaError} over the whole image or over a chosen set of pixels. */
public final class AlphaMetrics {

    /** σ of the Gaussian derivative filters, as in Rhemann et al. 2009. */
    public static final double GRADIENT_SIGMA = 1.4;

    private AlphaMetrics() {
    }

    public static AlphaError overWholeImage(Matte estimate, Matte truth) {
        boolean[] all = new boolean[truth.pixelCount()];
        java.util.Arrays.fill(all, true);
        return over(estimate, truth, all);
    }

    /** Error over the pixels where {@code region} is true (gradients still see the whole image). */
    public static AlphaError over(Matte estimate, Matte truth, boolean[] region) {
        if (estimate.width() != truth.width() || estimate.height() != truth.height()) {
            throw new IllegalArgumentException("estimate is " + estimate.width() + "x" + estimate.height()
                    + " but the truth is " + truth.width() + "x" + truth.height());
        }
        if (region.length != truth.pixelCount()) {
            throw new IllegalArgumentException("region has " + region.length + " pixels, the matte "
                    + truth.pixelCount());
        }
        float[] gradEstimate = gradientMagnitude(estimate);
        float[] gradTruth = gradientMagnitude(truth);
        double sad = 0;
        double squares = 0;
        double gradient = 0;
        long n = 0;
        for (int i = 0; i < region.length; i++) {
            if (region[i]) {
                double d = estimate.alpha()[i] - truth.alpha()[i];
                sad += Math.abs(d);
                squares += d * d;
                double g = gradEstimate[i] - gradTruth[i];
                gradient += g * g;
                n++;
            }
        }
        return new AlphaError(sad / 1000, n == 0 ? 0 : squares / n, gradient, n);
    }

    /** |∇α| from separable Gaussian-derivative filters, borders replicated. */
    static float[] gradientMagnitude(Matte matte) {
        int w = matte.width();
        int h = matte.height();
        int radius = (int) Math.ceil(3 * GRADIENT_SIGMA);
        double[] smooth = new double[2 * radius + 1];
        double[] derivative = new double[2 * radius + 1];
        double sum = 0;
        double slope = 0;
        for (int k = -radius; k <= radius; k++) {
            double g = Math.exp(-k * k / (2 * GRADIENT_SIGMA * GRADIENT_SIGMA));
            smooth[k + radius] = g;
            derivative[k + radius] = k * g;
            sum += g;
            slope += k * k * g;
        }
        for (int k = 0; k < smooth.length; k++) {
            smooth[k] /= sum;
            // Correlating f(x) = x with k·g(k) gives Σk²g: dividing by it makes a unit ramp read 1.
            derivative[k] /= slope;
        }
        float[] a = matte.alpha();
        float[] gx = filter(filter(a, w, h, derivative, true), w, h, smooth, false);
        float[] gy = filter(filter(a, w, h, smooth, true), w, h, derivative, false);
        float[] magnitude = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            magnitude[i] = (float) Math.hypot(gx[i], gy[i]);
        }
        return magnitude;
    }

    /** Correlation with a 1-D kernel along x or y, replicating the border. */
    private static float[] filter(float[] src, int w, int h, double[] kernel, boolean horizontal) {
        int radius = kernel.length / 2;
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int sx = horizontal ? Math.max(0, Math.min(w - 1, x + k)) : x;
                    int sy = horizontal ? y : Math.max(0, Math.min(h - 1, y + k));
                    acc += kernel[k + radius] * src[sy * w + sx];
                }
                out[y * w + x] = (float) acc;
            }
        }
        return out;
    }
}
