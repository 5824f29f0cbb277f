package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.parallel.RowBlocks;
import dev.autohair.testing.NoiseImages;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncompleteCholeskyTest {

    /** A vertical band of unknown columns 10..29 between background and foreground. */
    static Trimap band(int w, int h) {
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = (byte) (x < 10 ? Trimap.BACKGROUND : x < 30 ? Trimap.UNKNOWN : Trimap.FOREGROUND);
            }
        }
        return new Trimap(w, h, labels);
    }

    /**
     * The blocks' threads run their passes at once, so no unknown of one block's core may couple
     * to another core's: every stencil neighbour of a core unknown is in its own core, a
     * separator, or known. And separators may not couple to each other, as they are solved in
     * one sweep each.
     */
    @Test
    void separatorsCutEveryCouplingBetweenCores() {
        int w = 40;
        int h = 61;
        MattingSystem system = MattingSystem.build(NoiseImages.of(w, h, 4), band(w, h), 1e-7, 4);
        assertThat(system.blocks()).isEqualTo(4);
        // 1220 unknowns in 4 blocks of 305, 20 a row: the blocks start in the middle of a row
        assertThat(system.unknownPixel[system.blockStart[1]] % w).isNotEqualTo(10);
        List<IncompleteCholesky.Range> separators = IncompleteCholesky.separators(system);
        assertThat(separators).hasSize(3);
        assertCoresApart(system, separators);
    }

    /** Blocks of fewer rows than a separator needs (a short band of long rows) merge their separators. */
    @Test
    void separatorsOfThinBlocksMerge() {
        int w = 200;
        int h = 12;
        byte[] labels = new byte[w * h];
        for (int i = 0; i < labels.length; i++) {
            int y = i / w;
            labels[i] = (byte) (y < 2 ? Trimap.BACKGROUND : y < 10 ? Trimap.UNKNOWN : Trimap.FOREGROUND);
        }
        MattingSystem system = MattingSystem.build(NoiseImages.of(w, h, 6), new Trimap(w, h, labels), 1e-7, 6);
        assertThat(system.blocks()).isEqualTo(6); // 1600 unknowns, 8 rows: blocks of 1.3 rows
        List<IncompleteCholesky.Range> separators = IncompleteCholesky.separators(system);
        assertThat(separators.size()).isLessThan(system.blocks() - 1);
        assertCoresApart(system, separators);
        assertSymmetricPositive(system, new IncompleteCholesky(system));
    }

    private static void assertCoresApart(MattingSystem system, List<IncompleteCholesky.Range> separators) {
        int[] owner = new int[system.unknowns]; // block of a core unknown, or -1 in a separator
        for (int b = 0; b < system.blocks(); b++) {
            for (int i = system.blockStart[b]; i < system.blockStart[b + 1]; i++) {
                owner[i] = b;
            }
        }
        int lastRow = Integer.MIN_VALUE;
        for (IncompleteCholesky.Range separator : separators) {
            assertThat(separator.end()).isGreaterThan(separator.start());
            int firstRow = system.unknownPixel[separator.start()] / system.width;
            assertThat(firstRow).as("separators couple").isGreaterThan(lastRow + 2);
            lastRow = system.unknownPixel[separator.end() - 1] / system.width;
            for (int i = separator.start(); i < separator.end(); i++) {
                owner[i] = -1;
            }
        }
        for (int i = 0; i < system.unknowns; i++) {
            if (owner[i] < 0) {
                continue;
            }
            for (int slot = 0; slot < 25; slot++) {
                int j = system.unknownOfExt[system.rowBase[i * 5 + slot / 5] + slot % 5];
                assertThat(j < 0 || owner[j] < 0 || owner[j] == owner[i])
                        .as("unknown %d (block %d) couples to unknown %d (block %d)", i, owner[i], j, j < 0 ? -1 : owner[j])
                        .isTrue();
            }
        }
    }

    /** M^-1 must be symmetric positive definite for conjugate gradients: u . M^-1 v = v . M^-1 u, and r . M^-1 r > 0. */
    @Test
    void theFactorIsSymmetricPositiveDefinite() {
        MattingSystem system = MattingSystem.build(NoiseImages.of(40, 61, 4), band(40, 61), 1e-7, 4);
        assertSymmetricPositive(system, new IncompleteCholesky(system));
    }

    static void assertSymmetricPositive(MattingSystem system, Preconditioner preconditioner) {
        Random random = new Random(11);
        double[] u = randomVector(system, random);
        double[] v = randomVector(system, random);
        double[] mu = apply(system, preconditioner, u);
        double[] mv = apply(system, preconditioner, v);
        double uMv = dot(u, mv);
        double vMu = dot(v, mu);
        assertThat(Math.abs(uMv - vMu)).as("u.M^-1 v %s, v.M^-1 u %s", uMv, vMu)
                .isLessThan(1e-5 * Math.sqrt(dot(u, mu) * dot(v, mv)));
        assertThat(dot(u, mu)).isPositive();
        assertThat(dot(v, mv)).isPositive();
    }

    /** Preconditioning with the blocks on the team's threads gives z bit for bit as one thread does. */
    @Test
    void preconditioningInParallelIsExactlyPreconditioningInSequence() {
        MattingSystem system = MattingSystem.build(NoiseImages.of(40, 200, 8), band(40, 200), 1e-7, 4);
        IncompleteCholesky ic = new IncompleteCholesky(system);
        double[] r = randomVector(system, new Random(3));
        double[] sequential = apply(system, ic, r);
        for (int round = 0; round < 50; round++) {
            double[] z = system.newVector();
            RowBlocks.forEach(system.blocks(), k -> ic.forwardBlock(r, z, k));
            ic.couplings(r, z);
            RowBlocks.forEach(system.blocks(), k -> ic.backwardBlock(r, z, k));
            assertThat(z).as("round %d", round).containsExactly(sequential);
        }
    }

    /**
     * With the seams' couplings kept, more blocks cost the solve (almost) nothing: on this band
     * one block takes 23 iterations and four 24, where factoring each block alone (the seams'
     * couplings dropped) took 31.
     */
    @Test
    void fourBlocksConvergeAboutAsFastAsOne() {
        int w = 60;
        int h = 160;
        Trimap trimap = band(w, h);
        int[] iterations = new int[2];
        int[] blockCounts = {1, 4};
        for (int k = 0; k < 2; k++) {
            MattingSystem system = MattingSystem.build(NoiseImages.of(w, h, 9), trimap, 1e-7, blockCounts[k]);
            assertThat(system.blocks()).isEqualTo(blockCounts[k]);
            double[] x = system.newVector();
            iterations[k] = ConjugateGradient.solve(system, new IncompleteCholesky(system), x, 1e-6, 10_000).iterations();
        }
        assertThat(iterations[1]).isLessThanOrEqualTo(iterations[0] + 2);
    }

    private static double[] randomVector(MattingSystem system, Random random) {
        double[] r = system.newVector();
        for (int i = 0; i < system.unknownCount(); i++) {
            r[system.unknownExt[i]] = random.nextDouble() - 0.5;
        }
        return r;
    }

    private static double[] apply(MattingSystem system, Preconditioner preconditioner, double[] r) {
        double[] z = system.newVector();
        for (int k = 0; k < system.blocks(); k++) {
            preconditioner.forwardBlock(r, z, k);
        }
        preconditioner.couplings(r, z);
        for (int k = 0; k < system.blocks(); k++) {
            preconditioner.backwardBlock(r, z, k);
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
