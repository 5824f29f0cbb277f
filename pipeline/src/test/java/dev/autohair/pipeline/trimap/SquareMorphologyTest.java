package dev.autohair.pipeline.trimap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SquareMorphologyTest {

    /** The seed's definition: r passes of a 3×3 min (or max), out-of-image neighbours ignored. */
    private static boolean[] iterate3x3(boolean[] mask, int w, int h, int times, boolean erode) {
        boolean[] current = mask.clone();
        for (int t = 0; t < times; t++) {
            boolean[] next = new boolean[current.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean acc = erode;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if (nx >= 0 && nx < w && ny >= 0 && ny < h) {
                                acc = erode ? acc && current[ny * w + nx] : acc || current[ny * w + nx];
                            }
                        }
                    }
                    next[y * w + x] = acc;
                }
            }
            current = next;
        }
        return current;
    }

    @Test
    void matchesRepeated3x3PassesOnRandomBlobs() {
        Random random = new Random(7);
        int w = 37;
        int h = 23;
        for (int trial = 0; trial < 20; trial++) {
            boolean[] mask = new boolean[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextDouble() < 0.7;
            }
            int radius = trial % 5;
            assertThat(SquareMorphology.erode(mask, w, h, radius)).isEqualTo(iterate3x3(mask, w, h, radius, true));
            assertThat(SquareMorphology.dilate(mask, w, h, radius)).isEqualTo(iterate3x3(mask, w, h, radius, false));
        }
    }
}
