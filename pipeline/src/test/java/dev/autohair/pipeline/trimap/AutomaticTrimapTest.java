package dev.autohair.pipeline.trimap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import org.junit.jupiter.api.Test;

class AutomaticTrimapTest {

    /** A width×height mask with the inclusive square [lo, hi]² set to {@code value}. */
    private static Matte square(int size, int lo, int hi, float value) {
        Matte mask = Matte.blank(size, size);
        for (int y = lo; y <= hi; y++) {
            for (int x = lo; x <= hi; x++) {
                mask.set(x, y, value);
            }
        }
        return mask;
    }

    private static boolean inside(int x, int y, int lo, int hi) {
        return x >= lo && x <= hi && y >= lo && y <= hi;
    }

    @Test
    void binaryModeErodesForegroundAndPutsTheDilatedRingInTheUnknownBand() {
        Matte mask = square(40, 10, 29, 0.8f);
        Trimap trimap = new AutomaticTrimap(TrimapSettings.binary(new TrimapBand(3, 2))).generate(mask);

        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                int expected = inside(x, y, 12, 27) ? Trimap.FOREGROUND
                        : inside(x, y, 7, 32) ? Trimap.UNKNOWN : Trimap.BACKGROUND;
                assertThat(trimap.label(y * 40 + x)).as("label at (%d,%d)", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void binaryModeThresholdsAtOneHalf() {
        Matte faint = square(40, 10, 29, 0.49f);
        faint.set(20, 20, 0.5f);
        faint.set(21, 20, 0.5f);
        faint.set(20, 21, 0.5f);
        faint.set(21, 21, 0.5f);
        Trimap trimap = new AutomaticTrimap(TrimapSettings.binary(new TrimapBand(1, 0))).generate(faint);

        assertThat(trimap.isForeground(20 * 40 + 20)).isTrue();
        assertThat(trimap.isBackground(15 * 40 + 15)).as("0.49 is not subject").isTrue();
    }

    @Test
    void confidenceModeKeepsOnlyConfidentValuesAndErodesBothSides() {
        // Columns 0-9 sure (1.0), 10-19 unsure (0.5), 20-39 absent (0.0).
        Matte mask = Matte.blank(40, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                mask.set(x, y, x < 10 ? 1f : 0.5f);
            }
        }
        Trimap trimap = new AutomaticTrimap(TrimapSettings.confidence(new TrimapBand(3, 2), 0.05f, 0.95f))
                .generate(mask);

        for (int x = 0; x < 40; x++) {
            int expected = x <= 7 ? Trimap.FOREGROUND : x <= 22 ? Trimap.UNKNOWN : Trimap.BACKGROUND;
            assertThat(trimap.label(10 * 40 + x)).as("label at column %d", x).isEqualTo(expected);
        }
    }

    @Test
    void confidenceThresholdsAreConfigurable() {
        Matte mask = Matte.blank(40, 20);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                mask.set(x, y, x < 10 ? 1f : 0.5f);
            }
        }
        Trimap trimap = new AutomaticTrimap(TrimapSettings.confidence(new TrimapBand(1, 0), 0.05f, 0.4f))
                .generate(mask);

        assertThat(trimap.isForeground(10 * 40 + 15)).as("0.5 is above a 0.4 high threshold").isTrue();
    }

    @Test
    void thinStructuresEndUpUnknownInBothModes() {
        // A body with a 2-px wide strand running 60 px out of it: the strand is in the mask but too
        // thin to survive erosion, so matting must decide its alpha.
        Matte mask = square(200, 60, 139, 1f);
        for (int y = 98; y <= 99; y++) {
            for (int x = 140; x < 200; x++) {
                mask.set(x, y, 1f);
            }
        }
        for (TrimapSettings settings : new TrimapSettings[] {
                TrimapSettings.scaledToImage(),
                TrimapSettings.confidence(ScaledBand.DEFAULT, 0.05f, 0.95f)}) {
            Trimap trimap = new AutomaticTrimap(settings).generate(mask);
            for (int y = 98; y <= 99; y++) {
                for (int x = 140; x < 200; x++) {
                    assertThat(trimap.isUnknown(y * 200 + x)).as("%s: strand pixel (%d,%d)", settings.mode(), x, y)
                            .isTrue();
                }
            }
            assertThat(trimap.isForeground(100 * 200 + 100)).as("body centre stays sure").isTrue();
        }
    }

    @Test
    void emptyMaskIsDegenerate() {
        Matte empty = square(40, 10, 29, 0.3f);
        assertThatThrownBy(() -> new AutomaticTrimap().generate(empty))
                .isInstanceOf(DegenerateMaskException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining("no subject");
    }

    @Test
    void fullFrameMaskIsDegenerate() {
        Matte full = square(40, 0, 39, 0.9f);
        assertThatThrownBy(() -> new AutomaticTrimap().generate(full))
                .isInstanceOf(DegenerateMaskException.class)
                .hasMessageContaining("whole frame");
        // In confidence mode a faint haze everywhere is no background either.
        Matte hazy = square(40, 10, 29, 1f);
        for (int i = 0; i < hazy.alpha().length; i++) {
            hazy.alpha()[i] = Math.max(hazy.alpha()[i], 0.1f);
        }
        assertThatThrownBy(() -> new AutomaticTrimap(TrimapSettings.confidence(new TrimapBand(2, 1), 0.05f, 0.95f))
                .generate(hazy))
                .isInstanceOf(DegenerateMaskException.class)
                .hasMessageContaining("whole frame");
    }

    @Test
    void foregroundErodedAwayIsDegenerate() {
        Matte thin = square(40, 18, 21, 1f); // 4 px wide: erosion by 2 removes it all
        assertThatThrownBy(() -> new AutomaticTrimap(TrimapSettings.binary(new TrimapBand(3, 2))).generate(thin))
                .isInstanceOf(DegenerateMaskException.class)
                .hasMessageContaining("no sure foreground")
                .hasMessageContaining("smaller erosion");
    }

    @Test
    void backgroundSwallowedByTheBandIsDegenerate() {
        Matte almostFull = square(40, 0, 36, 1f); // 3 px of background, band of 5
        assertThatThrownBy(() -> new AutomaticTrimap(TrimapSettings.binary(new TrimapBand(5, 1)))
                .generate(almostFull))
                .isInstanceOf(DegenerateMaskException.class)
                .hasMessageContaining("no sure background")
                .hasMessageContaining("smaller band size");
    }
}
