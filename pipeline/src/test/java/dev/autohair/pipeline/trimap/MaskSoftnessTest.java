package dev.autohair.pipeline.trimap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.autohair.common.image.Matte;
import dev.autohair.pipeline.image.Resampler;
import org.junit.jupiter.api.Test;

class MaskSoftnessTest {

    /** Left half 1, right half 0, with a linear ramp of {@code ramp} px between. */
    static Matte rampedEdge(int width, int height, int ramp) {
        Matte mask = Matte.blank(width, height);
        int start = width / 2 - ramp / 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mask.set(x, y, Math.min(1f, Math.max(0f, 1f - (x - start) / (float) ramp)));
            }
        }
        return mask;
    }

    /** A hard disc reduced {@code factor}× by area averaging and scaled back bilinearly, as an upsampled network mask. */
    static Matte upsampledDisc(int size, int factor) {
        Matte disc = Matte.blank(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                disc.set(x, y, Math.hypot(x - size / 2.0, y - size / 2.0) < size / 3.0 ? 1f : 0f);
            }
        }
        int small = size / factor;
        float[] reduced = Resampler.resize(disc.alpha(), size, size, 1, small, small);
        return new Matte(size, size, Resampler.resize(reduced, small, small, 1, size, size));
    }

    @Test
    void aLinearRampReadsItsWidth() {
        assertThat(MaskSoftness.measure(rampedEdge(200, 50, 12)).transitionWidth()).isCloseTo(12, offset(0.5));
        assertThat(MaskSoftness.measure(rampedEdge(200, 50, 30)).transitionWidth()).isCloseTo(30, offset(1.0));
    }

    @Test
    void aBinaryMaskHasNoTransition() {
        Matte mask = rampedEdge(100, 20, 1);
        MaskSoftness softness = MaskSoftness.measure(mask);
        assertThat(softness.edgePixels()).isZero();
        assertThat(softness.transitionWidth()).isZero();
    }

    @Test
    void theTransitionGrowsWithTheUpsamplingFactor() {
        double four = MaskSoftness.measure(upsampledDisc(512, 4)).transitionWidth();
        double eight = MaskSoftness.measure(upsampledDisc(512, 8)).transitionWidth();
        assertThat(four).isBetween(3.0, 9.0);
        assertThat(eight / four).isBetween(1.7, 2.3);
    }

    @Test
    void wideSoftAreasDoNotHideTheSharpEdges() {
        // A solid edge ramping over 6 px, plus a large patch at 0.5 with a gentle slope (hair the mask was unsure of).
        Matte mask = rampedEdge(400, 100, 6);
        for (int y = 0; y < 100; y++) {
            for (int x = 260; x < 400; x++) {
                mask.set(x, y, 0.3f + 0.4f * (x - 260) / 140f);
            }
        }
        assertThat(MaskSoftness.measure(mask).transitionWidth()).isCloseTo(6, offset(0.5));
    }
}
