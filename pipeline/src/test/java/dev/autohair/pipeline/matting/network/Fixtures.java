package dev.autohair.pipeline.matting.network;

import dev.autohair.common.image.RgbImage;
import dev.autohair.common.image.Trimap;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The TorchScript fixtures of tools/dim/make_test_models.py and the per-pixel function the probe
 * models compute, recomputed here from raw pixels so the Java pre-processing is checked numerically.
 */
final class Fixtures {

    /** Keep in step with PROBE_WEIGHTS / PROBE_BIAS in tools/dim/make_test_models.py. */
    static final float[] PROBE_WEIGHTS = {1.5f, -1.0f, 0.5f, 2.0f};
    static final float PROBE_BIAS = -0.25f;

    private Fixtures() {
    }

    static Path model(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/matting/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path tinyDim() {
        return model("tiny-dim.pt");
    }

    static Path probeTrimap() {
        return model("probe-trimap.pt");
    }

    static Path probeTrimapFree() {
        return model("probe-trimap-free.pt");
    }

    /** What the probe returns for pixel i: sigmoid(w . [normalised RGB, trimap / 255] + b). */
    static float probe(RgbImage image, Trimap trimap, int i, float[] mean, float[] std) {
        double z = PROBE_BIAS;
        for (int c = 0; c < 3; c++) {
            z += PROBE_WEIGHTS[c] * (image.rgb()[3 * i + c] - mean[c]) / std[c];
        }
        if (trimap != null) {
            z += PROBE_WEIGHTS[3] * trimap.label(i) / 255.0;
        }
        return (float) (1 / (1 + Math.exp(-z)));
    }

    /** A smooth picture (gradients and a disc), closer to a photo than noise. */
    static RgbImage picture(int width, int height) {
        RgbImage image = RgbImage.blank(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inside = Math.hypot(x - width / 2.0, y - height / 2.0) < Math.min(width, height) / 3.0;
                image.set(x, y, 0, inside ? 0.9f : (float) x / width);
                image.set(x, y, 1, inside ? 0.6f : (float) y / height);
                image.set(x, y, 2, inside ? 0.3f : 0.5f);
            }
        }
        return image;
    }

    /** Foreground disc of radius r, unknown ring of width band around its edge, background beyond. */
    static Trimap ring(int width, int height, double radius, double band) {
        byte[] labels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = Math.hypot(x - width / 2.0, y - height / 2.0) - radius;
                int label = d < -band / 2 ? Trimap.FOREGROUND : d > band / 2 ? Trimap.BACKGROUND : Trimap.UNKNOWN;
                labels[y * width + x] = (byte) label;
            }
        }
        return new Trimap(width, height, labels);
    }

    static Trimap filled(int width, int height, int label) {
        byte[] labels = new byte[width * height];
        java.util.Arrays.fill(labels, (byte) label);
        return new Trimap(width, height, labels);
    }
}
