package dev.autohair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.ModelInfo;
import dev.autohair.common.contract.ModelRole;
import dev.autohair.common.image.RgbImage;
import dev.autohair.config.MattingConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.matting.network.InferenceMode;
import dev.autohair.testing.RepositoryRoot;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The matting configuration picks the pipeline; the fixtures are the pipeline module's TorchScript files. */
class AssemblyMattingTest {

    private static Path fixture(String name) {
        return RepositoryRoot.resolve("pipeline/src/test/resources/matting").resolve(name);
    }

    @Test
    void trimapFreeModeRunsTheModelInTheSegmentersPlace() {
        MattingConfig config = new MattingConfig(MattingConfig.Mode.TRIMAP_FREE, Optional.of(fixture("probe-trimap-free.pt")),
                InferenceMode.wholeImage());
        try (CutoutPipeline pipeline = Assembly.localPipeline(Optional.empty(), Optional.empty(), config, 4)) {
            assertThat(pipeline.models()).extracting(ModelInfo::role, ModelInfo::name)
                    .containsExactly(tuple(ModelRole.MATTING, "trimap-free-matting"));
            assertThat(pipeline.stages()).doesNotContain(JobStage.SEGMENT, JobStage.TRIMAP);
            RgbImage image = RgbImage.blank(64, 48);
            var result = pipeline.cut(image);
            assertThat(result.cutout().alpha().width()).isEqualTo(64);
        }
    }

    @Test
    void networkModeMattesWithTheTorchScriptModel() {
        MattingConfig config = new MattingConfig(MattingConfig.Mode.NETWORK, Optional.of(fixture("tiny-dim.pt")),
                InferenceMode.tiles());
        try (CutoutPipeline pipeline = Assembly.localPipeline(Optional.empty(), Optional.empty(), config, 4)) {
            assertThat(pipeline.models()).extracting(ModelInfo::role, ModelInfo::name).containsExactly(
                    tuple(ModelRole.SEGMENTATION, "mediapipe-selfie-segmentation"),
                    tuple(ModelRole.SEGMENTATION, "product"),
                    tuple(ModelRole.MATTING, "deep-image-matting"));
            assertThat(pipeline.models().get(2).version()).matches("sha256:[0-9a-f]{12}");
            assertThat(pipeline.stages()).contains(JobStage.SEGMENT, JobStage.TRIMAP, JobStage.MATTE);
        }
    }
}
