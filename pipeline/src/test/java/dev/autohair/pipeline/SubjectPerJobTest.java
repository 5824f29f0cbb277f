package dev.autohair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobStage;
import dev.autohair.common.contract.SubjectClass;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.pipeline.segmentation.UnknownSubjectClassException;
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
            JobOptions giraffe = JobOptions.defaults().withSubjectClasses(SubjectClass.named("giraffe"));
            JobOptions person = JobOptions.defaults().withSubjectClasses(SubjectClass.named("person"));
            List<CutoutTask> tasks = pipeline.runAll(List.of(
                    pipeline.task(astronaut, Guide.segment(), giraffe),
                    pipeline.task(astronaut, Guide.segment(), person),
                    pipeline.task(astronaut, Guide.segment(), JobOptions.defaults())));

            StageFailedException failure = tasks.get(0).failure().orElseThrow();
            assertThat(failure.stage()).isEqualTo(JobStage.SEGMENT);
            assertThat(failure.getCause()).isInstanceOf(UnknownSubjectClassException.class)
                    .hasMessageContaining("'giraffe' is not one of this model's classes [person]");
            assertThat(tasks.get(1).failed()).isFalse();
            assertThat(tasks.get(2).failed()).isFalse();
            // Naming the selfie model's one class is the same as its default subject.
            float[] named = tasks.get(1).result().mask().orElseThrow().alpha();
            float[] byDefault = tasks.get(2).result().mask().orElseThrow().alpha();
            double largest = 0;
            for (int i = 0; i < named.length; i++) {
                largest = Math.max(largest, Math.abs(named[i] - byDefault[i]));
            }
            // Same image, same pass: equal up to float noise between batch positions.
            assertThat(largest).isLessThan(1e-4);
        }
    }
}
