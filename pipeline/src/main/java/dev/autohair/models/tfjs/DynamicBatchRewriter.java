package dev.autohair.models.tfjs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Lets a graph exported for batch 1 run any batch size in one forward pass: Placeholders get an
 * unknown dimension 0, and constant shapes that bake in batch 1 (the {@code input_sizes} of
 * {@code Conv2DBackpropInput}, the target shape of {@code Reshape}) are rebuilt at run time as
 * {@code concat(shape(t)[0:1], rest)} where {@code t} is the tensor that carries the batch.
 * Must run after the weights are in the Const nodes (it reads their values).
 */
final class DynamicBatchRewriter {

    private int rewrittenShapes;

    /** How many constant shapes the last {@link #rewrite} replaced. */
    int rewrittenShapeCount() {
        return rewrittenShapes;
    }

    GraphDef rewrite(GraphDef graph) {
        rewrittenShapes = 0;
        Map<String, NodeDef> byName = new HashMap<>();
        graph.getNodeList().forEach(n -> byName.put(n.getName(), n));
        Set<String> batched = batchDependent(graph);
        GraphDef.Builder out = graph.toBuilder().clearNode();
        for (NodeDef node : graph.getNodeList()) {
            switch (node.getOp()) {
                case "Placeholder" -> out.addNode(unknownBatch(node));
                // input_sizes (input 0) describes the output; its batch equals out_backprop's (input 2).
                case "Conv2DBackpropInput", "Conv3DBackpropInputV2" ->
                        out.addNode(dynamicShapeInput(node, 0, 2, byName, batched, out));
                case "Reshape" -> out.addNode(dynamicShapeInput(node, 1, 0, byName, batched, out));
                default -> out.addNode(node);
            }
        }
        return out.build();
    }

    private static NodeDef unknownBatch(NodeDef placeholder) {
        AttrValue shapeAttr = placeholder.getAttrMap().get("shape");
        if (shapeAttr == null || shapeAttr.getShape().getUnknownRank() || shapeAttr.getShape().getDimCount() == 0) {
            return placeholder;
        }
        TensorShapeProto shape = shapeAttr.getShape().toBuilder()
                .setDim(0, TensorShapeProto.Dim.newBuilder().setSize(-1)).build();
        return placeholder.toBuilder().putAttr("shape", AttrValue.newBuilder().setShape(shape).build()).build();
    }

    /**
     * Replaces input {@code shapeInput} of {@code node}, when it is an integer Const starting with 1,
     * by concat(shape(input {@code batchSource})[0:1], const[1:]).
     */
    private NodeDef dynamicShapeInput(NodeDef node, int shapeInput, int batchSource, Map<String, NodeDef> byName,
            Set<String> batched, GraphDef.Builder out) {
        if (node.getInputCount() <= Math.max(shapeInput, batchSource)) {
            return node;
        }
        String batchTensor = node.getInput(batchSource);
        NodeDef shapeConst = byName.get(Nodes.nodeName(node.getInput(shapeInput)));
        long[] shape = shapeConst == null ? null : Nodes.intValues(shapeConst);
        if (shape == null || shape.length < 2 || shape[0] != 1 || !batched.contains(Nodes.nodeName(batchTensor))) {
            return node;
        }
        DataType indexType = shapeConst.getAttrOrDefault("dtype", Nodes.type(DataType.DT_INT32)).getType();
        DataType sourceType = outputType(byName.get(Nodes.nodeName(batchTensor)));
        String p = node.getName() + "/_dynamic_batch/";
        out.addNode(Nodes.op(p + "shape", "Shape", batchTensor)
                .putAttr("T", Nodes.type(sourceType)).putAttr("out_type", Nodes.type(indexType)));
        out.addNode(Nodes.intVector(p + "begin", DataType.DT_INT32, new long[] {0}));
        out.addNode(Nodes.intVector(p + "end", DataType.DT_INT32, new long[] {1}));
        out.addNode(Nodes.intVector(p + "strides", DataType.DT_INT32, new long[] {1}));
        out.addNode(Nodes.op(p + "batch", "StridedSlice", p + "shape", p + "begin", p + "end", p + "strides")
                .putAttr("T", Nodes.type(indexType)).putAttr("Index", Nodes.type(DataType.DT_INT32)));
        out.addNode(Nodes.intVector(p + "rest", indexType, Arrays.copyOfRange(shape, 1, shape.length)));
        out.addNode(Nodes.intScalar(p + "axis", 0));
        out.addNode(Nodes.op(p + "sizes", "ConcatV2", p + "batch", p + "rest", p + "axis")
                .putAttr("N", AttrValue.newBuilder().setI(2).build())
                .putAttr("T", Nodes.type(indexType)).putAttr("Tidx", Nodes.type(DataType.DT_INT32)));
        rewrittenShapes++;
        return node.toBuilder().setInput(shapeInput, p + "sizes").build();
    }

    /** The element type a node produces: its "T" attribute, or "dtype" for Placeholder/Const. */
    private static DataType outputType(NodeDef node) {
        return Nodes.typeAttr(node, "T", Nodes.typeAttr(node, "dtype", DataType.DT_FLOAT));
    }

    /** Names of the nodes whose value depends on a Placeholder, i.e. carry the batch. */
    private static Set<String> batchDependent(GraphDef graph) {
        Map<String, List<String>> consumers = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        for (NodeDef node : graph.getNodeList()) {
            for (String input : node.getInputList()) {
                if (!Nodes.isControl(input)) {
                    consumers.computeIfAbsent(Nodes.nodeName(input), k -> new ArrayList<>())
                            .add(node.getName());
                }
            }
            if (node.getOp().equals("Placeholder")) {
                todo.add(node.getName());
            }
        }
        Set<String> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            for (String next : consumers.getOrDefault(todo.poll(), List.of())) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }
}
