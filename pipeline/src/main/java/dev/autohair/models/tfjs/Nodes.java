package dev.autohair.models.tfjs;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** Small helpers to read and build NodeDefs while rewriting a graph. */
final class Nodes {

    private Nodes() {
    }

    static NodeDef.Builder op(String name, String op, String... inputs) {
        NodeDef.Builder node = NodeDef.newBuilder().setName(name).setOp(op);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node;
    }

    static AttrValue type(DataType type) {
        return AttrValue.newBuilder().setType(type).build();
    }

    /** The node name a tensor reference points at: "conv:1" → "conv", "^init" → "init". */
    static String nodeName(String input) {
        String name = input.startsWith("^") ? input.substring(1) : input;
        int colon = name.lastIndexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    static boolean isControl(String input) {
        return input.startsWith("^");
    }

    static DataType typeAttr(NodeDef node, String attr, DataType fallback) {
        AttrValue value = node.getAttrMap().get(attr);
        return value == null ? fallback : value.getType();
    }

    /** A 1-D integer Const of {@code type} (DT_INT32 or DT_INT64). */
    static NodeDef intVector(String name, DataType type, long[] values) {
        return intConst(name, type, values, true);
    }

    /** A scalar DT_INT32 Const (e.g. a concat axis). */
    static NodeDef intScalar(String name, int value) {
        return intConst(name, DataType.DT_INT32, new long[] {value}, false);
    }

    private static NodeDef intConst(String name, DataType type, long[] values, boolean vector) {
        boolean wide = type == DataType.DT_INT64;
        ByteBuffer bytes = ByteBuffer.allocate(values.length * (wide ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            if (wide) {
                bytes.putLong(v);
            } else {
                bytes.putInt(Math.toIntExact(v));
            }
        }
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        if (vector) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(values.length));
        }
        TensorProto tensor = TensorProto.newBuilder()
                .setDtype(type)
                .setTensorShape(shape)
                .setTensorContent(ByteString.copyFrom(bytes.array()))
                .build();
        return op(name, "Const")
                .putAttr("dtype", type(type))
                .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build())
                .build();
    }

    /** The values of an integer Const node, or null when {@code node} is not one. */
    static long[] intValues(NodeDef node) {
        if (!node.getOp().equals("Const")) {
            return null;
        }
        TensorProto tensor = node.getAttrOrDefault("value", AttrValue.getDefaultInstance()).getTensor();
        boolean wide = tensor.getDtype() == DataType.DT_INT64;
        if (!wide && tensor.getDtype() != DataType.DT_INT32) {
            return null;
        }
        long count = 1;
        for (TensorShapeProto.Dim dim : tensor.getTensorShape().getDimList()) {
            count *= dim.getSize();
        }
        long[] values = new long[Math.toIntExact(count)];
        if (!tensor.getTensorContent().isEmpty()) {
            ByteBuffer bytes = tensor.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; i++) {
                values[i] = wide ? bytes.getLong() : bytes.getInt();
            }
            return values;
        }
        // Compact form: the last listed value repeats to fill the shape.
        int listed = wide ? tensor.getInt64ValCount() : tensor.getIntValCount();
        for (int i = 0; i < values.length && listed > 0; i++) {
            int k = Math.min(i, listed - 1);
            values[i] = wide ? tensor.getInt64Val(k) : tensor.getIntVal(k);
        }
        return values;
    }

    /** Copies the listed attributes of {@code from}, where present, onto {@code to}. */
    static NodeDef.Builder copyAttrs(NodeDef from, NodeDef.Builder to, String... names) {
        Map<String, AttrValue> attrs = from.getAttrMap();
        for (String name : names) {
            if (attrs.containsKey(name)) {
                to.putAttr(name, attrs.get(name));
            }
        }
        return to;
    }
}
