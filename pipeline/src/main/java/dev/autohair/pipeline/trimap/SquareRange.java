package dev.autohair.pipeline.trimap;

import java.util.Arrays;

/**
 * How much a grey map varies around each pixel: max − min over the (2r+1)² square centred on it,
 * clipped to the image. Separable, and in constant time per pixel whatever the radius (van Herk /
 * Gil–Werman running extremes), since the radius grows with the mask's blur (40 px and more on a
 * large photo with a low-resolution mask).
 */
final class SquareRange {

    private SquareRange() {
    }

    static float[] of(float[] values, int width, int height, int radius) {
        float[] range = values.clone(); // the minimum first, then max − min in place: two maps, not three
        float[] negatedMax = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            negatedMax[i] = -values[i];
        }
        runningMinimum(range, width, height, radius);
        runningMinimum(negatedMax, width, height, radius);
        for (int i = 0; i < values.length; i++) {
            range[i] = -negatedMax[i] - range[i];
        }
        return range;
    }

    /** Columns copied out together, so that reading them down the image uses whole cache lines. */
    private static final int COLUMN_STRIP = 16;

    /** In place: each value becomes the minimum of its square, rows first, then columns. */
    private static void runningMinimum(float[] values, int width, int height, int radius) {
        Scratch scratch = new Scratch(Math.max(width, height) + 2 * radius);
        float[] row = new float[width];
        for (int y = 0; y < height; y++) {
            System.arraycopy(values, y * width, row, 0, width);
            scratch.minimumOver(row, width, radius);
            System.arraycopy(row, 0, values, y * width, width);
        }
        float[][] columns = new float[COLUMN_STRIP][height];
        for (int x0 = 0; x0 < width; x0 += COLUMN_STRIP) {
            int strip = Math.min(COLUMN_STRIP, width - x0);
            for (int y = 0; y < height; y++) {
                for (int c = 0; c < strip; c++) {
                    columns[c][y] = values[y * width + x0 + c];
                }
            }
            for (int c = 0; c < strip; c++) {
                scratch.minimumOver(columns[c], height, radius);
            }
            for (int y = 0; y < height; y++) {
                for (int c = 0; c < strip; c++) {
                    values[y * width + x0 + c] = columns[c][y];
                }
            }
        }
    }

    /** Buffers for one line: the line padded with +∞, and block-wise prefix and suffix minima. */
    private static final class Scratch {
        private final float[] padded;
        private final float[] prefix;
        private final float[] suffix;

        Scratch(int length) {
            padded = new float[length];
            prefix = new float[length];
            suffix = new float[length];
        }

        /** line[i] = min(line[i − r .. i + r] within 0 .. n − 1). */
        void minimumOver(float[] line, int n, int radius) {
            int window = 2 * radius + 1;
            int length = n + 2 * radius;
            Arrays.fill(padded, 0, length, Float.POSITIVE_INFINITY);
            System.arraycopy(line, 0, padded, radius, n);
            for (int start = 0; start < length; start += window) {
                int end = Math.min(length, start + window);
                prefix[start] = padded[start];
                for (int j = start + 1; j < end; j++) {
                    prefix[j] = Math.min(prefix[j - 1], padded[j]);
                }
                suffix[end - 1] = padded[end - 1];
                for (int j = end - 2; j >= start; j--) {
                    suffix[j] = Math.min(suffix[j + 1], padded[j]);
                }
            }
            // The window i .. i + 2r meets at most two blocks: the suffix of one and the prefix of the next.
            for (int i = 0; i < n; i++) {
                line[i] = Math.min(suffix[i], prefix[i + window - 1]);
            }
        }
    }
}
