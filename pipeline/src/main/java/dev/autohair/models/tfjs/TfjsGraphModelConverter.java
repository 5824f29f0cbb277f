package dev.autohair.models.tfjs;

import dev.autohair.models.savedmodel.InvalidGraphException;
import dev.autohair.models.savedmodel.SavedModelExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Converts a TensorFlow.js graph model ({@code model.json} + weight shards) into a TensorFlow
 * SavedModel (tag {@code serve}, signature {@code serving_default}) that DJL's TensorFlow engine
 * loads, with a dynamic batch dimension so one forward pass can serve a whole batch.
 *
 * <p>Signature keys are the model's node names (e.g. {@code input_1}, {@code activation_10}); an
 * output other than a node's first gets {@code _<index>} appended.
 */
public final class TfjsGraphModelConverter {

    private TfjsGraphModelConverter() {
    }

    public static ConversionSummary convert(Path modelJson, Path outDir) throws IOException {
        if (!Files.isRegularFile(modelJson)) {
            throw new NoSuchFileException(modelJson.toString(), null,
                    "TF.js model JSON not found; pass the path of model.json");
        }
        SavedModelExport.requireEmpty(outDir);
        TfjsGraphModel model = TfjsGraphModelReader.read(modelJson);

        GraphDef graph = withWeights(model.graph(), model.weights());
        FusedOpRewriter unfuse = new FusedOpRewriter();
        graph = unfuse.rewrite(graph);
        DynamicBatchRewriter batch = new DynamicBatchRewriter();
        graph = batch.rewrite(graph);

        List<String> inputs = model.signatureInputs().isEmpty() ? placeholders(graph) : model.signatureInputs();
        List<String> outputs = model.signatureOutputs().isEmpty() ? sinks(graph) : model.signatureOutputs();

        try (Graph tf = new Graph()) {
            try {
                tf.importGraphDef(graph);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedTfjsFeatureException("TensorFlow rejected the converted graph of " + modelJson
                        + ": " + e.getMessage());
            }
            SavedModelExport.Exported exported;
            try {
                exported = SavedModelExport.export(tf, inputs, outputs, outDir);
            } catch (InvalidGraphException e) {
                throw new InvalidTfjsModelException(e.getMessage(), e);
            }
            return new ConversionSummary(outDir, exported.inputs(), exported.outputs(), opCounts(graph),
                    model.weights().size(), unfuse.rewrittenCount(), batch.rewrittenShapeCount());
        }
    }

    /** Puts each weight into the Const node of the same name. */
    private static GraphDef withWeights(GraphDef graph, Map<String, TensorProto> weights) {
        Set<String> unused = new HashSet<>(weights.keySet());
        GraphDef.Builder out = graph.toBuilder().clearNode();
        for (NodeDef node : graph.getNodeList()) {
            TensorProto weight = weights.get(node.getName());
            if (weight != null && node.getOp().equals("Const")) {
                unused.remove(node.getName());
                node = node.toBuilder()
                        .putAttr("value", AttrValue.newBuilder().setTensor(weight).build())
                        .putAttr("dtype", AttrValue.newBuilder().setType(weight.getDtype()).build())
                        .build();
            }
            out.addNode(node);
        }
        if (!unused.isEmpty()) {
            throw new UnsupportedTfjsFeatureException("weights " + unused.stream().sorted().limit(5).toList()
                    + (unused.size() > 5 ? " and " + (unused.size() - 5) + " more" : "")
                    + " match no top-level Const node (weights inside graph functions are not supported)");
        }
        return out.build();
    }

    private static List<String> placeholders(GraphDef graph) {
        return graph.getNodeList().stream().filter(n -> n.getOp().equals("Placeholder")).map(NodeDef::getName)
                .toList();
    }

    /** Without a signature block: every node whose output nobody consumes, constants aside. */
    private static List<String> sinks(GraphDef graph) {
        Set<String> consumed = new HashSet<>();
        graph.getNodeList().forEach(n -> n.getInputList().forEach(i -> consumed.add(Nodes.nodeName(i))));
        return graph.getNodeList().stream()
                .filter(n -> !consumed.contains(n.getName()))
                .filter(n -> !Stream.of("Const", "NoOp", "Placeholder").toList().contains(n.getOp()))
                .map(NodeDef::getName).toList();
    }

    private static SortedMap<String, Integer> opCounts(GraphDef graph) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        graph.getNodeList().forEach(n -> counts.merge(n.getOp(), 1, Integer::sum));
        return counts;
    }
}
