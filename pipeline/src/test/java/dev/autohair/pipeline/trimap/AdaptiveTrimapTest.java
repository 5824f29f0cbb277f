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

    /**
     * A 600×200 mask, subject on the left with an 8 px edge at x = 300; away from the edge (beyond
     * the scaled band's 13 px outside and 6 px inside) a flat haze of 0.2 and a flat body at 0.75 in
     * the top half, the same places striped (varying like coverage) in the bottom half.
     */
    private static Matte hazeAndStripes() {
        Matte mask = MaskSoftnessTest.rampedEdge(600, 200, 8);
        for (int y = 0; y < 200; y++) {
            boolean striped = y >= 100;
            for (int x = 420; x < 520; x++) {
                mask.set(x, y, striped ? (x / 3 % 2 == 0 ? 0.1f : 0.4f) : 0.2f);
            }
            for (int x = 60; x < 160; x++) {
                mask.set(x, y, striped ? (x / 3 % 2 == 0 ? 0.6f : 0.9f) : 0.75f);
            }
        }
        return mask;
    }

    @Test
    void aFlatUnsureRegionAwayFromTheEdgeIsDecidedAtHalfAndAVaryingOneStaysUnknown() {
        Matte mask = hazeAndStripes();
        AdaptiveTrimap.Rule rule = AdaptiveTrimap.Rule.DEFAULT;
        // the probes below sit 50 px inside their regions and 100 px from the edge
        assertThat(rule.plateauRadius(MaskSoftness.measure(mask))).isBetween(8, 40);

        Trimap trimap = trimaps.generate(mask);
        assertThat(trimap.label(40 * 600 + 470)).as("flat haze").isEqualTo(Trimap.BACKGROUND);
        assertThat(trimap.label(40 * 600 + 110)).as("flat body").isEqualTo(Trimap.FOREGROUND);
        assertThat(trimap.label(160 * 600 + 470)).as("striped haze").isEqualTo(Trimap.UNKNOWN);
        assertThat(trimap.label(160 * 600 + 110)).as("striped body").isEqualTo(Trimap.UNKNOWN);
        assertThat(trimap.label(40 * 600 + 300)).as("the edge").isEqualTo(Trimap.UNKNOWN);

        AdaptiveTrimap noPlateaus = new AdaptiveTrimap(new AdaptiveTrimap.Rule(rule.low(), rule.high(),
                rule.outsideWidths(), rule.insideWidths(), rule.minMargin(), rule.hardBelow(), 0f, rule.plateauWidths(),
                rule.plateauLevel()));
        assertThat(noPlateaus.generate(mask).label(40 * 600 + 470)).isEqualTo(Trimap.UNKNOWN);
        assertThat(noPlateaus.generate(mask).label(40 * 600 + 110)).isEqualTo(Trimap.UNKNOWN);
    }

    private static void fillColumns(Matte mask, int from, int to, float value) {
        for (int y = 0; y < mask.height(); y++) {
            for (int x = from; x < to; x++) {
                mask.set(x, y, value);
            }
        }
    }

    @Test
    void aFlatTailNextToSureIsNotAPlateau() {
        // Where a thinning cloud of strands or a smooth edge levels off towards sure, the mask is flat too.
        Matte mask = MaskSoftnessTest.rampedEdge(600, 200, 8);
        fillColumns(mask, 420, 520, 0.07f);
        fillColumns(mask, 60, 160, 0.93f);
        Trimap trimap = trimaps.generate(mask);
        assertThat(trimap.label(100 * 600 + 470)).isEqualTo(Trimap.UNKNOWN);
        assertThat(trimap.label(100 * 600 + 110)).isEqualTo(Trimap.UNKNOWN);
    }

    @Test
    void aFlatUnsureRegionWithinTheScaledBandStaysUnknown() {
        // The haze moved next to the edge: inside the 13 px the scaled band leaves unknown too.
        Matte mask = MaskSoftnessTest.rampedEdge(600, 200, 8);
        fillColumns(mask, 305, 400, 0.2f);
        Trimap trimap = trimaps.generate(mask);
        assertThat(trimap.label(100 * 600 + 312)).isEqualTo(Trimap.UNKNOWN);
        assertThat(trimap.label(100 * 600 + 380)).isEqualTo(Trimap.BACKGROUND);
    }

    @Test
    void theContractsAutoModeIsTheAdaptiveTrimapAndTheOtherModesStay() {
        assertThat(Trimaps.forSpec(new TrimapSpec.Auto())).isInstanceOf(AdaptiveTrimap.class);
        assertThat(Trimaps.forSpec(new TrimapSpec.Adaptive())).isInstanceOf(AdaptiveTrimap.class);
        assertThat(((AutomaticTrimap) Trimaps.forSpec(new TrimapSpec.Scaled())).settings())
                .isEqualTo(TrimapSettings.scaledToImage());
        assertThat(((AutomaticTrimap) Trimaps.forSpec(new TrimapSpec.Band(20, 10))).settings())
                .isEqualTo(TrimapSettings.binary(new TrimapBand(20, 10)));
        assertThat(((AutomaticTrimap) Trimaps.forSpec(new TrimapSpec.Confidence(0.1, 0.9))).settings().mode())
                .isEqualTo(TrimapMode.CONFIDENCE);
    }
}
