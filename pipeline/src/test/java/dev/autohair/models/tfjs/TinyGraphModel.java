package dev.autohair.models.tfjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Writes small hand-made TF.js graph models (JSON + one float32 shard) for converter tests. */
final class TinyGraphModel {

    private final List<String> nodes = new ArrayList<>();
    private final List<String> manifest = new ArrayList<>();
    private final ByteBuffer bin = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

    TinyGraphModel placeholder(String name, long... shape) {
        nodes.add("""
                {"name": "%s", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
                 "shape": {"shape": {"dim": [%s]}}}}""".formatted(name, dims(shape)));
        return this;
    }

    /** A float32 Const whose values go into the weight shard. */
    TinyGraphModel weight(String name, long[] shape, float... values) {
        nodes.add("""
                {"name": "%s", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor":
                 {"dtype": "DT_FLOAT", "tensorShape": {"dim": [%s]}}}}}""".formatted(name, dims(shape)));
        manifest.add("{\"name\": \"%s\", \"shape\": %s, \"dtype\": \"float32\"}"
                .formatted(name, Arrays.toString(shape)));
        for (float v : values) {
            bin.putFloat(v);
        }
        return this;
    }

    /** Any node, attributes given as protobuf JSON (without the braces). */
    TinyGraphModel node(String name, String op, List<String> inputs, String attrs) {
        String in = inputs.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(", "));
        nodes.add("{\"name\": \"%s\", \"op\": \"%s\", \"input\": [%s], \"attr\": {%s}}".formatted(name, op, in, attrs));
        return this;
    }

    Path write(Path dir, String output) throws IOException {
        Files.write(dir.resolve("tiny.bin"), Arrays.copyOf(bin.array(), bin.position()));
        String json = """
                {"format": "graph-model",
                 "signature": {"outputs": {"%s:0": {"name": "%s:0"}}},
                 "modelTopology": {"node": [%s], "library": {}, "versions": {"producer": 1}},
                 "weightsManifest": [{"paths": ["tiny.bin"], "weights": [%s]}]}
                """.formatted(output, output, String.join(",\n", nodes), String.join(",\n", manifest));
        Path model = dir.resolve("tiny.json");
        Files.writeString(model, json);
        return model;
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code "fused_ops": {"list": {"s": [...]}}} for the given op names. */
    static String fusedOps(String... ops) {
        return "\"fused_ops\": {\"list\": {\"s\": [" + Arrays.stream(ops).map(o -> "\"" + b64(o) + "\"")
                .collect(Collectors.joining(", ")) + "]}}";
    }

    private static String dims(long[] shape) {
        return Arrays.stream(shape).mapToObj(d -> "{\"size\": \"" + d + "\"}").collect(Collectors.joining(", "));
    }
}
