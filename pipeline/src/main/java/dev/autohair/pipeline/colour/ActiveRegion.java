package dev.autohair.pipeline.colour;

/** The pixels of one pyramid level that foreground estimation sweeps: all, or those near an alpha edge. */
final class ActiveRegion {

    private final boolean[] pixels; // null: every pixel
    private final boolean[] rows;
    private final int count;

    private ActiveRegion(boolean[] pixels, boolean[] rows, int count) {
        this.pixels = pixels;
        this.rows = rows;
        this.count = count;
    }

    static ActiveRegion everywhere(int width, int height) {
        return new ActiveRegion(null, null, width * height);
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
        boolean[] pixels = new boolean[edge.length];
        boolean[] rows = new boolean[height];
        int count = 0;
        int[] inWindow = new int[width];
        for (int y = 0; y < Math.min(height, margin); y++) {
            for (int x = 0; x < width; x++) {
                inWindow[x] += wide[y * width + x] ? 1 : 0;
            }
        }
        for (int y = 0; y < height; y++) { // vertical dilation, all columns at once
            int add = y + margin;
            int drop = y - margin - 1;
            for (int x = 0; x < width; x++) {
                if (add < height && wide[add * width + x]) {
                    inWindow[x]++;
                }
                if (drop >= 0 && wide[drop * width + x]) {
                    inWindow[x]--;
                }
                if (inWindow[x] > 0) {
                    pixels[y * width + x] = true;
                    rows[y] = true;
                    count++;
                }
            }
        }
        return new ActiveRegion(pixels, rows, count);
    }

    boolean isEverywhere() {
        return pixels == null;
    }

    boolean contains(int pixel) {
        return pixels == null || pixels[pixel];
    }

    boolean rowHasAny(int y) {
        return rows == null || rows[y];
    }

    int count() {
        return count;
    }
}
