package dev.autohair.pipeline.matting.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.CutoutRequest;
import dev.autohair.pipeline.CutoutResult;
import dev.autohair.pipeline.Guide;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
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
        List<CutoutRequest> requests = List.of(request(96, 64, 1), request(80, 80, 2), request(64, 96, 3));
        try (CutoutPipeline pipeline = new CutoutPipeline(discs(), load(), (image, alpha) -> image)) {
            assertThat(pipeline.mattesInBatches()).isTrue();

            List<CutoutPipeline.Segmented> batched = pipeline.matteBatch(pipeline.segment(requests));
            List<CutoutResult> alone = new ArrayList<>();
            for (CutoutRequest request : requests.subList(0, 2)) {
                alone.add(pipeline.finish(pipeline.segment(List.of(request)).get(0)));
            }

            for (int i = 0; i < 2; i++) {
                assertThat(batched.get(i).alpha()).isPresent();
                Matte fromBatch = pipeline.finish(batched.get(i)).cutout().alpha();
                assertThat(MatteDifference.max(fromBatch, alone.get(i).cutout().alpha())).isLessThan(1e-5f);
            }
            // The third image's mask is empty: its trimap fails, the batch goes on.
            assertThat(batched.get(2).failure()).containsInstanceOf(DegenerateMaskException.class);
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

    private static CutoutRequest request(int width, int height, int seed) {
        Random random = new Random(seed);
        RgbImage image = RgbImage.blank(width, height);
        for (int i = 0; i < image.rgb().length; i++) {
            image.rgb()[i] = random.nextFloat();
        }
        if (seed == 3) {
            image.rgb()[0] = -1f; // tells discs() to return an empty mask
        }
        return new CutoutRequest(image, new Guide.Segment(new AutomaticTrimap()));
    }
}
