package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.autohair.common.image.Matte;
import org.junit.jupiter.api.Test;

class ResamplingTest {

    @Test
    void shrinkingAveragesAreas() {
        float[] out = Resampling.resize(new float[] {0, 1, 2, 3}, 1, 4, 1, 2, 1);
        assertThat(out).containsExactly(0.5f, 2.5f);
        // 3 → 2: output 0 covers input [0, 1.5): (0·1 + 3·0.5) / 1.5 = 1.
        assertThat(Resampling.resize(new float[] {0, 3, 6}, 1, 3, 1, 2, 1)[0]).isCloseTo(1f, offset(1e-6f));
    }

    @Test
    void growingInterpolatesBetweenPixelCentres() {
        float[] out = Resampling.resize(new float[] {0, 1}, 1, 2, 1, 4, 1);
        assertThat(out).containsExactly(0f, 0.25f, 0.75f, 1f);
    }

    @Test
    void roughMaskLosesThinStrandsAsALowResolutionNetworkWould() {
        // 960 px → 320 px averages 3 px into 1: a 1 px strand of alpha 1 becomes 1/3 at best.
        Matte truth = Matte.blank(960, 960);
        for (int y = 0; y < 960; y++) {
            truth.set(481, y, 1f);
        }
        Matte rough = RoughMask.of(truth);
        float max = 0;
        for (float a : rough.alpha()) {
            max = Math.max(max, a);
        }
        assertThat(rough.width()).isEqualTo(960);
        assertThat(rough.height()).isEqualTo(960);
        assertThat(max).isCloseTo(1f / 3, offset(0.01f));
    }

    @Test
    void roughMaskKeepsLargeRegionsAndSoftensTheirEdges() {
        Matte truth = Matte.blank(640, 480);
        for (int y = 100; y < 380; y++) {
            for (int x = 101; x < 541; x++) {
                truth.set(x, y, 1f);
            }
        }
        Matte rough = RoughMask.of(truth);
        assertThat(rough.get(320, 240)).isEqualTo(1f);
        assertThat(rough.get(10, 10)).isEqualTo(0f);
        assertThat(rough.get(101, 240)).as("edge pixel is soft").isStrictlyBetween(0.05f, 0.95f);
    }
}
