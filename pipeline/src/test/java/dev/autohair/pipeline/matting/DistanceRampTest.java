package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.quality.RembgTrimapRule;
import dev.autohair.testing.NoiseImages;
import dev.autohair.testing.Samples;
import org.junit.jupiter.api.Test;

class DistanceRampTest {

    private static double at(double[] ramp, MattingSystem system, int x, int y) {
        int unknown = java.util.Arrays.binarySearch(system.unknownPixel, y * system.width + x); // ascending pixel order
        assertThat(unknown).as("(%d, %d) is unknown", x, y).isNotNegative();
        return ramp[system.unknownExt[unknown]];
    }

    /** Foreground left of column 10, background from column 20, unknown between, over every row. */
    private static Trimap verticalBand(int w, int h) {
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = (byte) (x < 10 ? Trimap.FOREGROUND : x < 20 ? Trimap.UNKNOWN : Trimap.BACKGROUND);
            }
        }
        return new Trimap(w, h, labels);
    }

    @Test
    void fallsAcrossTheMiddleHalfOfAStraightBandOnEveryRowBordersIncluded() {
        Trimap trimap = verticalBand(40, 20);
        MattingSystem system = MattingSystem.build(NoiseImages.of(40, 20, 3), trimap, 1e-7);
        double[] ramp = DistanceRamp.onto(trimap, system);

        for (int y = 0; y < 20; y++) { // rows 0 and 19 are the image's border
            for (int x = 10; x < 20; x++) {
                double across = (20.0 - x) / 11; // x - 9 steps to the foreground, 20 - x to the background
                double expected = Math.max(0, Math.min(1, 0.5 + 2 * (across - 0.5)));
                assertThat(at(ramp, system, x, y)).as("(%d, %d)", x, y).isCloseTo(expected, within(1e-12));
            }
        }
        assertThat(at(ramp, system, 11, 7)).isEqualTo(1.0);
        assertThat(at(ramp, system, 18, 7)).isEqualTo(0.0);
        assertThat(at(ramp, system, 14, 7)).isGreaterThan(0.5).isLessThan(1);
        assertThat(at(ramp, system, 15, 7)).isGreaterThan(0).isLessThan(0.5);
    }

    @Test
    void aRegionThatReachesOnlyOneSideStartsAtThatSide() {
        int w = 30;
        int h = 12;
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean leftHole = x >= 3 && x < 8 && y >= 3 && y < 8;
                boolean rightHole = x >= 20 && x < 25 && y >= 3 && y < 8;
                labels[y * w + x] = (byte) (leftHole || rightHole ? Trimap.UNKNOWN
                        : x < 15 ? Trimap.FOREGROUND : Trimap.BACKGROUND);
            }
        }
        Trimap trimap = new Trimap(w, h, labels);
        MattingSystem system = MattingSystem.build(NoiseImages.of(w, h, 4), trimap, 1e-7);
        double[] ramp = DistanceRamp.onto(trimap, system);

        for (int y = 3; y < 8; y++) {
            for (int x = 3; x < 8; x++) {
                assertThat(at(ramp, system, x, y)).isEqualTo(1.0);
                assertThat(at(ramp, system, x + 17, y)).isEqualTo(0.0);
            }
        }
    }

    @Test
    void aDiagonalStepIsLongerThanAStraightOne() {
        // one unknown pixel: foreground only at its upper-left diagonal, background everywhere else
        int w = 7;
        byte[] labels = new byte[w * w];
        java.util.Arrays.fill(labels, (byte) Trimap.BACKGROUND);
        labels[3 * w + 3] = (byte) Trimap.UNKNOWN;
        labels[2 * w + 2] = (byte) Trimap.FOREGROUND;
        Trimap trimap = new Trimap(w, w, labels);
        MattingSystem system = MattingSystem.build(NoiseImages.of(w, w, 5), trimap, 1e-7);

        double across = 3.0 / (4 + 3); // chamfer steps 3 straight, 4 diagonal
        assertThat(at(DistanceRamp.onto(trimap, system), system, 3, 3)).isCloseTo(0.5 + 2 * (across - 0.5), within(1e-12));
    }

    @Test
    void aThinOutlineConvergesInFewerIterationsFromTheRampToTheSameMatte() throws java.io.IOException {
        RgbImage image = Samples.rgb("lemur.png");
        float[] alpha = Samples.matte("lemur_alpha.png").alpha().clone();
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = alpha[i] >= 0.5f ? 1 : 0; // a binary mask's outline, as the labelled photos'
        }
        Trimap trimap = new RembgTrimapRule().generate(new Matte(image.width(), image.height(), alpha));
        MattingSystem system = MattingSystem.build(image, trimap, 1e-7);
        IncompleteCholesky preconditioner = new IncompleteCholesky(system);
        assertThat(ClosedFormMatting.bandDepth(trimap)).isLessThan(ClosedFormMatting.COARSE_BAND_DEPTH);

        double[] fromZero = system.newVector();
        double[] fromRamp = DistanceRamp.onto(trimap, system);
        int zeroIterations = ConjugateGradient.solve(system, preconditioner, fromZero, 2e-5, 10_000).iterations();
        int rampIterations = ConjugateGradient.solve(system, preconditioner, fromRamp, 2e-5, 10_000).iterations();

        assertThat(rampIterations).isLessThan(zeroIterations * 9 / 10);
        for (int i = 0; i < system.unknowns; i++) {
            int e = system.unknownExt[i];
            assertThat(fromRamp[e]).as("unknown %d", i).isCloseTo(fromZero[e], within(2e-2));
        }
    }
}
