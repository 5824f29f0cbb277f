package dev.autohair.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.autohair.common.json.JsonMappers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.TensorProto;

/** Reads {@code model.json} and the weight shards it names (resolved next to it). */
final class TfjsGraphModelReader {

    private static final ObjectMapper JSON = JsonMappers.create();

    private TfjsGraphModelReader() {
    }

    static TfjsGraphModel read(Path modelJson) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(modelJson.toFile());
        } catch (IOException e) {
            throw new InvalidTfjsModelException(modelJson + " is not readable JSON: " + e.getMessage(), e);
        }
        String format = root.path("format").asText("graph-model");
        if (!format.equals("graph-model")) {
            throw new UnsupportedTfjsFeatureException(modelJson + " has format '" + format
                    + "'; only TF.js graph models (format \"graph-model\") can be converted");
        }
        JsonNode topology = root.get("modelTopology");
        if (topology == null || !topology.has("node")) {
            throw new InvalidTfjsModelException(modelJson + " has no modelTopology.node: not a TF.js graph model");
        }
        if (root.has("modelInitializer") && root.get("modelInitializer").has("node")) {
            throw new UnsupportedTfjsFeatureException(modelJson
                    + " has a modelInitializer (hash tables); such models are not supported yet");
        }
        GraphDef graph = parseGraphDef(topology, modelJson);
        Map<String, TensorProto> weights = readWeights(root.path("weightsManifest"), modelJson);
        JsonNode signature = root.path("signature");
        return new TfjsGraphModel(graph, weights, tensorNames(signature.path("inputs")),
                tensorNames(signature.path("outputs")));
    }

    private static GraphDef parseGraphDef(JsonNode topology, Path modelJson) {
        GraphDef.Builder graph = GraphDef.newBuilder();
        try {
            // TF.js adds keys of its own (e.g. "signature" inside nodes): ignore what GraphDef lacks.
            JsonFormat.parser().ignoringUnknownFields().merge(JSON.writeValueAsString(topology), graph);
        } catch (InvalidProtocolBufferException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidTfjsModelException(modelJson + ": modelTopology is not a GraphDef in protobuf JSON: "
                    + e.getMessage(), e);
        }
        return graph.build();
    }

    private static Map<String, TensorProto> readWeights(JsonNode manifest, Path modelJson) throws IOException {
        Map<String, TensorProto> weights = new LinkedHashMap<>();
        Path dir = modelJson.toAbsolutePath().getParent();
        for (JsonNode group : manifest) {
            ByteBuffer data = ByteBuffer.wrap(concatShards(group.path("paths"), dir));
            for (JsonNode weight : group.path("weights")) {
                WeightSpec spec = spec(weight);
                weights.put(spec.name(), WeightDecoder.decode(spec, data));
            }
            if (data.hasRemaining()) {
                throw new InvalidTfjsModelException("weight group with shards " + group.path("paths") + " in "
                        + modelJson + " has " + data.remaining() + " bytes left over after its last weight;"
                        + " the manifest and the .bin files do not belong together");
            }
        }
        return weights;
    }

    private static byte[] concatShards(JsonNode paths, Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (JsonNode path : paths) {
            Path shard = dir.resolve(path.asText());
            if (!Files.isRegularFile(shard)) {
                throw new InvalidTfjsModelException("weight shard " + shard
                        + " is missing; keep the .bin files next to the model JSON");
            }
            bytes.write(Files.readAllBytes(shard));
        }
        return bytes.toByteArray();
    }

    private static WeightSpec spec(JsonNode weight) {
        String name = weight.path("name").asText(null);
        if (name == null) {
            throw new InvalidTfjsModelException("a weightsManifest entry has no name: " + weight);
        }
        JsonNode shapeNode = weight.path("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        JsonNode q = weight.get("quantization");
        Quantization quantization = q == null ? null
                : new Quantization(q.path("dtype").asText(), q.path("scale").asDouble(1), q.path("min").asDouble(0));
        String dtype = weight.path("dtype").asText("float32");
        if (q != null && q.has("original_dtype")) {
            dtype = q.get("original_dtype").asText(dtype);
        }
        return new WeightSpec(name, shape, dtype, quantization);
    }

    private static List<String> tensorNames(JsonNode tensors) {
        List<String> names = new ArrayList<>();
        tensors.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
