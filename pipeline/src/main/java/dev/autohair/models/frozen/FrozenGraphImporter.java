package dev.autohair.models.frozen;

import dev.autohair.models.savedmodel.InvalidGraphException;
import dev.autohair.models.savedmodel.SavedModelExport;
import dev.autohair.models.savedmodel.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tensorflow.Graph;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Turns a TensorFlow frozen GraphDef ({@code .pb}: weights folded into Const nodes, as DeepLab
 * v3+'s published {@code frozen_inference_graph.pb}) into a SavedModel that DJL loads, with the
 * named tensors as its {@code serving_default} signature.
 */
public final class FrozenGraphImporter {

    /** Ops that hold weights outside the graph: a graph that has them was not frozen. */
    private static final Set<String> VARIABLE_OPS = Set.of("Variable", "VariableV2", "VarHandleOp");

    private FrozenGraphImporter() {
    }

    /** What was written, for the operator (the sha256 goes into the model configuration). */
    public record Summary(Path savedModelDir, List<TensorSpec> inputs, List<TensorSpec> outputs, int nodes) {
    }

    public static Summary importGraph(Path graphPb, Path outDir, List<String> inputs, List<String> outputs)
            throws IOException {
        if (!Files.isRegularFile(graphPb)) {
            throw new NoSuchFileException(graphPb.toString(), null, "frozen graph not found; pass the path of the .pb");
        }
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new InvalidGraphException("name at least one --input and one --output tensor (e.g. --input"
                    + " ImageTensor:0 --output SemanticPredictions:0 for DeepLab)");
        }
        SavedModelExport.requireEmpty(outDir);
        GraphDef graph = read(graphPb);
        for (NodeDef node : graph.getNodeList()) {
            if (VARIABLE_OPS.contains(node.getOp())) {
                throw new InvalidGraphException(graphPb + " is not frozen: node '" + node.getName() + "' is a "
                        + node.getOp() + "; freeze it first (tf.compat.v1.graph_util.convert_variables_to_constants)");
            }
        }
        for (String input : inputs) {
            String name = SavedModelExport.nodeName(input);
            boolean placeholder = graph.getNodeList().stream()
                    .anyMatch(n -> n.getName().equals(name) && n.getOp().startsWith("Placeholder"));
            if (!placeholder && graph.getNodeList().stream().anyMatch(n -> n.getName().equals(name))) {
                throw new InvalidGraphException("input '" + input + "' is not a Placeholder; name the graph's input"
                        + " placeholder");
            }
        }
        try (Graph tf = new Graph()) {
            try {
                tf.importGraphDef(graph);
            } catch (IllegalArgumentException e) {
                throw new InvalidGraphException("TensorFlow rejected " + graphPb + ": " + e.getMessage());
            }
            SavedModelExport.Exported exported = SavedModelExport.export(tf, inputs, outputs, outDir);
            return new Summary(outDir, exported.inputs(), exported.outputs(), graph.getNodeCount());
        }
    }

    private static GraphDef read(Path graphPb) throws IOException {
        try (InputStream in = Files.newInputStream(graphPb)) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE); // published frozen graphs run to hundreds of MB
            return GraphDef.parseFrom(coded);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidGraphException(graphPb + " is not a binary GraphDef (" + e.getMessage()
                    + "); a frozen graph is the .pb that freeze_graph or DeepLab's export_model.py writes");
        }
    }
}
