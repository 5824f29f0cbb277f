package dev.autohair.bench;

import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.segmentation.BatchLimits;
import dev.autohair.pipeline.segmentation.DjlSegmenter;
import dev.autohair.pipeline.segmentation.InputContract;
import dev.autohair.pipeline.segmentation.ModelEngine;
import dev.autohair.pipeline.model.ModelLocation;
import dev.autohair.pipeline.segmentation.OutputContract;
import dev.autohair.pipeline.segmentation.OutputKind;
import dev.autohair.pipeline.segmentation.PerChannel;
import dev.autohair.pipeline.segmentation.SegmentationModelSpec;
import dev.autohair.pipeline.segmentation.SelfieSegmentation;
import dev.autohair.pipeline.segmentation.TensorLayout;
import dev.autohair.testing.RepositoryRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Batch-size scaling of segmentation forward passes, per engine: the shipped selfie model
 * (TensorFlow) and the tiny test network (TorchScript on PyTorch, ONNX on ONNX Runtime) at the
 * same 256² input, batch sizes interleaved. Each timed call is {@code DjlSegmenter.segment} on b images of 640×480 (so
 * Java resizing in and out is included, as in production), one forward pass per call. Prints
 * the median ms per image over the repetitions and its ratio to batch 1.
 */
public final class SegmentationBatchBenchmark {

    private static final int[] BATCHES = {1, 2, 4, 8};
    private static final int WARM_UP = 3;
    private static final int REPS = 15;

    private SegmentationBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<RgbImage> images = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 8; i++) {
            float[] rgb = new float[640 * 480 * 3];
            for (int j = 0; j < rgb.length; j++) {
                rgb[j] = random.nextFloat();
            }
            images.add(new RgbImage(640, 480, rgb));
        }
        System.out.println(Machine.describe());
        System.out.println("| model | engine | input | batch | ms per image | ratio to batch 1 |");
        System.out.println("|---|---|---|---:|---:|---:|");
        run(SelfieSegmentation.spec(ModelLocation.resolve(SelfieSegmentation.MODEL_NAME)), images);
        Path tiny = RepositoryRoot.resolve("pipeline/src/test/resources/models/tiny-redness");
        run(tiny(ModelEngine.PYTORCH, tiny), images);
        run(tiny(ModelEngine.ONNX, tiny), images);
    }

    private static void run(SegmentationModelSpec spec, List<RgbImage> images) {
        try (DjlSegmenter segmenter = DjlSegmenter.load(spec)) {
            for (int i = 0; i < WARM_UP; i++) {
                for (int b : BATCHES) {
                    segmenter.segment(images.subList(0, b));
                }
            }
            // Batch sizes take turns within each repetition, so load drift on the shared machine hits all alike.
            double[][] perImage = new double[BATCHES.length][REPS];
            for (int r = 0; r < REPS; r++) {
                for (int k = 0; k < BATCHES.length; k++) {
                    int b = BATCHES[k];
                    long start = System.nanoTime();
                    segmenter.segment(images.subList(0, b));
                    perImage[k][r] = (System.nanoTime() - start) / 1e6 / b;
                }
            }
            double base = 0;
            for (int k = 0; k < BATCHES.length; k++) {
                Arrays.sort(perImage[k]);
                double median = perImage[k][REPS / 2];
                base = k == 0 ? median : base;
                System.out.printf("| %s | %s | %dx%d | %d | %.1f | %.2f |%n", spec.name(), spec.engine().djlName(),
                        spec.input().width(), spec.input().height(), BATCHES[k], median, median / base);
            }
        }
    }

    /** The tiny network of tools/make_tiny_segmentation_models.py, stretched to the selfie's 256². */
    private static SegmentationModelSpec tiny(ModelEngine engine, Path dir) {
        InputContract input = new InputContract(InputContract.Resize.STRETCH, 256, 256, 0, TensorLayout.NCHW,
                InputContract.ValueType.FLOAT32, 0f, 1f, new PerChannel(0.485f, 0.456f, 0.406f),
                new PerChannel(0.229f, 0.224f, 0.225f), InputContract.ChannelOrder.BGR);
        OutputContract output = new OutputContract(OutputKind.SOFTMAX_LOGITS, TensorLayout.NCHW,
                List.of("background", "subject"), 0, Collections.emptyList());
        return new SegmentationModelSpec("tiny-redness", engine, dir.toString(), null, null, input, output,
                new BatchLimits(8, 8L * 256 * 256));
    }
}
