package dev.autohair.pipeline.matting.network;

import java.util.Arrays;

/**
 * How a network wants its colour channels: {@code (rgb - mean[c]) / std[c]} with RGB in [0, 1].
 * Immutable: the arrays are copied in and out.
 */
public record RgbNormalisation(float[] mean, float[] std) {

    /** The ImageNet statistics VGG-based networks such as Deep Image Matting were trained with. */
    public static final RgbNormalisation IMAGENET =
            new RgbNormalisation(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

    /** RGB in [0, 1] as it is. */
    public static final RgbNormalisation NONE = new RgbNormalisation(new float[] {0, 0, 0}, new float[] {1, 1, 1});

    public RgbNormalisation {
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need 3 values (R, G, B), got " + mean.length + " and " + std.length);
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    float apply(int channel, float value) {
        return (value - mean[channel]) / std[channel];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RgbNormalisation o && Arrays.equals(mean, o.mean) && Arrays.equals(std, o.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "RgbNormalisation[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
