package dev.autohair.pipeline.matting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.image.Resampler;
import dev.autohair.testing.MatteDifference;
import dev.autohair.testing.Samples;
import org.junit.jupiter.api.Test;

/**
 * lemur_alpha.png is pymatting's closed-form solution of the same system (8-bit), so a converged
 * solve should match it to quantisation level; and as a real fur matte composited over another
 * photo, it is the exact alpha of that composite.
 */
class ClosedFormMattingLemurTest {

    private static final RgbImage LEMUR = Samples.rgb("lemur.png");
    private static final Trimap TRIMAP = Samples.trimap("lemur_trimap.png");
    private static final Matte REFERENCE = Samples.matte("lemur_alpha.png");

    private final ClosedFormMatting matting = new ClosedFormMatting();

    @Test
    void matchesPymattingsSolutionOfTheSameSystem() {
        ClosedFormMatting.Result result = matting.solve(LEMUR, TRIMAP);

        // measured: SAD 222.5, MSE 2.75e-6 (8-bit rounding alone gives MSE ~1.3e-6 on the band)
        assertThat(result.relativeResidual()).isLessThanOrEqualTo(2e-5);
        assertThat(MatteDifference.sad(result.matte(), REFERENCE)).isLessThan(260);
        assertThat(MatteDifference.mse(result.matte(), REFERENCE)).isLessThan(3.5e-6);
    }

    @Test
    void recoversTheKnownAlphaOfACompositeOverAnotherPhoto() {
        RgbImage composite = Samples.composite(Samples.rgb("lemur_foreground.png"), REFERENCE,
                Resampler.resize(Samples.rgb("coffee.png"), LEMUR.width(), LEMUR.height()));

        Matte alpha = matting.estimate(composite, TRIMAP);

        // measured: SAD 831, MSE 1.54e-4 (a fully converged solve: SAD 839, MSE 1.63e-4)
        assertThat(MatteDifference.sad(alpha, REFERENCE)).isLessThan(950);
        assertThat(MatteDifference.mse(alpha, REFERENCE)).isLessThan(2e-4);
    }

    @Test
    void fastSolverAgreesWithPlainConjugateGradients() {
        ClosedFormMatting plain = new ClosedFormMatting(ClosedFormMatting.Options.defaults()
                .withPreconditioning(ClosedFormMatting.Preconditioning.NONE).withCoarseToFine(false).withTolerance(1e-6));

        Matte fast = matting.estimate(LEMUR, TRIMAP);
        Matte reference = plain.estimate(LEMUR, TRIMAP);

        assertThat(MatteDifference.mse(fast, reference)).isLessThan(1e-6);
    }
}
