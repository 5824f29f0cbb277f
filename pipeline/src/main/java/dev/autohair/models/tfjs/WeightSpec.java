package dev.autohair.models.tfjs;

import java.util.Arrays;

/** One entry of a TF.js {@code weightsManifest}: the Const node it fills and how its bytes are stored. */
record WeightSpec(String name, long[] shape, String dtype, Quantization quantization) {

    long elementCount() {
        return Arrays.stream(shape).reduce(1L, (a, b) -> a * b);
    }

    boolean quantized() {
        return quantization != null;
    }
}
