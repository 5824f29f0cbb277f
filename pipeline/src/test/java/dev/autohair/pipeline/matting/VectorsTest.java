package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {

    private static double[] random(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return v;
    }

    /** Every range length mod 4 and offset, so the unrolled body and its remainder are both checked. */
    @Test
    void stepAndNormUpdatesOnlyItsRangeAndReturnsTheNewResidualsSquaredNorm() {
        Random random = new Random(7);
        for (int from = 0; from < 4; from++) {
            for (int to = from; to < from + 11; to++) {
                double[] x = random(random, 16), r = random(random, 16), p = random(random, 16), q = random(random, 16);
                double[] x0 = x.clone(), r0 = r.clone();
                double norm = Vectors.stepAndNorm(x, r, p, q, 0.3, from, to);
                double expected = 0;
                for (int i = 0; i < 16; i++) {
                    boolean inside = i >= from && i < to;
                    assertThat(x[i]).isEqualTo(inside ? x0[i] + 0.3 * p[i] : x0[i]);
                    assertThat(r[i]).isEqualTo(inside ? r0[i] - 0.3 * q[i] : r0[i]);
                    expected += inside ? r[i] * r[i] : 0;
                }
                assertThat(norm).isCloseTo(expected, within(1e-14));
            }
        }
    }

    @Test
    void dotSumsOnlyItsRange() {
        Random random = new Random(8);
        double[] a = random(random, 23), b = random(random, 23);
        for (int from = 0; from < 4; from++) {
            for (int to = from; to <= 23; to++) {
                double expected = 0;
                for (int i = from; i < to; i++) {
                    expected += a[i] * b[i];
                }
                assertThat(Vectors.dot(a, b, from, to)).isCloseTo(expected, within(1e-14));
            }
        }
    }
}
