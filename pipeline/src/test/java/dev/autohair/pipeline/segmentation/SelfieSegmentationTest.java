package dev.autohair.pipeline.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.testing.RepositoryRoot;
import dev.autohair.testing.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped selfie model through DJL's TensorFlow engine, on real photos. */
class SelfieSegmentationTest {

    static final Path SELFIE_DIR = RepositoryRoot.resolve("models/selfie");

    static DjlSegmenter segmenter;

    @BeforeAll
    static void load() {
        long start = System.nanoTime();
        segmenter = SelfieSegmentation.load(SELFIE_DIR);
        System.out.printf("selfie model load: %.0f ms%n", (System.nanoTime() - start) / 1e6);
    }

    @AfterAll
    static void close() {
        segmenter.close();
    }

    @Test
    void maskCoversTheAstronautAndNotTheBackdrop() throws IOException {
        RgbImage astronaut = Samples.rgb("astronaut.png");

        Matte mask = segmenter.segment(astronaut);

        assertThat(mask.width()).isEqualTo(512);
        assertThat(mask.height()).isEqualTo(512);
        // Hand-labelled on the 512x512 photo: face and neck, and the orange suit left of the helmet.
        assertThat(foregroundShare(mask, 180, 80, 270, 180)).as("face").isGreaterThan(0.9);
        assertThat(foregroundShare(mask, 70, 320, 250, 480)).as("torso").isGreaterThan(0.9);
        // Border bands that are backdrop, flag or studio wall (the suit and helmet touch the bottom edge).
        assertThat(foregroundShare(mask, 0, 0, 512, 6)).as("top band").isLessThan(0.1);
        assertThat(foregroundShare(mask, 0, 0, 6, 280)).as("left band").isLessThan(0.1);
        assertThat(foregroundShare(mask, 506, 0, 512, 300)).as("right band").isLessThan(0.1);
        for (float a : mask.alpha()) {
            assertThat(a).isBetween(0f, 1f);
        }
    }

    @Test
    void aBatchGivesTheSameMasksAsOneAtATime() throws IOException {
        List<RgbImage> images = List.of(
                Samples.rgb("astronaut.png"), Samples.rgb("cat.png"), Samples.rgb("coffee.png"));
        segmenter.segment(images.get(0)); // warm up before timing

        long start = System.nanoTime();
        List<Matte> batch = segmenter.segment(images);
        double batchMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        List<Matte> single = images.stream().map(segmenter::segment).toList();
        double singleMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("selfie: batch of 3 %.0f ms (%.0f ms/image), one at a time %.0f ms/image%n",
                batchMs, batchMs / 3, singleMs / 3);

        assertThat(batch).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Matte b = batch.get(i);
            Matte s = single.get(i);
            assertThat(b.sameSizeAs(images.get(i))).isTrue();
            double maxDiff = 0;
            for (int p = 0; p < b.pixelCount(); p++) {
                maxDiff = Math.max(maxDiff, Math.abs(b.alpha()[p] - s.alpha()[p]));
            }
            assertThat(maxDiff).as("image %d", i).isLessThan(1e-4);
        }
        // Different photos give different masks (the batch is not one image repeated).
        assertThat(foregroundShare(batch.get(0), 0, 0, 512, 512))
                .isNotCloseTo(foregroundShare(batch.get(2), 0, 0, 600, 400), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void anEmptyBatchGivesNoMasks() {
        assertThat(segmenter.segment(List.of())).isEmpty();
    }

    /** Share of pixels in [x0, x1) × [y0, y1) with mask > 0.5. */
    static double foregroundShare(Matte mask, int x0, int y0, int x1, int y1) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (mask.get(x, y) > 0.5f) {
                    count++;
                }
            }
        }
        return (double) count / ((x1 - x0) * (y1 - y0));
    }
}
