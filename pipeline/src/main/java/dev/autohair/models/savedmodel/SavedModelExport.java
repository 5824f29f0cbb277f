package dev.autohair.models.savedmodel;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.proto.SavedModel;

/**
 * Writes a TensorFlow graph as a SavedModel (tag {@code serve}, signature {@code serving_default})
 * that DJL's TensorFlow engine loads. Shared by every importer (TF.js graph models, frozen graphs).
 *
 * <p>Signature keys are the tensors' node names (e.g. {@code ImageTensor}); an output other than
 * a node's first gets {@code _<index>} appended.
 */
public final class SavedModelExport {

    private SavedModelExport() {
    }

    /** The signature that was written. */
    public record Exported(List<TensorSpec> inputs, List<TensorSpec> outputs) {
    }

    /** Exports {@code tf} with the named tensors ({@code node} or {@code node:index}) as its signature. */
    public static Exported export(Graph tf, List<String> inputs, List<String> outputs, Path outDir) throws IOException {
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
        return new Exported(inputSpecs, outputSpecs);
    }

    /** Refuses to write into a directory that holds anything. */
    public static void requireEmpty(Path outDir) throws IOException {
        if (Files.exists(outDir)) {
            try (Stream<Path> entries = Files.list(outDir)) {
                if (entries.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(outDir.toString(), null,
                            "output directory is not empty; choose a new or empty directory for the SavedModel");
                }
            }
        }
    }

    /** {@code "node:1"} → {@code "node"}; {@code "^node"} (a control input) → {@code "node"}. */
    public static String nodeName(String tensorName) {
        String name = tensorName.startsWith("^") ? tensorName.substring(1) : tensorName;
        int colon = name.lastIndexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static Output<?> output(Graph tf, String tensorName) {
        String node = nodeName(tensorName);
        GraphOperation op = tf.operation(node);
        if (op == null) {
            throw new InvalidGraphException("the signature names tensor '" + tensorName
                    + "' but the graph has no node '" + node + "'");
        }
        int index = outputIndex(tensorName);
        if (index >= op.numOutputs()) {
            throw new InvalidGraphException("tensor '" + tensorName + "' does not exist: node '" + node + "' has "
                    + op.numOutputs() + " outputs");
        }
        return op.output(index);
    }

    private static String key(String tensorName) {
        int index = outputIndex(tensorName);
        String node = nodeName(tensorName);
        return index == 0 ? node : node + "_" + index;
    }

    private static int outputIndex(String tensorName) {
        int colon = tensorName.lastIndexOf(':');
        if (colon < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(tensorName.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidGraphException("tensor name '" + tensorName + "' must be node or node:index");
        }
    }

    private static TensorSpec spec(String name, Output<?> output) {
        var shape = output.shape();
        long[] dims = shape.isUnknown() ? new long[0] : shape.asArray();
        return new TensorSpec(name, dims, output.dataType().name().replaceFirst("^DT_", "").toLowerCase());
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
}
