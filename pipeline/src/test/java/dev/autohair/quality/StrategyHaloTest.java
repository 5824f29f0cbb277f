package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.matting.flow.InformationFlowMatting;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Information-flow's cutouts must not carry more of the old background than closed-form's
 * (issue 10 part 4): on small composites with known foreground colour, its {@link Halo} is at
 * most 5 % above closed-form's, with the true trimap and with the product's automatic trimap
 * and mask prior. Measured at 320×240, seed 1 (IFM / CF, colour and cutout): hair 0.97 / 0.92
 * and 0.99 / 0.98, curls 0.84 / 0.73 and 0.83 / 0.92, fur 0.92 / 0.85 and 0.99 / 0.99. The
 * larger comparison is in docs/QUALITY.md (HaloComparison).
 */
class StrategyHaloTest {

    private static final double SLACK = 1.05;

    private final CompositeGenerator generator = new CompositeGenerator(SamplePhotos.photos());
    private final MultiLevelForegroundEstimation estimation = new MultiLevelForegroundEstimation();

    @ParameterizedTest
    @EnumSource(value = CompositeKind.class, names = {"HAIR", "CURLS", "FUR"})
    void informationFlowHalosNoMoreThanClosedForm(CompositeKind kind) {
        Composite composite = generator.generate(kind, 320, 240, 1);
        Matte truth = composite.alpha();
        Matte rough = RoughMask.network(truth, RoughMask.DEFAULT_LONG_SIDE);
        Trimap[] trimaps = {GroundTruthTrimap.of(truth), new AutomaticTrimap().generate(rough)};
        Matte[] masks = {null, rough};

        for (int t = 0; t < trimaps.length; t++) {
            Halo closedForm = Halo.of(composite,
                    new ClosedFormMatting().estimate(composite.image(), trimaps[t], masks[t]), estimation);
            Halo flow = Halo.of(composite,
                    new InformationFlowMatting().estimate(composite.image(), trimaps[t], masks[t]), estimation);

            String which = t == 0 ? "true trimap" : "automatic trimap";
            assertThat(closedForm.pixels()).isGreaterThan(1000);
            assertThat(flow.colour()).as("%s, %s: colour halo", kind, which).isLessThanOrEqualTo(SLACK * closedForm.colour());
            assertThat(flow.cutout()).as("%s, %s: cutout on green", kind, which).isLessThanOrEqualTo(SLACK * closedForm.cutout());
        }
    }
}
