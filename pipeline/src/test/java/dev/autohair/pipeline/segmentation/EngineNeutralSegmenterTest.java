package dev.autohair.pipeline.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One model description, three engines' worth of plumbing: the tiny "redness" network made by
 * tools/make_tiny_segmentation_models.py (TorchScript and ONNX exports of one 1x1 convolution)
 * reads BGR NCHW input normalised with ImageNet's mean/std and returns softmax logits. A pixel is
 * subject when it is more than half red, so only a correct channel order, layout and
 * normalisation give the expected masks.
 */
class EngineNeutralSegmenterTest {

    static SegmentationModelSpec spec(ModelEngine engine) throws Exception {
        Path dir = Path.of(EngineNeutralSegmenterTest.class.getResource("/models/tiny-redness").toURI());
        InputContract input = new InputContract(InputContract.Resize.STRETCH, 64, 48, 0, TensorLayout.NCHW,
                InputContract.ValueType.FLOAT32, 0f, 1f, new PerChannel(0.485f, 0.456f, 0.406f),
                new PerChannel(0.229f, 0.224f, 0.225f), InputContract.ChannelOrder.BGR);
        OutputContract output = new OutputContract(OutputKind.SOFTMAX_LOGITS, TensorLayout.NCHW,
                List.of("background", "subject"), 0, List.of());
        return new SegmentationModelSpec("tiny-redness", engine, dir.toString(), null, null, input, output,
                new BatchLimits(2, 64 * 48 * 2));
    }

    @ParameterizedTest
    @EnumSource(value = ModelEngine.class, names = {"PYTORCH", "ONNX"})
    void redHalvesAreTheSubjectOnEveryEngine(ModelEngine engine) throws Exception {
        try (DjlSegmenter segmenter = DjlSegmenter.load(spec(engine))) {
            RgbImage leftRed = halves(320, 200, true);
            RgbImage rightRed = halves(300, 300, false);
            // Three images with a two-image limit: two forward passes, results in request order.
            List<Matte> masks = segmenter.segment(List.of(leftRed, rightRed, leftRed));

            assertThat(segmenter.passes(List.of(leftRed, rightRed, leftRed))).hasSize(2);
            assertThat(segmenter.modelVersion()).startsWith("sha256:");
            for (int i : new int[] {0, 2}) {
                assertThat(mean(masks.get(i), 10, 10, 140, 190)).isGreaterThan(0.99);
                assertThat(mean(masks.get(i), 180, 10, 310, 190)).isLessThan(0.01);
            }
            assertThat(mean(masks.get(1), 10, 10, 130, 290)).isLessThan(0.01);
            assertThat(mean(masks.get(1), 170, 10, 290, 290)).isGreaterThan(0.99);
            assertThat(masks.get(1).width()).isEqualTo(300);
        }
    }

    /** Red (0.9, 0.1, 0.1) on one half, blue (0.2, 0.2, 0.9) on the other. */
    static RgbImage halves(int w, int h, boolean redOnLeft) {
        float[] rgb = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean red = (x < w / 2) == redOnLeft;
                int i = (y * w + x) * 3;
                rgb[i] = red ? 0.9f : 0.2f;
                rgb[i + 1] = red ? 0.1f : 0.2f;
                rgb[i + 2] = red ? 0.1f : 0.9f;
            }
        }
        return new RgbImage(w, h, rgb);
    }

    static double mean(Matte m, int x0, int y0, int x1, int y1) {
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += m.alpha()[y * m.width() + x];
            }
        }
        return sum / ((double) (x1 - x0) * (y1 - y0));
    }
}
