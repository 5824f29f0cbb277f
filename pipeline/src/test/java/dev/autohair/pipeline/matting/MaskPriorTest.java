package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.image.Matte;
import org.junit.jupiter.api.Test;

class MaskPriorTest {

    /** A 200x100 mask: 0 left of x = 90, a ramp to 1 over x = 90..110, 1 beyond. */
    private static Matte ramp() {
        Matte mask = Matte.blank(200, 100);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                mask.set(x, y, Math.min(1f, Math.max(0f, (x - 90) / 20f)));
            }
        }
        return mask;
    }

    @Test
    void weightIsTheStrengthWhereTheMaskIsSureBeyondTheMarginAndZeroElsewhere() {
        MaskPrior prior = new MaskPrior(0.5, 0.0, 0.05f, 0.95f);

        PriorField field = prior.field(ramp());

        // ramp values: x = 90 -> 0, 91 -> 0.05, 109 -> 0.95, 110 -> 1
        assertThat(field.weight().get(91, 50)).isEqualTo(0.5f);
        assertThat(field.weight().get(92, 50)).isZero();
        assertThat(field.weight().get(100, 50)).isZero();
        assertThat(field.weight().get(108, 50)).isZero();
        assertThat(field.weight().get(109, 50)).isEqualTo(0.5f);
        assertThat(field.target().get(100, 50)).isEqualTo(0.5f);
    }

    @Test
    void theMarginKeepsThePriorAwayFromWhereTheMaskIsUnsure() {
        MaskPrior prior = new MaskPrior(1, 0.05, 0.05f, 0.95f); // 0.05 x diagonal 223.6 = 11 px

        PriorField field = prior.field(ramp());

        assertThat(prior.marginFor(200, 100)).isEqualTo(11);
        assertThat(field.weight().get(80, 50)).isEqualTo(1f); // 11 px from x = 91, the last sure column
        assertThat(field.weight().get(81, 50)).isZero();
        assertThat(field.weight().get(119, 50)).isZero();
        assertThat(field.weight().get(120, 50)).isEqualTo(1f);
    }

    @Test
    void aHardMaskIsTrustedOnlyBeyondTheMarginFromItsEdge() {
        Matte hard = Matte.blank(200, 100);
        for (int y = 0; y < 100; y++) {
            for (int x = 100; x < 200; x++) {
                hard.set(x, y, 1f);
            }
        }

        PriorField field = new MaskPrior(1, 0.05, 0.05f, 0.95f).field(hard);

        assertThat(field.weight().get(88, 50)).isEqualTo(1f);
        assertThat(field.weight().get(89, 50)).isZero();
        assertThat(field.weight().get(110, 50)).isZero();
        assertThat(field.weight().get(111, 50)).isEqualTo(1f);
    }

    @Test
    void zeroStrengthIsOff() {
        assertThat(MaskPrior.OFF.isOff()).isTrue();
        assertThat(MaskPrior.defaults().isOff()).isFalse();
        assertThat(MaskPrior.defaults().withStrength(0).isOff()).isTrue();
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> MaskPrior.defaults().withStrength(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskPrior.defaults().withStrength(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskPrior.defaults().withStrength(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaskPrior.defaults().withMarginFraction(0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaskPrior(1, 0, 0.6f, 0.4f)).isInstanceOf(IllegalArgumentException.class);
    }
}
