package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import org.junit.jupiter.api.Test;

class PyramidTest {

    private static Trimap allUnknown(int w, int h) {
        byte[] labels = new byte[w * h];
        java.util.Arrays.fill(labels, (byte) Trimap.UNKNOWN);
        return new Trimap(w, h, labels);
    }

    @Test
    void aPixelIsSettledOnlyWhereEveryCoarsePixelAroundItIs() {
        // coarse 10 x 4: columns 0-4 alpha 0, 5-9 alpha 1, except one doubtful pixel in each half
        Matte coarse = new Matte(10, 4, new float[40]);
        for (int y = 0; y < 4; y++) {
            for (int x = 5; x < 10; x++) {
                coarse.alpha()[y * 10 + x] = 1;
            }
        }
        coarse.alpha()[1 * 10 + 1] = 0.5f / 255; // within the settled margin of 0
        coarse.alpha()[2 * 10 + 8] = 0.9f;

        Trimap settled = Pyramid.settledBy(coarse, allUnknown(20, 8));

        // fine x / 2 is the coarse column: 0-3 sees coarse 0-2 (all 0 or within 1/255): background
        for (int y = 0; y < 8; y++) {
            assertThat(settled.label(y * 20 + 1)).isEqualTo(Trimap.BACKGROUND);
        }
        // next to the edge between coarse columns 4 and 5 both sides see the other: unknown
        assertThat(settled.label(3 * 20 + 9)).isEqualTo(Trimap.UNKNOWN);
        assertThat(settled.label(3 * 20 + 10)).isEqualTo(Trimap.UNKNOWN);
        // around the doubtful foreground pixel (coarse 8, 2): fine columns 14-19 of rows 2-7 stay unknown
        assertThat(settled.label(5 * 20 + 17)).isEqualTo(Trimap.UNKNOWN);
        assertThat(settled.label(2 * 20 + 14)).isEqualTo(Trimap.UNKNOWN);
        // two coarse rows above it (fine rows 0-1) are settled foreground
        assertThat(settled.label(0 * 20 + 17)).isEqualTo(Trimap.FOREGROUND);
        assertThat(settled.label(1 * 20 + 12)).isEqualTo(Trimap.FOREGROUND);
    }

    @Test
    void knownPixelsKeepTheirLabel() {
        Matte coarse = new Matte(2, 2, new float[] {1, 1, 1, 1});
        byte[] labels = new byte[16];
        java.util.Arrays.fill(labels, (byte) Trimap.UNKNOWN);
        labels[0] = (byte) Trimap.BACKGROUND; // the trimap's word stands over the coarse matte's

        Trimap settled = Pyramid.settledBy(coarse, new Trimap(4, 4, labels));

        assertThat(settled.label(0)).isEqualTo(Trimap.BACKGROUND);
        assertThat(settled.label(5)).isEqualTo(Trimap.FOREGROUND);
        assertThat(labels[5]).as("input untouched").isEqualTo((byte) Trimap.UNKNOWN);
    }
}
