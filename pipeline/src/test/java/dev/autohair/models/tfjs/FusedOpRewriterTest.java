package dev.autohair.models.tfjs;

import static dev.autohair.models.tfjs.TinyGraphModel.b64;
import static dev.autohair.models.tfjs.TinyGraphModel.fusedOps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Each TF.js-only op, converted and run by TensorFlow, against values computed here by hand. */
class FusedOpRewriterTest {

    @TempDir
    Path tmp;

    @Test
    void fusedMatMulWithBiasAndRelu6() throws IOException {
        Path model = new TinyGraphModel()
                .placeholder("x", 1, 3)
                .weight("w", new long[] {3, 2}, 1f, -1f, 2f, 0.5f, -3f, 4f)
                .weight("b", new long[] {2}, 0.5f, -0.5f)
                .node("y", "_FusedMatMul", List.of("x", "w", "b"), """
                        "T": {"type": "DT_FLOAT"}, "transpose_a": {"b": false}, "transpose_b": {"b": false},
                        "num_args": {"i": "1"}, "epsilon": {"f": 0}, %s""".formatted(fusedOps("BiasAdd", "Relu6")))
                .write(tmp, "y");
        float[][] x = {{1f, 2f, 0f}, {-1f, 0f, 1f}, {3f, 3f, -1f}};

        float[] got = convertAndRun(model, "x", "y", flatten(x), Shape.of(3, 3), Shape.of(3, 2));

        float[][] w = {{1f, -1f}, {2f, 0.5f}, {-3f, 4f}};
        float[] b = {0.5f, -0.5f};
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < 2; c++) {
                float y = b[c];
                for (int k = 0; k < 3; k++) {
                    y += x[n][k] * w[k][c];
                }
                assertThat(got[2 * n + c]).isCloseTo(Math.min(6f, Math.max(0f, y)), within(1e-5f));
            }
        }
    }

    @Test
    void fusedDepthwiseConvWithBiasAndLeakyRelu() throws IOException {
        Path model = new TinyGraphModel()
                .placeholder("x", 1, 2, 2, 2)
                .weight("f", new long[] {1, 1, 2, 1}, 2f, -1f)
                .weight("b", new long[] {2}, -1f, 0.5f)
                .node("y", "FusedDepthwiseConv2dNative", List.of("x", "f", "b"), """
                        "T": {"type": "DT_FLOAT"}, "num_args": {"i": "1"}, "leakyrelu_alpha": {"f": 0.1},
                        "strides": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "%s"},
                        "data_format": {"s": "%s"}, "dilations": {"list": {"i": ["1", "1", "1", "1"]}}, %s"""
                        .formatted(b64("SAME"), b64("NHWC"), fusedOps("BiasAdd", "LeakyRelu")))
                .write(tmp, "y");
        float[] x = {0f, 1f, 1f, -2f, 3f, 0.25f, -1f, 1f, 2f, 2f, 0.5f, 0.5f, -4f, 3f, 1f, -1f};

        float[] got = convertAndRun(model, "x", "y", x, Shape.of(2, 2, 2, 2), Shape.of(2, 2, 2, 2));

        float[] f = {2f, -1f};
        float[] b = {-1f, 0.5f};
        for (int i = 0; i < x.length; i++) {
            int c = i % 2;
            float y = x[i] * f[c] + b[c];
            assertThat(got[i]).as("element %d", i).isCloseTo(y >= 0 ? y : 0.1f * y, within(1e-5f));
        }
    }

    @Test
    void standalonePrelu() throws IOException {
        Path model = new TinyGraphModel()
                .placeholder("x", 1, 4)
                .weight("alpha", new long[] {4}, 0.5f, 2f, 0f, -1f)
                .node("y", "Prelu", List.of("x", "alpha"), "\"T\": {\"type\": \"DT_FLOAT\"}")
                .write(tmp, "y");
        float[] x = {-2f, -3f, -4f, -5f, 1f, 2f, 3f, 4f};

        float[] got = convertAndRun(model, "x", "y", x, Shape.of(2, 4), Shape.of(2, 4));

        assertThat(got).containsExactly(new float[] {-1f, -6f, 0f, 5f, 1f, 2f, 3f, 4f}, within(1e-6f));
    }

    private float[] convertAndRun(Path model, String in, String out, float[] input, Shape inShape, Shape outShape)
            throws IOException {
        Path savedModel = tmp.resolve("saved");
        ConversionSummary summary = TfjsGraphModelConverter.convert(model, savedModel);
        assertThat(summary.fusedOpsRewritten()).isEqualTo(1);
        assertThat(summary.opCounts()).doesNotContainKeys("_FusedMatMul", "FusedDepthwiseConv2dNative", "Prelu");
        try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve");
                TFloat32 tensor = TFloat32.tensorOf(inShape, DataBuffers.of(input, true, false));
                var result = bundle.call(Map.of(in, tensor))) {
            Tensor t = result.get(out).orElseThrow();
            assertThat(t.shape()).isEqualTo(outShape);
            float[] values = new float[(int) outShape.size()];
            ((TFloat32) t).copyTo(DataBuffers.of(values, false, false));
            return values;
        }
    }

    private static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return flat;
    }
}
