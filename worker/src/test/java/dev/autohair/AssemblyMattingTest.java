package dev.autohair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.RgbImage;
import dev.autohair.config.MattingConfig;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutRequest;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.matting.network.InferenceMode;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
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
        try (CutoutPipeline pipeline = Assembly.cutoutPipeline(null, config, 4)) {
            assertThat(pipeline.mattingMethod()).isEqualTo("trimap-free");
            assertThat(pipeline.segmentationModel()).isEqualTo("trimap-free-matting");
            RgbImage image = RgbImage.blank(64, 48);
            var result = pipeline.run(new CutoutRequest(image, new Guide.Segment(new AutomaticTrimap())));
            assertThat(result.cutout().alpha().width()).isEqualTo(64);
        }
    }

    @Test
    void networkModeMattesWithTheTorchScriptModel() {
        MattingConfig config = new MattingConfig(MattingConfig.Mode.NETWORK, Optional.of(fixture("tiny-dim.pt")),
                InferenceMode.tiles());
        try (CutoutPipeline pipeline = Assembly.cutoutPipeline(null, config, 4)) {
            assertThat(pipeline.mattingMethod()).isEqualTo("deep-image-matting");
            assertThat(pipeline.mattingVersion()).matches("sha256:[0-9a-f]{12}");
            assertThat(pipeline.segmentationModel()).isEqualTo("mediapipe-selfie-segmentation");
        }
    }
}
