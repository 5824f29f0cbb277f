package dev.autohair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.pipeline.segmentation.UnknownSubjectClassException;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import dev.autohair.testing.RepositoryRoot;
import dev.autohair.testing.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's subject classes reach the segmenter; one the model does not know fails that job alone. */
class SubjectPerJobTest {

    @Test
    void anUnknownClassFailsItsJobAndNotItsBatch() {
        RgbImage astronaut = Samples.rgb("astronaut.png");
        try (CutoutPipeline pipeline = new CutoutPipeline(SelfieSegmentation.load(RepositoryRoot.resolve("models/selfie")),
                new ClosedFormMatting(), new MultiLevelForegroundEstimation())) {
            List<CutoutPipeline.Segmented> segmented = pipeline.segment(List.of(
                    new CutoutRequest(astronaut, new Guide.Segment(new AutomaticTrimap(), List.of(SubjectClass.named("giraffe")))),
                    new CutoutRequest(astronaut, new Guide.Segment(new AutomaticTrimap(), List.of(SubjectClass.named("person")))),
                    new CutoutRequest(astronaut, new Guide.Segment(new AutomaticTrimap()))));

            assertThat(segmented.get(0).mask()).isEmpty();
            assertThat(segmented.get(0).failure()).containsInstanceOf(UnknownSubjectClassException.class);
            assertThatThrownBy(() -> pipeline.finish(segmented.get(0)))
                    .isInstanceOf(UnknownSubjectClassException.class)
                    .hasMessageContaining("'giraffe' is not one of this model's classes [person]");
            // Naming the selfie model's one class is the same as its default subject.
            float[] named = segmented.get(1).mask().orElseThrow().alpha();
            float[] byDefault = segmented.get(2).mask().orElseThrow().alpha();
            double largest = 0;
            for (int i = 0; i < named.length; i++) {
                largest = Math.max(largest, Math.abs(named[i] - byDefault[i]));
            }
            // Same image, same pass: equal up to float noise between batch positions.
            assertThat(largest).isLessThan(1e-4);
        }
    }
}
