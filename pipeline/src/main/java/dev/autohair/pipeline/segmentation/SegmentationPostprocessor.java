package dev.autohair.pipeline.segmentation;

import ai.djl.ndarray.types.Shape;
import dev.autohair.common.image.Matte;
import dev.autohair.common.image.RgbImage;
import dev.autohair.pipeline.image.Resampler;
import java.util.Set;

/**
 * The model's output for one image → the probability that each pixel belongs to the subject, at
 * the image's full resolution (bilinear, clamped to [0, 1]), min-max normalised first when the
 * output contract asks for it.
 */
final class SegmentationPostprocessor {

    private final String modelName;
    private final OutputContract contract;

    SegmentationPostprocessor(String modelName, OutputContract contract) {
        this.modelName = modelName;
        this.contract = contract;
    }

    /** Where item {@code index}'s values lie in the flat output: map size and channel strides. */
    private record Geometry(int width, int height, int channels, int pixelStride, int channelStride) {
    }

    Matte toMatte(float[] output, Shape shape, int index, Set<Integer> subject, RgbImage image) {
        Geometry g = geometry(shape);
        int perItem = g.width * g.height * g.channels;
        int base = index * perItem;
        float[] probability = new float[g.width * g.height];
        float[] logits = new float[g.channels];
        for (int p = 0; p < probability.length; p++) {
            int at = base + p * g.pixelStride;
            if (contract.kind() == OutputKind.CLASS_MAP) {
                probability[p] = subject.contains(Math.round(output[at])) ? 1f : 0f;
                continue;
            }
            for (int c = 0; c < g.channels; c++) {
                logits[c] = output[at + c * g.channelStride];
            }
            probability[p] = subjectProbability(logits, subject);
        }
        if (contract.normalise() == OutputContract.Normalisation.MIN_MAX) {
            stretchToUnitRange(probability);
        }
        float[] full = Resampler.resize(probability, g.width, g.height, 1, image.width(), image.height());
        for (int i = 0; i < full.length; i++) {
            full[i] = Math.max(0f, Math.min(1f, full[i]));
        }
        return new Matte(image.width(), image.height(), full);
    }

    /**
     * Lowest value to 0, highest to 1, per image. A flat map (nothing stands out) stays as it is:
     * stretching it would divide by zero.
     */
    static void stretchToUnitRange(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (!(max > min)) {
            return;
        }
        float scale = 1f / (max - min);
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] - min) * scale;
        }
    }

    private float subjectProbability(float[] values, Set<Integer> subject) {
        switch (contract.kind()) {
            case PROBABILITY, SIGMOID_LOGITS -> {
                // Independent per-class scores: a pixel is subject as much as its likeliest subject class.
                float best = 0;
                for (int c : subject) {
                    float v = contract.kind() == OutputKind.PROBABILITY ? values[c] : sigmoid(values[c]);
                    best = Math.max(best, v);
                }
                return best;
            }
            case SOFTMAX_LOGITS -> {
                // Exclusive classes: the subject's probability is the sum over its classes.
                float max = Float.NEGATIVE_INFINITY;
                for (float v : values) {
                    max = Math.max(max, v);
                }
                double total = 0;
                double chosen = 0;
                for (int c = 0; c < values.length; c++) {
                    double e = Math.exp(values[c] - max);
                    total += e;
                    if (subject.contains(c)) {
                        chosen += e;
                    }
                }
                return (float) (chosen / total);
            }
            default -> throw new IllegalStateException("class maps are read per pixel");
        }
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    private Geometry geometry(Shape shape) {
        int classes = contract.classes().size();
        if (contract.kind() == OutputKind.CLASS_MAP) {
            if (shape.dimension() == 3) {
                return new Geometry((int) shape.get(2), (int) shape.get(1), 1, 1, 0);
            }
            if (shape.dimension() == 4 && shape.get(3) == 1) {
                return new Geometry((int) shape.get(2), (int) shape.get(1), 1, 1, 0);
            }
            if (shape.dimension() == 4 && shape.get(1) == 1) {
                return new Geometry((int) shape.get(3), (int) shape.get(2), 1, 1, 0);
            }
            throw new SegmentationFailedException("model " + modelName + " returned shape " + shape
                    + " for a class map; expected [N, H, W], [N, H, W, 1] or [N, 1, H, W]: check output.kind");
        }
        if (shape.dimension() == 4 && contract.layout() == TensorLayout.NHWC && shape.get(3) == classes) {
            return new Geometry((int) shape.get(2), (int) shape.get(1), classes, classes, 1);
        }
        if (shape.dimension() == 4 && contract.layout() == TensorLayout.NCHW && shape.get(1) == classes) {
            int plane = (int) (shape.get(2) * shape.get(3));
            return new Geometry((int) shape.get(3), (int) shape.get(2), classes, 1, plane);
        }
        throw new SegmentationFailedException("model " + modelName + " returned shape " + shape + ", expected "
                + (contract.layout() == TensorLayout.NHWC ? "[N, H, W, " + classes + "]" : "[N, " + classes + ", H, W]")
                + " for " + classes + " classes in " + contract.layout() + ": check output.layout and output.classes");
    }
}
