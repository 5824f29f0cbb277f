package dev.autohair.pipeline.matting.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Trimap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tile placement, blending, whole-image sizes and mode parsing: plain Java, no engine. */
class TilingTest {

    @Test
    void everyUnknownPixelLiesInATileAndTilesHoldUnknownPixels() {
        Trimap trimap = Fixtures.ring(1000, 700, 250, 60);
        List<TilePlan.Tile> tiles = TilePlan.cover(trimap, 320, 256);
        boolean[] covered = new boolean[1000 * 700];
        for (TilePlan.Tile t : tiles) {
            assertThat(t.x()).isBetween(0, 1000 - 320);
            assertThat(t.y()).isBetween(0, 700 - 320);
            boolean holdsUnknown = false;
            for (int y = t.y(); y < t.y() + 320; y++) {
                for (int x = t.x(); x < t.x() + 320; x++) {
                    covered[y * 1000 + x] = true;
                    holdsUnknown |= trimap.isUnknown(y * 1000 + x);
                }
            }
            assertThat(holdsUnknown).isTrue();
        }
        for (int i = 0; i < covered.length; i++) {
            if (trimap.isUnknown(i)) {
                assertThat(covered[i]).as("pixel %d", i).isTrue();
            }
        }
        // the band's bounding box (561 x 561 px) takes 2 x 2 tiles of 320; each holds part of the ring
        assertThat(tiles).hasSize(4);
    }

    @Test
    void aSmallBandNeedsOneTileAndNoBandNone() {
        assertThat(TilePlan.cover(Fixtures.ring(1000, 1000, 40, 10), 320, 256)).hasSize(1);
        assertThat(TilePlan.cover(Fixtures.filled(500, 500, Trimap.FOREGROUND), 320, 256)).isEmpty();
        assertThat(TilePlan.cover(Fixtures.filled(100, 50, Trimap.UNKNOWN), 320, 256))
                .containsExactly(new TilePlan.Tile(0, 0));
    }

    @Test
    void overlappingTilesCrossFadeAndReproduceAConstant() {
        TileBlend blend = new TileBlend(100, 40, 64, 16);
        float[] planes = new float[2 * 64 * 64];
        java.util.Arrays.fill(planes, 0, 64 * 64, 0.25f);
        java.util.Arrays.fill(planes, 64 * 64, planes.length, 0.75f);
        blend.add(new TilePlan.Tile(0, 0), planes, 0);
        blend.add(new TilePlan.Tile(36, 0), planes, 64 * 64);
        float[] alpha = blend.result();
        assertThat(alpha[10 * 100 + 10]).isEqualTo(0.25f);
        assertThat(alpha[10 * 100 + 90]).isCloseTo(0.75f, within(1e-6f));
        // across the 28-pixel overlap (x 36..63) alpha rises monotonically from one tile's value to the other's
        float previous = 0.25f;
        for (int x = 36; x < 64; x++) {
            float a = alpha[10 * 100 + x];
            assertThat(a).isBetween(previous, 0.75f);
            previous = a;
        }
        TileBlend same = new TileBlend(100, 40, 64, 16);
        java.util.Arrays.fill(planes, 0.5f);
        same.add(new TilePlan.Tile(0, 0), planes, 0);
        same.add(new TilePlan.Tile(36, 0), planes, 64 * 64);
        for (float a : same.result()) {
            assertThat(a).isCloseTo(0.5f, within(1e-6f));
        }
    }

    @Test
    void wholeImageSizesAreMultiplesOf32UnderTheCap() {
        assertThat(WholeImageInference.networkSize(640, 480, 1600, 32)).containsExactly(640, 480);
        assertThat(WholeImageInference.networkSize(150, 100, 1600, 32)).containsExactly(160, 96);
        assertThat(WholeImageInference.networkSize(4000, 3000, 1600, 32)).containsExactly(1600, 1216);
        assertThat(WholeImageInference.networkSize(10, 3000, 1000, 32)).containsExactly(32, 992);
    }

    @Test
    void trimapsResizeByNearestNeighbourSoLabelsStayLabels() {
        byte[] labels = {0, (byte) 128, (byte) 255, 0};
        byte[] out = WholeImageInference.nearest(labels, 4, 1, 7, 2);
        for (byte b : out) {
            assertThat(b & 0xFF).isIn(0, 128, 255);
        }
    }

    @Test
    void parsesInferenceModes() {
        assertThat(InferenceMode.parse("whole")).isEqualTo(new InferenceMode.WholeImage(1600));
        assertThat(InferenceMode.parse("whole:1024")).isEqualTo(new InferenceMode.WholeImage(1024));
        assertThat(InferenceMode.parse("tiles")).isEqualTo(new InferenceMode.Tiles(320, 64));
        assertThat(InferenceMode.parse("tiles:640")).isEqualTo(new InferenceMode.Tiles(640, 64));
        assertThat(InferenceMode.parse("tiles:320:32")).isEqualTo(new InferenceMode.Tiles(320, 32));
        assertThatThrownBy(() -> InferenceMode.parse("tile:320")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole[:MAX_SIDE] or tiles[:SIZE[:OVERLAP]]");
        assertThatThrownBy(() -> InferenceMode.parse("tiles:64:64")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normalisationIsAValueWithCopiedArrays() {
        float[] mean = {0.5f, 0.5f, 0.5f};
        RgbNormalisation n = new RgbNormalisation(mean, new float[] {0.25f, 0.5f, 1f});
        mean[0] = 9;
        assertThat(n.mean()[0]).isEqualTo(0.5f);
        assertThat(n.apply(0, 1f)).isCloseTo(2f, within(1e-6f));
        assertThat(n).isEqualTo(new RgbNormalisation(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.5f, 1f}));
        assertThatThrownBy(() -> new RgbNormalisation(new float[3], new float[] {1, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
