package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Trimap;
import dev.autohair.testing.NoiseImages;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreconditionerTest {

    /** Unknown columns 8..27 of a 36-wide image, background left of them, foreground right. */
    private static Trimap band(int w, int h) {
        byte[] labels = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                labels[y * w + x] = (byte) (x < 8 ? Trimap.BACKGROUND : x < 28 ? Trimap.UNKNOWN : Trimap.FOREGROUND);
            }
        }
        return new Trimap(w, h, labels);
    }

    /** Conjugate gradients takes r . z from the preconditioner instead of a pass of its own. */
    @Test
    void everyPreconditionerReturnsRDotZOverItsBlock() {
        MattingSystem system = MattingSystem.build(NoiseImages.of(36, 40, 3), band(36, 40), 1e-7, 3);
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
                double returned = preconditioner.applyBlock(r, z, block);
                double expected = 0;
                for (int e = system.extBlockStart[block]; e < system.extBlockStart[block + 1]; e++) {
                    expected += r[e] * z[e];
                }
                assertThat(expected).isNotZero();
                assertThat(returned).as("%s, block %d", preconditioner, block).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            }
        }
    }
}
