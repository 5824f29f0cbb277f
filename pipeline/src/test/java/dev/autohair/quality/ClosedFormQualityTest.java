package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.common.contract.TrimapSpec;
import dev.autohair.pipeline.trimap.Trimaps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipeline's quality claims, measured with closed-form matting (default options and mask
 * prior) on exact-alpha composites at 512×384, seeds 1 to 3: each seed puts hair and fur over a
 * different photo (seed 1: hair over the cat, fur over the lemur). Numbers in docs/QUALITY.md.
 */
class ClosedFormQualityTest {

    private static final List<CompositeKind> KINDS = List.of(CompositeKind.HAIR, CompositeKind.FUR);
    private static final Map<Long, QualityResult> RESULTS = new HashMap<>();

    @BeforeAll
    static void measure() {
        QualityReport report = new QualityReport(new CompositeGenerator(SamplePhotos.photos()),
                Trimaps.forSpec(new TrimapSpec.Auto()),
                new ClosedFormMatting());
        for (long seed = 1; seed <= 3; seed++) {
            RESULTS.put(seed, report.measure(KINDS, 512, 384, seed));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void onHairAndFurRoughMaskTrimapMattingBeatsEvenAPerfectHardMask(long seed) {
        for (CompositeKind kind : KINDS) {
            AlphaError hard = RESULTS.get(seed).row(kind, MaskSource.PERFECT_HARD_MASK).wholeImage();
            AlphaError matted = RESULTS.get(seed).row(kind, MaskSource.ROUGH_MASK_TRIMAP_MATTING).wholeImage();
            assertThat(matted.sad()).as("%s SAD, seed %d", kind, seed).isLessThan(hard.sad());
            assertThat(matted.mse()).as("%s MSE, seed %d", kind, seed).isLessThan(hard.mse());
        }
    }

    @Test
    void withTheTrueTrimapMattingBeatsAPerfectHardMaskOnHairAndFur() {
        for (CompositeKind kind : KINDS) {
            AlphaError hard = RESULTS.get(1L).row(kind, MaskSource.PERFECT_HARD_MASK).wholeImage();
            AlphaError matted = RESULTS.get(1L).row(kind, MaskSource.TRUE_TRIMAP_MATTING).wholeImage();
            assertThat(matted.sad()).as("%s SAD", kind).isLessThan(hard.sad());
            assertThat(matted.mse()).as("%s MSE", kind).isLessThan(hard.mse());
        }
    }
}
