package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.testing.NoiseImages;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MattingSystemTest {

    /** Background left half, foreground right half, and an unknown square at (x0, y0). */
    private static Trimap squareBand(int w, int h, int x0, int y0, int side) {
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean unknown = x >= x0 && x < x0 + side && y >= y0 && y < y0 + side;
                labels[y * w + x] = (byte) (unknown ? Trimap.UNKNOWN : x < w / 2 ? Trimap.BACKGROUND : Trimap.FOREGROUND);
            }
        }
        return new Trimap(w, h, labels);
    }

    @Test
    void aSmallBandOnALargeImageBuildsOnlyTheBand() {
        int w = 3000;
        int h = 2000; // 6 MP
        Trimap trimap = squareBand(w, h, 1490, 990, 20);

        MattingSystem system = MattingSystem.build(RgbImage.blank(w, h), trimap, 1e-7);

        assertThat(system.unknownCount()).isEqualTo(400);
        assertThat(system.extendedSize()).isEqualTo(24 * 24); // the band plus its two-pixel halo
    }

    @Test
    void theBandMayTouchTheImageBorder() {
        Trimap trimap = squareBand(40, 30, 0, 0, 10);

        MattingSystem system = MattingSystem.build(NoiseImages.of(40, 30, 1), trimap, 1e-7);

        assertThat(system.unknownCount()).isEqualTo(100);
        assertThat(system.extendedSize()).isEqualTo(14 * 14); // the halo includes padding outside the image
    }

    @Test
    void theOperatorIsSymmetricAndPositiveDefinite() {
        Trimap trimap = squareBand(50, 40, 10, 8, 25);
        MattingSystem system = MattingSystem.build(NoiseImages.of(50, 40, 2), trimap, 1e-7);
        double[] x = randomOnUnknowns(system, 11);
        double[] y = randomOnUnknowns(system, 12);
        double[] ax = system.newVector();
        double[] ay = system.newVector();

        system.multiply(x, ax);
        system.multiply(y, ay);

        double yAx = dot(y, ax);
        assertThat(yAx).isCloseTo(dot(x, ay), within(1e-9 * Math.abs(yAx) + 1e-12));
        assertThat(dot(x, ax)).isPositive();
    }

    @Test
    void itsRowsListTheSameOperatorAsItsProduct() {
        Trimap trimap = squareBand(50, 40, 10, 8, 25);
        MattingSystem system = MattingSystem.build(NoiseImages.of(50, 40, 3), trimap, 1e-7);
        double[] x = randomOnUnknowns(system, 13);
        double[] ax = system.newVector();
        system.multiply(x, ax);
        int[] columns = new int[25];
        double[] values = new double[25];

        for (int i = 0; i < system.unknownCount(); i++) {
            int count = system.row(i, columns, values);
            double s = 0;
            for (int j = 0; j < count; j++) {
                s += values[j] * x[system.unknownExt[columns[j]]];
            }
            assertThat(s).isCloseTo(ax[system.unknownExt[i]], within(1e-9));
            assertThat(system.rhsOf(i)).isEqualTo(system.rhs()[system.unknownExt[i]]);
        }
    }

    @Test
    void aConstantAlphaOfOneSolvesAnAllForegroundBoundary() {
        // rows of the Laplacian sum to zero, so alpha = 1 everywhere satisfies L_uu 1 = -L_uk 1
        byte[] labels = new byte[30 * 30];
        java.util.Arrays.fill(labels, (byte) Trimap.FOREGROUND);
        for (int y = 10; y < 20; y++) {
            for (int x = 10; x < 20; x++) {
                labels[y * 30 + x] = (byte) Trimap.UNKNOWN;
            }
        }
        MattingSystem system = MattingSystem.build(NoiseImages.of(30, 30, 5), new Trimap(30, 30, labels), 1e-7);
        double[] ones = system.newVector();
        float[] all = new float[900];
        java.util.Arrays.fill(all, 1f);
        ones = system.gatherFrom(all);
        double[] product = system.newVector();

        system.multiply(ones, product);

        for (int e = 0; e < product.length; e++) {
            assertThat(product[e]).isCloseTo(system.rhs()[e], within(1e-4));
        }
    }

    @Test
    void thePriorAddsItsWeightToTheDiagonalAndWeightTimesTargetToTheRightHandSide() {
        Trimap trimap = squareBand(50, 40, 10, 8, 25);
        RgbImage image = NoiseImages.of(50, 40, 2);
        Random random = new Random(4);
        Matte target = Matte.blank(50, 40);
        Matte weight = Matte.blank(50, 40);
        for (int i = 0; i < target.alpha().length; i++) {
            target.alpha()[i] = random.nextFloat();
            weight.alpha()[i] = random.nextBoolean() ? 0.7f : 0f;
        }
        MattingSystem plain = MattingSystem.build(image, trimap, 1e-7);
        MattingSystem withPrior = MattingSystem.build(image, trimap, 1e-7, new PriorField(target, weight));
        double[] x = randomOnUnknowns(plain, 11);
        double[] plainProduct = plain.newVector();
        double[] priorProduct = withPrior.newVector();

        plain.multiply(x, plainProduct);
        withPrior.multiply(x, priorProduct);

        for (int i = 0; i < plain.unknownCount(); i++) {
            int e = plain.unknownExt[i];
            int p = plain.unknownPixel[i];
            double w = weight.alpha()[p];
            assertThat(priorProduct[e] - plainProduct[e]).isCloseTo(w * x[e], within(1e-5));
            assertThat(withPrior.rhs()[e] - plain.rhs()[e]).isCloseTo(w * target.alpha()[p], within(1e-6));
        }
    }

    @Test
    void aZeroWeightPriorLeavesTheSystemUnchanged() {
        Trimap trimap = squareBand(50, 40, 10, 8, 25);
        RgbImage image = NoiseImages.of(50, 40, 2);
        MattingSystem plain = MattingSystem.build(image, trimap, 1e-7);

        MattingSystem other = MattingSystem.build(image, trimap, 1e-7,
                new PriorField(Matte.blank(50, 40), Matte.blank(50, 40)));

        assertThat(other.coeff).containsExactly(plain.coeff);
        assertThat(other.rhs()).containsExactly(plain.rhs());
    }

    @Test
    void aPriorOfAnotherSizeIsRejected() {
        Trimap trimap = squareBand(50, 40, 10, 8, 25);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MattingSystem.build(NoiseImages.of(50, 40, 2), trimap, 1e-7,
                new PriorField(Matte.blank(40, 50), Matte.blank(40, 50)))).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] randomOnUnknowns(MattingSystem system, long seed) {
        Random random = new Random(seed);
        float[] alpha = new float[system.width * system.height];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = random.nextFloat();
        }
        return system.gatherFrom(alpha);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
