package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Trimap;
import dev.autohair.testing.NoiseImages;
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
     * Block threads run their backward passes at once, and one that writes "-= 0" into another
     * block's entry can undo that block's update (a read-modify-write): the solve then depended on
     * timing. Only unknowns from {@link IncompleteCholesky#firstUnsharedUnknown} on write their
     * stencil unchecked, so none of those may reach an earlier block's unknown.
     */
    @Test
    void theUncheckedBackwardStencilsNeverReachAnotherBlocksUnknowns() {
        int w = 40;
        int h = 61;
        MattingSystem system = MattingSystem.build(NoiseImages.of(w, h, 4), band(w, h), 1e-7, 4);
        assertThat(system.blocks()).isEqualTo(4);
        // 1220 unknowns in 4 blocks of 305, 20 a row: the blocks start in the middle of a row
        assertThat(system.unknownPixel[system.blockStart[1]] % w).isNotEqualTo(10);

        for (int block = 1; block < system.blocks(); block++) {
            int from = system.blockStart[block];
            int safe = IncompleteCholesky.firstUnsharedUnknown(system, block);
            assertThat(safe).isGreaterThan(from).isLessThan(system.blockStart[block + 1]);
            for (int i = safe; i < system.blockStart[block + 1]; i++) {
                for (int slot = 0; slot < 12; slot++) { // the lower half of the 5x5 stencil
                    int entry = system.rowBase[i * 5 + slot / 5] + slot % 5;
                    int owner = system.unknownOfExt[entry];
                    assertThat(owner == -1 || owner >= from)
                            .as("unknown %d (block %d) writes entry of unknown %d", i, block, owner).isTrue();
                }
            }
        }
    }
}
