package dev.autohair.pipeline.image;

import dev.autohair.common.image.RgbImage;

/**
 * Separable resizing of interleaved float images: area averaging along an axis that shrinks (no
 * aliasing, like OpenCV's INTER_AREA), bilinear with half-pixel centres along one that grows or
 * keeps its size. Plain Java, so results are identical on every machine; one implementation for
 * the model stages' input and output, network matting and the quality harness.
 */
public final class Resampler {

    private Resampler() {
    }

    /** For each output index along one axis: the first source index and the weights from there on. */
    private record Kernel(int[] start, float[][] weights) {
    }

    /** The image at {@code newWidth} x {@code newHeight}. */
    public static RgbImage resize(RgbImage image, int newWidth, int newHeight) {
        return new RgbImage(newWidth, newHeight, resize(image.rgb(), image.width(), image.height(), 3, newWidth, newHeight));
    }

    public static float[] resize(float[] src, int width, int height, int channels, int newWidth, int newHeight) {
        if (src.length != width * height * channels) {
            throw new IllegalArgumentException("expected " + width * height * channels + " samples, got " + src.length);
        }
        // Rows first, then columns; each pass applies one 1-D kernel.
        float[] rows = horizontal(src, width, height, channels, newWidth, kernel(width, newWidth));
        return vertical(rows, newWidth, height, channels, newHeight, kernel(height, newHeight));
    }

    private static float[] horizontal(float[] src, int width, int height, int channels, int newWidth, Kernel k) {
        float[] out = new float[newWidth * height * channels];
        for (int y = 0; y < height; y++) {
            int rowIn = y * width * channels;
            int rowOut = y * newWidth * channels;
            for (int x = 0; x < newWidth; x++) {
                float[] w = k.weights[x];
                int base = rowIn + k.start[x] * channels;
                for (int c = 0; c < channels; c++) {
                    float sum = 0;
                    for (int i = 0; i < w.length; i++) {
                        sum += w[i] * src[base + i * channels + c];
                    }
                    out[rowOut + x * channels + c] = sum;
                }
            }
        }
        return out;
    }

    private static float[] vertical(float[] src, int width, int height, int channels, int newHeight, Kernel k) {
        int stride = width * channels;
        float[] out = new float[newHeight * stride];
        for (int y = 0; y < newHeight; y++) {
            float[] w = k.weights[y];
            int base = k.start[y] * stride;
            int rowOut = y * stride;
            for (int i = 0; i < w.length; i++) {
                float wi = w[i];
                int row = base + i * stride;
                for (int j = 0; j < stride; j++) {
                    out[rowOut + j] += wi * src[row + j];
                }
            }
        }
        return out;
    }

    private static Kernel kernel(int size, int newSize) {
        return newSize < size ? area(size, newSize) : bilinear(size, newSize);
    }

    private static Kernel area(int size, int newSize) {
        double scale = (double) size / newSize;
        int[] start = new int[newSize];
        float[][] weights = new float[newSize][];
        for (int i = 0; i < newSize; i++) {
            double from = i * scale;
            double to = Math.min(size, (i + 1) * scale);
            int first = (int) Math.floor(from);
            int last = Math.min(size - 1, (int) Math.ceil(to) - 1);
            start[i] = first;
            weights[i] = new float[last - first + 1];
            for (int j = first; j <= last; j++) {
                double overlap = Math.min(to, j + 1) - Math.max(from, j);
                weights[i][j - first] = (float) (overlap / (to - from));
            }
        }
        return new Kernel(start, weights);
    }

    private static Kernel bilinear(int size, int newSize) {
        double scale = (double) size / newSize;
        int[] start = new int[newSize];
        float[][] weights = new float[newSize][];
        for (int i = 0; i < newSize; i++) {
            double x = Math.max(0, Math.min(size - 1, (i + 0.5) * scale - 0.5));
            int x0 = (int) Math.floor(x);
            float f = (float) (x - x0);
            start[i] = x0;
            weights[i] = x0 + 1 < size && f > 0 ? new float[] {1 - f, f} : new float[] {1};
        }
        return new Kernel(start, weights);
    }
}
