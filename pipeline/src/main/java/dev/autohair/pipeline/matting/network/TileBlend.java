package dev.autohair.pipeline.matting.network;

/**
 * Accumulates tiles' alphas into one image. Each tile's weight ramps linearly from its edges over
 * {@code overlap} pixels, so where neighbours overlap their alphas cross-fade instead of meeting at
 * a seam (a network's output is least reliable near a tile's edge, where its context ends).
 */
final class TileBlend {

    private final int width;
    private final int height;
    private final int size;
    private final float[] ramp;
    private final float[] sum;
    private final float[] weight;

    TileBlend(int width, int height, int size, int overlap) {
        this.width = width;
        this.height = height;
        this.size = size;
        this.ramp = new float[size];
        int rise = Math.max(1, overlap);
        for (int i = 0; i < size; i++) {
            ramp[i] = Math.min(Math.min(i + 1, size - i), rise) / (float) rise;
        }
        this.sum = new float[width * height];
        this.weight = new float[width * height];
    }

    /** Adds the tile at (x0, y0) whose alpha plane starts at {@code offset} in {@code planes}. */
    void add(TilePlan.Tile tile, float[] planes, int offset) {
        int rows = Math.min(size, height - tile.y());
        int cols = Math.min(size, width - tile.x());
        for (int ty = 0; ty < rows; ty++) {
            int row = (tile.y() + ty) * width + tile.x();
            int src = offset + ty * size;
            float wy = ramp[ty];
            for (int tx = 0; tx < cols; tx++) {
                float w = wy * ramp[tx];
                sum[row + tx] += w * planes[src + tx];
                weight[row + tx] += w;
            }
        }
    }

    /** The blended alpha; 0 where no tile reached. */
    float[] result() {
        float[] alpha = new float[sum.length];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = weight[i] > 0 ? sum[i] / weight[i] : 0;
        }
        return alpha;
    }
}
