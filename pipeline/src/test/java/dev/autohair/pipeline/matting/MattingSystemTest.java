package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.testing.NoiseImages;
import java.math.BigDecimal;
import java.math.MathContext;
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

    /**
     * The product walks runs of unknowns along image rows; blocks split runs wherever their bounds
     * fall, and a ragged band breaks rows into several runs. Each block's product and direction
     * step must equal the rows' own, whatever the block count.
     */
    @Test
    void blocksThatSplitRunsGiveEveryRowItsOwnProduct() {
        int w = 101; // ~2 700 unknowns: enough for 7 blocks of at least 256
        int h = 61;
        Random random = new Random(21);
        byte[] labels = new byte[w * h];
        for (int i = 0; i < labels.length; i++) { // about half unknown, in short ragged runs
            labels[i] = (byte) (random.nextInt(3) == 0 ? Trimap.FOREGROUND : random.nextInt(3) == 0
                    ? Trimap.BACKGROUND : Trimap.UNKNOWN);
        }
        Trimap trimap = new Trimap(w, h, labels);
        int[] columns = new int[25];
        double[] values = new double[25];
        for (int blocks : new int[] {1, 3, 7}) {
            MattingSystem system = MattingSystem.build(NoiseImages.of(w, h, 5), trimap, 1e-7, blocks);
            assertThat(system.blocks()).isEqualTo(blocks);
            double[] z = randomOnUnknowns(system, 31);
            double[] p = randomOnUnknowns(system, 32);
            double[] q = randomOnUnknowns(system, 33);
            double[] expectedP = p.clone();
            double[] expectedQ = q.clone();
            double expectedDot = 0;
            for (int i = 0; i < system.unknownCount(); i++) {
                int count = system.row(i, columns, values);
                double az = 0;
                for (int j = 0; j < count; j++) {
                    az += values[j] * z[system.unknownExt[columns[j]]];
                }
                int e = system.unknownExt[i];
                expectedQ[e] = az + 0.25 * q[e];
                expectedP[e] = z[e] + 0.25 * p[e];
                expectedDot += expectedP[e] * expectedQ[e];
            }

            double dot = 0;
            for (int b = 0; b < blocks; b++) {
                dot += system.nextDirectionBlock(z, p, q, 0.25, system.blockStart[b], system.blockStart[b + 1]);
            }

            for (int i = 0; i < system.unknownCount(); i++) {
                int e = system.unknownExt[i];
                assertThat(q[e]).as("%d blocks, q of unknown %d", blocks, i).isCloseTo(expectedQ[e], within(1e-9));
                assertThat(p[e]).as("%d blocks, p of unknown %d", blocks, i).isEqualTo(expectedP[e]);
            }
            assertThat(dot).isCloseTo(expectedDot, within(1e-9 * Math.abs(expectedDot)));
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

    @Test
    void twoColourWindowsMatchTheLaplacianInExactArithmetic() {
        // a strand over a plain background: each window holds two colours, so two eigenvalues of
        // its covariance are the regulariser's 1e-7/9 and a cofactor inverse in double is off by
        // ~3e-4 (pymatting's matte on a 2 MP curls composite moves by 0.2 k of SAD from it)
        int w = 9;
        int h = 7;
        float[] background = {0.9f, 0.88f, 0.86f};
        float[] strand = {0.24f, 0.13f, 0.12f};
        float[] rgb = new float[w * h * 3];
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                System.arraycopy(x == 4 || x == 5 || (x == 3 && y == 2) ? strand : background, 0, rgb, 3 * p, 3);
                labels[p] = (byte) (x == 0 ? Trimap.BACKGROUND : x == w - 1 ? Trimap.FOREGROUND : Trimap.UNKNOWN);
            }
        }
        Trimap trimap = new Trimap(w, h, labels);
        MattingSystem system = MattingSystem.build(new RgbImage(w, h, rgb), trimap, 1e-7);
        double[][] exact = exactLaplacian(rgb, w, h, new BigDecimal("1e-7"));
        int[] unknownPixel = new int[system.unknownCount()];
        for (int p = 0, u = 0; p < w * h; p++) {
            if (trimap.isUnknown(p)) {
                unknownPixel[u++] = p;
            }
        }
        int[] columns = new int[25];
        double[] values = new double[25];
        double largest = 0;
        double worst = 0;

        for (int i = 0; i < unknownPixel.length; i++) {
            double[] expected = new double[unknownPixel.length];
            for (int j = 0; j < unknownPixel.length; j++) {
                expected[j] = exact[unknownPixel[i]][unknownPixel[j]];
            }
            int count = system.row(i, columns, values);
            for (int k = 0; k < count; k++) {
                expected[columns[k]] -= values[k];
            }
            for (int j = 0; j < unknownPixel.length; j++) {
                largest = Math.max(largest, Math.abs(exact[unknownPixel[i]][unknownPixel[j]]));
                worst = Math.max(worst, Math.abs(expected[j]));
            }
        }

        assertThat(largest).isGreaterThan(0.5); // the strand's windows do couple strongly
        assertThat(worst).isLessThan(1e-5); // float storage; a cofactor inverse misses by 3e-4
    }

    /** L of every 3x3 window, in 80-digit arithmetic: delta_ij - (1 + d_i' (S + eps/9 I)^-1 d_j) / 9. */
    private static double[][] exactLaplacian(float[] rgb, int w, int h, BigDecimal epsilon) {
        MathContext mc = new MathContext(80);
        BigDecimal nine = BigDecimal.valueOf(9);
        double[][] laplacian = new double[w * h][w * h];
        for (int cy = 1; cy < h - 1; cy++) {
            for (int cx = 1; cx < w - 1; cx++) {
                int[] pixel = new int[9];
                BigDecimal[][] d = new BigDecimal[9][3];
                BigDecimal[] mean = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                for (int k = 0; k < 9; k++) {
                    pixel[k] = (cy + k / 3 - 1) * w + cx + k % 3 - 1;
                    for (int c = 0; c < 3; c++) {
                        d[k][c] = new BigDecimal(rgb[3 * pixel[k] + c]);
                        mean[c] = mean[c].add(d[k][c]);
                    }
                }
                for (int k = 0; k < 9; k++) {
                    for (int c = 0; c < 3; c++) {
                        d[k][c] = d[k][c].subtract(mean[c].divide(nine, mc));
                    }
                }
                BigDecimal[][] s = new BigDecimal[3][3];
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        BigDecimal sum = BigDecimal.ZERO;
                        for (int k = 0; k < 9; k++) {
                            sum = sum.add(d[k][a].multiply(d[k][b]));
                        }
                        s[a][b] = sum.add(a == b ? epsilon : BigDecimal.ZERO).divide(nine, mc);
                    }
                }
                BigDecimal[][] inverse = inverse(s, mc);
                for (int i = 0; i < 9; i++) {
                    for (int j = 0; j < 9; j++) {
                        BigDecimal q = BigDecimal.ONE;
                        for (int a = 0; a < 3; a++) {
                            for (int b = 0; b < 3; b++) {
                                q = q.add(d[i][a].multiply(inverse[a][b]).multiply(d[j][b]));
                            }
                        }
                        laplacian[pixel[i]][pixel[j]] += (i == j ? 1 : 0) - q.divide(nine, mc).doubleValue();
                    }
                }
            }
        }
        return laplacian;
    }

    /** Adjugate over determinant: exact enough at 80 digits, whatever the conditioning. */
    private static BigDecimal[][] inverse(BigDecimal[][] m, MathContext mc) {
        BigDecimal[][] cofactor = new BigDecimal[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r0 = (i + 1) % 3, r1 = (i + 2) % 3, c0 = (j + 1) % 3, c1 = (j + 2) % 3;
                cofactor[i][j] = m[r0][c0].multiply(m[r1][c1]).subtract(m[r0][c1].multiply(m[r1][c0]));
            }
        }
        BigDecimal det = m[0][0].multiply(cofactor[0][0]).add(m[0][1].multiply(cofactor[0][1]))
                .add(m[0][2].multiply(cofactor[0][2]));
        BigDecimal[][] inverse = new BigDecimal[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                inverse[i][j] = cofactor[j][i].divide(det, mc);
            }
        }
        return inverse;
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
