package dev.autohair.quality.labelled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autohair.common.contract.OutputFormat;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.CutoutPipeline;
import dev.autohair.pipeline.colour.MultiLevelForegroundEstimation;
import dev.autohair.pipeline.matting.ClosedFormMatting;
import dev.autohair.pipeline.output.ImageEncoder;
import dev.autohair.pipeline.segmentation.Segmenter;
import dev.autohair.pipeline.segmentation.product.StudioPhotos;
import dev.autohair.pipeline.trimap.DegenerateMaskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledScoringTest {

    private static final int W = 10;
    private static final int H = 8;
    private final ImageEncoder encoder = new ImageEncoder();

    @TempDir
    Path folder;

    /** Truth: columns 0-4 subject (255), column 5 half (grey 102 = 0.4), the rest background. */
    private static Matte truth() {
        Matte m = Matte.blank(W, H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < 5; x++) {
                m.set(x, y, 1);
            }
            m.set(5, y, 102 / 255f);
        }
        return m;
    }

    /** Prediction: columns 0-3 subject, column 4 at 0.25, the rest 0. */
    private static Matte prediction(int width, int height) {
        Matte m = Matte.blank(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < 4; x++) {
                m.set(x, y, 1);
            }
            m.set(4, y, 0.25f);
        }
        return m;
    }

    private void writePair(String name, Matte mask) throws IOException {
        RgbImage photo = RgbImage.blank(mask.width(), mask.height());
        Files.write(folder.resolve(name + ".png"), encoder.encodeOpaque(photo, OutputFormat.PNG));
        Files.write(folder.resolve(name + ".mask.png"), encoder.encodeGray(mask));
    }

    private static Route route(String name, Function<RgbImage, RouteCut> cut) {
        return new Route() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RouteCut cut(RgbImage image) {
                return cut.apply(image);
            }
        };
    }

    @Test
    void scoresAKnownPredictionAgainstAKnownMaskExactly() throws IOException {
        writePair("a", truth());
        List<LabelledPhoto> photos = LabelledFolder.load(folder, 0);
        assertEquals(1, photos.size());
        assertEquals(102 / 255f, photos.get(0).truth().get(5, 3), 1e-7f);

        PhotoScore score = LabelledScoring.score(route("fixed", i -> new RouteCut(prediction(W, H), "n")), photos.get(0));
        // at 0.5 the truth has columns 0-4 and the prediction 0-3: IoU 32 / 40
        assertEquals(0.8, score.iou(), 1e-12);
        // per row |0.25 - 1| in column 4 and |0 - 0.4| in column 5
        double perRow = 0.75 + 102 / 255.0;
        assertEquals(H * perRow / 1000, score.sad(), 1e-6);
        assertEquals(H * perRow / (W * H), score.meanAbsoluteError(), 1e-6);
        assertTrue(score.failure().isEmpty());
        assertEquals("n", score.note());
    }

    @Test
    void nothingFoundCountsAsAFailureWithIouZero() throws IOException {
        writePair("a", truth());
        writePair("b", truth());
        List<LabelledPhoto> photos = LabelledFolder.load(folder, 0);
        int[] calls = {0};
        Route flaky = route("flaky", image -> {
            if (calls[0]++ == 1) {
                throw new RouteFailedException(new DegenerateMaskException("nothing found"), "confidence 0.00");
            }
            return new RouteCut(truth(), "");
        });
        List<PhotoScore> seen = new ArrayList<>();
        RouteScores scores = LabelledScoring.score(flaky, photos, seen::add);

        assertEquals(2, seen.size());
        assertEquals(1, scores.failures());
        PhotoScore failed = scores.photos().get(1);
        assertEquals(0, failed.iou());
        assertEquals("nothing found", failed.failure().orElseThrow());
        assertEquals("confidence 0.00", failed.note());
        // an empty cutout: SAD is the truth's own sum
        assertEquals(H * (5 + 102 / 255.0) / 1000, failed.sad(), 1e-6);
        assertEquals(1, scores.photos().get(0).iou());
        assertEquals(0.5, scores.meanIou(), 1e-12);

        String report = LabelledReport.render(List.of(scores, new RouteScores("other", List.of(
                scores.photos().get(1), scores.photos().get(0)))));
        assertTrue(report.contains("1 of 2 failed"), report);
        assertTrue(report.contains("NOTHING_FOUND"), report);
        assertTrue(report.contains("| **mean of the best** | | | **1.000** |"), report);
    }

    @Test
    void otherErrorsAreNotScoredAsFailuresButPropagate() throws IOException {
        writePair("a", truth());
        LabelledPhoto photo = LabelledFolder.load(folder, 0).get(0);
        Route broken = route("broken", image -> {
            throw new IllegalStateException("bug");
        });
        assertThrows(IllegalStateException.class, () -> LabelledScoring.score(broken, photo));
    }

    @Test
    void shrinksPhotoAndTruthToTheMaxSide() throws IOException {
        Matte big = Matte.blank(2 * W, 2 * H);
        for (int y = 0; y < 2 * H; y++) {
            for (int x = 0; x < 9; x++) {
                big.set(x, y, 1);
            }
        }
        writePair("big", big);
        LabelledPhoto photo = LabelledFolder.load(folder, W).get(0);
        assertEquals(W, photo.image().width());
        assertEquals(H, photo.truth().height());
        assertEquals(1f, photo.truth().get(3, 2), 1e-6f);
        assertEquals(0.5f, photo.truth().get(4, 2), 1e-6f); // source columns 8 (in) and 9 (out) averaged
        assertEquals(0f, photo.truth().get(5, 2), 1e-6f);
    }

    @Test
    void refusesAPhotoWithoutItsMaskAndAnEmptyFolder() throws IOException {
        assertThrows(InvalidLabelledSetException.class, () -> LabelledFolder.load(folder, 0));
        Files.write(folder.resolve("lonely.png"), encoder.encodeOpaque(RgbImage.blank(4, 4), OutputFormat.PNG));
        InvalidLabelledSetException e = assertThrows(InvalidLabelledSetException.class,
                () -> LabelledFolder.load(folder, 0));
        assertTrue(e.getMessage().contains("lonely.mask.png"), e.getMessage());
    }

    @Test
    void refusesAMaskOfAnotherSize() throws IOException {
        Files.write(folder.resolve("a.png"), encoder.encodeOpaque(RgbImage.blank(4, 4), OutputFormat.PNG));
        Files.write(folder.resolve("a.mask.png"), encoder.encodeGray(Matte.blank(5, 4)));
        assertThrows(InvalidLabelledSetException.class, () -> LabelledFolder.load(folder, 0));
    }

    @Test
    void theProductRouteCutsASyntheticProductThroughTrimapAndMatting() {
        StudioPhotos.Photo photo = StudioPhotos.bottle(160, 120, 0.5, 0.5, 0.16, 0.33,
                new float[] {0.75f, 0.15f, 0.12f}, new float[] {0.93f, 0.93f, 0.94f},
                new float[] {0.78f, 0.78f, 0.8f}, 11);
        CutoutPipeline pipeline = new CutoutPipeline(Segmenter.unavailable("test"), new ClosedFormMatting(),
                new MultiLevelForegroundEstimation());
        PhotoScore score = LabelledScoring.score(new ProductRoute(pipeline),
                new LabelledPhoto("bottle", photo.image(), photo.truth()));
        assertTrue(score.iou() > 0.9, "IoU " + score.iou());
        assertTrue(score.note().startsWith("confidence "), score.note());

        RgbImage blank = RgbImage.blank(64, 48);
        PhotoScore nothing = LabelledScoring.score(new ProductRoute(pipeline),
                new LabelledPhoto("blank", blank, Matte.blank(64, 48)));
        assertTrue(nothing.failure().isPresent());
        assertEquals(0, nothing.iou());
    }
}
