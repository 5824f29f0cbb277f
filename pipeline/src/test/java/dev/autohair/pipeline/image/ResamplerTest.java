package dev.autohair.pipeline.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void sameSizeIsIdentity() {
        float[] src = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        assertThat(Resampler.resize(src, 3, 2, 1, 3, 2)).containsExactly(src);
    }

    @Test
    void shrinkingAveragesTheCoveredArea() {
        // 4x2 → 2x1: each output pixel is the mean of a 2x2 block, per channel.
        float[] src = {
            0, 10, 1, 11, 2, 12, 3, 13,
            4, 14, 5, 15, 6, 16, 7, 17};
        float[] out = Resampler.resize(src, 4, 2, 2, 2, 1);
        assertThat(out).containsExactly(new float[] {2.5f, 12.5f, 4.5f, 14.5f}, within(1e-6f));
    }

    @Test
    void shrinkingByANonIntegerFactorWeighsPartialPixels() {
        // 3 → 2: output 0 covers source [0, 1.5) = 1*a + 0.5*b, over 1.5.
        float[] out = Resampler.resize(new float[] {0f, 3f, 6f}, 3, 1, 1, 2, 1);
        assertThat(out).containsExactly(new float[] {1f, 5f}, within(1e-6f));
    }

    @Test
    void growingIsBilinearWithHalfPixelCentres() {
        // 2 → 4: samples at source x = -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
        float[] out = Resampler.resize(new float[] {0f, 1f}, 2, 1, 1, 4, 1);
        assertThat(out).containsExactly(new float[] {0f, 0.25f, 0.75f, 1f}, within(1e-6f));
    }

    @Test
    void aConstantImageStaysConstantWhateverTheSizes() {
        float[] src = new float[37 * 23];
        java.util.Arrays.fill(src, 0.7f);
        for (float v : Resampler.resize(src, 37, 23, 1, 256, 256)) {
            assertThat(v).isCloseTo(0.7f, within(1e-5f));
        }
        for (float v : Resampler.resize(src, 37, 23, 1, 5, 3)) {
            assertThat(v).isCloseTo(0.7f, within(1e-5f));
        }
    }
}
