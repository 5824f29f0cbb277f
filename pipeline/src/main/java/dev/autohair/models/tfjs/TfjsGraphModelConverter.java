package dev.autohair.models.tfjs;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
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
        requireEmpty(outDir);
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
            Signature.Builder signature = Signature.builder().key(Signature.DEFAULT_KEY);
            List<TensorSpec> inputSpecs = new ArrayList<>();
            List<TensorSpec> outputSpecs = new ArrayList<>();
            for (String name : inputs) {
                Output<?> output = output(tf, name);
                signature.input(key(name), output);
                inputSpecs.add(spec(key(name), output));
            }
            for (String name : outputs) {
                Output<?> output = output(tf, name);
                signature.output(key(name), output);
                outputSpecs.add(spec(key(name), output));
            }
            try (Session session = new Session(tf)) {
                SavedModelBundle.exporter(outDir.toString())
                        .withFunction(SessionFunction.create(signature.build(), session))
                        .export();
            }
            rewriteDeterministically(outDir.resolve("saved_model.pb"));
            return new ConversionSummary(outDir, inputSpecs, outputSpecs, opCounts(graph), model.weights().size(),
                    unfuse.rewrittenCount(), batch.rewrittenShapeCount());
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

    private static Output<?> output(Graph tf, String tensorName) {
        String node = Nodes.nodeName(tensorName);
        GraphOperation op = tf.operation(node);
        if (op == null) {
            throw new InvalidTfjsModelException("the signature names tensor '" + tensorName
                    + "' but the graph has no node '" + node + "'");
        }
        return op.output(outputIndex(tensorName));
    }

    private static String key(String tensorName) {
        int index = outputIndex(tensorName);
        String node = Nodes.nodeName(tensorName);
        return index == 0 ? node : node + "_" + index;
    }

    private static int outputIndex(String tensorName) {
        int colon = tensorName.lastIndexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(tensorName.substring(colon + 1));
    }

    private static TensorSpec spec(String name, Output<?> output) {
        var shape = output.shape();
        long[] dims = shape.isUnknown() ? new long[0] : shape.asArray();
        return new TensorSpec(name, dims, output.dataType().name().replaceFirst("^DT_", "").toLowerCase());
    }

    private static SortedMap<String, Integer> opCounts(GraphDef graph) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        graph.getNodeList().forEach(n -> counts.merge(n.getOp(), 1, Integer::sum));
        return counts;
    }

    /**
     * TensorFlow serialises protobuf maps (node attributes) in hash order, so two conversions of one
     * model differ byte for byte; re-serialising with sorted maps makes the output reproducible.
     */
    private static void rewriteDeterministically(Path savedModelPb) throws IOException {
        SavedModel model = SavedModel.parseFrom(Files.readAllBytes(savedModelPb));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.getSerializedSize());
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        model.writeTo(out);
        out.flush();
        Files.write(savedModelPb, bytes.toByteArray());
    }

    private static void requireEmpty(Path outDir) throws IOException {
        if (Files.exists(outDir)) {
            try (Stream<Path> entries = Files.list(outDir)) {
                if (entries.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(outDir.toString(), null,
                            "output directory is not empty; choose a new or empty directory for the SavedModel");
                }
            }
        }
    }
}
