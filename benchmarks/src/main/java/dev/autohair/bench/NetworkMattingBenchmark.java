package dev.autohair.bench;

import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import dev.autohair.pipeline.matting.network.InferenceMode;
import dev.autohair.pipeline.matting.MattingInput;
import dev.autohair.pipeline.matting.network.MattingModelContract;
import dev.autohair.pipeline.matting.network.NetworkMatting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A TorchScript matting model through DJL's PyTorch engine at batch sizes 1, 2, 4 and 8: the same
 * eight 320x320 images (whole-image mode, no resizing) go through forward passes of that many;
 * milliseconds per image and the ratio to batch 1, measured in one run.
 *
 * <p>Arguments: [model.pt] [repetitions]; the default model is the tests' tiny Deep Image
 * Matting fixture. Command: docs/BENCHMARKS.md, section "Network matting (PyTorch)".
 */
public final class NetworkMattingBenchmark {

    private static final int[] BATCHES = {1, 2, 4, 8};
    private static final int IMAGES = 8;
    private static final int SIDE = 320;

    private NetworkMattingBenchmark() {
    }

    public static void main(String[] args) {
        Path model = Path.of(args.length > 0 ? args[0] : "pipeline/src/test/resources/matting/tiny-dim.pt");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        List<MattingInput> inputs = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            inputs.add(new MattingInput(picture(SIDE, i), ring(SIDE)));
        }
        System.out.printf(Locale.ROOT, "model %s, %d images of %dx%d, median of %d runs; %s%n", model, IMAGES, SIDE,
                SIDE, reps, Machine.describe());
        List<NetworkMatting> mattings = new ArrayList<>();
        for (int batch : BATCHES) {
            mattings.add(NetworkMatting.load(model, MattingModelContract.DEEP_IMAGE_MATTING,
                    new InferenceMode.WholeImage(SIDE), batch));
        }
        try {
            for (NetworkMatting matting : mattings) {
                matting.matte(inputs); // warm-up: engine, graph optimiser, allocator
            }
            // rounds alternate over the batch sizes so load drift on the shared machine hits them alike
            double[][] millis = new double[BATCHES.length][reps];
            for (int r = 0; r < reps; r++) {
                for (int b = 0; b < BATCHES.length; b++) {
                    long start = System.nanoTime();
                    mattings.get(b).matte(inputs);
                    millis[b][r] = (System.nanoTime() - start) / 1e6 / IMAGES;
                }
            }
            System.out.println("| batch | ms per image (median) | min | max | vs batch 1 |");
            System.out.println("|---:|---:|---:|---:|---:|");
            double base = median(millis[0]);
            for (int b = 0; b < BATCHES.length; b++) {
                double m = median(millis[b]);
                System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f× |%n", BATCHES[b], m,
                        Arrays.stream(millis[b]).min().orElseThrow(), Arrays.stream(millis[b]).max().orElseThrow(), base / m);
            }
        } finally {
            mattings.forEach(NetworkMatting::close);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static RgbImage picture(int side, int seed) {
        RgbImage image = RgbImage.blank(side, side);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.set(x, y, 0, (float) ((x * (seed + 1)) % side) / side);
                image.set(x, y, 1, (float) y / side);
                image.set(x, y, 2, 0.5f);
            }
        }
        return image;
    }

    /** A disc of foreground with a 40-pixel unknown ring: the shape of an automatic trimap. */
    private static Trimap ring(int side) {
        byte[] labels = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double d = Math.hypot(x - side / 2.0, y - side / 2.0) - side / 3.0;
                labels[y * side + x] = (byte) (d < -20 ? Trimap.FOREGROUND : d > 20 ? Trimap.BACKGROUND : Trimap.UNKNOWN);
            }
        }
        return new Trimap(side, side, labels);
    }
}
