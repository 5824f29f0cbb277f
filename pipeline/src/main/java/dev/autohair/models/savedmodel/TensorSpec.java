package dev.autohair.models.savedmodel;

import java.util.Arrays;

/** A named model input or output; -1 in {@code shape} marks a dimension known only at run time. */
public record TensorSpec(String name, long[] shape, String dtype) {

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
