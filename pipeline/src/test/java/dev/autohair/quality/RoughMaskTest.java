package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.autohair.common.image.Matte;
import org.junit.jupiter.api.Test;

class RoughMaskTest {

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

    @Test
    void theNetworkLikeMaskIsSofterThanTheAreaAveragedOneButKeepsTheSubject() {
        Matte truth = Matte.blank(640, 480);
        for (int y = 100; y < 380; y++) {
            for (int x = 101; x < 541; x++) {
                truth.set(x, y, 1f);
            }
        }
        Matte plain = RoughMask.of(truth, 320);
        Matte network = RoughMask.network(truth, 320);
        int plainSoft = 0;
        int networkSoft = 0;
        for (int x = 0; x < 640; x++) {
            plainSoft += plain.get(x, 240) > 0.05f && plain.get(x, 240) < 0.95f ? 1 : 0;
            networkSoft += network.get(x, 240) > 0.05f && network.get(x, 240) < 0.95f ? 1 : 0;
        }
        assertThat(network.get(320, 240)).isCloseTo(1f, offset(1e-4f));
        assertThat(network.get(10, 10)).isCloseTo(0f, offset(1e-4f));
        assertThat(networkSoft).isGreaterThan(plainSoft);
        // σ = 1 working px = 2 image px here: a ramp of roughly ±2σ on each of the two edges
        assertThat(networkSoft).isBetween(12, 24);
    }
}
