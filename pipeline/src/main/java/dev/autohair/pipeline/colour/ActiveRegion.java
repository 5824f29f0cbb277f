package dev.autohair.pipeline.colour;

import java.util.Arrays;

/**
 * The pixels of one pyramid level that foreground estimation sweeps: all, or those near an alpha
 * edge. Kept as runs of columns per row, so a sweep visits only them: an outline's region is a few
 * short runs on a long row.
 */
final class ActiveRegion {

    private final int width;
    private final boolean everywhere;
    private final int count;
    /** Runs of row y: indices rowRuns[y] .. rowRuns[y + 1] of runs, each (first column, column after the last). */
    private final int[] rowRuns;
    private final int[] runs;

    private ActiveRegion(int width, boolean everywhere, int count, int[] rowRuns, int[] runs) {
        this.width = width;
        this.everywhere = everywhere;
        this.count = count;
        this.rowRuns = rowRuns;
        this.runs = runs;
    }

    static ActiveRegion everywhere(int width, int height) {
        int[] rowRuns = new int[height + 1];
        int[] runs = new int[2 * height];
        for (int y = 0; y < height; y++) {
            rowRuns[y + 1] = y + 1;
            runs[2 * y + 1] = width;
        }
        return new ActiveRegion(width, true, width * height, rowRuns, runs);
    }

    /**
     * Pixels within {@code margin} (Chebyshev distance) of an edge pixel: one whose alpha is
     * fractional or differs from a 4-neighbour's, i.e. where the layers are not simply the image.
     */
    static ActiveRegion nearEdges(float[] alpha, int width, int height, int margin) {
        boolean[] edge = new boolean[width * height];
        for (int y = 0; y < height; y++) { // each differing pair marks both its pixels
            int row = y * width;
            boolean hasBelow = y < height - 1;
            for (int x = 0; x < width; x++) {
                int i = row + x;
                float a = alpha[i];
                if (a > 0 && a < 1) {
                    edge[i] = true;
                }
                if (x < width - 1 && alpha[i + 1] != a) {
                    edge[i] = true;
                    edge[i + 1] = true;
                }
                if (hasBelow && alpha[i + width] != a) {
                    edge[i] = true;
                    edge[i + width] = true;
                }
            }
        }
        boolean[] wide = new boolean[edge.length];
        for (int y = 0; y < height; y++) { // horizontal dilation by a running count
            int row = y * width;
            int inWindow = 0;
            for (int x = 0; x < Math.min(width, margin); x++) {
                inWindow += edge[row + x] ? 1 : 0;
            }
            for (int x = 0; x < width; x++) {
                if (x + margin < width && edge[row + x + margin]) {
                    inWindow++;
                }
                if (x - margin - 1 >= 0 && edge[row + x - margin - 1]) {
                    inWindow--;
                }
                wide[row + x] = inWindow > 0;
            }
        }
        int count = 0;
        int[] rowRuns = new int[height + 1];
        int[] runs = new int[64];
        int runCount = 0;
        int[] inWindow = new int[width];
        for (int y = 0; y < Math.min(height, margin); y++) {
            for (int x = 0; x < width; x++) {
                inWindow[x] += wide[y * width + x] ? 1 : 0;
            }
        }
        for (int y = 0; y < height; y++) { // vertical dilation, all columns at once
            int add = y + margin;
            int drop = y - margin - 1;
            boolean inRun = false;
            for (int x = 0; x < width; x++) {
                if (add < height && wide[add * width + x]) {
                    inWindow[x]++;
                }
                if (drop >= 0 && wide[drop * width + x]) {
                    inWindow[x]--;
                }
                boolean active = inWindow[x] > 0;
                count += active ? 1 : 0;
                if (active != inRun) { // a run starts or ends here
                    runs = append(runs, runCount++, x);
                    inRun = active;
                }
            }
            if (inRun) {
                runs = append(runs, runCount++, width);
            }
            rowRuns[y + 1] = runCount / 2;
        }
        return new ActiveRegion(width, false, count, rowRuns, runs);
    }

    private static int[] append(int[] values, int size, int value) {
        int[] room = size < values.length ? values : Arrays.copyOf(values, 2 * values.length);
        room[size] = value;
        return room;
    }

    boolean isEverywhere() {
        return everywhere;
    }

    boolean contains(int pixel) {
        int y = pixel / width;
        int x = pixel % width;
        for (int k = firstRun(y); k < endRun(y); k++) {
            if (x >= runFrom(k) && x < runTo(k)) {
                return true;
            }
        }
        return false;
    }

    boolean rowHasAny(int y) {
        return rowRuns[y] < rowRuns[y + 1];
    }

    int count() {
        return count;
    }

    /** Index of row y's first run. */
    int firstRun(int y) {
        return rowRuns[y];
    }

    /** Index after row y's last run. */
    int endRun(int y) {
        return rowRuns[y + 1];
    }

    /** First column of run k. */
    int runFrom(int k) {
        return runs[2 * k];
    }

    /** The column after run k's last. */
    int runTo(int k) {
        return runs[2 * k + 1];
    }
}
