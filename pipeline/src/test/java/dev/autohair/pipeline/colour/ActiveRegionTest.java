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

        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean expected = false; // brute force: any edge pixel within Chebyshev distance 2
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        expected |= isEdge(alpha, w, h, x + dx, y + dy);
                    }
                }
                assertThat(region.contains(y * w + x)).as("(%d, %d)", x, y).isEqualTo(expected);
                count += expected ? 1 : 0;
            }
        }
        assertThat(region.count()).isEqualTo(count);
        assertThat(region.contains(0)).isTrue(); // within 2 of (2, 2), whose neighbour is fractional
        assertThat(region.contains(2 * w + 9)).isFalse();
        assertThat(region.rowHasAny(19)).isTrue();
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
