package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's quality claims, measured with closed-form matting on exact-alpha composites
 * (512×384, seed 1: hair over a cat photo, fur over the lemur photo). Numbers in docs/QUALITY.md.
 */
class ClosedFormQualityTest {

    private static QualityResult result;

    @BeforeAll
    static void measure() {
        QualityReport report = new QualityReport(new CompositeGenerator(Samples.photos()), new AutomaticTrimap(),
                new ClosedFormMatting());
        result = report.measure(List.of(CompositeKind.HAIR, CompositeKind.FUR), 512, 384, 1);
    }

    @Test
    void onHairRoughMaskTrimapMattingBeatsEvenAPerfectHardMask() {
        AlphaError hard = result.row(CompositeKind.HAIR, MaskSource.PERFECT_HARD_MASK).wholeImage();
        AlphaError matted = result.row(CompositeKind.HAIR, MaskSource.ROUGH_MASK_TRIMAP_MATTING).wholeImage();
        assertThat(matted.sad()).isLessThan(hard.sad());
        assertThat(matted.mse()).isLessThan(hard.mse());
    }

    @Test
    void withTheTrueTrimapMattingBeatsAPerfectHardMaskOnHairAndFur() {
        for (CompositeKind kind : List.of(CompositeKind.HAIR, CompositeKind.FUR)) {
            AlphaError hard = result.row(kind, MaskSource.PERFECT_HARD_MASK).wholeImage();
            AlphaError matted = result.row(kind, MaskSource.TRUE_TRIMAP_MATTING).wholeImage();
            assertThat(matted.sad()).as("%s SAD", kind).isLessThan(hard.sad());
            assertThat(matted.mse()).as("%s MSE", kind).isLessThan(hard.mse());
        }
    }

    @Test
    @Disabled("Fails today: fur over the lemur photo measures SAD 3.84k / MSE 6.4e-3 through the automatic trimap"
            + " against 2.72k / 4.3e-3 for a perfect hard mask (closed-form matting leaks alpha into the textured"
            + " background inside the band). Holds over the astronaut photo (seed 2). See docs/QUALITY.md.")
    void onFurRoughMaskTrimapMattingBeatsEvenAPerfectHardMask() {
        AlphaError hard = result.row(CompositeKind.FUR, MaskSource.PERFECT_HARD_MASK).wholeImage();
        AlphaError matted = result.row(CompositeKind.FUR, MaskSource.ROUGH_MASK_TRIMAP_MATTING).wholeImage();
        assertThat(matted.sad()).isLessThan(hard.sad());
        assertThat(matted.mse()).isLessThan(hard.mse());
    }
}
