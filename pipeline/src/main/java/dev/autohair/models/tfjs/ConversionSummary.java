package dev.autohair.models.tfjs;

import dev.autohair.models.savedmodel.TensorSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * What {@link TfjsGraphModelConverter#convert} produced: the SavedModel's signature
 * ({@code serving_default}, tag {@code serve}), the op histogram of the converted graph, and how
 * much was rewritten on the way.
 */
public record ConversionSummary(
        Path savedModelDir,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        SortedMap<String, Integer> opCounts,
        int weightsConverted,
        int fusedOpsRewritten,
        int batchShapesRewritten) {

    public ConversionSummary {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
