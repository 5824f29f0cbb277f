package dev.autohair.models.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.autohair.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class TfjsGraphModelConverterTest {

    /** The selfie model as shipped in the repository (tests run from the pipeline module). */
    static final Path SELFIE_JSON = RepositoryRoot.resolve("models/selfie/tfjs/selfie.json");

    @TempDir
    Path tmp;

    @Test
    void convertsTheSelfieModelToASavedModelThatRunsABatch() throws IOException {
        Path out = tmp.resolve("selfie");
        ConversionSummary summary = TfjsGraphModelConverter.convert(SELFIE_JSON, out);

        assertThat(summary.inputs()).singleElement().satisfies(in -> {
            assertThat(in.name()).isEqualTo("input_1");
            assertThat(in.shape()).containsExactly(-1, 256, 256, 3);
        });
        assertThat(summary.outputs()).singleElement().satisfies(o -> assertThat(o.name()).isEqualTo("activation_10"));
        assertThat(summary.weightsConverted()).isEqualTo(136);
        assertThat(summary.batchShapesRewritten()).isEqualTo(1); // the Conv2DBackpropInput's input_sizes
        assertThat(summary.opCounts()).containsEntry("Conv2D", 43).containsEntry("Conv2DBackpropInput", 1);
        assertThat(Files.readAllBytes(out.resolve("saved_model.pb")))
                .as("conversion must reproduce the shipped models/selfie/saved_model.pb;"
                        + " if the converter changed on purpose, regenerate it (models/selfie/README.md)")
                .isEqualTo(Files.readAllBytes(SELFIE_JSON.getParent().getParent().resolve("saved_model.pb")));

        float[] input = new float[2 * 256 * 256 * 3];
        new Random(7).ints(input.length, 0, 256).forEach(new java.util.function.IntConsumer() {
            int i;

            @Override
            public void accept(int v) {
                input[i++] = v / 255f;
            }
        });
        float[][] result = run(out, "input_1", "activation_10", input, Shape.of(2, 256, 256, 3), Shape.of(2, 256, 256, 1));
        for (float p : result[0]) {
            assertThat(p).isBetween(0f, 1f);
        }
    }

    @Test
    void unfusesFusedConvWithBiasAndPreluAndMakesReshapeBatchDynamic() throws IOException {
        Path model = tinyFusedModel();
        Path out = tmp.resolve("tiny");

        ConversionSummary summary = TfjsGraphModelConverter.convert(model, out);

        assertThat(summary.fusedOpsRewritten()).isEqualTo(1);
        assertThat(summary.batchShapesRewritten()).isEqualTo(1);
        assertThat(summary.opCounts()).doesNotContainKey("_FusedConv2D")
                .containsKeys("Conv2D", "BiasAdd", "Relu", "Neg", "Sub", "Shape", "StridedSlice", "ConcatV2");
        assertThat(summary.inputs().get(0).shape()).containsExactly(-1, 2, 2, 2);

        int batch = 3;
        float[] x = new float[batch * 2 * 2 * 2];
        Random random = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 4 - 2;
        }
        float[] got = run(out, "x", "flat", x, Shape.of(batch, 2, 2, 2), Shape.of(batch, 12))[0];

        // conv 1x1 (w) + bias, then PReLU; weights as written by tinyFusedModel().
        float[][] w = {{1f, -2f, 0.5f}, {3f, 1f, -1f}};
        float[] b = {-1f, 0f, 1f};
        float[] alpha = {0.5f, 0.25f, 2f};
        for (int p = 0; p < batch * 4; p++) {
            for (int c = 0; c < 3; c++) {
                float y = x[2 * p] * w[0][c] + x[2 * p + 1] * w[1][c] + b[c];
                float expected = y >= 0 ? y : alpha[c] * y;
                assertThat(got[3 * p + c]).as("pixel %d channel %d", p, c).isCloseTo(expected, within(1e-5f));
            }
        }
    }

    @Test
    void refusesToOverwriteANonEmptyDirectory() throws IOException {
        Files.writeString(tmp.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> TfjsGraphModelConverter.convert(SELFIE_JSON, tmp))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    /** Runs the default signature once; returns the output values (one array) after checking its shape. */
    private static float[][] run(Path savedModel, String in, String outName, float[] input, Shape inShape,
            Shape outShape) {
        try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve");
                TFloat32 tensor = TFloat32.tensorOf(inShape, DataBuffers.of(input, true, false));
                var result = bundle.call(Map.of(in, tensor))) {
            Tensor t = result.get(outName).orElseThrow();
            assertThat(t.shape()).isEqualTo(outShape);
            float[] values = new float[(int) outShape.size()];
            ((TFloat32) t).copyTo(DataBuffers.of(values, false, false));
            return new float[][] {values};
        }
    }

    /**
     * x[N,2,2,2] → _FusedConv2D(1x1, fused BiasAdd + Prelu) → Reshape to the constant [1, 12].
     * Filter stored as float32, bias as uint8 (scale 0.5, min -1), alpha as float16, shape as int32.
     */
    private Path tinyFusedModel() throws IOException {
        ByteBuffer bin = ByteBuffer.allocate(24 + 3 + 6 + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {1f, -2f, 0.5f, 3f, 1f, -1f}) {
            bin.putFloat(v);
        }
        bin.put((byte) 0).put((byte) 2).put((byte) 4);
        bin.putShort((short) 0x3800).putShort((short) 0x3400).putShort((short) 0x4000);
        bin.putInt(1).putInt(12);
        Files.write(tmp.resolve("tiny.bin"), bin.array());

        String json = """
                {"format": "graph-model", "generatedBy": "hand", "convertedBy": "hand",
                 "signature": {"inputs": {"x:0": {"name": "x:0"}}, "outputs": {"flat:0": {"name": "flat:0"}}},
                 "modelTopology": {"node": [
                   {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
                      "shape": {"shape": {"dim": [{"size": "1"}, {"size": "2"}, {"size": "2"}, {"size": "2"}]}}}},
                   {"name": "w", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor":
                      {"dtype": "DT_FLOAT", "tensorShape": {"dim": [{"size": "1"}, {"size": "1"}, {"size": "2"}, {"size": "3"}]}}}}},
                   {"name": "b", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor":
                      {"dtype": "DT_FLOAT", "tensorShape": {"dim": [{"size": "3"}]}}}}},
                   {"name": "alpha", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}, "value": {"tensor":
                      {"dtype": "DT_FLOAT", "tensorShape": {"dim": [{"size": "3"}]}}}}},
                   {"name": "shape", "op": "Const", "attr": {"dtype": {"type": "DT_INT32"}, "value": {"tensor":
                      {"dtype": "DT_INT32", "tensorShape": {"dim": [{"size": "2"}]}}}}},
                   {"name": "conv", "op": "_FusedConv2D", "input": ["x", "w", "b", "alpha"], "attr": {
                      "T": {"type": "DT_FLOAT"}, "num_args": {"i": "2"}, "epsilon": {"f": 0},
                      "fused_ops": {"list": {"s": ["%s", "%s"]}},
                      "strides": {"list": {"i": ["1", "1", "1", "1"]}}, "padding": {"s": "%s"},
                      "data_format": {"s": "%s"}, "dilations": {"list": {"i": ["1", "1", "1", "1"]}},
                      "explicit_paddings": {"list": {}}, "use_cudnn_on_gpu": {"b": true}}},
                   {"name": "flat", "op": "Reshape", "input": ["conv", "shape"],
                      "attr": {"T": {"type": "DT_FLOAT"}, "Tshape": {"type": "DT_INT32"}}}
                 ], "library": {}, "versions": {"producer": 1}},
                 "weightsManifest": [{"paths": ["tiny.bin"], "weights": [
                   {"name": "w", "shape": [1, 1, 2, 3], "dtype": "float32"},
                   {"name": "b", "shape": [3], "dtype": "float32",
                    "quantization": {"dtype": "uint8", "scale": 0.5, "min": -1, "original_dtype": "float32"}},
                   {"name": "alpha", "shape": [3], "dtype": "float32", "quantization": {"dtype": "float16"}},
                   {"name": "shape", "shape": [2], "dtype": "int32"}
                 ]}]}
                """.formatted(b64("BiasAdd"), b64("Prelu"), b64("VALID"), b64("NHWC"));
        Path modelJson = tmp.resolve("tiny.json");
        Files.writeString(modelJson, json);
        return modelJson;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
