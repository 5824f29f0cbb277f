package dev.autohair.pipeline.colour;

import dev.autohair.pipeline.parallel.RowBlocks;
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
        // each row's edges and their horizontal dilation depend on that row alone (and alpha
        // around it), and a block of rows' vertical dilation on the margin rows around it, so
        // both passes go in parallel blocks of rows
        boolean[] wide = new boolean[width * height];
        int blocks = MultiLevelForegroundEstimation.rowBlocks((long) width * height);
        int[] bounds = RowBlocks.split(height, blocks);
        RowBlocks.forEach(blocks, b -> {
            boolean[] edge = new boolean[width];
            for (int y = bounds[b]; y < bounds[b + 1]; y++) {
                edgesOfRow(alpha, width, height, y, edge);
                dilateRow(edge, margin, wide, y * width);
            }
        });
        RowRuns[] parts = new RowRuns[blocks];
        RowBlocks.forEach(blocks, b -> parts[b] = dilateColumns(wide, width, height, margin, bounds[b], bounds[b + 1]));
        int count = 0;
        int length = 0;
        for (RowRuns part : parts) {
            count += part.count();
            length += part.length();
        }
        int[] runs = new int[length];
        int[] rowRuns = new int[height + 1];
        int offset = 0;
        for (int b = 0; b < blocks; b++) {
            RowRuns part = parts[b];
            System.arraycopy(part.runs(), 0, runs, offset, part.length());
            for (int y = bounds[b]; y < bounds[b + 1]; y++) {
                rowRuns[y + 1] = (offset + part.rowEnds()[y - bounds[b]]) / 2;
            }
            offset += part.length();
        }
        return new ActiveRegion(width, false, count, rowRuns, runs);
    }

    /**
     * A block of rows' runs: the first {@code length} ints of {@code runs} are (first column, column
     * after the last) pairs, {@code rowEnds[k]} is how many of those ints its k-th row ends at, and
     * {@code count} the pixels the runs cover.
     */
    private record RowRuns(int[] runs, int length, int[] rowEnds, int count) {}

    /** Vertical dilation of rows [from, to) by a running count per column, as runs. */
    private static RowRuns dilateColumns(boolean[] wide, int width, int height, int margin, int from, int to) {
        int[] inWindow = new int[width]; // rows from - margin - 1 .. from + margin - 1: what row from adds to and drops from
        for (int y = Math.max(0, from - margin - 1); y < Math.min(height, from + margin); y++) {
            for (int x = 0; x < width; x++) {
                inWindow[x] += wide[y * width + x] ? 1 : 0;
            }
        }
        int[] runs = new int[64];
        int length = 0;
        int[] rowEnds = new int[to - from];
        int count = 0;
        for (int y = from; y < to; y++) {
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
                    runs = append(runs, length++, x);
                    inRun = active;
                }
            }
            if (inRun) {
                runs = append(runs, length++, width);
            }
            rowEnds[y - from] = length;
        }
        return new RowRuns(runs, length, rowEnds, count);
    }

    /** Row y's edge pixels: fractional alpha, or alpha unlike a 4-neighbour's. */
    private static void edgesOfRow(float[] alpha, int width, int height, int y, boolean[] edge) {
        int row = y * width;
        for (int x = 0; x < width; x++) {
            int i = row + x;
            float a = alpha[i];
            edge[x] = (a > 0 && a < 1)
                    || (x > 0 && alpha[i - 1] != a) || (x < width - 1 && alpha[i + 1] != a)
                    || (y > 0 && alpha[i - width] != a) || (y < height - 1 && alpha[i + width] != a);
        }
    }

    /** wide[offset + x]: an edge within margin columns of x, by a running count. */
    private static void dilateRow(boolean[] edge, int margin, boolean[] wide, int offset) {
        int width = edge.length;
        int inWindow = 0;
        for (int x = 0; x < Math.min(width, margin); x++) {
            inWindow += edge[x] ? 1 : 0;
        }
        for (int x = 0; x < width; x++) {
            if (x + margin < width && edge[x + margin]) {
                inWindow++;
            }
            if (x - margin - 1 >= 0 && edge[x - margin - 1]) {
                inWindow--;
            }
            wide[offset + x] = inWindow > 0;
        }
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
