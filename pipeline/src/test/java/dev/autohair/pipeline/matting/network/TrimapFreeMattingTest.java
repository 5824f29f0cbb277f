package dev.autohair.pipeline.matting.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutRequest;
import dev.autohair.pipeline.CutoutResult;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.testing.NoiseImages;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trimap-free TorchScript model in place of segmentation + trimap + matting, through the real engine. */
class TrimapFreeMattingTest {

    private static final MattingModelContract PROBE = MattingModelContract.TRIMAP_FREE.named("probe-trimap-free");

    @Test
    void predictsAlphaFromTheNormalisedImageAlone() {
        RgbImage image = NoiseImages.of(96, 64, 5);
        try (TrimapFreeMatting model = TrimapFreeMatting.load(Fixtures.probeTrimapFree(), PROBE, 1600, 4)) {
            Matte alpha = model.segment(image);
            float[] mean = RgbNormalisation.IMAGENET.mean();
            float[] std = RgbNormalisation.IMAGENET.std();
            for (int i = 0; i < alpha.pixelCount(); i++) {
                assertThat(alpha.alpha()[i]).isCloseTo(Fixtures.probe(image, null, i, mean, std), within(1e-5f));
            }
            assertThat(model.modelName()).isEqualTo("probe-trimap-free");
            assertThat(model.modelVersion()).startsWith("sha256:");
        }
    }

    @Test
    void theCutoutPipelineUsesTheModelsAlphaAsTheFinalMatte() {
        RgbImage photo = NoiseImages.of(96, 64, 6);
        RgbImage other = Fixtures.picture(150, 100); // not a multiple of 32: resized in and out
        TrimapFreeMatting model = TrimapFreeMatting.load(Fixtures.probeTrimapFree(), PROBE, 1600, 4);
        try (CutoutPipeline pipeline = CutoutPipeline.trimapFree(model, new ClosedFormMatting(),
                new MultiLevelForegroundEstimation())) {
            Guide segment = new Guide.Segment(new AutomaticTrimap());
            List<CutoutResult> results = pipeline.run(List.of(new CutoutRequest(photo, segment), new CutoutRequest(other, segment)));

            float[] alpha = results.get(0).cutout().alpha().alpha();
            float[] mean = RgbNormalisation.IMAGENET.mean();
            float[] std = RgbNormalisation.IMAGENET.std();
            for (int i = 0; i < alpha.length; i++) {
                assertThat(alpha[i]).isCloseTo(Fixtures.probe(photo, null, i, mean, std), within(1e-5f));
            }
            Matte second = results.get(1).cutout().alpha();
            assertThat(second.width()).isEqualTo(150);
            assertThat(second.height()).isEqualTo(100);
            assertThat(results.get(0).mask()).isPresent();
            assertThat(pipeline.mattingMethod()).isEqualTo("trimap-free");
            assertThat(pipeline.segmentationModel()).isEqualTo("probe-trimap-free");
            assertThat(pipeline.mattingVersion()).isEqualTo(model.modelVersion());
        }
    }

    @Test
    void aTrimapGuidedRequestStillGoesThroughTrimapMatting() {
        RgbImage image = Fixtures.picture(64, 64);
        var trimap = Fixtures.ring(64, 64, 16, 6);
        TrimapFreeMatting model = TrimapFreeMatting.load(Fixtures.probeTrimapFree(), PROBE, 1600, 4);
        try (CutoutPipeline pipeline = CutoutPipeline.trimapFree(model, new ClosedFormMatting(),
                new MultiLevelForegroundEstimation())) {
            CutoutResult result = pipeline.run(new CutoutRequest(image, new Guide.GivenTrimap(trimap)));
            assertThat(result.trimap()).isSameAs(trimap);
            assertThat(result.cutout().alpha().alpha()[32 * 64 + 32]).isEqualTo(1f);
            assertThat(result.cutout().alpha().alpha()[0]).isEqualTo(0f);
        }
    }

    @Test
    void refusesAContractWithATrimapChannel() {
        assertThatThrownBy(() -> TrimapFreeMatting.load(Fixtures.tinyDim(), MattingModelContract.DEEP_IMAGE_MATTING, 1600, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NetworkMatting");
    }
}
