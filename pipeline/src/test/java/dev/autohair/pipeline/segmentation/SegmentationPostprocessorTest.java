package dev.autohair.pipeline.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.Shape;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentationPostprocessorTest {

    /** A 2x2 NCHW probability map that only spans [0.4, 0.6], as uncalibrated saliency maps do. */
    private static final float[] NARROW = {0.4f, 0.45f, 0.55f, 0.6f};

    @Test
    void minMaxStretchesEachImagesMapToTheUnitRange() {
        Matte matte = postprocessor(OutputContract.Normalisation.MIN_MAX).toMatte(NARROW, new Shape(1, 1, 2, 2), 0,
                Set.of(0), new RgbImage(2, 2, new float[12]));

        assertThat(matte.alpha()[0]).isCloseTo(0f, within(1e-6f));
        assertThat(matte.alpha()[1]).isCloseTo(0.25f, within(1e-6f));
        assertThat(matte.alpha()[2]).isCloseTo(0.75f, within(1e-6f));
        assertThat(matte.alpha()[3]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void eachImageOfABatchIsStretchedByItsOwnRange() {
        float[] two = {0.4f, 0.45f, 0.55f, 0.6f, 0.1f, 0.1f, 0.1f, 0.3f};
        Matte second = postprocessor(OutputContract.Normalisation.MIN_MAX).toMatte(two, new Shape(2, 1, 2, 2), 1,
                Set.of(0), new RgbImage(2, 2, new float[12]));

        assertThat(second.alpha()).containsExactly(new float[] {0f, 0f, 0f, 1f}, within(1e-6f));
    }

    @Test
    void withoutNormalisationTheValuesStay() {
        Matte matte = postprocessor(OutputContract.Normalisation.NONE).toMatte(NARROW, new Shape(1, 1, 2, 2), 0,
                Set.of(0), new RgbImage(2, 2, new float[12]));

        assertThat(matte.alpha()).containsExactly(NARROW, within(1e-6f));
    }

    @Test
    void aFlatMapIsLeftAsItIs() {
        float[] flat = {0.3f, 0.3f, 0.3f, 0.3f};
        SegmentationPostprocessor.stretchToUnitRange(flat);

        assertThat(flat).containsExactly(0.3f, 0.3f, 0.3f, 0.3f);
    }

    private static SegmentationPostprocessor postprocessor(OutputContract.Normalisation normalise) {
        return new SegmentationPostprocessor("narrow", new OutputContract(OutputKind.PROBABILITY, TensorLayout.NCHW,
                List.of("subject"), null, List.of(), normalise));
    }
}
