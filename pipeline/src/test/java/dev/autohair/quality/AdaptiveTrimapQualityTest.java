package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.pipeline.matting.ClosedFormMatting;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refine edge as a new user runs it: a soft 320 px network-like mask ({@link RoughMask#network})
 * → the default (adaptive) trimap → closed-form matting with the mask as prior, at 640×480 and
 * 1280×960 (a 2× and a 4× upsampled mask), seed 1. The whole grid is in docs/QUALITY.md.
 */
class AdaptiveTrimapQualityTest {

    private static final List<CompositeKind> KINDS = List.of(CompositeKind.HAIR, CompositeKind.FUR);
    private static final List<Integer> WIDTHS = List.of(640, 1280);
    private static List<TrimapGrid.Cell> cells;

    @BeforeAll
    static void measure() {
        TrimapGrid.Spec spec = new TrimapGrid.Spec(KINDS, WIDTHS, List.of(RoughMask.DEFAULT_LONG_SIDE), List.of(1L),
                List.of(GridMethod.PERFECT_HARD_MASK, GridMethod.ADAPTIVE));
        cells = new TrimapGrid(new CompositeGenerator(SamplePhotos.photos()), new ClosedFormMatting())
                .measure(spec, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    @Test
    void onHairAndFurAtTwoSizesTheAdaptiveTrimapBeatsAPerfectHardMask() {
        for (CompositeKind kind : KINDS) {
            for (int width : WIDTHS) {
                TrimapGrid.Cell hard = cell(kind, width, GridMethod.PERFECT_HARD_MASK);
                TrimapGrid.Cell auto = cell(kind, width, GridMethod.ADAPTIVE);
                assertThat(auto.sad()).as("%s %d px SAD", kind, width).isLessThan(hard.sad());
                assertThat(auto.mse()).as("%s %d px MSE", kind, width).isLessThan(hard.mse());
            }
        }
    }

    private static TrimapGrid.Cell cell(CompositeKind kind, int width, GridMethod method) {
        return cells.stream().filter(c -> c.kind() == kind && c.width() == width && c.method() == method).findFirst()
                .orElseThrow();
    }
}
