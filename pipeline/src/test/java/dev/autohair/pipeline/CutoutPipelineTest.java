package dev.autohair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.AlphaMatting;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.trimap.AutomaticTrimap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline hands matting the mask its trimap came from, as a prior. */
class CutoutPipelineTest {

    private static final int W = 40;
    private static final int H = 30;

    /** Remembers the mask each call received (null entries for none). */
    private static final class RecordingMatting implements AlphaMatting {
        final List<Matte> masks = new ArrayList<>();

        @Override
        public Matte estimate(RgbImage image, Trimap trimap) {
            return estimate(image, trimap, null);
        }

        @Override
        public Matte estimate(RgbImage image, Trimap trimap, Matte mask) {
            masks.add(mask);
            return Matte.blank(image.width(), image.height());
        }

        @Override
        public String name() {
            return "recording";
        }
    }

    private static Matte disc() {
        Matte mask = Matte.blank(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                mask.set(x, y, Math.hypot(x - W / 2.0, y - H / 2.0) < 9 ? 1f : 0f);
            }
        }
        return mask;
    }

    private static Segmenter returning(Matte mask) {
        return new Segmenter() {
            @Override
            public List<Matte> segment(List<RgbImage> images) {
                return images.stream().map(i -> mask).toList();
            }

            @Override
            public String modelName() {
                return "fixed";
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

    private static CutoutPipeline pipeline(Segmenter segmenter, AlphaMatting matting) {
        return new CutoutPipeline(segmenter, matting, (image, alpha) -> image);
    }

    @Test
    void theSegmentationMaskIsTheMattingPrior() {
        Matte mask = disc();
        RecordingMatting matting = new RecordingMatting();

        pipeline(returning(mask), matting).run(new CutoutRequest(RgbImage.blank(W, H),
                new Guide.Segment(new AutomaticTrimap())));

        assertThat(matting.masks).containsExactly(mask);
    }

    @Test
    void aGivenRoughMaskIsTheMattingPrior() {
        Matte mask = disc();
        RecordingMatting matting = new RecordingMatting();

        pipeline(Segmenter.unavailable("test"), matting).run(new CutoutRequest(RgbImage.blank(W, H),
                new Guide.RoughMask(mask, new AutomaticTrimap())));

        assertThat(matting.masks).containsExactly(mask);
    }

    @Test
    void aGivenTrimapGivesNoPrior() {
        Trimap trimap = new AutomaticTrimap().generate(disc());
        RecordingMatting matting = new RecordingMatting();

        pipeline(Segmenter.unavailable("test"), matting).run(new CutoutRequest(RgbImage.blank(W, H),
                new Guide.GivenTrimap(trimap)));

        assertThat(matting.masks).containsExactly((Matte) null);
    }
}
