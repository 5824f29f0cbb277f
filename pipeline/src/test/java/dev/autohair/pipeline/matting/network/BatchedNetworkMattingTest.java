package dev.autohair.pipeline.matting.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.contract.JobOptions;
import dev.autohair.common.contract.JobStage;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutTask;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.Phase;
import dev.autohair.pipeline.decode.ImageLimits;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.trimap.DegenerateMaskException;
import dev.autohair.testing.MatteDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A micro-batch matted in one network call gives what matting each image alone gives. */
class BatchedNetworkMattingTest {

    @Test
    void oneBatchedCallEqualsPerImageMattingAndAnEmptyMaskFailsAlone() {
        try (CutoutPipeline pipeline = new CutoutPipeline(discs(), load(), (image, alpha) -> image, ImageLimits.DEFAULT)) {
            List<CutoutTask> batch = List.of(task(pipeline, 96, 64, 1), task(pipeline, 80, 80, 2), task(pipeline, 64, 96, 3));
            pipeline.run(Phase.MODEL, batch);
            // matting ran in the model phase, over the whole batch
            assertThat(batch.subList(0, 2)).allSatisfy(t -> assertThat(t.timings().asNanos()).containsKey(JobStage.MATTE));
            batch.forEach(t -> pipeline.run(Phase.CPU, List.of(t)));

            for (int i = 0; i < 2; i++) {
                CutoutTask alone = task(pipeline, i == 0 ? 96 : 80, i == 0 ? 64 : 80, i + 1);
                pipeline.runAll(List.of(alone));
                Matte fromBatch = batch.get(i).result().cutout().alpha();
                assertThat(MatteDifference.max(fromBatch, alone.result().cutout().alpha())).isLessThan(1e-5f);
            }
            // The third image's mask is empty: its trimap fails, the batch goes on.
            assertThat(batch.get(2).failure().orElseThrow().stage()).isEqualTo(JobStage.TRIMAP);
            assertThat(batch.get(2).failure().get().getCause()).isInstanceOf(DegenerateMaskException.class);
        }
    }

    private static NetworkMatting load() {
        return NetworkMatting.load(Fixtures.probeTrimap(), MattingModelContract.DEEP_IMAGE_MATTING.named("probe"),
                InferenceMode.wholeImage(), 4);
    }

    /** A disc mask for each image, except an empty one for the third (seed 3). */
    private static Segmenter discs() {
        return new Segmenter() {
            @Override
            public List<Matte> segment(List<RgbImage> images) {
                List<Matte> masks = new ArrayList<>();
                for (RgbImage image : images) {
                    Matte mask = Matte.blank(image.width(), image.height());
                    boolean empty = image.get(0, 0, 0) < 0f; // marked by request()
                    for (int y = 0; y < image.height() && !empty; y++) {
                        for (int x = 0; x < image.width(); x++) {
                            double r = Math.hypot(x - image.width() / 2.0, y - image.height() / 2.0);
                            mask.set(x, y, r < Math.min(image.width(), image.height()) / 3.0 ? 1f : 0f);
                        }
                    }
                    masks.add(mask);
                }
                return masks;
            }

            @Override
            public String modelName() {
                return "discs";
            }

            @Override
            public String modelVersion() {
                return "1";
            }

            @Override
            public void close() {
            }
        };
    }

    private static CutoutTask task(CutoutPipeline pipeline, int width, int height, int seed) {
        Random random = new Random(seed);
        RgbImage image = RgbImage.blank(width, height);
        for (int i = 0; i < image.rgb().length; i++) {
            image.rgb()[i] = random.nextFloat();
        }
        if (seed == 3) {
            image.rgb()[0] = -1f; // tells discs() to return an empty mask
        }
        return pipeline.task(image, Guide.segment(), JobOptions.defaults());
    }
}
