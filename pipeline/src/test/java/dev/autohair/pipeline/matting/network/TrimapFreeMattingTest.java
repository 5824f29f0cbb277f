package dev.autohair.pipeline.matting.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutTask;
import dev.autohair.pipeline.CutoutResult;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.matting.MattingInput;
import dev.autohair.pipeline.segmentation.Segmenter;
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
            Matte alpha = model.matte(List.of(new MattingInput(image, null))).get(0);
            float[] mean = RgbNormalisation.IMAGENET.mean();
            float[] std = RgbNormalisation.IMAGENET.std();
            for (int i = 0; i < alpha.pixelCount(); i++) {
                assertThat(alpha.alpha()[i]).isCloseTo(Fixtures.probe(image, null, i, mean, std), within(1e-5f));
            }
            assertThat(model.method()).isEqualTo("probe-trimap-free");
            assertThat(model.version()).startsWith("sha256:");
            assertThat(model.takesTrimap()).isFalse();
        }
    }

    @Test
    void theCutoutPipelineUsesTheModelsAlphaAsTheFinalMatte() {
        RgbImage photo = NoiseImages.of(96, 64, 6);
        RgbImage other = Fixtures.picture(150, 100); // not a multiple of 32: resized in and out
        TrimapFreeMatting model = TrimapFreeMatting.load(Fixtures.probeTrimapFree(), PROBE, 1600, 4);
        try (CutoutPipeline pipeline = new CutoutPipeline(Segmenter.unavailable("trimap-free"), model,
                new MultiLevelForegroundEstimation(), ImageLimits.DEFAULT)) {
            List<CutoutTask> tasks = pipeline.runAll(List.of(pipeline.task(photo, Guide.segment(), JobOptions.defaults()),
                    pipeline.task(other, Guide.segment(), JobOptions.defaults())));
            List<CutoutResult> results = tasks.stream().map(CutoutTask::result).toList();

            float[] alpha = results.get(0).cutout().alpha().alpha();
            float[] mean = RgbNormalisation.IMAGENET.mean();
            float[] std = RgbNormalisation.IMAGENET.std();
            for (int i = 0; i < alpha.length; i++) {
                assertThat(alpha[i]).isCloseTo(Fixtures.probe(photo, null, i, mean, std), within(1e-5f));
            }
            Matte second = results.get(1).cutout().alpha();
            assertThat(second.width()).isEqualTo(150);
            assertThat(second.height()).isEqualTo(100);
            assertThat(results.get(0).mask()).isEmpty();
            assertThat(results.get(0).timings().asNanos()).doesNotContainKeys(JobStage.SEGMENT, JobStage.TRIMAP);
            assertThat(results.get(0).models()).singleElement().satisfies(m -> {
                assertThat(m.role()).isEqualTo(ModelRole.MATTING);
                assertThat(m.name()).isEqualTo("probe-trimap-free");
                assertThat(m.version()).isEqualTo(model.version());
            });
        }
    }

    @Test
    void aGivenTrimapOrMaskIsRefusedRatherThanIgnored() {
        TrimapFreeMatting model = TrimapFreeMatting.load(Fixtures.probeTrimapFree(), PROBE, 1600, 4);
        try (CutoutPipeline pipeline = new CutoutPipeline(Segmenter.unavailable("trimap-free"), model,
                new MultiLevelForegroundEstimation(), ImageLimits.DEFAULT)) {
            assertThatThrownBy(() -> pipeline.task(Fixtures.picture(64, 64), new Guide.GivenTrimap(Fixtures.ring(64, 64, 16, 6)),
                    JobOptions.defaults())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trimap-free");
        }
    }

    @Test
    void refusesAContractWithATrimapChannel() {
        assertThatThrownBy(() -> TrimapFreeMatting.load(Fixtures.tinyDim(), MattingModelContract.DEEP_IMAGE_MATTING, 1600, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NetworkMatting");
    }
}
