package dev.autohair.pipeline.trimap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SquareRangeTest {

    @Test
    void eachPixelGetsMaxMinusMinOfItsClippedSquare() {
        Random random = new Random(7);
        int width = 37;
        int height = 23;
        float[] values = new float[width * height];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        for (int radius : new int[] {0, 1, 2, 5, 11, 40}) {
            float[] range = SquareRange.of(values, width, height, radius);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    float min = Float.MAX_VALUE;
                    float max = -Float.MAX_VALUE;
                    for (int yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++) {
                        for (int xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
                            min = Math.min(min, values[yy * width + xx]);
                            max = Math.max(max, values[yy * width + xx]);
                        }
                    }
                    assertThat(range[y * width + x]).as("radius %d at %d,%d", radius, x, y).isEqualTo(max - min);
                }
            }
        }
    }
}
