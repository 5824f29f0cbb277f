package dev.autohair.models.tfjs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Replaces the ops only TF.js knows ({@code _FusedConv2D}, {@code FusedDepthwiseConv2dNative},
 * {@code _FusedMatMul}, {@code Prelu}) by chains of standard TensorFlow ops. The last op of each
 * chain keeps the fused node's name, so its consumers need no change.
 */
final class FusedOpRewriter {

    private int rewritten;

    /** How many nodes the last {@link #rewrite} replaced. */
    int rewrittenCount() {
        return rewritten;
    }

    GraphDef rewrite(GraphDef graph) {
        rewritten = 0;
        GraphDef.Builder out = graph.toBuilder().clearNode();
        for (NodeDef node : graph.getNodeList()) {
            switch (node.getOp()) {
                case "_FusedConv2D" -> fused(node, "Conv2D", out::addNode,
                        "T", "strides", "use_cudnn_on_gpu", "padding", "explicit_paddings", "data_format", "dilations");
                case "FusedDepthwiseConv2dNative", "_FusedDepthwiseConv2dNative" -> fused(node, "DepthwiseConv2dNative",
                        out::addNode, "T", "strides", "padding", "explicit_paddings", "data_format", "dilations");
                case "_FusedMatMul" -> fused(node, "MatMul", out::addNode, "T", "transpose_a", "transpose_b");
                case "Prelu" -> {
                    List<String> data = dataInputs(node);
                    // Keep control dependencies: every node of the chain waits for them.
                    List<String> controls = node.getInputList().stream().filter(Nodes::isControl).toList();
                    prelu(node.getName(), node.getName(), data.get(0), data.get(1), typeOf(node),
                            n -> out.addNode(n.toBuilder().addAllInput(controls).build()));
                    rewritten++;
                }
                default -> out.addNode(node);
            }
        }
        return out.build();
    }

    private void fused(NodeDef node, String baseOp, Consumer<NodeDef> emit, String... baseAttrs) {
        List<String> data = dataInputs(node);
        List<String> fusedOps = node.getAttrOrDefault("fused_ops", AttrValue.getDefaultInstance())
                .getList().getSList().stream().map(s -> s.toStringUtf8()).toList();
        DataType type = typeOf(node);
        String name = node.getName();
        String prefix = name + "/_unfused_";

        NodeDef.Builder base = Nodes.op(fusedOps.isEmpty() ? name : prefix + baseOp, baseOp, data.get(0), data.get(1));
        Nodes.copyAttrs(node, base, baseAttrs);
        node.getInputList().stream().filter(Nodes::isControl).forEach(base::addInput);
        emit.accept(base.build());

        String current = base.getName();
        int arg = 2;
        for (int i = 0; i < fusedOps.size(); i++) {
            String op = fusedOps.get(i);
            String target = i == fusedOps.size() - 1 ? name : prefix + op;
            switch (op) {
                case "BiasAdd" -> {
                    NodeDef.Builder bias = Nodes.op(target, "BiasAdd", current, argument(node, data, arg++))
                            .putAttr("T", Nodes.type(type));
                    Nodes.copyAttrs(node, bias, "data_format");
                    emit.accept(bias.build());
                }
                case "Relu", "Relu6", "Elu", "Sigmoid", "Tanh", "Selu" ->
                        emit.accept(Nodes.op(target, op, current).putAttr("T", Nodes.type(type)).build());
                case "LeakyRelu" -> {
                    float alpha = node.getAttrOrDefault("leakyrelu_alpha",
                            AttrValue.newBuilder().setF(0.2f).build()).getF();
                    emit.accept(Nodes.op(target, "LeakyRelu", current).putAttr("T", Nodes.type(type))
                            .putAttr("alpha", AttrValue.newBuilder().setF(alpha).build()).build());
                }
                case "Prelu" -> prelu(target, prefix + "prelu", current, argument(node, data, arg++), type, emit);
                case "FusedBatchNorm" -> {
                    NodeDef.Builder bn = Nodes.op(target, "FusedBatchNormV3", current,
                            argument(node, data, arg++), argument(node, data, arg++),
                            argument(node, data, arg++), argument(node, data, arg++))
                            .putAttr("T", Nodes.type(type)).putAttr("U", Nodes.type(DataType.DT_FLOAT))
                            .putAttr("is_training", AttrValue.newBuilder().setB(false).build());
                    Nodes.copyAttrs(node, bn, "epsilon", "data_format");
                    emit.accept(bn.build());
                }
                default -> throw new UnsupportedTfjsFeatureException("node '" + name + "' (" + node.getOp()
                        + ") fuses '" + op + "', which this converter cannot unfuse yet");
            }
            current = target;
        }
        rewritten++;
    }

    /** PReLU from standard ops: relu(x) - alpha * relu(-x). */
    private static void prelu(String name, String prefix, String x, String alpha, DataType type,
            Consumer<NodeDef> emit) {
        AttrValue t = Nodes.type(type);
        emit.accept(Nodes.op(prefix + "/pos", "Relu", x).putAttr("T", t).build());
        emit.accept(Nodes.op(prefix + "/neg_x", "Neg", x).putAttr("T", t).build());
        emit.accept(Nodes.op(prefix + "/neg", "Relu", prefix + "/neg_x").putAttr("T", t).build());
        emit.accept(Nodes.op(prefix + "/scaled", "Mul", alpha, prefix + "/neg").putAttr("T", t).build());
        emit.accept(Nodes.op(name, "Sub", prefix + "/pos", prefix + "/scaled").putAttr("T", t).build());
    }

    private static String argument(NodeDef node, List<String> data, int index) {
        if (index >= data.size()) {
            throw new InvalidTfjsModelException("node '" + node.getName() + "' (" + node.getOp()
                    + ") lists more fused ops than it has argument inputs");
        }
        return data.get(index);
    }

    private static List<String> dataInputs(NodeDef node) {
        List<String> data = new ArrayList<>();
        for (String input : node.getInputList()) {
            if (!Nodes.isControl(input)) {
                data.add(input);
            }
        }
        if (data.size() < 2) {
            throw new InvalidTfjsModelException("node '" + node.getName() + "' (" + node.getOp()
                    + ") needs at least two inputs, has " + data.size());
        }
        return data;
    }

    private static DataType typeOf(NodeDef node) {
        return Nodes.typeAttr(node, "T", DataType.DT_FLOAT);
    }
}
