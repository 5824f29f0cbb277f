package dev.autohair.pipeline.matting.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LocallyLinearWeightsTest {

    @Test
    void weightsSumToOneAndReconstructAColourOnTheLineBetweenTwoOthers() {
        // pixel 0 is 30 % of the way from pixel 1's colour to pixel 2's
        float[] rgb = {0.34f, 0.41f, 0.58f, 0.2f, 0.3f, 0.8f, 0.67f, 0.67f, 0.07f};
        double[] w = new double[2];

        new LocallyLinearWeights(2, 1e-6).solve(rgb, 0, new int[] {1, 2}, 2, w);

        assertThat(w[0] + w[1]).isCloseTo(1, within(1e-12));
        assertThat(w[1]).isCloseTo(0.3, within(1e-3));
    }

    @Test
    void neighboursOfTheSameColourShareTheWeightEqually() {
        float[] rgb = {0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
        double[] w = new double[3];

        new LocallyLinearWeights(3, 1e-3).solve(rgb, 0, new int[] {1, 2, 3}, 3, w);

        assertThat(w).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-9));
    }
}
