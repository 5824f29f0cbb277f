package dev.autohair.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.trimap.AdaptiveTrimap;
import org.junit.jupiter.api.Test;

/**
 * Hair over a plain part of a photo mixes two colours, so many 3×3 windows have colours on one
 * line and a covariance near singular. With the window blocks built from an explicit inverse the
 * system went indefinite and conjugate gradients stopped at a relative residual of 9e-2 on exactly
 * this composite (hair, 1280×960, seed 3, 320 px mask); it must reach its tolerance.
 */
class ClosedFormConvergenceTest {

    @Test
    void hairWithColoursOnOneLineConvergesToTheTolerance() {
        Composite composite = new CompositeGenerator(SamplePhotos.photos()).generate(CompositeKind.HAIR, 1280, 960, 3);
        Matte rough = RoughMask.network(composite.alpha(), RoughMask.DEFAULT_LONG_SIDE);
        Trimap trimap = new AdaptiveTrimap().generate(rough);
        ClosedFormMatting matting = new ClosedFormMatting();

        ClosedFormMatting.Result result = matting.solve(composite.image(), trimap, rough);

        assertThat(result.relativeResidual()).isLessThanOrEqualTo(matting.options().tolerance());
    }
}
