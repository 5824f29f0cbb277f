package dev.autohair.pipeline.colour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActiveRegionTest {

    @Test
    void coversPixelsWithinTheMarginOfAFractionalOrChangingAlphaAndNothingElse() {
        int w = 30;
        int h = 20;
        float[] alpha = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 15; x < w; x++) {
                alpha[y * w + x] = 1; // a vertical edge between columns 14 and 15
            }
        }
        alpha[2 * w + 3] = 0.5f; // one fractional pixel at (3, 2)

        ActiveRegion region = ActiveRegion.nearEdges(alpha, w, h, 2);

        assertMatchesBruteForce(region, alpha, w, h, 2);
        assertThat(region.contains(0)).isTrue(); // within 2 of (2, 2), whose neighbour is fractional
        assertThat(region.contains(2 * w + 9)).isFalse();
        assertThat(region.rowHasAny(19)).isTrue();
    }

    /**
     * Large enough for rows to go in parallel blocks, with edges scattered over every row, so a
     * block's first rows must see the margin rows of the block before.
     */
    @Test
    void aLargeImageSplitIntoBlocksOfRowsGetsTheSameRegion() {
        int w = 200;
        int h = 123;
        float[] alpha = new float[w * h];
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < 60; k++) {
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            alpha[y * w + x] = random.nextBoolean() ? 1 : 0.25f;
        }

        assertMatchesBruteForce(ActiveRegion.nearEdges(alpha, w, h, 6), alpha, w, h, 6);
    }

    private static void assertMatchesBruteForce(ActiveRegion region, float[] alpha, int w, int h, int margin) {
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean expected = false; // any edge pixel within Chebyshev distance margin
                for (int dy = -margin; dy <= margin; dy++) {
                    for (int dx = -margin; dx <= margin; dx++) {
                        expected |= isEdge(alpha, w, h, x + dx, y + dy);
                    }
                }
                assertThat(region.contains(y * w + x)).as("(%d, %d)", x, y).isEqualTo(expected);
                count += expected ? 1 : 0;
            }
        }
        assertThat(region.count()).isEqualTo(count);
    }

    /** Fractional, or different from a 4-neighbour; false outside the image. */
    private static boolean isEdge(float[] alpha, int w, int h, int x, int y) {
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return false;
        }
        float a = alpha[y * w + x];
        if (a > 0 && a < 1) {
            return true;
        }
        int[][] neighbours = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
        for (int[] n : neighbours) {
            if (n[0] >= 0 && n[1] >= 0 && n[0] < w && n[1] < h && alpha[n[1] * w + n[0]] != a) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everywhereContainsEveryPixel() {
        ActiveRegion region = ActiveRegion.everywhere(4, 3);

        assertThat(region.isEverywhere()).isTrue();
        assertThat(region.contains(11)).isTrue();
        assertThat(region.count()).isEqualTo(12);
    }
}
