package dev.autohair.pipeline.trimap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import org.junit.jupiter.api.Test;

class AdaptiveTrimapTest {

    private final AdaptiveTrimap trimaps = new AdaptiveTrimap();

    @Test
    void aHardMaskGetsTheImageScaledBinaryBand() {
        Matte hard = MaskSoftnessTest.rampedEdge(300, 200, 1);

        assertThat(trimaps.settingsFor(hard)).isEqualTo(TrimapSettings.scaledToImage());
        assertThat(trimaps.generate(hard).labels()).isEqualTo(new AutomaticTrimap().generate(hard).labels());
    }

    @Test
    void anAntiAliasedHardMaskCountsAsHardToo() {
        // A disc with 4×4-supersampled coverage: one fractional pixel across its edge, transition ≤ 2 px.
        int size = 200;
        Matte disc = Matte.blank(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int inside = 0;
                for (int s = 0; s < 16; s++) {
                    inside += Math.hypot(x + (s % 4 + 0.5) / 4 - 100, y + (s / 4 + 0.5) / 4 - 100) < 60.3 ? 1 : 0;
                }
                disc.set(x, y, inside / 16f);
            }
        }
        assertThat(MaskSoftness.measure(disc).transitionWidth()).isLessThan(AdaptiveTrimap.Rule.DEFAULT.hardBelow());
        assertThat(trimaps.settingsFor(disc)).isEqualTo(TrimapSettings.scaledToImage());
    }

    @Test
    void aSoftMaskIsUnknownWhereverItIsUnsureAndAFewTransitionWidthsBeyond() {
        int ramp = 20;
        Matte soft = MaskSoftnessTest.rampedEdge(400, 60, ramp);
        TrimapSettings settings = trimaps.settingsFor(soft);
        AdaptiveTrimap.Rule rule = AdaptiveTrimap.Rule.DEFAULT;
        TrimapBand band = (TrimapBand) settings.band();

        assertThat(settings.mode()).isEqualTo(TrimapMode.CONFIDENCE);
        assertThat(band.size()).isEqualTo(Math.max(rule.minMargin(), (int) Math.round(rule.outsideWidths() * ramp)));
        assertThat(band.erosion()).isEqualTo(Math.max(rule.minMargin(), (int) Math.round(rule.insideWidths() * ramp)));

        Trimap trimap = trimaps.generate(soft);
        for (int x = 0; x < 400; x++) {
            float m = soft.get(x, 30);
            int label = trimap.label(30 * 400 + x);
            if (m > rule.low() && m < rule.high()) {
                assertThat(label).as("unsure mask %.2f at x=%d", m, x).isEqualTo(Trimap.UNKNOWN);
            }
            if (label == Trimap.BACKGROUND) {
                assertThat(soft.get(Math.max(0, x - band.size()), 30)).isLessThanOrEqualTo(rule.low());
            }
            if (label == Trimap.FOREGROUND) {
                assertThat(soft.get(Math.min(399, x + band.erosion()), 30)).isGreaterThanOrEqualTo(rule.high());
            }
        }
    }

    @Test
    void theMarginsAreAboutHalfAWorkingPixelAndNeverNarrowerThanAnAntiAliasedEdge() {
        AdaptiveTrimap.Rule rule = AdaptiveTrimap.Rule.DEFAULT;
        // 40 px ramp (a 320 px mask at 4000 px): 0.2 T = 8 px each side
        assertThat(rule.bandFor(new MaskSoftness(40, 1000))).isEqualTo(new TrimapBand(8, 8));
        // 5 px ramp (a 320 px mask at 640 px): 0.2 T = 1 px, held at the 2 px floor
        assertThat(rule.bandFor(new MaskSoftness(5, 1000))).isEqualTo(new TrimapBand(2, 2));
        TrimapBand band = (TrimapBand) trimaps.settingsFor(MaskSoftnessTest.rampedEdge(400, 60, 5)).band();
        assertThat(band).isEqualTo(new TrimapBand(2, 2));
    }

    @Test
    void aSoftMaskThatIsNeverSureOfTheSubjectIsBinarisedInstead() {
        Matte timid = MaskSoftnessTest.rampedEdge(400, 60, 20);
        for (int i = 0; i < timid.alpha().length; i++) {
            timid.alpha()[i] *= 0.85f;
        }
        assertThat(trimaps.settingsFor(timid)).isEqualTo(TrimapSettings.scaledToImage());
        assertThat(trimaps.generate(timid).labels()).isEqualTo(new AutomaticTrimap().generate(timid).labels());
    }

    @Test
    void theBandFollowsTheMaskResolutionNotTheImageSize() {
        // The same 512 px image with masks upsampled 8× and 16×: the blurrier mask gets a wider margin.
        TrimapBand eight = (TrimapBand) trimaps.settingsFor(MaskSoftnessTest.upsampledDisc(512, 8)).band();
        TrimapBand sixteen = (TrimapBand) trimaps.settingsFor(MaskSoftnessTest.upsampledDisc(512, 16)).band();
        assertThat(sixteen.size()).isGreaterThan(eight.size());
    }

    @Test
    void theContractsAutoModeIsTheAdaptiveTrimapAndTheOtherModesStay() {
        assertThat(Trimaps.forSpec(new TrimapSpec.Adaptive())).isInstanceOf(AdaptiveTrimap.class);
        assertThat(((AutomaticTrimap) Trimaps.forSpec(new TrimapSpec.Auto())).settings())
                .isEqualTo(TrimapSettings.scaledToImage());
        assertThat(((AutomaticTrimap) Trimaps.forSpec(new TrimapSpec.Band(20, 10))).settings())
                .isEqualTo(TrimapSettings.binary(new TrimapBand(20, 10)));
        assertThat(((AutomaticTrimap) Trimaps.forSpec(new TrimapSpec.Confidence(0.1, 0.9))).settings().mode())
                .isEqualTo(TrimapMode.CONFIDENCE);
    }
}
