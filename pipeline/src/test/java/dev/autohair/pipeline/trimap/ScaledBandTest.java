package dev.autohair.pipeline.trimap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaledBandTest {

    @Test
    void defaultBandIsTwoAndOnePercentOfTheDiagonal() {
        assertThat(ScaledBand.DEFAULT.bandFor(512, 512)).isEqualTo(new TrimapBand(14, 7));
        assertThat(ScaledBand.DEFAULT.bandFor(4000, 3000)).isEqualTo(new TrimapBand(100, 50));
    }

    @Test
    void smallAndLargeImagesGetProportionallySimilarBands() {
        TrimapBand small = ScaledBand.DEFAULT.bandFor(512, 384);
        TrimapBand large = ScaledBand.DEFAULT.bandFor(4000, 3000);
        double scale = 4000.0 / 512;

        // Equal up to the rounding to whole pixels at the small size.
        assertThat(small.size() * scale).isCloseTo(large.size(), org.assertj.core.data.Offset.offset(0.5 * scale));
        assertThat(small.erosion() * scale).isCloseTo(large.erosion(), org.assertj.core.data.Offset.offset(0.5 * scale));
    }

    @Test
    void portraitAndLandscapeOfTheSameSizeGetTheSameBand() {
        assertThat(ScaledBand.DEFAULT.bandFor(600, 800)).isEqualTo(ScaledBand.DEFAULT.bandFor(800, 600));
    }

    @Test
    void thumbnailsKeepTheFloor() {
        assertThat(ScaledBand.DEFAULT.bandFor(40, 30)).isEqualTo(new TrimapBand(3, 1));
    }

    @Test
    void fixedBandIgnoresTheImageSize() {
        TrimapBand fixed = new TrimapBand(9, 4);
        assertThat(fixed.bandFor(100, 100)).isEqualTo(fixed);
        assertThat(fixed.bandFor(5000, 5000)).isEqualTo(fixed);
    }

    @Test
    void invalidBandsAreRejectedWithTheOffendingValue() {
        assertThatThrownBy(() -> new TrimapBand(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1").hasMessageContaining("got 0");
        assertThatThrownBy(() -> new TrimapBand(3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got -1");
        assertThatThrownBy(() -> new ScaledBand(0, 0.01, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size fraction");
        assertThatThrownBy(() -> new ScaledBand(0.02, 0.01, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimum band size");
    }

    @Test
    void invalidThresholdsAreRejected() {
        assertThatThrownBy(() -> TrimapSettings.confidence(ScaledBand.DEFAULT, 0.9f, 0.1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 <= low < high <= 1");
        assertThatThrownBy(() -> TrimapSettings.confidence(ScaledBand.DEFAULT, 0.1f, 1.5f))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrimapSettings(null, ScaledBand.DEFAULT, 0.05f, 0.95f))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("mode");
    }
}
