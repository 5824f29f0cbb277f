package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import org.junit.jupiter.api.Test;

class HaloTest {

    /** Three pixels: alpha 1, 0.5 and 0; foreground red, background blue. */
    private static Composite threePixels() {
        Matte alpha = new Matte(3, 1, new float[] {1f, 0.5f, 0f});
        RgbImage foreground = new RgbImage(3, 1, new float[] {1, 0, 0, 1, 0, 0, 0, 0, 0});
        RgbImage background = new RgbImage(3, 1, new float[] {0, 0, 1, 0, 0, 1, 0, 0, 1});
        float[] image = new float[9];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                float a = alpha.alpha()[i];
                image[3 * i + c] = a * foreground.rgb()[3 * i + c] + (1 - a) * background.rgb()[3 * i + c];
            }
        }
        return new Composite(CompositeKind.HAIR, new RgbImage(3, 1, image), alpha, foreground, background);
    }

    @Test
    void theTrueCutoutHasNoHalo() {
        Composite c = threePixels();

        Halo halo = Halo.of(c, c.alpha(), c.foreground());

        assertThat(halo.pixels()).isEqualTo(1);
        assertThat(halo.colour()).isZero();
        assertThat(halo.cutout()).isZero();
    }

    @Test
    void thePhotoAsForegroundCarriesTheOldBackgroundOntoTheNewOne() {
        Composite c = threePixels();

        // F̂ = I: at the half-covered pixel (0.5, 0, 0.5) instead of red
        Halo halo = Halo.of(c, c.alpha(), c.image());

        // colour: 0.5 × (|0.5 - 1| + 0 + |0.5 - 0|) / 3; with the true alpha the cutout error is the same
        assertThat(halo.colour()).isCloseTo(0.5 * 1.0 / 3, offset(1e-6));
        assertThat(halo.cutout()).isCloseTo(halo.colour(), offset(1e-6));
    }

    @Test
    void aWrongAlphaShowsInTheCutoutButNotInTheColour() {
        Composite c = threePixels();

        // alpha 0.25 instead of 0.5 at the fractional pixel, true foreground colour
        Halo halo = Halo.of(c, new Matte(3, 1, new float[] {1f, 0.25f, 0f}), c.foreground());

        assertThat(halo.colour()).isZero();
        // on green: 0.25 (1, 0, 0) + 0.75 (0, 1, 0) against 0.5 (1, 0, 0) + 0.5 (0, 1, 0)
        assertThat(halo.cutout()).isCloseTo((0.25 + 0.25 + 0) / 3, offset(1e-6));
    }

    @Test
    void mismatchedSizesAreRejected() {
        Composite c = threePixels();

        assertThatThrownBy(() -> Halo.of(c, Matte.blank(2, 1), c.foreground()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
