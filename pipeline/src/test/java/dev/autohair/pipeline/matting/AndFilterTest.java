package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AndFilterTest {

    @Test
    void matchesABruteForceAndWithClampedBorders() {
        Random random = new Random(9);
        int w = 23;
        int h = 17;
        byte[] src = new byte[w * h];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (random.nextInt(8) == 0 ? random.nextInt(4) : 3); // mostly both flags
        }
        for (int r : new int[] {0, 1, 2, 5, 30}) {
            byte[] fast = AndFilter.square(src, w, h, r);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int and = 0xFF;
                    for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                        for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                            and &= src[yy * w + xx];
                        }
                    }
                    assertThat(fast[y * w + x]).as("r=%d at %d,%d", r, x, y).isEqualTo((byte) and);
                }
            }
        }
    }
}
