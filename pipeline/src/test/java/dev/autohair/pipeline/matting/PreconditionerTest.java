package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.testing.NoiseImages;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreconditionerTest {

    /** Conjugate gradients takes r . z from the preconditioner's passes instead of a pass of its own. */
    @Test
    void everyPreconditionerReturnsRDotZ() {
        MattingSystem system = MattingSystem.build(NoiseImages.of(40, 40, 3), IncompleteCholeskyTest.band(40, 40), 1e-7, 3);
        assertThat(system.blocks()).isEqualTo(3);
        Random random = new Random(5);
        double[] r = system.newVector();
        for (int i = 0; i < system.unknownCount(); i++) {
            r[system.unknownExt[i]] = random.nextDouble() - 0.5;
        }
        for (Preconditioner preconditioner : List.of(Preconditioner.identity(system), Preconditioner.jacobi(system),
                new IncompleteCholesky(system))) {
            double[] z = system.newVector();
            for (int block = 0; block < system.blocks(); block++) {
                preconditioner.forwardBlock(r, z, block);
            }
            double returned = preconditioner.couplings(r, z);
            for (int block = 0; block < system.blocks(); block++) {
                returned += preconditioner.backwardBlock(r, z, block);
            }
            double expected = 0;
            for (int e = 0; e < system.extendedSize(); e++) {
                expected += r[e] * z[e];
            }
            assertThat(expected).isNotZero();
            assertThat(returned).as("%s", preconditioner).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            IncompleteCholeskyTest.assertSymmetricPositive(system, preconditioner);
        }
    }
}
