package dev.autohair.models.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;

class WeightDecoderTest {

    @Test
    void halfFloatCoversNormalsSubnormalsAndSpecials() {
        assertThat(HalfFloat.toFloat((short) 0x3C00)).isEqualTo(1.0f);
        assertThat(HalfFloat.toFloat((short) 0xC000)).isEqualTo(-2.0f);
        assertThat(HalfFloat.toFloat((short) 0x3555)).isEqualTo(0.33325195f);
        assertThat(HalfFloat.toFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(HalfFloat.toFloat((short) 0x0400)).isEqualTo(0x1p-14f); // smallest normal
        assertThat(HalfFloat.toFloat((short) 0x0001)).isEqualTo(0x1p-24f); // smallest subnormal
        assertThat(HalfFloat.toFloat((short) 0x03FF)).isEqualTo(1023 * 0x1p-24f); // largest subnormal
        assertThat(HalfFloat.toFloat((short) 0x8001)).isEqualTo(-0x1p-24f);
        assertThat(Float.floatToIntBits(HalfFloat.toFloat((short) 0x8000))).isEqualTo(Float.floatToIntBits(-0.0f));
        assertThat(HalfFloat.toFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloat.toFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfFloat.toFloat((short) 0x7E00)).isNaN();
    }

    @Test
    void float16WeightsBecomeFloat32Tensors() {
        ByteBuffer data = le(6).putShort((short) 0x3800).putShort((short) 0x0001).putShort((short) 0xC500).flip();
        TensorProto tensor = WeightDecoder.decode(
                new WeightSpec("w", new long[] {3}, "float32", new Quantization("float16", 1, 0)), data);

        assertThat(tensor.getDtype()).isEqualTo(DataType.DT_FLOAT);
        assertThat(floats(tensor)).containsExactly(0.5f, 0x1p-24f, -5f);
        assertThat(data.hasRemaining()).isFalse();
    }

    @Test
    void uint8AndUint16WeightsAreScaledAndShifted() {
        ByteBuffer bytes = le(3).put((byte) 0).put((byte) 3).put((byte) 255).flip();
        TensorProto u8 = WeightDecoder.decode(
                new WeightSpec("b", new long[] {3}, "float32", new Quantization("uint8", 0.5, -1)), bytes);
        assertThat(floats(u8)).containsExactly(-1f, 0.5f, 126.5f);

        ByteBuffer wide = le(4).putShort((short) 1000).putShort((short) 0xFFFF).flip();
        TensorProto u16 = WeightDecoder.decode(
                new WeightSpec("c", new long[] {2}, "float32", new Quantization("uint16", 0.01, 2)), wide);
        assertThat(floats(u16)[0]).isCloseTo(12f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(floats(u16)[1]).isCloseTo(657.35f, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void quantizedInt32WeightsAreRounded() {
        ByteBuffer bytes = le(2).put((byte) 1).put((byte) 2).flip();
        TensorProto tensor = WeightDecoder.decode(
                new WeightSpec("i", new long[] {2}, "int32", new Quantization("uint8", 0.75, 0)), bytes);
        ByteBuffer ints = tensor.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        assertThat(tensor.getDtype()).isEqualTo(DataType.DT_INT32);
        assertThat(ints.getInt()).isEqualTo(1); // 0.75 rounds up
        assertThat(ints.getInt()).isEqualTo(2); // 1.5 rounds up
    }

    @Test
    void shortShardIsReportedWithTheWeightName() {
        ByteBuffer data = le(4).putFloat(1f).flip();
        assertThatThrownBy(() -> WeightDecoder.decode(new WeightSpec("kernel", new long[] {2}, "float32", null), data))
                .isInstanceOf(InvalidTfjsModelException.class)
                .hasMessageContaining("kernel");
    }

    private static ByteBuffer le(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static float[] floats(TensorProto tensor) {
        ByteBuffer bytes = tensor.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
