package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.autohair.common.image.Matte;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AlphaMetricsTest {

    @Test
    void sadAndMseOnAHandComputedCase() {
        Matte estimate = new Matte(2, 2, new float[] {0f, 0.5f, 1f, 1f});
        Matte truth = new Matte(2, 2, new float[] {0f, 1f, 0.5f, 0f});
        AlphaError e = AlphaMetrics.overWholeImage(estimate, truth);
        // |diff| = 0, 0.5, 0.5, 1 → SAD 2 (0.002 thousand); squares 0, 0.25, 0.25, 1 → mean 0.375.
        assertThat(e.sad()).isCloseTo(0.002, offset(1e-12));
        assertThat(e.mse()).isCloseTo(0.375, offset(1e-12));
        assertThat(e.pixels()).isEqualTo(4);
    }

    @Test
    void identicalMattesHaveNoError() {
        float[] a = new float[30 * 20];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 37 % 101) / 100f;
        }
        AlphaError e = AlphaMetrics.overWholeImage(new Matte(30, 20, a), new Matte(30, 20, a.clone()));
        assertThat(e.sad()).isZero();
        assertThat(e.mse()).isZero();
        assertThat(e.gradient()).isZero();
    }

    @Test
    void gradientErrorOfARampAgainstAFlatMatteIsItsSlopeSquared() {
        int n = 40;
        float[] ramp = new float[n * n];
        float[] flat = new float[n * n];
        boolean[] interior = new boolean[n * n];
        int border = (int) Math.ceil(3 * AlphaMetrics.GRADIENT_SIGMA); // where the kernel sees no border
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                ramp[y * n + x] = 0.01f * x;
                flat[y * n + x] = 0.5f;
                interior[y * n + x] = x >= border && x < n - border && y >= border && y < n - border;
            }
        }
        AlphaError e = AlphaMetrics.over(new Matte(n, n, ramp), new Matte(n, n, flat), interior);
        long pixels = (long) (n - 2 * border) * (n - 2 * border);
        // |∇ramp| = 0.01 everywhere inside, |∇flat| = 0: each pixel adds 1e-4.
        assertThat(e.pixels()).isEqualTo(pixels);
        assertThat(e.gradient()).isCloseTo(pixels * 1e-4, offset(1e-6));
    }

    @Test
    void regionLimitsWhichPixelsCount() {
        Matte estimate = new Matte(2, 1, new float[] {1f, 1f});
        Matte truth = new Matte(2, 1, new float[] {0f, 1f});
        AlphaError onlyRight = AlphaMetrics.over(estimate, truth, new boolean[] {false, true});
        AlphaError onlyLeft = AlphaMetrics.over(estimate, truth, new boolean[] {true, false});
        assertThat(onlyRight.sad()).isZero();
        assertThat(onlyLeft.sad()).isCloseTo(0.001, offset(1e-12));
        assertThat(onlyLeft.mse()).isCloseTo(1, offset(1e-12));
    }

    @Test
    void mismatchedSizesAreRejected() {
        assertThatThrownBy(() -> AlphaMetrics.overWholeImage(Matte.blank(3, 2), Matte.blank(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3x2").hasMessageContaining("2x3");
    }

    @Test
    void groundTruthTrimapMarksFractionalPixelsAndTheirNeighboursUnknown() {
        float[] a = new float[11 * 11];
        Arrays.fill(a, 0, 11 * 2, 1f); // two opaque rows at the top
        a[5 * 11 + 5] = 0.3f;
        var trimap = GroundTruthTrimap.of(new Matte(11, 11, a));
        for (int y = 0; y < 11; y++) {
            for (int x = 0; x < 11; x++) {
                int i = y * 11 + x;
                boolean near = Math.abs(x - 5) <= GroundTruthTrimap.DILATION && Math.abs(y - 5) <= GroundTruthTrimap.DILATION;
                assertThat(trimap.isUnknown(i)).as("(%d,%d)", x, y).isEqualTo(near);
                if (!near) {
                    assertThat(trimap.isForeground(i)).isEqualTo(y < 2);
                }
            }
        }
    }
}
