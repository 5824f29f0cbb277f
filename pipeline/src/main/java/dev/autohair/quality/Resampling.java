package dev.autohair.quality;

/**
 * Separable resizing of interleaved float images: area averaging along an axis that shrinks (no
 * aliasing, like OpenCV's INTER_AREA) and bilinear interpolation with pixel-centre alignment along
 * an axis that grows (like INTER_LINEAR). Plain Java so results are identical on every machine.
 */
final class Resampling {

    private Resampling() {
    }

    static float[] resize(float[] src, int channels, int width, int height, int newWidth, int newHeight) {
        float[] rows = resizeAxis(src, channels, width, height, newWidth, true);
        return resizeAxis(rows, channels, newWidth, height, newHeight, false);
    }

    /** Output pixel i takes input pixels start[i] .. start[i] + weights[i].length − 1. */
    private record Weights(int[] start, double[][] weights) {
    }

    private static float[] resizeAxis(float[] src, int channels, int width, int height, int newSize,
            boolean horizontal) {
        int oldSize = horizontal ? width : height;
        Weights weights = newSize < oldSize ? area(oldSize, newSize) : bilinear(oldSize, newSize);
        int outWidth = horizontal ? newSize : width;
        int outHeight = horizontal ? height : newSize;
        float[] out = new float[channels * outWidth * outHeight];
        int lines = horizontal ? height : width;
        for (int line = 0; line < lines; line++) {
            for (int i = 0; i < newSize; i++) {
                double[] w = weights.weights()[i];
                int start = weights.start()[i];
                int outPixel = horizontal ? line * outWidth + i : i * outWidth + line;
                for (int c = 0; c < channels; c++) {
                    double acc = 0;
                    for (int k = 0; k < w.length; k++) {
                        int j = start + k;
                        int inPixel = horizontal ? line * width + j : j * width + line;
                        acc += w[k] * src[channels * inPixel + c];
                    }
                    out[channels * outPixel + c] = (float) acc;
                }
            }
        }
        return out;
    }

    /** Output i covers input [i·f, (i+1)·f): each input pixel weighs by its overlap. */
    private static Weights area(int oldSize, int newSize) {
        double f = oldSize / (double) newSize;
        int[] start = new int[newSize];
        double[][] weights = new double[newSize][];
        for (int i = 0; i < newSize; i++) {
            double lo = i * f;
            double hi = Math.min(oldSize, (i + 1) * f);
            int j0 = (int) Math.floor(lo);
            int j1 = Math.min(oldSize - 1, (int) Math.ceil(hi) - 1);
            start[i] = j0;
            weights[i] = new double[j1 - j0 + 1];
            for (int j = j0; j <= j1; j++) {
                double overlap = Math.min(hi, j + 1) - Math.max(lo, j);
                weights[i][j - j0] = Math.max(0, overlap) / (hi - lo);
            }
        }
        return new Weights(start, weights);
    }

    private static Weights bilinear(int oldSize, int newSize) {
        double f = oldSize / (double) newSize;
        int[] start = new int[newSize];
        double[][] weights = new double[newSize][];
        for (int i = 0; i < newSize; i++) {
            double src = Math.max(0, Math.min(oldSize - 1, (i + 0.5) * f - 0.5));
            int j0 = Math.min((int) Math.floor(src), Math.max(0, oldSize - 2));
            if (oldSize == 1) {
                start[i] = 0;
                weights[i] = new double[] {1};
            } else {
                double t = src - j0;
                start[i] = j0;
                weights[i] = new double[] {1 - t, t};
            }
        }
        return new Weights(start, weights);
    }
}
