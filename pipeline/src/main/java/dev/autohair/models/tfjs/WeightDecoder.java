package dev.autohair.models.tfjs;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Turns the bytes TF.js stored for one weight into the TensorProto of a Const node, dequantizing
 * to the weight's original dtype. TF.js writes little-endian; TensorProto content is host order,
 * which on every platform TensorFlow ships for is little-endian too.
 */
final class WeightDecoder {

    private WeightDecoder() {
    }

    /** Reads {@code spec}'s bytes from {@code data} (advancing it) and returns the tensor. */
    static TensorProto decode(WeightSpec spec, ByteBuffer data) {
        data.order(ByteOrder.LITTLE_ENDIAN);
        long count = spec.elementCount();
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setDtype(dataType(spec.dtype()))
                .setTensorShape(shape(spec.shape()));
        if (spec.dtype().equals("string")) {
            for (long i = 0; i < count; i++) {
                int length = data.getInt();
                require(data, length, spec);
                byte[] bytes = new byte[length];
                data.get(bytes);
                tensor.addStringVal(ByteString.copyFrom(bytes));
            }
            return tensor.build();
        }
        int n = Math.toIntExact(count);
        ByteBuffer out = ByteBuffer.allocate(n * bytesOf(spec.dtype())).order(ByteOrder.LITTLE_ENDIAN);
        if (spec.quantized()) {
            require(data, (long) n * spec.quantization().bytesPerElement(), spec);
            double[] values = dequantize(spec.quantization(), data, n);
            switch (spec.dtype()) {
                case "float32" -> {
                    for (double v : values) {
                        out.putFloat((float) v);
                    }
                }
                // TF.js rounds dequantized integers the same way.
                case "int32" -> {
                    for (double v : values) {
                        out.putInt((int) Math.round(v));
                    }
                }
                default -> throw new UnsupportedTfjsFeatureException("weight '" + spec.name()
                        + "': quantized weights of dtype " + spec.dtype() + " are not supported");
            }
        } else {
            require(data, out.capacity(), spec);
            byte[] raw = new byte[out.capacity()];
            data.get(raw);
            out.put(raw);
        }
        return tensor.setTensorContent(ByteString.copyFrom(out.array())).build();
    }

    /** The stored values of a quantized weight, restored to real numbers. */
    static double[] dequantize(Quantization q, ByteBuffer data, int n) {
        data.order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = switch (q.dtype()) {
                case "float16" -> HalfFloat.toFloat(data.getShort());
                case "uint8" -> (data.get() & 0xFF) * q.scale() + q.min();
                case "uint16" -> (data.getShort() & 0xFFFF) * q.scale() + q.min();
                default -> throw new UnsupportedTfjsFeatureException(
                        "weight quantization '" + q.dtype() + "' is not supported (expected float16, uint8 or uint16)");
            };
        }
        return values;
    }

    /** Bytes one element of {@code dtype} occupies in the shard when not quantized. */
    static int bytesOf(String dtype) {
        return switch (dtype) {
            case "float32", "int32" -> 4;
            case "bool" -> 1;
            case "complex64" -> 8;
            default -> throw new UnsupportedTfjsFeatureException("weight dtype '" + dtype
                    + "' is not supported (expected float32, int32, bool, complex64 or string)");
        };
    }

    static DataType dataType(String dtype) {
        return switch (dtype) {
            case "float32" -> DataType.DT_FLOAT;
            case "int32" -> DataType.DT_INT32;
            case "bool" -> DataType.DT_BOOL;
            case "complex64" -> DataType.DT_COMPLEX64;
            case "string" -> DataType.DT_STRING;
            default -> throw new UnsupportedTfjsFeatureException("weight dtype '" + dtype
                    + "' is not supported (expected float32, int32, bool, complex64 or string)");
        };
    }

    static TensorShapeProto shape(long[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return shape.build();
    }

    private static void require(ByteBuffer data, long bytes, WeightSpec spec) {
        if (data.remaining() < bytes) {
            throw new InvalidTfjsModelException("weight '" + spec.name() + "' needs " + bytes
                    + " more bytes but the weight shards end after " + data.remaining()
                    + "; check that every shard listed in weightsManifest is complete");
        }
    }
}
